"""Cheap text tests that decide what is worth parsing.

Parsing is most of the cost of extraction, and most news says nothing about arms. An article
with no materiel phrase at all is not parsed; in the others, only the sentences that name
materiel, deny something, head a list ("The package includes:") or are section headings
("DÉJÀ LIVRÉ") are, with the sentences of one line that pass kept together. The tests are
set lookups of word n-grams from a regex tokenisation: no spaCy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from armstrace.extract.lexicon import load_lexicon
from armstrace.extract.materiel_phrases import PLATFORM_NOUNS
from armstrace.gazetteer import load_materiel
from armstrace.nlp.pipelines import BLANK_LANGUAGES, COMPOUND_HYPHEN

# Hyphens and apostrophes stay inside a word, so "AT-1" is not "at 1" of "at 1 pct".
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_MAX_NGRAM = 4
# Materiel words too common outside arms news to open an article on their own; they still
# count in a sentence once the article has passed.
_WEAK = frozenset(
    {
        "aid", "aide", "equipment", "matériel", "materiel", "package", "parts", "engines",
        "systems", "system", "component", "components", "arms", "ammunition", "munitions",
        "security assistance", "military aid", "aircraft", "vessels", "equipement",
    }
)  # fmt: skip
# A sentence ends at . ! ? followed by a space and a capital or a quote, unless the word
# before is a single capital (initials, "U.S.") or a common abbreviation.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“«‘(]?[A-ZÀ-ÖØ-Þ])")
_NO_SPLIT_BEFORE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|St|Jr|No|Nos|vs|M|Mme|MM))\.$"
)
# A list header: ends with a colon ("The package includes:"), or says what a package holds.
HEADER_END = re.compile(r"[:：]\s*$")
# Words saying what a package holds, shared by list headers and continuation sentences.
_INCLUSION = r"include[sd]?|comprend|comprennent|umfasst|enthält|incluye|incluyen"
INCLUDES = re.compile(
    rf"\b({_INCLUSION}|including|comprenant|notamment)\b",
    re.IGNORECASE,
)
# Predicates saying what a flow just described contains: "Le paquet comprend …", "It
# includes …", "Des roquettes font aussi partie des cargaisons".
CONTINUES = re.compile(
    rf"\b({_INCLUSION}|contains?|contained|consists? of|comprises?|comprenait|comprenaient|"
    r"inclu(?:t|ent|ait|aient|ra)|contien(?:t|nent)|contenait|renferm\w*|"
    r"f(?:ait|ont) (?:aussi |également )?partie|umfassen|enthalten|contiene|contienen)\b",
    re.IGNORECASE,
)
# Inflected forms of denial verbs (the lexicon has lemmas; this test sees raw words).
_DENIAL_FORMS = {
    "en": r"deni(?:e[sd]|al)|deny(?:ing)?|reject\w*|dismiss\w*|refut\w*|rebuff\w*|disput\w*",
    "fr": r"d[ée]ment\w*|ni(?:e|é|ée|és|ent|ait|aient|er)|rejett?\w*|r[ée]fut\w*|contest\w*",
    "de": r"bestr[ei]\w*|dementier\w*|zur[üu]ckgewiesen|wies|weist|leugne\w*",
    "es": r"neg[óa]\w*|niega\w*|rechaz\w*|desmint\w*|desmient\w*",
}


# Word forms of the arming verbs (see `arming`): "accused of arming the RSF" names no
# materiel, yet reports weapons handed over. "armée" (army) and "arms" (weapons) are left out.
_ARMING = {
    "en": re.compile(r"arm|arming|armed"),
    "fr": re.compile(r"arm(?:er|é|és|ant|ent|ait|aient|era|eront|erait|eraient|erons)"),
}


@dataclass(frozen=True)
class Prefilter:
    lang: str
    materiel_phrases: frozenset[str]
    first_words: frozenset[str]  # first word of every phrase: a cheap test before joining
    denial: re.Pattern[str]
    trigger_words: frozenset[str]

    def article_may_report(self, text: str) -> bool:
        found = self._materiel_in(self._words(text))
        return any(phrase not in _WEAK for phrase in found)

    def _words(self, text: str) -> list[str]:
        words = _words(text)
        if self.lang not in BLANK_LANGUAGES:
            return words
        # The German and Spanish tokeniser splits "Patriot-Raketen" (see `nlp.pipelines`):
        # its parts are words too.
        return [part for w in words for part in _with_parts(w)]

    def sentence_may_matter(self, sentence: str) -> bool:
        words = self._words(sentence)
        if self._materiel_in(words):
            return True
        if any(self.denial.fullmatch(w) for w in words):
            return True
        arming = _ARMING.get(self.lang)
        if arming is not None and any(arming.fullmatch(w) for w in words):
            return True
        stripped = sentence.strip()
        if HEADER_END.search(stripped) and (
            INCLUDES.search(stripped) or any(w in self.trigger_words for w in words)
        ):
            return True
        return 0 < len(stripped) <= 40 and stripped.upper() == stripped

    def has_trigger(self, sentence: str) -> bool:
        return any(w in self.trigger_words for w in _words(sentence))

    def _materiel_in(self, words: list[str]) -> set[str]:
        found = set()
        phrases = self.materiel_phrases
        for i in range(len(words)):
            if words[i] not in self.first_words:
                continue
            for n in range(1, _MAX_NGRAM + 1):
                if i + n > len(words):
                    break
                gram = " ".join(words[i : i + n])
                if gram in phrases:
                    found.add(gram)
        return found


def iter_units(text: str, prefilter: Prefilter) -> Iterator[tuple[int, str]]:
    """(offset, text) of the stretches of `text` worth parsing: within each line, the runs of
    consecutive sentences that pass the prefilter."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            run_start: int | None = None
            run_end = 0
            for start, end, keep in _kept_sentences(line, prefilter):
                if keep:
                    if run_start is None:
                        run_start = start
                    run_end = end
                elif run_start is not None:
                    yield offset + run_start, line[run_start:run_end]
                    run_start = None
            if run_start is not None:
                yield offset + run_start, line[run_start:run_end]
        offset += len(line) + 1


