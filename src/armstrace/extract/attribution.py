"""Stage and stance of a frame from the grammar around its trigger.

Stage: the trigger's own stage, moved to `planned` by future tense, "will", "va" + infinitive
or a plan verb above the trigger, and to `requested` by a request verb above it.
Stance: who says it. A reporting verb above the trigger names the claimer (its subject); a
hedge (reportedly, selon, the French conditional "aurait fourni") or an accusing verb marks an
allegation; a claimer who is neither supplier nor recipient makes it an allegation too.
A negated trigger or a denial verb above it makes the frame a denial.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from armstrace.extract.lexicon import Lexicon
from armstrace.nlp.mentions import Mention

_FUTURE_AUX = {"en": {"will", "shall", "'ll"}, "fr": set(), "de": set(), "es": set()}
_NEGATIONS = {
    "en": {"not", "n't", "never", "no"},
    "fr": {"pas", "jamais", "aucun", "aucune", "ni"},
    "de": {"nicht", "nie", "niemals", "keine", "keinen", "kein"},
    "es": {"no", "nunca", "jamás"},
}


@dataclass
class Attribution:
    stage: str
    stance: str = "asserted"
    claimers: list[Mention] = field(default_factory=list)
    speaker_tokens: list[Token] = field(default_factory=list)  # person subjects to resolve
    sources: list[str] = field(default_factory=list)
    denied: bool = False
    requesters: list[str] = field(default_factory=list)  # actors asking, when requested
    rule_ids: dict[str, list[str]] = field(default_factory=dict)

    def note(self, field_name: str, rule_id: str) -> None:
        ids = self.rule_ids.setdefault(field_name, [])
        if rule_id not in ids:
            ids.append(rule_id)


def _ancestors(token: Token, limit: int = 6) -> list[Token]:
    out = []
    current = token
    for _ in range(limit):
        if current.head == current:
            break
        current = current.head
        out.append(current)
    return out


def _beyond_own_clause(trigger: Token) -> set[int]:
    """Ancestors above a coordinated clause with a subject of its own: in "the President
    decided to prioritize exports, and Ukraine has received missiles", the first clause's
    decision does not make the second clause's receipt a plan."""
    node = trigger
    for ancestor in _ancestors(trigger):
        if node.dep_ == "conj" and any(c.dep_ in _CLAUSE_SUBJECTS for c in node.children):
            return {ancestor.i} | {a.i for a in _ancestors(ancestor)}
        node = ancestor
    return set()


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})


# Heads of a purpose infinitive that name money set aside: "$1 billion to buy and deliver".
_FUNDING_NOUNS = frozenset({"fund", "funds", "funding", "money", "dollar", "budget"})
_CURRENCY_SIGNS = frozenset({"$", "€", "£"})


def _funded_purpose(trigger: Token) -> bool:
    """True when the trigger is the purpose of a sum ("$1 billion to purchase and deliver key
    supplies", "funding to provide"): money set aside for a flow is a plan, not a delivery."""
    clause = trigger
    if clause.pos_ == "NOUN" and clause.dep_ in ("dobj", "obj"):
        clause = clause.head  # "to deliver key supplies": the noun trigger's verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head  # "to purchase and deliver": the infinitive heads the coordination
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    if not infinitive or clause.dep_ not in ("acl", "relcl"):
        return False
    head = clause.head
    return head.lemma_.lower() in _FUNDING_NOUNS or (
        head.like_num and any(t.text in _CURRENCY_SIGNS for t in head.subtree)
    )


def _is_future(token: Token, lang: str) -> bool:
    if "Fut" in token.morph.get("Tense", []) or (lang == "fr" and _french_future_form(token)):
        return True
    for child in token.children:
        if child.dep_.startswith("aux") and (
            child.lower_ in _FUTURE_AUX.get(lang, set()) or "Fut" in child.morph.get("Tense", [])
        ):
            return True
    # French near future: "va envoyer" (aller + infinitive), where the parser makes "va" aux.
    if lang == "fr" and token.head.lemma_ == "aller" and "Inf" in token.morph.get("VerbForm", []):
        return True
    return any(c.lemma_ == "aller" and c.dep_.startswith("aux") for c in token.children)


_FRENCH_FUTURE_ENDINGS = ("a", "ai", "as", "ons", "ez", "ont")


def _french_future_form(token: Token) -> bool:
    """A French future built on the infinitive ("remettra", "fournira", "livreront"), which
    the tagger sometimes reads as a present. The passé simple ("livra") does not hold the
    infinitive, so it is not mistaken for one."""
    lemma, form = token.lemma_.lower(), token.lower_
    if token.pos_ != "VERB" or not lemma.endswith(("er", "ir", "re")):
        return False
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return form.startswith(stem) and form[len(stem) :] in _FRENCH_FUTURE_ENDINGS


