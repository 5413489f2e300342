"""Cheap text tests that decide what is worth parsing.

Parsing is most of the cost of extraction, and most news says nothing about arms. An article
with no materiel word at all is not parsed; in the others, only lines with a materiel word, a
transfer trigger, a denial or a section heading are. The tests are word-set lookups on a
regex tokenisation, no spaCy.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from armstrace.extract.lexicon import load_lexicon
from armstrace.gazetteer import load_materiel

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+[-\w]*")
# Materiel words too common outside arms news to open an article on their own; they still
# count on a line once the article has passed.
_WEAK = frozenset(
    {"aid", "aide", "equipment", "matériel", "package", "parts", "engines", "systems", "system"}
)


@dataclass(frozen=True)
class Prefilter:
    lang: str
    materiel_words: frozenset[str]
    cue_words: frozenset[str]
    cue_stems: tuple[str, ...]

    def article_may_report(self, text: str) -> bool:
        words = set(_words(text))
        return any(w in self.materiel_words and w not in _WEAK for w in words)

    def line_may_matter(self, line: str) -> bool:
        words = _words(line)
        if any(w in self.materiel_words or w in self.cue_words for w in words):
            return True
        if any(w.startswith(self.cue_stems) for w in words):
            return True
        stripped = line.strip()
        return 0 < len(stripped) <= 40 and stripped.upper() == stripped


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _stem(lemma: str) -> str:
    """A prefix that the inflected forms of a verb or noun share (fournir → fourn)."""
    for suffix in ("ir", "er", "re", "e", "y", "en", "ar"):
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            return lemma[: -len(suffix)]
    return lemma


@functools.cache
def load_prefilter(lang: str) -> Prefilter:
    materiel_words: set[str] = set()
    for entry in load_materiel():
        if entry.kind == "calibre":
            continue
        # Numbers ("2" of "Leopard 2") would open every article that has one.
        words = [w for w in _words(entry.surface) if not w[0].isdigit()]
        if words:
            materiel_words.add(words[0])
            materiel_words.add(words[-1])
    lexicon = load_lexicon(lang)
    cue_words: set[str] = set()
    stems: set[str] = set()
    for lemma in list(lexicon.verbs) + list(lexicon.nouns):
        cue_words.add(lemma)
        stems.add(_stem(lemma))
    for term, kinds in lexicon.cues.items():
        if "deny" in kinds:
            stems.add(_stem(term))
    return Prefilter(
        lang=lang,
        materiel_words=frozenset(materiel_words),
        cue_words=frozenset(cue_words),
        cue_stems=tuple(sorted(s for s in stems if len(s) >= 3)),
    )