def _kept_sentences(line: str, prefilter: Prefilter) -> list[tuple[int, int, bool]]:
    """The sentences of a line and whether each is worth parsing. A trigger sentence with no
    materiel is kept when the next one continues it ("…a new package for Ukraine. It
    includes 40 Marder")."""
    spans = list(_sentence_spans(line))
    keep = [prefilter.sentence_may_matter(line[a:b]) for a, b in spans]
    for i in range(len(spans) - 1):
        following = line[spans[i + 1][0] : spans[i + 1][1]]
        if not keep[i] and keep[i + 1] and CONTINUES.search(following):
            keep[i] = prefilter.has_trigger(line[spans[i][0] : spans[i][1]])
    for i in range(1, len(spans)):
        # "Le SAMP/T franco-italien. Paris et Rome ont livré une batterie": a sentence
        # whose only materiel word is a platform noun may go on from the one before.
        if keep[i - 1] and not keep[i]:
            keep[i] = _names_platform(line[spans[i][0] : spans[i][1]])
    return [(a, b, k) for (a, b), k in zip(spans, keep, strict=True)]


def _names_platform(sentence: str) -> bool:
    return any(w in PLATFORM_NOUNS for w in _words(sentence))


def _sentence_spans(line: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(line):
        if _NO_SPLIT_BEFORE.search(line[max(0, match.start() - 5) : match.start()]):
            continue
        yield start, match.start()
        start = match.end()
    yield start, len(line)


_ELISION = re.compile(r"^(?:[a-z]|qu|jusqu|lorsqu|puisqu)'")


_WORD_HYPHEN = re.compile(COMPOUND_HYPHEN)


def _with_parts(word: str) -> list[str]:
    parts = _WORD_HYPHEN.split(word)
    return [word, *parts] if len(parts) > 1 else [word]


def _words(text: str) -> list[str]:
    """Lowercase words; French elisions drop their article ("d'obus" is "obus")."""
    return [_ELISION.sub("", w.lower()) for w in _WORD.findall(text.replace("’", "'"))]


@functools.cache
def load_prefilter(lang: str) -> Prefilter:
    phrases: set[str] = set()
    for entry in load_materiel():
        if entry.kind == "calibre":
            continue
        for surface in entry.match_surfaces:
            words = _words(surface)
            # A bare number ("2" of "Leopard 2" split off) would open every article with one.
            if words and len(words) <= _MAX_NGRAM and not (len(words) == 1 and words[0].isdigit()):
                phrases.add(" ".join(words))
            if lang in BLANK_LANGUAGES:  # "IRIS-T" as the split words of "IRIS-T-Systeme"
                split = [p for w in words for p in _WORD_HYPHEN.split(w)]
                if len(split) > len(words) and len(split) <= _MAX_NGRAM:
                    phrases.add(" ".join(split))
    lexicon = load_lexicon(lang)
    return Prefilter(
        lang=lang,
        materiel_phrases=frozenset(phrases),
        first_words=frozenset(p.split(" ")[0] for p in phrases),
        denial=re.compile(_DENIAL_FORMS.get(lang, _DENIAL_FORMS["en"])),
        trigger_words=frozenset(list(lexicon.verbs) + list(lexicon.nouns)),
    )