def _future_in_past(token: Token) -> bool:
    """English "would send" (not "would have sent"): a future seen from the past, or an offer."""
    aux = [c.lower_ for c in token.children if c.dep_.startswith("aux")]
    return "would" in aux and "have" not in aux


def _on_condition(token: Token, lexicon: Lexicon) -> bool:
    """A clause with an "if"/"si" clause of its own: what it says is offered on a condition."""
    return any(
        "condition" in lexicon.cue_kinds(mark.lower_)
        for clause in token.children
        if clause.dep_ == "advcl"
        for mark in clause.children
        if mark.dep_ == "mark"
    )


def _is_conditional(token: Token) -> bool:
    if "Cnd" in token.morph.get("Mood", []):
        return True
    return any(
        c.dep_.startswith("aux") and "Cnd" in c.morph.get("Mood", []) for c in token.children
    )


# Modal verbs whose conditional is one of wish, possibility or duty ("voudrait livrer",
# "pourrait livrer", "devrait livrer"), not the reportative conditional of hearsay.
_MODAL_CONDITIONALS = frozenset(
    {"vouloir", "pouvoir", "devoir", "aimer", "souhaiter", "querer", "poder", "deber"}
)


def _governed_by_conditional(trigger: Token) -> bool:
    """An infinitive trigger under a verb in the conditional: "la Russie ferait parvenir",
    "Téhéran aurait accepté de fournir" report hearsay as much as "aurait fourni"."""
    node = trigger
    for _ in range(2):
        if node.dep_ != "xcomp" or "Inf" not in node.morph.get("VerbForm", []):
            return False
        node = node.head
        if node.lemma_.lower() in _MODAL_CONDITIONALS:
            return False
        if _is_conditional(node):
            return True
    return False


def _is_negated(token: Token, lang: str) -> bool:
    negs = _NEGATIONS.get(lang, set())
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in negs for c in token.children)


