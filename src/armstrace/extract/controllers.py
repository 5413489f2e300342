"""Parties named by the predicate around a trigger rather than by the trigger itself.

"We thank Belgium for providing F-16s", "grateful to Norway for committing to send", "nous
remercions la Suède de livrer": the one thanked for giving is the one who gives. Whoever
turns down a request is the one asked; the subject of "continue to receive" receives.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from armstrace.extract.frames import RoleFiller, SentenceFrame
from armstrace.extract.lexicon import Lexicon
from armstrace.nlp.mentions import Mention

_THANK = frozenset(
    {"thank", "commend", "praise", "applaud", "congratulate", "salute", "remercier", "saluer",
     "féliciter", "danken", "agradecer"}
)  # fmt: skip
_GRATEFUL = frozenset(
    {"grateful", "thankful", "reconnaissant", "reconnaissante", "reconnaissants", "dankbar",
     "agradecido"}
)  # fmt: skip
_FOR = frozenset({"for", "pour", "de", "d'", "d’", "für", "por"})
_TO = frozenset({"to", "à", "envers", "gegenüber"})


def gratitude_supplier(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lang: str
) -> bool:
    """Fill the supplier of a give or pledge frame from a thanking predicate; True if done."""
    if frame.supplier is not None or frame.trigger is None:
        return False
    if frame.trigger.frame not in ("give", "pledge"):
        return False
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        if node.dep_ in ("pcomp", "pobj") and head.lower_ in _FOR:
            return _thanked(frame, head.head, actors, lang)  # "thank X for providing"
        if any(c.dep_ == "mark" and c.lower_ in _FOR for c in node.children):
            return _thanked(frame, head, actors, lang)  # "remercier X de livrer"
        if node.dep_ not in ("xcomp", "pcomp", "prep", "advcl", "conj"):
            return False
        node = head
    return False


def _thanked(frame: SentenceFrame, governor: Token, actors: list[Mention], lang: str) -> bool:
    targets: list[Token] = []
    if governor.lemma_.lower() in _THANK:
        targets = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
    else:
        adjectives = (
            [governor]
            if governor.lower_ in _GRATEFUL
            else [c for c in governor.children if c.lower_ in _GRATEFUL]
        )
        for adjective in adjectives:
            for prep in (c for c in adjective.children if c.lower_ in _TO):
                targets += [c for c in prep.children if c.dep_ in ("pobj", "obj")]
    inside = {t.i for target in targets for t in target.subtree}
    found = [m for m in actors if m.kind == "actor" and m.start in inside]
    if not found:
        return False
    rule = f"{lang}.role.supplier.thanked"
    frame.supplier = RoleFiller(found[0].code, rule, found[0])
    frame.note("supplier", rule)
    for extra in found[1:]:
        if extra.code != found[0].code and all(o.code != extra.code for o in frame.co_suppliers):
            frame.co_suppliers.append(RoleFiller(extra.code, f"{lang}.role.supplier.conj", extra))
    if frame.recipient is not None and frame.recipient.code in {m.code for m in found}:
        frame.recipient = None
    return True


# Relative pronouns standing for the noun a relative clause hangs on.
_RELATIVE = frozenset({"which", "that", "who", "qui", "lequel", "laquelle", "der", "die", "que"})


def request_addressee(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> None:
    """ "Washington, which has turned down Kyiv's repeated requests for ATACMS": whoever
    answers a request (turns it down, grants it) is the one asked to supply."""
    if frame.supplier is not None or frame.trigger is None or frame.trigger.frame != "request":
        return
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("dobj", "obj"):
        return
    verb = trigger.head
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "compound:prt")]
    words = [verb.lemma_.lower(), *(f"{verb.lemma_.lower()} {p}" for p in particles)]
    kinds = {k for w in words for k in lexicon.cue_kinds(w) | lexicon.phrases.get(w, frozenset())}
    if "answer" not in kinds:
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ in ("relcl", "acl:relcl"):
        subject = verb.head  # the antecedent of "which"
    if subject is None:
        return
    for actor in actors:
        if actor.kind == "actor" and actor.start <= subject.i < actor.end:
            rule = f"{lexicon.lang}.role.supplier.answers_request"
            frame.supplier = RoleFiller(actor.code, rule, actor)
            frame.note("supplier", rule)
            return


def receiving_controller(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> None:
    """ "Poland is continuing to receive …", "La Pologne prévoit d'acheter …": the unexpressed
    subject of a receiving or buying infinitive is the subject of the verb governing it, the
    recipient (never the supplier)."""
    if frame.recipient is not None or frame.trigger is None:
        return
    if frame.trigger.frame not in ("receive", "buy") or trigger.dep_ != "xcomp":
        return
    governor = trigger.head
    if governor.pos_ not in ("VERB", "AUX"):
        return
    asked = lexicon.trigger_for(governor.lemma_, governor.pos_)
    accusing = "allege" in lexicon.cue_kinds(governor.lemma_)
    # "urged Poland to buy", "accused Iran of buying": the object is who buys.
    wanted = ("obj", "dobj", "iobj") if accusing or asked is not None else ("nsubj",)
    for actor in actors:
        root = sent.doc[actor.start : actor.end].root
        if actor.kind == "actor" and root.head == governor and root.dep_ in wanted:
            if frame.supplier is not None and frame.supplier.code == actor.code:
                return
            rule = f"{lexicon.lang}.role.recipient.controller"
            frame.recipient = RoleFiller(actor.code, rule, actor)
            frame.note("recipient", rule)
            return
