"""Roles in a sentence frame: who gives, who takes, through where and from which stock.

Every actor mention gets a role from its grammatical relation to the trigger (`assign_roles`:
subject, object, a to/from/by/via phrase), with the frame deciding the direction: the subject
of "supply" is the supplier, the subject of "receive" or "buy" the recipient, the subject of
"ask" the recipient and its object the supplier. A controlling verb lends its subject or object
("asked Germany to send": `assign_controller`). Sentences the parser cannot help with (German,
Spanish), and actors the parse leaves unplaced, fall back on word order
(`assign_roles_by_order`), which skips bystanders: speakers, places, members, affairs.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from armstrace.extract.frames import (
    AGENT_MARKERS,
    ARRIVAL_MARKERS,
    BENEFICIARY_MARKERS,
    BYSTANDER_MARKERS,
    CLAUSE_EDGES,
    MEMBER_GOVERNORS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    RECIPIENT_MARKERS,
    RELATIVE_DEPS,
    ROUTE_MARKERS,
    SELLER_MARKERS,
    SOURCE_MARKERS,
    STOCK_PLACE_WORDS,
    SUBJECT_DEPS,
    RoleFiller,
    SentenceFrame,
    adjectival,
    case_words,
    find_triggers,
    mention_root,
    names_no_party,
    placed_stock,
    relation_to_trigger,
)
from armstrace.extract.lexicon import Lexicon
from armstrace.nlp.mentions import Mention, token_indices


def assign_roles(
    frame: SentenceFrame,
    sent: Span,
    trigger: Token,
    actors: list[Mention],
    lexicon: Lexicon,
) -> None:
    """Fill supplier, recipient, route and origin of `frame` from the parse around `trigger`."""
    assert frame.trigger is not None
    lang = lexicon.lang
    kind = frame.trigger.frame
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "aux:pass" for c in trigger.children)
    materiel_start = frame.materiel.start
    for actor in actors:
        if _in_source_phrase(sent, actor, lexicon):
            continue  # "according to the UK Ministry of Defence" says who claims it
        if _home_of_fighters(sent, actor, lexicon):
            continue
        if actor.kind == "region":
            rel = relation_to_trigger(mention_root(sent, actor), trigger)
            if rel is not None or _preceded_by(sent, actor, ROUTE_MARKERS.get(lang, set())):
                frame.via.append(RoleFiller(actor.code, "route.region", actor))
                frame.note("via", f"{lang}.route.region")
            continue
        root = mention_root(sent, actor)
        # An adjective on the materiel noun names its origin country: "Iranian drones"; so
        # does the maker on what is bought: "buy Raytheon's Stinger", "Anduril vehicles".
        adjective = adjectival(actor, sent)
        if (adjective or _maker_of_bought(root, kind)) and root.head.i in range(
            frame.materiel.start, frame.materiel.end
        ):
            # Only on materiel the trigger moves: "receive South Korean weapons … after
            # donating equipment to Ukraine" does not make Korea the donor.
            moved = _governs(trigger, mention_root(sent, frame.materiel))
            if (
                kind in ("give", "pledge", "receive", "buy", "request")
                and frame.supplier is None
                and moved
            ):
                how = "adjective" if adjective else "maker"
                frame.supplier = RoleFiller(actor.code, f"{lang}.role.supplier.{how}", actor)
                frame.note("supplier", frame.supplier.rule_id)
            continue
        if adjective and root.head.i == trigger.i and trigger.pos_ == "NOUN":
            # "les approvisionnements nord-coréens", "Polish purchases": the nationality of
            # a transfer noun is its giver, or its taker when the noun is one of taking.
            side = "recipient" if kind in _TAKER_FRAMES else "supplier"
            if getattr(frame, side) is None:
                setattr(frame, side, RoleFiller(actor.code, f"{lang}.role.{side}.adjective", actor))
                frame.note(side, f"{lang}.role.{side}.adjective")
            continue
        if adjectival(actor, sent):
            # "The Danish and Dutch governments are donating": the adjective stands for
            # the state only on a noun that is the state acting.
            root = _institution_of(root) or root
        rel = relation_to_trigger(root, trigger)
        if rel is None:
            continue
        dep, preps = rel
        role = _role_from_relation(kind, dep, preps, passive, lang, actor.start < materiel_start)
        if role in ("supplier", "recipient") and placed_stock(root, trigger):
            role = "origin"  # "des obus des stocks d'armes en Israël": where the stock lies
        if role == "supplier" and trigger.lemma_ in _AGENT_NOUNS and _owner_of_agent(dep, preps):
            role = "recipient"  # "India's main weapons supplier": India is supplied
        if role is None:
            continue
        filler = RoleFiller(actor.code, f"{lang}.role.{role}.{_dep_name(dep, preps)}", actor)
        if role == "via":
            frame.via.append(filler)
            frame.note("via", filler.rule_id)
        elif role == "origin":
            if frame.origin is None:
                frame.origin = filler
                frame.note("origin", filler.rule_id)
        elif getattr(frame, role) is None:
            setattr(frame, role, filler)
            frame.note(role, filler.rule_id)
        elif role in ("supplier", "recipient") and _coordinated(sent, actor, getattr(frame, role)):
            others = frame.co_suppliers if role == "supplier" else frame.co_recipients
            if all(o.code != actor.code for o in others):
                others.append(RoleFiller(actor.code, f"{lang}.role.{role}.conj", actor))
    if frame.supplier is None or frame.supplier.rule_id.endswith(".order"):
        _supplier_described(frame, sent, trigger, actors, lang)


def _home_of_fighters(sent: Span, actor: Mention, lexicon: Lexicon) -> bool:
    """A state's name right before a noun of non-state fighters, or joined to it by a hyphen
    ("Nicaragua rebel aid", "the Iran-contra affair"), says where they fight or names an
    affair: the state is no party."""
    if actor.subkind != "state":
        return False
    after = actor.end + 1 if sent.doc[actor.end : actor.end + 1].text == "-" else actor.end
    return after < sent.end and "fighters" in lexicon.cue_kinds(sent.doc[after].lemma_)


def _place_of_base(sent: Span, actor: Mention) -> bool:
    """ "The London-based magazine", "a Paris-based analyst": where someone sits, no party."""
    after = sent.doc[actor.end : min(actor.end + 2, sent.end)]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("based", "born")


def _supplier_described(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lang: str
) -> None:
    """ "Moscow, which is India's main weapons supplier", "la Russie, principal fournisseur
    de l'Inde", "la Russie est le premier fournisseur": the state a supplier noun describes
    is the supplier."""
    if trigger.lemma_ not in _AGENT_NOUNS:
        return
    described: Token | None = None
    if trigger.dep_ == "appos":
        described = trigger.head
    else:
        copula = trigger.head if trigger.dep_ == "attr" else trigger
        subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        relative = subject is not None and subject.lower_ in _RELATIVE_PRONOUNS | _WHO
        if relative and copula.dep_ in RELATIVE_DEPS:
            subject = copula.head
        described = subject
    if described is None:
        return
    for actor in actors:
        if mention_root(sent, actor) == described:
            frame.supplier = RoleFiller(actor.code, f"{lang}.role.supplier.described", actor)
            frame.note("supplier", frame.supplier.rule_id)
            return


# Subject relative pronouns ("la Russie, qui est le premier fournisseur"); not in
# _RELATIVE_PRONOUNS, whose clauses are about what the pronoun stands for as an object.
_WHO = frozenset({"qui", "who"})


# Verbs of paying: whoever paid for the materiel is the one it is owed to.
_PAYING_VERBS = frozenset({"pay", "verser", "payer", "bezahlen", "zahlen", "pagar"})


# Relative pronouns as an argument of their clause ("que" as a conjunction is its mark).
_RELATIVE_PRONOUNS = frozenset(
    {"que", "qu'", "lequel", "laquelle", "lesquels", "lesquelles", "dont", "which", "that"}
)


def payer_recipient(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lang: str
) -> bool:
    """ "n'avoir jamais livré des armes pour lesquelles l'Arménie avait versé des millions",
    "the weapons Armenia had paid for": the payer in a relative clause on the materiel is
    its recipient, whatever word order alone would guess. True when a payer is named."""
    if frame.recipient is not None and not frame.recipient.rule_id.endswith(".order"):
        return False
    materiel = mention_root(sent, frame.materiel)
    for clause in sent:
        if clause.lemma_.lower() not in _PAYING_VERBS or not _relative_on(
            clause, materiel, trigger
        ):
            continue
        for actor in actors:
            root = mention_root(sent, actor)
            if actor.kind == "actor" and root.head == clause and root.dep_ in SUBJECT_DEPS:
                rule = f"{lang}.role.recipient.payer"
                frame.recipient = RoleFiller(actor.code, rule, actor)
                frame.rule_ids.pop("recipient", None)  # no word-order guess beside it
                frame.note("recipient", rule)
                return True
    return False


def _relative_on(clause: Token, materiel: Token, trigger: Token) -> bool:
    """A relative clause on the materiel; the parser often hangs it from the trigger or from
    the relative pronoun instead ("livré les chars que l'Arménie avait payés")."""
    if clause.dep_ in RELATIVE_DEPS and clause.head == materiel:
        return True
    if clause.i < materiel.i or trigger not in clause.ancestors:
        return False
    return clause.dep_ in RELATIVE_DEPS or any(
        c.lower_ in _RELATIVE_PRONOUNS and c.dep_ != "mark" for c in clause.children
    )


# Nouns that, with a nationality adjective, name the state itself: "the Danish government",
# "l'armée française", "die deutsche Regierung".
INSTITUTION_NOUNS = frozenset(
    {
        "government", "administration", "authorities", "army", "military", "forces", "navy",
        "ministry", "gouvernement", "autorités", "armée", "ministère", "marine", "regierung",
        "armee", "streitkräfte", "ministerium", "gobierno", "ejército", "autoridades",
    }
)  # fmt: skip


def _institution_of(adjective: Token) -> Token | None:
    """The institution noun a nationality adjective (or a conjunct of one) qualifies."""
    node = adjective
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "the Danish and Dutch governments"
    head = node.head
    if node.dep_ == "amod" and head.lemma_.lower() in INSTITUTION_NOUNS:
        return head
    return None


def _governs(trigger: Token, materiel_root: Token) -> bool:
    """True when the materiel is the trigger's own or one of its dependents."""
    return (
        materiel_root == trigger
        or trigger in materiel_root.ancestors
        or (materiel_root.head == trigger.head and trigger.dep_ == "compound")
    )