def attribute(
    sent: Span,
    trigger: Token | None,
    base_stage: str,
    mentions: list[Mention],
    lexicon: Lexicon,
) -> Attribution:
    """Stage, stance, claimers and sources of a frame whose trigger is `trigger`."""
    lang = lexicon.lang
    result = Attribution(stage=base_stage)
    doc = sent.doc
    sent_lower = sent.text.lower().replace("’", "'")  # same length: offsets still hold

    # Hedges anywhere in the sentence: reportedly, selon, according to, secretly.
    for token in sent:
        kinds = lexicon.cue_kinds(token.lemma_ or token.lower_) | lexicon.cue_kinds(token.lower_)
        if "hedge" in kinds:
            result.stance = "alleged"
            result.note("stance", f"{lang}.stance.hedge.{token.lower_}")
        if "source" in kinds:
            _take_source(sent, token.i + 1, mentions, result)
    for phrase, kinds in lexicon.phrases.items():
        if phrase in sent_lower:
            if "source" in kinds:
                where = sent_lower.index(phrase) + len(phrase) + sent.start_char
                after = [t.i for t in sent if t.idx >= where]
                if after:
                    _take_source(sent, after[0], mentions, result)
            if "hedge" in kinds:
                result.stance = "alleged"
                result.note("stance", f"{lang}.stance.hedge.{phrase.replace(' ', '_')}")
            if "plan" in kinds and trigger is not None and base_stage == "delivered":
                result.stage = "planned"
                result.note("stage", f"{lang}.stage.plan.{phrase.replace(' ', '_')}")

    if trigger is not None:
        conditional = _is_conditional(trigger) or _governed_by_conditional(trigger)
        offer = _on_condition(trigger, lexicon)
        if lang in ("fr", "es") and conditional and base_stage == "delivered" and not offer:
            # "aurait fourni": the French reportative conditional marks an allegation.
            result.stance = "alleged"
            result.note("stance", f"{lang}.stance.conditional")
        if _is_future(trigger, lang) and result.stage == "delivered":
            result.stage = "planned"
            result.note("stage", f"{lang}.stage.future")
        elif result.stage == "delivered" and (offer or _future_in_past(trigger)):
            # "fourniraient … si le Congrès l'approuve", "said it would send": not yet done.
            result.stage = "planned"
            result.note("stage", f"{lang}.stage.would")
        if _is_negated(trigger, lang):
            result.denied = True
            result.note("stance", f"{lang}.stance.negated")
        for child in trigger.children:
            # "assistance committed to Ukraine", "the package announced today".
            child_trigger = lexicon.trigger_for(child.lemma_, child.pos_)
            pledged = child_trigger is not None and child_trigger.frame == "pledge"
            if (
                child.dep_ in ("acl", "relcl", "amod")
                and result.stage == "delivered"
                and (pledged or "plan" in lexicon.cue_kinds(child.lemma_))
            ):
                result.stage = "planned"
                result.note("stage", f"{lang}.stage.modified_by.{child.lemma_}")
        if result.stage == "delivered" and _funded_purpose(trigger):
            result.stage = "planned"
            result.note("stage", f"{lang}.stage.funded_purpose")
        reported = False  # above a reported clause, a future is the speaker's, not the flow's
        # A relative clause states its own event: "pledged tanks, which arrived in March".
        relative = trigger.dep_ in ("relcl", "acl:relcl")
        beyond = _beyond_own_clause(trigger)
        for ancestor in _ancestors(trigger):
            reported |= any(
                c.dep_ in ("ccomp", "parataxis") and trigger in c.subtree for c in ancestor.children
            )
            kinds = lexicon.cue_kinds(ancestor.lemma_ or ancestor.lower_)
            trig = lexicon.trigger_for(ancestor.lemma_, ancestor.pos_)
            if ancestor.i in beyond:
                kinds = kinds - {"plan", "request"}  # another clause's plan or request
                trig = None
            if (
                ("plan" in kinds or (trig is not None and trig.frame == "pledge"))
                and result.stage == "delivered"
                and not relative
            ):
                result.stage = "planned"
                result.note("stage", f"{lang}.stage.governed_by.{ancestor.lemma_}")
            elif (
                not reported
                and ancestor.i not in beyond
                and result.stage == "delivered"
                and _is_future(ancestor, lang)
            ):
                # "Germany will join the United States in supplying a Patriot battery"
                result.stage = "planned"
                result.note("stage", f"{lang}.stage.governed_by_future")
            if "request" in kinds or (trig is not None and trig.frame == "request"):
                result.stage = "requested"
                result.note("stage", f"{lang}.stage.requested_by.{ancestor.lemma_}")
                result.requesters.extend(_subject_actors(ancestor, mentions))
            if kinds & {"report", "allege", "deny"}:
                _take_speaker(ancestor, mentions, doc, result)
                if "allege" in kinds:
                    result.stance = "alleged"
                    result.note("stance", f"{lang}.stance.allege.{ancestor.lemma_}")
                if "deny" in kinds:
                    result.denied = True
                    result.note("stance", f"{lang}.stance.deny.{ancestor.lemma_}")
                break
    if trigger is not None and not doc.has_annotation("DEP"):
        _unparsed_clause_cues(sent, trigger, lexicon, result)
    # "…, officials said." with the reporting verb as the sentence root and the trigger in a
    # clause that the parser attached elsewhere.
    # The same with an inserted clause: "…, a affirmé lundi le ministre" (parataxis).
    if not result.claimers and not result.speaker_tokens:
        # (or a conjunct the parser hung on the reported clause's verb).
        later = trigger.i if trigger is not None else sent.start
        reporting = [sent.root] + [
            t for t in sent if t.dep_.startswith("parataxis") or (t.dep_ == "conj" and t.i > later)
        ]
        for verb in reporting:
            kinds = lexicon.cue_kinds(verb.lemma_ or verb.lower_)
            if not kinds & {"report", "allege"} or (trigger is not None and verb == trigger):
                continue
            _take_speaker(verb, mentions, doc, result)
            if "allege" in kinds:
                result.stance = "alleged"
                result.note("stance", f"{lang}.stance.allege.{verb.lemma_}")
            if result.claimers or result.speaker_tokens:
                break
    for m in mentions:
        if m.kind == "media" and m.code not in result.sources:
            result.sources.append(m.code)
            result.note("sources", "gaz.media.outlet")
    return result


# German "soll … geliefert haben": a modal before a perfect infinitive reports hearsay.
_PERFECT_AUXILIARIES = frozenset({"haben", "worden", "sein"})
_CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "(", ")"})


