"""Why an input cannot be used: the internal exception the readers turn into a Rejection.

Reading code raises `UnusableInput(reason)` wherever it finds a problem; the one place that
iterates over inputs (`readers.read_inputs`) catches it and yields `Rejection(source, reason)`,
so a bad file never stops a run and every reason is recorded.
"""

from __future__ import annotations


class UnusableInput(Exception):
    """An input (file, record, stream) that cannot be turned into a document."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def describe_size(max_bytes: int) -> str:
    """`max_bytes` for a person: "20 MB", "64 KB", "500 bytes"."""
    if max_bytes >= 1_000_000 and max_bytes % 100_000 == 0:
        return f"{max_bytes / 1_000_000:g} MB"
    if max_bytes >= 1_000 and max_bytes % 100 == 0:
        return f"{max_bytes / 1_000:g} KB"
    return f"{max_bytes} bytes"


def too_large(max_bytes: int, what: str = "") -> UnusableInput:
    """The error for an input over the size limit; `what` says which part, if not the file."""
    subject = f"{what} " if what else ""
    return UnusableInput(
        f"{subject}larger than the {describe_size(max_bytes)} limit (set --max-bytes)"
    )
