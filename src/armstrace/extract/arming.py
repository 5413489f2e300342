"""Arming verbs name what moves by themselves: "accused of arming the RSF", "les Émirats
ont-ils armé les FSR ?" report weapons of no stated type handed to the object."""

from __future__ import annotations

from spacy.tokens import Span, Token

from armstrace.extract.frames import RoleFiller, SentenceFrame
from armstrace.extract.lexicon import Lexicon
from armstrace.nlp.mentions import Mention, materiel_term

# Parties an arming verb can have as its object (a state, a group, a militia, its capital).
_PARTY_KINDS = frozenset({"actor"})


def weapons_of_arming(sent: Span, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """An `unspecified` materiel mention on each arming verb whose direct object is a party
    ("arming Russia", "armer les rebelles"): the verb itself stands for the weapons. Only
    when the sentence names no materiel; "armed with missiles" says what was given."""
    out: list[Mention] = []
    for token in sent:
        if token.pos_ != "VERB" or "arming" not in lexicon.cue_kinds(token.lemma_):
            continue
        if token.dep_ in ("amod", "acl") and token.tag_ != "VBG":
            continue  # "armed groups", "des groupes armés": a description, not an act
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        if not any(_names_party(o, mentions) for o in objects):
            continue
        out.append(materiel_term(sent.doc[token.i : token.i + 1], "unspecified"))
    return out


def armed_recipient(frame: SentenceFrame, token: Token, parties: list[Mention], lang: str) -> None:
    """The object of an arming verb that stands for its own weapons is the recipient
    ("arming the RSF"); the give frame reads a verb's object as the thing moved."""
    if frame.recipient is not None or frame.materiel.start != token.i:
        return
    for child in token.children:
        if child.dep_ not in ("dobj", "obj"):
            continue
        for party in parties:
            supplier = frame.supplier.code if frame.supplier is not None else None
            if party.start <= child.i < party.end and party.code != supplier:
                rule = f"{lang}.role.recipient.armed_object"
                frame.recipient = RoleFiller(party.code, rule, party)
                frame.note("recipient", rule)
                return


def _names_party(word: Token, mentions: list[Mention]) -> bool:
    return any(m.kind in _PARTY_KINDS and m.start <= word.i < m.end for m in mentions)
