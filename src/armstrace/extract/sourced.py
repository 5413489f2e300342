"""Weapons "from X" that another party uses or needs: a flow with no transfer word.

"Russia is using drones from Iran", "attacks enabled by arms and ammunition from Iran and North
Korea", "Ukraine needs more weapons from the United States": the materiel's `from` phrase names
its giver and the party that uses (or needs) it is its recipient. Kept tight: the `from` phrase
must hang on the materiel noun itself and name an actor, the user must be the subject of a
`wield` verb governing that noun (or, for a passive "enabled by", the owner of what is enabled),
and the two must differ. Firing and launching verbs are left out: "missiles fired from Belarus"
names where they were launched, not who gave them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from armstrace.extract.lexicon import Lexicon
from armstrace.nlp.mentions import Mention

_SUBJECTS = frozenset({"nsubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
# Verbs of needing ask for the materiel; verbs of using show it already came.
_NEED_LEMMAS = frozenset({"need", "require"})


@dataclass(frozen=True)
class SourcedFlow:
    """One giver named by a `from` phrase, the party using the materiel, and the verb."""

    materiel: Mention
    giver: Mention
    user: Mention
    verb: Token
    stage: str


def sourced_flows(
    sent: Span, materiel: list[Mention], actors: list[Mention], lexicon: Lexicon
) -> list[SourcedFlow]:
    out: list[SourcedFlow] = []
    for item in materiel:
        root = sent.doc[item.start : item.end].root
        givers = _from_actors(root, actors)
        if not givers:
            continue
        found = _user(root, actors, lexicon)
        if found is None:
            continue
        user, verb = found
        stage = "requested" if verb.lemma_.lower() in _NEED_LEMMAS else "delivered"
        out.extend(
            SourcedFlow(item, giver, user, verb, stage)
            for giver in givers
            if giver.code != user.code
        )
    return out


def _from_actors(root: Token, actors: list[Mention]) -> list[Mention]:
    """Actors named by "from X (and Y)" on the materiel noun (or the first of its
    co-ordinated nouns: "arms and ammunition from Iran")."""
    heads = [root]
    if root.dep_ == "conj":
        heads.append(root.head)
    out: list[Mention] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for word in [obj, *[c for c in obj.conjuncts if c.i > obj.i]]:
                    out.extend(a for a in actors if a.start <= word.i < a.end and a.kind == "actor")
    return list({a.start: a for a in out}.values())


def _user(root: Token, actors: list[Mention], lexicon: Lexicon) -> tuple[Mention, Token] | None:
    """The party whose `wield` verb governs the materiel, and that verb."""
    node = root.head if root.dep_ == "conj" else root
    if node.dep_ == "dobj":
        verb = node.head
        if "wield" not in lexicon.cue_kinds(verb.lemma_):
            return None
        return _named(_children(verb, _SUBJECTS), actors, verb)
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        verb = node.head.head
        if "wield" not in lexicon.cue_kinds(verb.lemma_):
            return None
        # "attacks, which are enabled by …" / "Russia's attacks are enabled by …"
        enabled = verb.head if verb.dep_ in ("relcl", "acl") else None
        if enabled is None:
            enabled = next(iter(_children(verb, _PASSIVE_SUBJECTS)), None)
        if enabled is None:
            return None
        return _named([c for c in enabled.children if c.dep_ == "poss"], actors, verb)
    return None


def _children(verb: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in deps]


def _named(words: list[Token], actors: list[Mention], verb: Token) -> tuple[Mention, Token] | None:
    for word in words:
        for actor in actors:
            if actor.kind == "actor" and actor.start <= word.i < actor.end:
                return actor, verb
    return None