def _unparsed_clause_cues(
    sent: Span, trigger: Token, lexicon: Lexicon, result: Attribution
) -> None:
    """Languages without a parser (German, Spanish): a plan word earlier in the trigger's
    clause makes the flow planned ("soll … bekommen", "wird … liefern"), except before a
    perfect infinitive, where it reports an allegation ("soll … geliefert haben")."""
    if _unparsed_negation(sent, trigger, lexicon.lang):
        result.denied = True
        result.note("stance", f"{lexicon.lang}.stance.negated_clause")
    following = trigger.nbor(1).lower_ if trigger.i + 1 < sent.end else ""
    for token in reversed(sent.doc[sent.start : trigger.i]):
        if token.text in _CLAUSE_PUNCTUATION:
            return
        if "plan" not in lexicon.cue_kinds(token.lower_):
            continue
        if following in _PERFECT_AUXILIARIES:
            result.stance = "alleged"
            result.note("stance", f"{lexicon.lang}.stance.modal_perfect.{token.lower_}")
        elif result.stage == "delivered":
            result.stage = "planned"
            result.note("stage", f"{lexicon.lang}.stage.clause_plan.{token.lower_}")
        return


def _unparsed_negation(sent: Span, trigger: Token, lang: str) -> bool:
    """A negation in the trigger's clause ("lieferte Russland keine Panzer", "Irán no envió
    drones"), other than "not only" ("nicht nur", "no solo")."""
    negations = _NEGATIONS.get(lang, set())
    start, end = trigger.i, trigger.i
    while start > sent.start and sent.doc[start - 1].text not in _CLAUSE_PUNCTUATION:
        start -= 1
    while end + 1 < sent.end and sent.doc[end + 1].text not in _CLAUSE_PUNCTUATION:
        end += 1
    return any(
        token.lower_ in negations
        and (token.i + 1 >= len(sent.doc) or sent.doc[token.i + 1].lower_ not in _ONLY)
        for token in sent.doc[start : end + 1]
    )


_ONLY = frozenset({"nur", "solo", "sólo", "solamente", "only"})
_SOURCE_SPAN = 8  # tokens after "selon" / "according to" that name the source


_SOURCE_JOINERS = frozenset({"und", "und der", "und den", "y", "y de", "e", "and", "et", ","})


def _take_source(sent: Span, start: int, mentions: list[Mention], result: Attribution) -> None:
    """ "selon le ministère tchèque", "according to US officials": the actors named right after
    the cue claim it, outlets named there are its sources."""
    end = start
    while end < sent.end and end - start < _SOURCE_SPAN and sent.doc[end].text not in ",.;:":
        end += 1
    if not sent.doc.has_annotation("DEP"):
        # With no parse and no comma ("Laut den USA lieferte Iran …"), the phrase is the
        # first name and what "and" joins to it.
        named = [m for m in mentions if start <= m.start < end]
        if named:
            end = named[0].end
            for m in named[1:]:
                if sent.doc[end : m.start].text.lower() not in _SOURCE_JOINERS:
                    break
                end = m.end
    for m in mentions:
        if start <= m.start and m.end <= end:
            if m.kind == "actor":
                result.claimers.append(m)
                result.note("claimed_by", "source.according_to")
            elif m.kind == "media" and m.code not in result.sources:
                result.sources.append(m.code)
                result.note("sources", "source.according_to")


def _subject_actors(verb: Token, mentions: list[Mention]) -> list[str]:
    """Codes of the actors named in the subject of `verb`."""
    codes = []
    for subject in verb.children:
        if subject.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            left, right = subject.left_edge.i, subject.right_edge.i + 1
            codes += [m.code for m in mentions if m.kind == "actor" and left <= m.start < right]
    return codes


def _take_speaker(verb: Token, mentions: list[Mention], doc: object, result: Attribution) -> None:
    """The subject of a reporting verb: actor mentions in it, else its person tokens."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    if not subjects:
        # Inverted speaker after the reported clause ("…, a affirmé le ministre"), which the
        # parser often labels as an object.
        subjects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i]
    # "selon X" / "according to X" attached to the verb also names a speaker.
    for child in verb.children:
        if child.dep_ in ("obl:mod", "obl", "prep") and child.lower_ in ("selon", "according"):
            subjects.append(child)
        if child.dep_.startswith("obl") and any(c.lower_ == "selon" for c in child.children):
            subjects.append(child)
    for subject in subjects:
        left, right = subject.left_edge.i, subject.right_edge.i + 1
        found = [
            m
            for m in mentions
            if m.kind in ("actor", "media") and left <= m.start and m.end <= right
        ]
        actors = [m for m in found if m.kind == "actor"]
        if actors:
            result.claimers.extend(actors)
            result.note("claimed_by", "speaker.subject")
        else:
            result.speaker_tokens.append(subject)
        for m in found:
            if m.kind == "media" and m.code not in result.sources:
                result.sources.append(m.code)
                result.note("sources", "speaker.media")
        if found and not actors:
            # "Axios reported that …", "according to The Intercept": only an outlet says it,
            # a third party's claim (ANNOTATION.md: alleged).
            result.stance = "alleged"
            result.note("stance", "speaker.media_report")
