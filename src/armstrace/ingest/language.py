"""Offline language identification of article text, restricted to the languages armstrace reads.

Lingua's n-gram models ship inside the wheel: nothing is downloaded. The detector is built once,
on first use, for French, English, German and Spanish only; telling four languages apart is
faster and more reliable than picking among seventy-five.
"""

from __future__ import annotations

import functools
from typing import Any

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "de", "es")
UNDETERMINED = "und"

# Only the start of a text is read: a first window is enough for nearly every article, a
# second, larger one settles the rest (beyond it, more text adds time, not accuracy).
_FIRST_WINDOW_CHARS = 1000
_SECOND_WINDOW_CHARS = 2000
_CONFIDENT = 0.9  # below this the first window is not trusted
_MIN_CONFIDENCE = 0.6  # below this the text is "und"
_MIN_LETTERS = 3


@functools.cache
def _detector() -> Any:
    # Imported here: lingua is only needed when an input does not declare its language.
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _best_guess(text: str) -> tuple[str, float]:
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return UNDETERMINED, 0.0
    best = values[0]
    return str(best.language.iso_code_639_1.name).lower(), float(best.value)


def _window(text: str, size: int) -> str:
    """The first `size` characters of `text`, cut at a space so no word is split."""
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size)
    return text[: cut if cut > size // 2 else size]


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text` among SUPPORTED_LANGUAGES, or "und" when unsure."""
    if sum(1 for char in text[:200] if char.isalpha()) < _MIN_LETTERS:
        return UNDETERMINED
    code, confidence = _best_guess(_window(text, _FIRST_WINDOW_CHARS))
    if confidence < _CONFIDENT and len(text) > _FIRST_WINDOW_CHARS:
        code, confidence = _best_guess(_window(text, _SECOND_WINDOW_CHARS))
    return code if confidence >= _MIN_CONFIDENCE else UNDETERMINED


def normalise_language_code(code: str | None) -> str | None:
    """The primary subtag of a declared language code, lowercased ("en-US" → "en")."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return primary or None
