"""Sentence-level tests that a trigger reports no transfer, or that a materiel word near it
is not what moves: questions, suppositions, refusals, stops, bans, money and services,
operations, targets, left-out goods, company names, permissions, announcements of someone
else's act, joint designs and promised efforts. The engine asks these before it builds a
frame (`engine._reports_no_flow` for the trigger, `engine._moved_by` for each materiel word).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from armstrace.extract.frames import HOLDING_VERBS, OBJECT_DEPS, SUBJECT_DEPS, purpose_clause
from armstrace.extract.lexicon import Lexicon, Trigger
from armstrace.nlp.mentions import Mention, token_indices


def asks_permission(token: Token, trigger: Trigger, lexicon: Lexicon) -> bool:
    """ "Washington's approval was needed before they could be handed on", "Berlin a
    besoin du feu vert américain": what is asked for is leave to move the materiel, which
    the party asked does not supply."""
    if trigger.frame != "request":
        return False
    return any(
        child.dep_ in SUBJECT_DEPS | OBJECT_DEPS and _names_permission(child, lexicon)
        for child in token.children
    )


def _names_permission(noun: Token, lexicon: Lexicon) -> bool:
    """The noun, alone or with the word before or after it ("green light", "feu vert"), is a
    permission."""
    doc = noun.doc
    pairs = [
        f"{doc[i].lower_} {doc[i + 1].lower_}"
        for i in (noun.i - 1, noun.i)
        if i >= 0 and i + 1 < len(doc)
    ]
    kinds = lexicon.cue_kinds(noun.lemma_).union(
        *(lexicon.phrases.get(pair, frozenset()) for pair in pairs)
    )
    return "permission" in kinds


def not_made(sent: Span, trigger: Token, lexicon: Lexicon) -> bool:
    """A transfer the sentence does not report as made or planned: asked about ("Will you
    send tanks?"), supposed ("If Russia ever supplied S-400s"), refused ("refuses to send"),
    only weighed ("is considering sending") or set aside ("instead of sending tanks")."""
    if sent.text.rstrip().endswith("?"):
        return True
    if _set_aside(sent, trigger, lexicon):
        return True
    if _restricted(trigger, lexicon) or _asks_to_stop(trigger, lexicon):
        return True
    if _moves_no_arms(trigger, lexicon) or _sent_on_operation(trigger, lexicon):
        return True
    node = trigger
    for _ in range(3):
        marks = (c for c in node.children if c.dep_ == "mark")
        if any("condition" in lexicon.cue_kinds(c.lower_) for c in marks):
            return True
        head = node.head
        if head == node:
            return False
        kinds = lexicon.cue_kinds(head.lemma_)
        # "a opposé son veto au projet … de céder": a refusal with an object of its own
        # refuses that object (another's plan, which stays planned), not the infinitive.
        own_object = any(c.dep_ in ("obj", "dobj") and c != node for c in head.children)
        refused = "refuse" in kinds and not own_object
        if node.dep_ in ("xcomp", "ccomp") and (refused or "weigh" in kinds):
            return True
        if node.dep_ == "xcomp" and _negated_governor(head, lexicon):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acl"):
            return False
        node = head
    return False


# Dependencies of what a verb moves: its object, or its subject in the passive.
_MOVED_DEPS = frozenset({"obj", "dobj", "nsubjpass", "nsubj:pass"})


def _moves_no_arms(trigger: Token, lexicon: Lexicon) -> bool:
    """ "proceeds from the arms sales were funneled to a Swiss account", "les fonds ont été
    transférés", "protection could be provided by three destroyers": a give verb whose moved
    thing is money or a service moves no arms, whatever arms the sentence names with it."""
    if trigger.pos_ != "VERB":
        return False
    return any(
        c.dep_ in _MOVED_DEPS
        and "nonarms" in lexicon.cue_kinds(c.lemma_) | lexicon.cue_kinds(c.lower_)
        for c in trigger.children
    )


def _sent_on_operation(trigger: Token, lexicon: Lexicon) -> bool:
    """ "sending the battleship Missouri to patrol outside the Strait", "a offert ses navires
    pour escorter les pétroliers": what is sent to patrol or escort stays the sender's own
    force on an operation, a deployment rather than a transfer."""
    return any(
        purpose_clause(c) and "operation" in lexicon.cue_kinds(c.lemma_) for c in trigger.children
    )


def _asks_to_stop(trigger: Token, lexicon: Lexicon) -> bool:
    """A transfer someone is told or asked to stop ("a exhorté les États-Unis à cesser leurs
    ventes d'armes", "urged Washington to halt arms sales"): the sales are stopped, not made,
    and the appeal asks for no arms. Covers the sale noun under the stop verb and the request
    verb above it."""
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("obj", "dobj"):
        return "stop" in lexicon.cue_kinds(trigger.head.lemma_)
    trig = lexicon.trigger_for(trigger.lemma_, trigger.pos_)
    if trig is None or trig.frame != "request":
        return False
    return any(
        c.dep_ in ("xcomp", "ccomp") and "stop" in lexicon.cue_kinds(c.lemma_)
        for c in trigger.children
    )


def targeted(sent: Span, item: Mention, lexicon: Lexicon) -> bool:
    """Materiel something is aimed at ("efficaces contre les drones iraniens", "effective
    against Russian tanks") is a target, not what moves. A "contre" hung on a trigger verb is
    left alone: "livrer des drones contre du pétrole" trades one thing for another."""
    root = sent.doc[item.start : item.end].root
    if root.dep_ == "pobj" and "target" in lexicon.cue_kinds(root.head.lemma_):
        return True  # English hangs the noun under "against", wherever that attaches
    if lexicon.trigger_for(root.head.lemma_, root.head.pos_) is not None:
        return False
    return any(c.dep_ == "case" and "target" in lexicon.cue_kinds(c.lemma_) for c in root.children)


# Marks of an infinitive complement: "autoriser X à prélever", "allow X to draw".
_INFINITIVE_MARKS = frozenset({"à", "de", "d'", "to"})


def act_of_its_own(sent: Span, trigger: Token, item: Mention, trigger_ids: set[int]) -> bool:
    """Materiel inside a clause that a permitting or announcing verb governs is that clause's
    own: "en autorisant les forces américaines à prélever des armes de leurs stocks" (the
    permitted party takes them), "announced that Iran had emplaced Silkworm missiles", "a
    annoncé que ses navires avaient détruit une plateforme". The permitting or announcing
    state hands nothing over. A clause whose verb is itself a trigger ("autorisé la Pologne à
    livrer", "announced it will send") is read as its own flow, and one listing contents
    ("announced that the package includes") still names what moves."""
    node = sent.doc[item.start : item.end].root
    while node != trigger and node.head != node:
        own_clause = node.dep_ == "ccomp" or any(
            c.lower_ in _INFINITIVE_MARKS and c.dep_ in ("mark", "aux") for c in node.children
        )
        if (
            node.pos_ in ("VERB", "AUX")
            and own_clause
            and node.i not in trigger_ids
            and node.lemma_ not in HOLDING_VERBS  # "announced that the package includes"
        ):
            return True
        node = node.head
    return False


def passive_agent(sent: Span, trigger: Token, item: Mention) -> bool:
    """ "protection could be provided by three destroyers", "un appui fourni par des
    hélicoptères": materiel that is the agent of a passive trigger is what provides, not what
    is handed over."""
    root = sent.doc[item.start : item.end].root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if root.dep_ == "obl:agent":
        return root.head == trigger
    return root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head == trigger


# Prepositions of what an agreement or talk is about: "agreed on", "accord sur", "über".
_TOPIC_PREPOSITIONS = frozenset({"on", "sur", "über", "sobre"})


def agreed_on_other(
    sent: Span, token: Token, trigger: Trigger, item: Mention, trigger_ids: set[int]
) -> bool:
    """ "agreed in principle on a common concept for the helicopter": materiel inside what an
    agreement is about, when that is neither a transfer nor the materiel itself, is the
    subject of a joint plan (a design, a programme), not something one side hands over.
    "agreed on the sale of 40 helicopters" keeps its transfer noun."""
    if trigger.frame != "pledge" or token.pos_ != "VERB":
        return False
    root = sent.doc[item.start : item.end].root
    node = root
    while node.head != node and node.head != token:
        node = node.head
    if node.head != token:
        return False  # not below the agreeing verb
    if node.dep_ == "prep" and node.lower_ in _TOPIC_PREPOSITIONS:
        topic = next((c for c in node.children if c.dep_ == "pobj"), None)  # English
    elif any(c.dep_ == "case" and c.lower_ in _TOPIC_PREPOSITIONS for c in node.children):
        topic = node  # "un accord sur un concept commun": the preposition hangs on the noun
    else:
        return False
    return topic is not None and topic.i not in trigger_ids and topic != root


def pledges_effort(token: Token, trigger: Trigger, trigger_ids: set[int], lexicon: Lexicon) -> bool:
    """ "agreed to work with him to find what was available": a pledge verb whose complement
    is an effort verb, with no transfer word below it, promises to try, not to hand over."""
    if trigger.frame != "pledge" or token.pos_ != "VERB":
        return False
    for child in token.children:
        if child.dep_ == "xcomp" and "effort" in lexicon.cue_kinds(child.lemma_):
            return not any(t.i in trigger_ids for t in child.subtree)
    return False


def company_name(sent: Span, item: Mention) -> bool:
    """A materiel word that is part of an organisation's name mid-sentence ("Royal
    Dutch/Shell", "Shell Oil") names the company, not what it sells."""
    words = sent.doc[item.start : item.end]
    return (
        item.subkind == "term"
        and item.start != sent.start
        and all(t.pos_ == "PROPN" and t.ent_type_ == "ORG" and t.is_title for t in words)
    )


def excluded(sent: Span, item: Mention, lexicon: Lexicon) -> bool:
    """Materiel a sentence leaves out ("goods supplied by British firms, excluding defence
    equipment", "tout sauf des chars", "à l'exception des armes") does not move."""
    doc = sent.doc
    root = doc[item.start : item.end].root
    if any("exclude" in lexicon.cue_kinds(a.lower_) for a in list(root.ancestors)[:3]):
        return True
    # Flat readings hang the word elsewhere: look right before the phrase, past articles.
    i = item.start - 1
    while i >= sent.start and doc[i].pos_ in ("DET", "ADP") and i >= item.start - 3:
        if "exclude" in lexicon.cue_kinds(doc[i].lower_):
            return True
        i -= 1
    return i >= sent.start and "exclude" in lexicon.cue_kinds(doc[i].lower_)


def _negated_governor(head: Token, lexicon: Lexicon) -> bool:
    """A verb under negation that governs the trigger: "n'a aucun intérêt à céder", "ces
    missiles ne doivent pas être réexpédiés", "did not want to send". Nothing is reported as
    moving; a verb whose negation keeps the action going ("n'a pas cessé de livrer",
    "did not hesitate to send") is left alone."""
    if "persist" in lexicon.cue_kinds(head.lemma_):
        return False
    return any(
        c.dep_ in ("neg", "advmod") and "negation" in lexicon.cue_kinds(c.lemma_)
        for c in head.children
    )


def _restricted(trigger: Token, lexicon: Lexicon) -> bool:
    """A transfer noun that only names what a ban, limit or embargo bears on ("les limites
    d'exportation imposées par les États-Unis", "a ban on arms sales"): nothing moves."""
    if trigger.pos_ != "NOUN":
        return False
    if trigger.dep_ in ("nmod", "pobj", "compound"):
        head = trigger.head.head if trigger.head.pos_ == "ADP" else trigger.head
        if "nontransfer" in lexicon.cue_kinds(head.lemma_) | lexicon.cue_kinds(head.lower_):
            return True  # "proceeds" has the lemma "proceed"
    # The parser may hang the noun on the verb ("maintient son embargo sur les livraisons"):
    # the word right before its preposition still says what it bears on.
    case = next((c for c in trigger.children if c.dep_ == "case" and c.i > 0), None)
    if case is None:
        return False
    before = trigger.doc[case.i - 1]
    return before.pos_ == "NOUN" and "nontransfer" in lexicon.cue_kinds(before.lemma_)


def _set_aside(sent: Span, trigger: Token, lexicon: Lexicon) -> bool:
    """ "Statt selbst Panzer zu schicken", "au lieu de leur livrer des chars": an "instead"
    word opening the trigger's stretch of the clause (no comma between) sets it aside."""
    words = sent.doc[max(sent.start, trigger.i - 6) : trigger.i]
    stretch = words.text.lower().replace("’", "'").split(",")[-1]
    return any(f" {term} " in f" {stretch} " for term in lexicon.terms_of("instead"))


# Where a request verb names the one asked: "asked Germany", "demandé à Israël de".
_ASKED_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "prep"})


def asks_for_something_else(
    token: Token, trigger: Trigger, materiel: list[Mention], actors: list[Mention]
) -> bool:
    """ "left for the Aegean to press Ankara's case", "demande des explications": a request
    verb whose object is neither materiel nor a party, and holds no materiel, asks for that
    object; weapons named nearby are not what it asks for ("pressing allies for fighter jets"
    holds them)."""
    if trigger.frame != "request" or token.pos_ != "VERB":
        return False
    parties = token_indices(actors)
    weapons = token_indices(materiel)
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    return bool(objects) and all(
        o.pos_ in ("NOUN", "PROPN")
        and o.i not in parties
        and not any(t.i in weapons for t in o.subtree)
        for o in objects
    )


def seeks_own_act(token: Token, trigger: Trigger, trigger_ids: set[int]) -> bool:
    """ "Northrop, seeking to sell F-5 fighters to Saudi Arabia": a request verb with no one
    asked, whose infinitive is itself a trigger, is its subject's own aim; the infinitive's
    flow is the one reported ("asked Germany to send" keeps its addressee and its request)."""
    if trigger.frame != "request" or token.pos_ != "VERB":
        return False
    asked = any(c.dep_ in _ASKED_DEPS or c.dep_.startswith("obl") for c in token.children)
    return not asked and any(c.dep_ == "xcomp" and c.i in trigger_ids for c in token.children)