def _maker_of_bought(root: Token, kind: str) -> bool:
    """A name bare before what is bought or received ("Raytheon's", "Anduril", "U.S.")."""
    return (
        kind in ("buy", "receive")
        and root.dep_ in ("poss", "nmod:poss", "compound", "nmod")
        and not case_words(root)
    )


def _coordinated(sent: Span, actor: Mention, first: RoleFiller) -> bool:
    """True when `actor` is a conjunct of the mention already in the role ("X and Y")."""
    if first.mention is None or first.code == actor.code:
        return False
    root = mention_root(sent, actor)
    first_root = mention_root(sent, first.mention)
    node = root
    for _ in range(15):  # "France, Canada, the UK, Slovakia, Norway, and others"
        if node.dep_ != "conj" or node.head == node:
            return False
        node = node.head
        if node == first_root:
            return True
    return False


def assign_controller(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> None:
    """The unexpressed subject of an infinitive trigger comes from the verb that governs it:
    the object of "accuse X of supplying" / "accuser X de fournir", the subject of "X plans
    to send" / "X a décidé de livrer"."""
    if frame.supplier is not None or frame.trigger is None or frame.trigger.frame != "give":
        return
    governor = trigger.head
    if governor.dep_ in ("prep", "mark", "case") or governor.pos_ == "ADP":
        governor = governor.head  # "accused Iran of supplying": of → accused
    if governor == trigger:
        return
    if governor.pos_ in ("NOUN", "PROPN"):
        if governor.lemma_.lower() in MEMBER_GOVERNORS:
            return  # "le premier pays membre de l'OTAN à donner": NATO is not the giver
        # "le projet du Danemark de céder", "Germany's decision to send": the noun's owner.
        for actor in actors:
            root = mention_root(sent, actor)
            owner = root.dep_ in ("nmod", "poss", "nmod:poss") and root.head == governor
            if owner and actor.kind == "actor" and actor.start < trigger.i:
                rule = f"{lexicon.lang}.role.supplier.noun_owner"
                frame.supplier = RoleFiller(actor.code, rule)
                frame.note("supplier", rule)
                return
        return
    governor = _adjective_predicate(governor)
    if governor.pos_ not in ("VERB", "AUX", "ADJ"):
        return
    if _noun_owner_before_mark(frame, sent, trigger, actors, lexicon):
        return
    kinds = lexicon.cue_kinds(governor.lemma_)
    asking = lexicon.trigger_for(governor.lemma_, governor.pos_)
    # "urged the United States to send": the one asked is the one who would send.
    accusing = "allege" in kinds or (asking is not None and asking.frame == "request")
    if not accusing and not ({"plan", "report"} & kinds or trigger.dep_ == "xcomp"):
        return
    wanted = ("obj", "dobj", "iobj") if accusing else ("nsubj",)
    for actor in actors:
        root = mention_root(sent, actor)
        if root.head == governor and root.dep_ in wanted and actor.kind == "actor":
            frame.supplier = RoleFiller(actor.code, f"{lexicon.lang}.role.supplier.controller")
            frame.note("supplier", frame.supplier.rule_id)
            return
    if accusing:
        _accused_by_order(frame, sent, governor, trigger, actors, lexicon.lang)


def _adjective_predicate(governor: Token) -> Token:
    """ "the missiles that Trump was first to provide", "X is ready to send": an adjective
    complement passes the infinitive on to its verb, whose subject gives. (A French adjective
    heads its clause and holds the subject itself: "la France est prête à livrer".)"""
    if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        return governor.head
    return governor


def _noun_owner_before_mark(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> bool:
    """ "opposé son veto au projet du Danemark de céder": the parse may hang the infinitive
    on the main verb, but the owner of the noun right before its "de"/"to" is the giver."""
    before = word_before_infinitive(sent, trigger)
    if before is None:
        return False
    for actor in actors:
        if actor.kind != "actor" or before.i != actor.end - 1:
            continue
        root = mention_root(sent, actor)
        if root.dep_ in ("nmod", "poss", "nmod:poss") and root.head.pos_ == "NOUN":
            if root.head.lemma_.lower() in MEMBER_GOVERNORS or _troops_placed(root):
                return False
            rule = f"{lexicon.lang}.role.supplier.noun_owner"
            frame.supplier = RoleFiller(actor.code, rule)
            frame.note("supplier", rule)
            return True
    return False


def word_before_infinitive(sent: Span, trigger: Token) -> Token | None:
    """The word right before an infinitive trigger's "de"/"to" ("Danemark" in "au projet du
    Danemark de céder"), if the sentence has one."""
    marks = [c for c in trigger.children if c.dep_ in ("mark", "aux") and c.i < trigger.i]
    if not marks or marks[0].i - 1 < sent.start:
        return None
    return sent.doc[marks[0].i - 1]


def _accused_by_order(
    frame: SentenceFrame,
    sent: Span,
    governor: Token,
    trigger: Token,
    actors: list[Mention],
    lang: str,
) -> None:
    """The one accused or asked stands between the verb and the infinitive, whatever the
    parse makes of it: "a reproché à plusieurs reprises à Moscou de n'avoir jamais livré"."""
    between = [
        a
        for a in actors
        if a.kind == "actor"
        and governor.i < a.start
        and a.end <= trigger.i
        and not adjectival(a, sent)
        and not _troops_placed(mention_root(sent, a))
    ]
    if between:
        accused = between[-1]
        rule = f"{lang}.role.supplier.controller_order"
        frame.supplier = RoleFiller(accused.code, rule, accused)
        frame.note("supplier", rule)


def _dep_name(dep: str, preps: set[str]) -> str:
    name = dep.replace(":", "_")
    if preps:
        name += "_" + "_".join(sorted(p.replace("’", "").replace("'", "") for p in preps))
    return name


# Trigger nouns naming the giver itself: their owner is the one supplied.
_AGENT_NOUNS = frozenset({"supplier", "provider", "fournisseur", "pourvoyeur"})
# Words marking a noun's owner: "le premier fournisseur d'armes de l'Inde" is India's.
_OWNER_PREPS = frozenset({"de", "d'", "d’", "du", "des", "del"})


def _owner_of_agent(dep: str, preps: set[str]) -> bool:
    """The actor hangs on a supplier noun as its owner ("India's supplier", "le fournisseur
    de l'Inde"): it is the one supplied, not the giver."""
    if dep in ("poss", "nmod:poss"):
        return True
    return dep in ("nmod", "prep") and bool(preps) and preps <= _OWNER_PREPS


def _role_from_relation(
    frame: str, dep: str, preps: set[str], passive: bool, lang: str, before_materiel: bool
) -> str | None:
    recipient_markers = RECIPIENT_MARKERS.get(lang, set())
    source_markers = SOURCE_MARKERS.get(lang, set())
    agent_markers = AGENT_MARKERS.get(lang, set())
    route_markers = ROUTE_MARKERS.get(lang, set())
    if preps & route_markers:
        return "via"
    # "commandé chez Rheinmetall", "arrived in Ukraine": the frame's own place words.
    own = {"buy": SELLER_MARKERS, "arrive": ARRIVAL_MARKERS}.get(frame, {}).get(lang, set())
    if preps & BYSTANDER_MARKERS.get(lang, set()) and not preps & (
        recipient_markers | source_markers | agent_markers | own
    ):
        return None  # "near the Lebanese border", "between Ukraine and Russia"
    is_subject = dep in SUBJECT_DEPS and not (passive and dep in PASSIVE_SUBJECT_DEPS)
    if frame in ("give", "pledge"):
        if is_subject or dep == "agent" or dep == "obl:agent" or (preps & agent_markers):
            return "supplier"
        if preps & recipient_markers or dep in ("iobj", "dative"):
            return "recipient"
        if dep in ("obj", "dobj") and before_materiel and not preps:
            # "supply Russia with shells", "arm Ukraine": the object is the recipient (the
            # object itself: "seizures near the Lebanese border" only places the object).
            return "recipient"
        if dep in ("nmod", "poss", "nmod:poss") and not preps:
            return "supplier"  # "Iran's deliveries", "US shipments"
        if preps & source_markers and dep in ("nmod", "prep", "obl", "obl:mod"):
            return "supplier" if dep in ("nmod", "prep") else "origin"
        return None
    if frame in ("receive", "buy"):
        if is_subject or (dep in ("poss", "nmod:poss") and not preps):
            return "recipient"  # "Poland bought", "Qatar's acquisition of"
        if preps & source_markers or preps & agent_markers:
            return "supplier"
        if frame == "buy" and preps & SELLER_MARKERS.get(lang, set()):
            return "supplier"
        if preps & recipient_markers:
            return "recipient"
        return None
    if frame == "arrive":
        # The subject is the materiel itself; the place is the recipient.
        if preps & ARRIVAL_MARKERS.get(lang, set()):
            return "recipient"
        if preps & source_markers or preps & agent_markers:
            return "supplier"
        return None
    if frame == "request":
        if is_subject or (dep in ("poss", "nmod:poss") and not preps):
            return "recipient"  # "Kyiv asked", "Kyiv's requests for"
        if preps & BENEFICIARY_MARKERS.get(lang, set()):
            return "recipient"  # "requesting $20 billion for Ukraine"
        if dep in ("obj", "dobj", "iobj", "dative") or preps & recipient_markers:
            return "supplier"
        if preps & source_markers:
            return "supplier"
        return None
    return None


def _in_source_phrase(sent: Span, mention: Mention, lexicon: Lexicon) -> bool:
    """True when a source cue ("according to", "selon", "citing") stands at most a few short
    words before the actor: it says who claims the transfer, never a party to it."""
    doc = sent.doc
    window = doc[max(sent.start, mention.start - 5) : mention.start]
    text = window.text.lower().replace("’", "'")
    for term in lexicon.terms_of("source"):
        for token in window:
            at = token.idx - window.start_char
            if not text.startswith(term.lower(), at):
                continue
            between = text[at + len(term) :].split()
            # Only short words (determiners) between the cue and the actor.
            if all(w.isalpha() and len(w) <= 4 for w in between):
                return True
    return False


def _preceded_by(sent: Span, mention: Mention, words: set[str]) -> bool:
    doc = sent.doc
    for i in range(max(sent.start, mention.start - 3), mention.start):
        if doc[i].lower_ in words:
            return True
    return False


def assign_roles_by_order(
    frame: SentenceFrame, sent: Span, trigger_index: int, actors: list[Mention], lexicon: Lexicon
) -> None:
    """Word-order fallback for unparsed sentences: giver before the trigger, taker after a
    recipient preposition, giver after an agent or source preposition."""
    assert frame.trigger is not None
    lang = lexicon.lang
    kind = frame.trigger.frame
    recipient_markers = RECIPIENT_MARKERS.get(lang, set())
    source_markers = SOURCE_MARKERS.get(lang, set()) | AGENT_MARKERS.get(lang, set())
    fillers = [frame.supplier, frame.recipient, *frame.co_suppliers, *frame.co_recipients]
    used = {f.mention.start for f in fillers if f is not None and f.mention is not None}
    other_triggers = {t.i for t, _ in find_triggers(sent, lexicon)} - {trigger_index}
    # "a Toshiba subsidiary's transfer": the giver is named, though not as an actor we know.
    giver_named = kind not in _TAKER_FRAMES and _unnamed_possessor(sent.doc[trigger_index], actors)
    for actor in actors:
        if _in_source_phrase(sent, actor, lexicon) or actor.start in used:
            continue  # a claimer, or an actor the parse already gave a role
        if actor.kind == "region":
            if _preceded_by(sent, actor, ROUTE_MARKERS.get(lang, set())):
                frame.via.append(RoleFiller(actor.code, f"{lang}.route.order", actor))
                frame.note("via", f"{lang}.route.order")
            continue
        materiel = mention_root(sent, frame.materiel)
        if placed_stock(mention_root(sent, actor), sent.doc[trigger_index]):
            continue
        if _bystander(sent, actor, sent.doc[trigger_index], materiel, lexicon, other_triggers):
            continue
        if _behind_own_subject(actor, sent.doc[trigger_index]):
            continue
        if _beyond_subjected_clause(actor, sent.doc[trigger_index]):
            continue
        if _asker_of_other(sent, actor, sent.doc[trigger_index], lexicon):
            continue
        near_materiel = frame.materiel.start - 2 <= actor.start <= frame.materiel.end + 1
        # "the Danish government": an adjective on an institution is the state itself.
        institution = _institution_of(mention_root(sent, actor)) is not None
        if adjectival(actor, sent) and not near_materiel and not institution:
            # "le service de renseignement sud-coréen": an adjective names a party only on
            # the materiel itself ("obus nord-coréens").
            continue
        if _preceded_by(sent, actor, ROUTE_MARKERS.get(lang, set())):
            frame.via.append(RoleFiller(actor.code, f"{lang}.route.order", actor))
            frame.note("via", f"{lang}.route.order")
            continue
        dative = (
            lang == "de"
            and _directly_after(sent, actor, _GERMAN_DATIVE)
            and sent.doc[actor.start - 2].lower_ not in _GERMAN_DATIVE_PREPOSITIONS
        )
        seller = kind == "buy" and (actor.start > trigger_index or lang == "de")  # verb last
        if seller and _preceded_by(sent, actor, SELLER_MARKERS.get(lang, set())):
            role = "supplier"  # "commandés au groupe Thales"
        elif kind == "arrive" and _preceded_by(sent, actor, ARRIVAL_MARKERS.get(lang, set())):
            role = "recipient"  # "in der Ukraine eingetroffen"
        elif _preceded_by(sent, actor, recipient_markers) or (dative and kind != "request"):
            # German marks the recipient by case alone: "haben der Ukraine … geliefert".
            role = "supplier" if kind == "request" else "recipient"
        elif _preceded_by(sent, actor, source_markers) and (
            actor.start > trigger_index or lang == "de"  # German puts the verb last
        ):
            role = "supplier"
        elif actor.start < trigger_index and (institution or not adjectival(actor, sent)):
            taker = kind in _TAKER_FRAMES or _subject_of_taker(sent, actor, trigger_index, lexicon)
            role = "recipient" if taker else "supplier"
        elif lang == "de" and _inverted_subject(sent, actor, trigger_index):
            # "Laut den USA lieferte Iran Drohnen": with another word first, the German
            # subject follows the verb.
            role = "recipient" if kind in _TAKER_FRAMES else "supplier"
        elif adjectival(actor, sent) and (
            frame.materiel.start <= actor.start <= frame.materiel.end
            or (not sent.doc.has_annotation("DEP") and actor.end == frame.materiel.start)
        ):
            role = "supplier"  # "obus nord-coréens"; unparsed "deutsche Panzer"
        else:
            continue
        if role == "supplier" and giver_named:
            continue
        current = getattr(frame, role)
        if current is None:
            filler = RoleFiller(actor.code, f"{lang}.role.{role}.order", actor)
            setattr(frame, role, filler)
            frame.note(role, filler.rule_id)
        elif current.mention is not None and _joined_by_and(
            sent, _last_joined(current, frame, role), actor, lang
        ):
            # "Großbritannien und Frankreich haben … geliefert": both give.
            others = frame.co_suppliers if role == "supplier" else frame.co_recipients
            if actor.code != current.code and all(o.code != actor.code for o in others):
                others.append(RoleFiller(actor.code, f"{lang}.role.{role}.order_conj", actor))


def _unnamed_possessor(trigger: Token, actors: list[Mention]) -> bool:
    """A transfer noun whose possessor is no actor we know ("a Toshiba subsidiary's transfer
    of technology", "the firm's sale of rifles") names its giver already: word order must
    not make another actor of the sentence the supplier."""
    if trigger.pos_ != "NOUN":
        return False
    covered = token_indices(actors)
    for child in trigger.children:
        if child.dep_ != "poss" or child.pos_ not in ("NOUN", "PROPN") or child.ent_type_ in _TIME:
            continue
        if not {t.i for t in child.subtree} & covered:
            return True
    return False


_TIME = frozenset({"DATE", "TIME"})  # "last year's delivery" names no giver

# Frames whose subject takes the materiel: receive, buy, ask for.
_TAKER_FRAMES = frozenset({"receive", "buy", "request"})


def _subject_of_taker(sent: Span, actor: Mention, trigger_index: int, lexicon: Lexicon) -> bool:
    """The subject of another trigger whose subject takes ("Ukraine has received missiles,
    with more deliveries to come") is on the taking side of a nominal trigger's flow too. A
    verb has a subject of its own: a buyer may hand on what it bought ("commandé des
    systèmes qu'elle remet à l'Ukraine")."""
    root = mention_root(sent, actor)
    head = root.head
    if sent.doc[trigger_index].pos_ != "NOUN":
        return False
    if root.dep_ not in SUBJECT_DEPS or head.i == trigger_index:
        return False
    taking = lexicon.trigger_for(head.lemma_, head.pos_)
    # Not "request": who asks may be ordering someone to give ("asked its forces to send").
    return taking is not None and taking.frame in ("receive", "buy")


def _bystander(
    sent: Span,
    actor: Mention,
    trigger: Token,
    materiel: Token,
    lexicon: Lexicon,
    other_triggers: set[int],
) -> bool:
    """An actor that word order must not make a party: one placed beside the flow ("près de
    Paris", "between Ukraine and Russia"), a place of an event or a member's group ("lors
    d'une visite à Kiev", "membre de l'OTAN"), the speaker of a reporting verb ("Washington
    accuse …"), or an argument of another trigger of the sentence ("Poland's purchase …
    was approved": Poland buys, it does not approve)."""
    if _preceded_by(sent, actor, BYSTANDER_MARKERS.get(lexicon.lang, set())):
        return True
    if _home_of_fighters(sent, actor, lexicon) or _place_of_base(sent, actor):
        return True
    if _in_leading_clause(sent, actor, trigger, lexicon):
        return True
    root = mention_root(sent, actor)
    if _in_other_clause(root, trigger, materiel) or _troops_placed(root):
        return True
    speaking = lexicon.cue_kinds(root.head.lemma_) & {"report", "allege", "deny"}
    if root.dep_ in ("nsubj", "nsubj:pass") and root.head.i not in other_triggers and speaking:
        return True
    if _in_speech_frame(root, trigger, lexicon, other_triggers):
        return True
    node = root
    for _ in range(4):
        if node.head == node or node.dep_ in SUBJECT_DEPS | OBJECT_DEPS | CLAUSE_EDGES:
            break
        node = node.head
        if node.i in other_triggers:
            return True
        if names_no_party(node):
            return True
    return False


# Nouns of a state's own armed forces: a place they stand in is no party ("ses forces
# stationnées en Corée du Sud", "US troops in Poland").
_TROOP_NOUNS = frozenset(
    {"force", "forces", "troupe", "troupes", "soldat", "troop", "troops", "soldier", "garrison",
     "garnison", "truppe", "truppen", "tropa", "tropas"}
)  # fmt: skip


def _troops_placed(root: Token) -> bool:
    """The actor is where a state's troops stand ("demandé à ses forces stationnées en Corée
    du Sud de céder leurs obus"): orders to one's own troops abroad move nothing to the host."""
    head = root.head
    placed = (
        root.dep_ in ("nmod", "obl", "obl:mod", "pobj") and case_words(root) & STOCK_PLACE_WORDS
    )
    if root.dep_ == "pobj":  # English: the preposition sits between noun and place
        head = head.head
    return bool(placed) and (head.lemma_.lower() in _TROOP_NOUNS or head.lower_ in _TROOP_NOUNS)


# Edges by which a phrase names where or to whom something is said ("a dit à Londres",
# "told reporters in London").
_ADDRESS_EDGES = frozenset({"obl", "obl:arg", "obl:mod", "iobj", "dative", "prep"})


def _in_speech_frame(
    root: Token, trigger: Token, lexicon: Lexicon, other_triggers: set[int]
) -> bool:
    """True for an actor naming where or to whom a reporting verb speaks, when its complement
    holds the trigger ("Blinken a dit mardi à Londres que la Russie a reçu …", "told
    reporters in London that …"): the place of the speech is no party to the flow. (The
    speaker is left alone: an official often speaks for the giver.)"""
    node = root.head if root.dep_ == "pobj" else root  # English: "in" -> "London"
    verb = node.head
    if node.dep_ not in _ADDRESS_EDGES or verb == node:
        return False
    if (
        verb.i == trigger.i
        or verb.i in other_triggers
        or "report" not in lexicon.cue_kinds(verb.lemma_)
    ):
        return False
    return trigger in verb.subtree and trigger not in node.subtree


def _in_leading_clause(sent: Span, actor: Mention, trigger: Token, lexicon: Lexicon) -> bool:
    """True for an actor in an opening subordinate clause ("As the Russian military
    repositions, I have directed …", "Lorsqu'il a signé …, le ministre") when the trigger
    comes after it. Word order only: the parser often hangs such a clause on the wrong verb."""
    opening = sent.text.lower().replace("’", "'")
    if not any(
        opening.startswith(term)
        and opening[len(term) : len(term) + 1] in (" ", "")
        or (term.endswith("'") and opening.startswith(term))
        for term in lexicon.terms_of("subordinator")
    ):
        return False
    comma = next((t.i for t in sent if t.text in (",", ";")), None)
    return comma is not None and actor.start < comma < trigger.i


def _in_other_clause(root: Token, trigger: Token, materiel: Token) -> bool:
    """True when the actor stands in a subordinate clause that does not hold the trigger;
    a relative clause on the phrase of the materiel still describes it ("trucks loaded with
    rockets that were bound for Hezbollah"). An English present participle on a noun is such
    a clause too ("states neighbouring South Africa")."""
    node = root
    for _ in range(12):
        if node.head == node:
            return False
        if node.dep_ in CLAUSE_EDGES or (node.dep_ == "acl" and node.tag_ == "VBG"):
            if trigger in node.subtree:
                return False
            on_materiel = node.dep_ in RELATIVE_DEPS and materiel in node.head.subtree
            return not on_materiel
        node = node.head
    return False


_GERMAN_DATIVE = {"der", "dem"}
# A preposition before the article governs the case: "aus dem Iran" is no recipient.
_GERMAN_DATIVE_PREPOSITIONS = {"aus", "von", "vom", "mit", "bei", "nach", "zu", "seit", "laut"}
_AND = {"en": {"and", ","}, "fr": {"et", ","}, "de": {"und", ","}, "es": {"y", "e", ","}}


def _inverted_subject(sent: Span, actor: Mention, trigger_index: int) -> bool:
    """A bare name right after a finite German verb that does not open the sentence."""
    between = sent.doc[trigger_index + 1 : actor.start]
    return trigger_index > sent.start and all(t.lower_ in _GERMAN_NOMINATIVE for t in between)


_GERMAN_NOMINATIVE = {"die", "das", "der"}


def _directly_after(sent: Span, mention: Mention, words: set[str]) -> bool:
    """True when the word right before the mention is one of `words` (not sentence-initial,
    where "Der" is a nominative article)."""
    before = mention.start - 1
    return before > sent.start and sent.doc[before].lower_ in words


def _joined_by_and(sent: Span, first: Mention, second: Mention, lang: str) -> bool:
    """True when only "and", a comma or an article stands between two mentions ("X and Y",
    "Spain, and the United Kingdom")."""
    between = [t for t in sent.doc[first.end : second.start] if t.pos_ != "DET"]
    return 0 < len(between) <= 2 and all(t.lower_ in _AND.get(lang, {","}) for t in between)


def _asker_of_other(sent: Span, actor: Mention, trigger: Token, lexicon: Lexicon) -> bool:
    """ "the Saudi government had approached six European countries to supply submarines":
    the one asked (the object of the request verb) would give, so the asker in its subject
    is not the infinitive's giver, even when the one asked is no actor we know."""
    if trigger.dep_ != "xcomp":
        return False
    asking = lexicon.trigger_for(trigger.head.lemma_, trigger.head.pos_)
    if asking is None or asking.frame != "request":
        return False
    if not any(c.dep_ in ("dobj", "obj") for c in trigger.head.children):
        return False
    root = mention_root(sent, actor)
    return any(c.dep_ in SUBJECT_DEPS and root in c.subtree for c in trigger.head.children)


def _behind_own_subject(actor: Mention, trigger: Token) -> bool:
    """ "Canada will send tanks, and many other supporters will assist in the provision of
    interceptors": a common-noun subject of the trigger's own clause, between an actor and a
    noun trigger, is that clause's giver; the actor before it belongs to another clause."""
    if trigger.pos_ != "NOUN" or actor.start > trigger.i:
        return False
    verb = _verb_above(trigger.head)
    return any(
        child.dep_ in ("nsubj", "nsubjpass")
        and child.pos_ == "NOUN"
        and actor.end <= child.left_edge.i
        and child.i < trigger.i
        for child in verb.children
    )


def _beyond_subjected_clause(actor: Mention, trigger: Token) -> bool:
    """ "… the Initiative – to which partners have pledged $1 billion – and the Coalition,
    co-led by Germany and France": the clause of the trigger (its verb, or the verb a noun
    trigger hangs on) has a subject of its own, so an actor after that clause belongs to
    another phrase."""
    if actor.start < trigger.i:
        return False
    clause = _verb_above(trigger)
    while clause.dep_ == "xcomp" and not _has_subject(clause):
        clause = clause.head  # "that continues to provide": the subject is the governor's
    if clause.left_edge.i <= actor.start <= clause.right_edge.i:
        return False
    return _has_subject(clause)


def _verb_above(token: Token, limit: int = 4) -> Token:
    """The token itself if a verb, else the nearest verb above it within `limit` steps (the
    verb a noun trigger hangs on: "will assist in the provision of interceptors")."""
    for _ in range(limit):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        token = token.head
    return token


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


def _last_joined(current: RoleFiller, frame: SentenceFrame, role: str) -> Mention:
    """The last actor of a list filling `role` by word order: "Canada, Norway, Spain, and the
    United Kingdom" is joined link by link."""
    others = frame.co_suppliers if role == "supplier" else frame.co_recipients
    last = others[-1].mention if others else None
    assert current.mention is not None
    return last if last is not None and last.start > current.mention.start else current.mention
