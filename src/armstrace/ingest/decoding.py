"""Bytes to text: UTF-8 first, a legacy encoding only when the result clearly reads as text.

Binary content is refused before any decoding is tried: a NUL byte, or more than a few
control characters, cannot be article text. Text that is not valid UTF-8 (with or without a
byte-order mark) is read as Windows-1252 only where the caller allows it (plain text and
HTML, which are often saved by old tools; never JSON or CSV, which are UTF-8 by definition)
and only when every byte decodes and the characters look like prose in a Latin script. An
HTML page may also declare its charset, which is tried first.
"""

from __future__ import annotations

import codecs
import unicodedata

from armstrace.ingest.input_errors import UnusableInput

BINARY = "binary file, not text"
NOT_UTF8 = "not valid UTF-8 text"

_SAMPLE_BYTES = 65_536
_MAX_CONTROL_SHARE = 0.01  # of the sample's bytes
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_LEGACY_ENCODING = "cp1252"
# Symbols that Latin-script prose uses outside letters, digits and ASCII punctuation.
_PROSE_SYMBOLS = frozenset("«»“”‘’„‚–—…€£°§•·©®™\u00a0")
_MIN_LETTER_SHARE_OF_NON_ASCII = 0.75


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _reads_as_latin_prose(text: str) -> bool:
    """Whether text decoded with a legacy code page looks like prose, not like mojibake."""
    non_ascii = [char for char in text if not char.isascii()]
    if not non_ascii:
        return True
    letters = sum(1 for char in non_ascii if char.isalpha() or char in _PROSE_SYMBOLS)
    if letters < _MIN_LETTER_SHARE_OF_NON_ASCII * len(non_ascii):
        return False
    # C1 controls and unassigned code points never occur in real prose.
    return not any(unicodedata.category(char) in ("Cc", "Cn") for char in non_ascii)


def decode_text(data: bytes, *, allow_legacy: bool = False, declared: str | None = None) -> str:
    """Decode `data` as article text, or raise UnusableInput saying why it is not text.

    `declared` is a charset the input names for itself (an HTML meta tag); `allow_legacy`
    permits the Windows-1252 fallback.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnusableInput(NOT_UTF8) from None
    if _looks_binary(data):
        raise UnusableInput(BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall through to the checked fallback
    if allow_legacy:
        try:
            text = data.decode(_LEGACY_ENCODING)
        except UnicodeDecodeError:
            raise UnusableInput(NOT_UTF8) from None
        if _reads_as_latin_prose(text):
            return text
    raise UnusableInput(NOT_UTF8)
