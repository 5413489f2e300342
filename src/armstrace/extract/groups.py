"""Groups of states (EU, NATO, WEST) as suppliers where the grammar of a sentence, rather than
a role of the trigger, makes them the giver.

"Together with our Allies and partners, we've sent 3,000 armored vehicles": the giver is the
group the speaker acts with, not the speaker alone. "Western fighter jets": a group adjective
on the materiel names the giver when nothing else does. "At least 30 countries have provided":
many unnamed states are the Western coalition. Groups never fill a role from the article's
topic (`assemble`), so these rules read only the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from armstrace.extract.frames import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    RoleFiller,
    SentenceFrame,
)
from armstrace.extract.lexicon import Lexicon
from armstrace.extract.numerals import combine, parse_digits, word_pieces
from armstrace.gazetteer.categories import GROUP_CODES
from armstrace.nlp.mentions import Mention

# Words allowed between "together with" and the group: determiners and possessives ("our",
# "its", "ses", "leurs").
_MAX_FILLER_LENGTH = 6
_MAX_FILLERS = 2
# Edges from a trigger to the verb whose adverbials it shares: "we will continue to provide".
_SHARED_CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})
# A counted set of these ("more than 50 countries") giving arms is the Western coalition.
_COUNTRY_NOUNS = frozenset({"country", "nation", "pays", "país"})
_COALITION_NOUNS = frozenset({"coalition", "group", "coalición", "groupe"})
# Fewer states than this are particular states the text leaves unnamed ("two countries").
_COALITION_SIZE = 10


def together_groups(
    sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> list[Mention]:
    """Groups the giver acts "together with", the phrase attached to the trigger's clause or
    to its subject. They take no role of their own ("aux côtés de ses alliés" names no
    recipient); `joint_group_supplier` makes the first one the supplier."""
    targets = _clause_heads(trigger)
    targets |= {
        child.i
        for head in targets
        for child in sent.doc[head].children
        if child.dep_ in SUBJECT_DEPS and child.dep_ not in PASSIVE_SUBJECT_DEPS
    }
    found = []
    for actor in actors:
        if actor.kind != "actor" or actor.code not in GROUP_CODES or is_group_adjective(actor):
            continue
        cue = _together_cue(sent, actor, lexicon)
        if cue is not None and _attached(sent, actor, cue, targets):
            found.append(actor)
    return found


def joint_group_supplier(frame: SentenceFrame, groups: list[Mention], lang: str) -> None:
    """ "Together with our Allies and partners, we've sent …": the group, not the speaker
    alone, gives."""
    if not groups or frame.trigger is None or frame.trigger.frame not in ("give", "pledge"):
        return
    rule = f"{lang}.role.supplier.together_with"
    frame.supplier = RoleFiller(groups[0].code, rule, groups[0])
    frame.co_suppliers = []  # the group includes the states acting with it
    frame.note("supplier", rule)


def joint_state_suppliers(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> None:
    """ "une batterie SAMP/T fournie conjointement avec l'Italie", "Norway, jointly with
    Denmark, sent": a state the giving is done "jointly with" gives too. Its phrase must hang
    on the trigger, on the supplier or on another giving word within a few steps."""
    if frame.trigger is None or frame.trigger.frame not in ("give", "pledge"):
        return
    taken = {f.code for f in (frame.supplier, frame.recipient, *frame.co_suppliers) if f}
    anchors = {trigger.i} | {t.i for t in sent if _gives(t, lexicon)}
    # "une batterie SAMP/T fournie conjointement avec l'Italie": the parse may hang the
    # phrase on the noun the materiel names.
    materiel = sent.doc[frame.materiel.start : frame.materiel.end].root
    anchors |= {materiel.i, materiel.head.i}
    if frame.supplier is not None and frame.supplier.mention is not None:
        anchors.add(sent.doc[frame.supplier.mention.start : frame.supplier.mention.end].root.i)
    for actor in actors:
        if actor.kind != "actor" or actor.code in GROUP_CODES or actor.code in taken:
            continue
        cue = _together_cue(sent, actor, lexicon, kind="jointly")
        if cue is None:
            continue
        root = sent.doc[actor.start : actor.end].root
        if not any(a.i in anchors for a in list(root.ancestors)[: len(cue) + 2]):
            continue
        rule = f"{lexicon.lang}.role.supplier.jointly_with"
        frame.co_suppliers.append(RoleFiller(actor.code, rule, actor))
        frame.note("supplier", rule)
        taken.add(actor.code)


def _gives(token: Token, lexicon: Lexicon) -> bool:
    trigger = lexicon.trigger_for(token.lemma_, token.pos_)
    return trigger is not None and trigger.frame in ("give", "pledge")


def is_group_adjective(mention: Mention) -> bool:
    """ "Western", "occidentaux", "westliche": an adjective naming a group, which names a
    party only on the materiel itself (see `group_adjective_supplier`)."""
    return (
        mention.kind == "actor" and mention.subkind == "adjective" and mention.code in GROUP_CODES
    )


def group_adjective_supplier(
    frame: SentenceFrame, sent: Span, actors: list[Mention], lang: str
) -> None:
    """ "Kyiv has pressed allies for Western fighter jets", "des chars occidentaux": a group
    adjective on the materiel names the supplier when the sentence names no other giver (a
    state that only stands before the trigger is none: "La Pologne est le point de passage :
    la plupart des armes occidentales arrivent en Ukraine")."""
    if "supplier" in frame.closed_roles or frame.trigger is None:
        return
    if frame.supplier is not None and not frame.supplier.rule_id.endswith(".order"):
        return
    if frame.trigger.frame not in ("give", "pledge", "receive", "buy", "request", "arrive"):
        return
    materiel = frame.materiel
    for actor in actors:
        if not is_group_adjective(actor):
            continue
        head = sent.doc[actor.start : actor.end].root.head.i
        adjacent = actor.end == materiel.start or actor.start == materiel.end
        if materiel.start <= head < materiel.end or adjacent:
            rule = f"{lang}.role.supplier.group_adjective"
            frame.supplier = RoleFiller(actor.code, rule, actor)
            frame.rule_ids.pop("supplier", None)  # no word-order guess beside it
            frame.note("supplier", rule)
            return


def counted_countries_supplier(frame: SentenceFrame, trigger: Token, lang: str) -> None:
    """ "At least 30 countries have provided security assistance", "the coalition of more than
    50 countries that continues to provide": a counted set of countries giving is the
    Western coalition, which the text does not name."""
    if frame.trigger is None or frame.trigger.frame != "give":
        return  # "Onze pays annoncent une coalition": a pledge by a count of states is vaguer
    subject = _clause_subject(trigger)
    if subject is None:
        return
    if subject.lemma_.lower() in _COALITION_NOUNS:
        subject = _members_noun(subject) or subject
    counts = [_count(c, lang) for c in subject.children if c.dep_ == "nummod"]
    if subject.lemma_.lower() in _COUNTRY_NOUNS and any(n >= _COALITION_SIZE for n in counts):
        rule = f"{lang}.role.supplier.counted_countries"
        frame.supplier = RoleFiller("WEST", rule)
        frame.co_suppliers = []
        frame.note("supplier", rule)


def _members_noun(coalition: Token) -> Token | None:
    """The noun after "coalition of" / "coalition de" ("of more than 50 countries")."""
    for child in coalition.children:
        if child.dep_ == "nmod":
            return child
        if child.dep_ == "prep":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _count(token: Token, lang: str) -> int:
    """The value of a numeral token ("30", "thirty", "onze"); 0 when unreadable."""
    value = parse_digits(token.text, lang, scaled=False)
    if value is None:
        pieces = word_pieces(token.lower_, lang)
        value = combine(pieces) if pieces else None
    return int(value or 0)


def _clause_subject(trigger: Token) -> Token | None:
    """The active subject of the trigger's clause; for a relative clause ("countries that
    provide"), the noun the relative pronoun stands for."""
    node = trigger
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            if node.dep_ in ("relcl", "acl:relcl") and subject.pos_ == "PRON":
                return node.head
            return subject
        if node.dep_ not in _SHARED_CLAUSE_DEPS or node.head == node:
            return None
        node = node.head
    return None


def _clause_heads(trigger: Token) -> set[int]:
    """The trigger and the verbs above it whose subject and adverbials it shares."""
    heads = {trigger.i}
    node = trigger
    while node.dep_ in _SHARED_CLAUSE_DEPS and node.head != node:
        node = node.head
        heads.add(node.i)
    return heads


def _together_cue(
    sent: Span, actor: Mention, lexicon: Lexicon, kind: str = "together"
) -> range | None:
    """Token indices of a "together with" phrase standing right before the mention."""
    doc = sent.doc
    for fillers in range(_MAX_FILLERS + 1):
        end = actor.start - fillers
        between = doc[end : actor.start]
        if end <= sent.start or not all(_is_filler(t) for t in between):
            continue
        for term in lexicon.terms_of(kind):
            words = term.split()
            start = end - len(words)
            if start >= sent.start and [t.lower_ for t in doc[start:end]] == words:
                return range(start, end)
    return None


def _is_filler(token: Token) -> bool:
    # An elided article ("avec l'Italie") is a filler too.
    return (token.is_alpha and len(token) <= _MAX_FILLER_LENGTH) or token.lower_ in ("l'", "l’")


def _attached(sent: Span, actor: Mention, cue: range, targets: set[int]) -> bool:
    """True when the group's phrase hangs, through the cue words only, on one of `targets`."""
    node = sent.doc[actor.start : actor.end].root
    for _ in range(len(cue) + 1):
        head = node.head
        if head == node:
            return False
        if head.i in targets:
            return True
        if head.i not in cue:
            return False
        node = head
    return False
