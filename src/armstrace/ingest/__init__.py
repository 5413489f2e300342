"""Ingest: read articles from files and streams, and clean them for extraction.

    read_inputs(paths)       -> RawDocument | Rejection, one by one (readers.py)
    clean_document(raw)      -> CleanDocument (cleaning.py)

Depends only on `armstrace.models` (and on trafilatura and lingua, imported when first
needed). Bad input is never an exception here: it is a `Rejection` with a reason.
"""

from armstrace.ingest.cleaning import clean_document, clean_text, compute_content_hash
from armstrace.ingest.dates import normalise_date
from armstrace.ingest.language import SUPPORTED_LANGUAGES, detect_language
from armstrace.ingest.readers import DEFAULT_MAX_BYTES, INPUT_FORMATS, read_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INPUT_FORMATS",
    "SUPPORTED_LANGUAGES",
    "clean_document",
    "clean_text",
    "compute_content_hash",
    "detect_language",
    "normalise_date",
    "read_inputs",
]
