"""Finds gazetteer mentions (actors, materiel, media outlets, regions) in a spaCy Doc.

`MentionMatcher` is the one place where the gazetteers meet spaCy: phrase patterns are built
from the gazetteer data files once per language, matched case-insensitively (short
all-capital names such as `US` or `EU` case-sensitively, so the pronoun "us" is no actor),
and overlapping matches resolve to the longest. Each mention carries the id of the rule that
found it (`gaz.<kind>.<subkind>`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from armstrace.gazetteer import load_actors, load_materiel, load_media, load_regions

# Adjectives and demonyms only in the article's language (plus English, which articles in
# every language quote); names of states, capitals and organisations in any language.
_LANG_BOUND_KINDS = frozenset({"adjective", "demonym"})


@dataclass(frozen=True)
class Mention:
    """A gazetteer match: token span `[start, end)` of the Doc it was found in."""

    kind: str  # actor, materiel, media, region
    subkind: str  # state, adjective, capital, org, group, nonstate; term, system; outlet; region
    code: str  # actor code, materiel category, outlet name or region slug
    detail: str | None
    start: int
    end: int
    start_char: int
    end_char: int
    text: str

    @property
    def rule_id(self) -> str:
        return f"gaz.{self.kind}.{self.subkind}"


def materiel_term(words: Span, code: str) -> Mention:
    """A materiel mention of `code` over words no gazetteer entry matched ("une batterie",
    "these systems", an arming verb standing for its weapons)."""
    return Mention(
        "materiel", "term", code, None, words.start, words.end, words.start_char,
        words.end_char, words.text,
    )  # fmt: skip


def token_indices(mentions: list[Mention]) -> set[int]:
    """The Doc token indices the mentions cover."""
    return {i for m in mentions for i in range(m.start, m.end)}


def _needs_exact_case(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(surface) <= 4 and bool(letters) and all(c.isupper() for c in letters)


class MentionMatcher:
    """Phrase matchers over the gazetteers for one language."""

    def __init__(self, nlp: Language, lang: str) -> None:
        self.lang = lang
        self._labels: dict[str, tuple[str, str, str, str | None]] = {}
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        make_doc = nlp.make_doc

        def add(
            kind: str, subkind: str, code: str, detail: str | None, surface: str, exact: bool
        ) -> None:
            label = f"{kind}|{subkind}|{code}|{detail or ''}"
            self._labels[label] = (kind, subkind, code, detail)
            matcher = self._exact if exact else self._lower
            # Gazetteer surfaces use straight apostrophes; articles often have curly ones.
            variants = {surface, surface.replace("'", "’")}
            matcher.add(label, [make_doc(v) for v in sorted(variants)])

        for actor in load_actors():
            if actor.kind in _LANG_BOUND_KINDS and actor.lang not in (lang, "en", "*"):
                continue
            exact = actor.case_sensitive or _needs_exact_case(actor.surface)
            add("actor", actor.kind, actor.code, None, actor.surface, exact)
        for item in load_materiel():
            # Calibres only refine a detail ("155 mm"); the noun they qualify is the mention.
            if item.kind == "calibre" or (item.kind == "term" and item.lang not in (lang, "*")):
                continue
            exact = item.case_sensitive or _needs_exact_case(item.surface)
            for surface in item.match_surfaces:
                add("materiel", item.kind, item.category, item.detail or None, surface, exact)
        for outlet in load_media():
            exact = outlet.case_sensitive or _needs_exact_case(outlet.surface)
            add("media", "outlet", outlet.outlet, None, outlet.surface, exact)
        for region in load_regions():
            if region.lang in (lang, "en", "*"):
                add("region", "region", region.code, None, region.surface, region.case_sensitive)

    def __call__(self, doc: Doc) -> list[Mention]:
        spans: list[Span] = []
        for matcher in (self._lower, self._exact):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=match_id))
        mentions = []
        for span in filter_spans(spans):
            kind, subkind, code, detail = self._labels[span.label_]
            if kind == "materiel" and subkind == "term" and _civilian_use(span, self.lang):
                continue
            if kind == "materiel" and _inside_person_name(span):
                continue  # "Cesar Gaviria" is not a CAESAR howitzer
            if kind == "actor" and subkind == "state" and _inside_company_name(span):
                continue  # "Nobel Industries Sweden SA" is a firm, not Sweden
            mentions.append(
                Mention(
                    kind=kind,
                    subkind=subkind,
                    code=code,
                    detail=detail,
                    start=span.start,
                    end=span.end,
                    start_char=span.start_char,
                    end_char=span.end_char,
                    text=span.text,
                )
            )
        return mentions


# Words before a materiel noun that make it a civilian thing: "fuel tanks", "think tank".
_CIVILIAN_MODIFIERS = frozenset(
    {
        "fuel", "oil", "storage", "water", "radiator", "gas", "septic", "think", "fish",
        "petrol", "propane", "chemical", "oxygen", "ballast", "holding", "egg", "nut",
    }
)  # fmt: skip


_HYPHENS = frozenset({"-", "‑", "–"})
_AGAINST = frozenset({"anti", "counter", "contre", "gegen", "abwehr", "contra"})


def _civilian_use(span: Span, lang: str) -> bool:
    """A generic materiel word used for something else: a capitalised single word inside a
    sentence is a name ("Shell Canada", "American Aircraft"; not in German, which
    capitalises every noun), and a civilian modifier makes a civilian thing."""
    first = span[0]
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        len(span) == 1
        and first.is_title
        and following is not None
        and following.is_title
        and lang != "de"
        and not _title_cased(span.doc)
    ):
        return True  # "Shell Transport and Trading", "Tank Corp": a company's name
    if first.i == 0:
        return False
    previous = span.doc[first.i - 1]
    if previous.text in _HYPHENS and first.i >= 2 and span.doc[first.i - 2].lower_ in _AGAINST:
        return True  # "anti-tank and anti-air systems": what the weapon is against
    inside_sentence = previous.is_alpha or previous.text == ","
    if (
        len(span) == 1
        and first.is_title
        and inside_sentence
        and lang != "de"
        and not _title_cased(span.doc)
    ):
        return True
    return previous.lower_ in _CIVILIAN_MODIFIERS


# Legal-form words that close a company's name ("Allied Ordnance Co of Singapore Ltd").
_COMPANY_FORMS = frozenset(
    {
        "sa", "ab", "ag", "nv", "bv", "plc", "ltd", "inc", "corp", "co", "gmbh", "spa", "sarl",
        "sas", "llc", "asa", "oy", "oyj", "kk", "pty", "corporation", "company", "limited",
    }
)  # fmt: skip


def _inside_company_name(span: Span) -> bool:
    """A state's name that a company's name holds: the legal form follows it, directly or
    after capitalised words of the name ("Nobel Industries Sweden SA", "Singapore Technologies
    Engineering Ltd")."""
    doc = span.doc
    for token in doc[span.end : min(span.end + 3, len(doc))]:
        if token.text.rstrip(".").lower() in _COMPANY_FORMS and token.text[0].isupper():
            return True
        if not token.is_title:
            return False
    return False


def _inside_person_name(span: Span) -> bool:
    """A weapon name that is a person's first name: "Cesar Gaviria" (the whole entity is
    a person's name in plain capitalised words, longer than the weapon's name)."""
    for ent in span.doc.ents:
        if ent.label_ not in ("PER", "PERSON") or not (ent.start <= span.start < ent.end):
            continue
        words = list(ent)
        if (
            len(words) >= 2
            and len(ent) > len(span)
            and all(w.is_alpha and w.is_title for w in words)
        ):
            return True
    return False


def _title_cased(doc: Doc) -> bool:
    """A headline in Title Case ("Shells And Missiles Sent To Russia")."""
    words = [t for t in doc if t.is_alpha]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.6 * len(words)


@functools.cache
def mention_matcher(nlp: Language, lang: str) -> MentionMatcher:
    """The matcher for a pipeline and language, built once per process."""
    return MentionMatcher(nlp, lang)
