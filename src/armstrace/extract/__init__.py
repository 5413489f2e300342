"""Extraction: cleaned articles in, per-article transfer reports out.

Only this package and `armstrace.nlp` import spaCy; `extract_report` returns plain
`armstrace.models` dataclasses.
"""

from armstrace.extract.engine import EXTRACTOR_VERSION, extract_report

__all__ = ["EXTRACTOR_VERSION", "extract_report"]
