"""Multi-record inputs: JSON Lines, JSON and CSV files, read as streams of documents.

A record is an object with a `text` string and optional `id`, `title`, `url`, `date` (or
`published`) and `lang`. A bad record (malformed line, no usable text, too large) becomes a
Rejection for `source:N` and reading goes on with the next one; only a problem that leaves
the rest of the file unreadable (the CSV parser losing its place, undecodable bytes in a CSV
stream) ends the file. Records are read one at a time, so a corpus of any size streams in
constant memory; the size limit applies to each record.

Numbering: for JSON Lines N is the line number; for CSV and for a JSON list it is the
record's number (the header row is not a record). Records without an id are named
`<file stem>-<k>`, with k the record's 1-based position.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any, BinaryIO

from armstrace.ingest.dates import normalise_date
from armstrace.ingest.decoding import NOT_UTF8
from armstrace.ingest.input_errors import UnusableInput, too_large
from armstrace.ingest.language import normalise_language_code
from armstrace.models import RawDocument, Rejection

EMPTY = "empty"
_READ_CHUNK = 1 << 20
_ID_TYPES = (str, int)


def _optional_string(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _record_id(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, _ID_TYPES):
        return None
    return str(value).strip() or None


def document_from_record(
    record: Any, *, source: str, default_id: str, input_format: str, max_bytes: int
) -> RawDocument:
    """The RawDocument of one parsed record, or UnusableInput saying what is wrong with it."""
    if not isinstance(record, Mapping):
        raise UnusableInput("not a JSON object")
    text = record.get("text")
    if text is None:
        raise UnusableInput('no "text" field')
    if not isinstance(text, str):
        raise UnusableInput('"text" is not a string')
    if not text.strip():
        raise UnusableInput(EMPTY)
    if len(text) > max_bytes:
        raise too_large(max_bytes, "text")
    date = record.get("date")
    if date is None or date == "":
        date = record.get("published")
    lang = record.get("lang")
    return RawDocument(
        id=_record_id(record.get("id")) or default_id,
        text=text,
        source=source,
        title=_optional_string(record.get("title")),
        url=_optional_string(record.get("url")),
        published=normalise_date(date),
        lang=normalise_language_code(lang) if isinstance(lang, str) else None,
        input_format=input_format,
    )


def _as_document(
    record: Any, source: str, default_id: str, input_format: str, max_bytes: int
) -> RawDocument | Rejection:
    try:
        return document_from_record(
            record,
            source=source,
            default_id=default_id,
            input_format=input_format,
            max_bytes=max_bytes,
        )
    except UnusableInput as problem:
        return Rejection(source, problem.reason)


def _skip_rest_of_line(readline: Callable[[int], bytes]) -> None:
    while True:
        chunk = readline(_READ_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def read_json_lines(
    readline: Callable[[int], bytes],
    *,
    source: str,
    stem: str,
    max_bytes: int,
    first_line_number: int = 1,
) -> Iterator[RawDocument | Rejection]:
    """Documents from a JSON Lines stream, given its `readline(limit)` (bytes)."""
    line_number = first_line_number - 1
    record_number = 0
    while True:
        line = readline(max_bytes + 1)
        if not line:
            return
        line_number += 1
        here = f"{source}:{line_number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(readline)
            record_number += 1
            yield Rejection(here, too_large(max_bytes, "record").reason)
            continue
        if not line.strip():
            continue
        record_number += 1
        try:
            decoded = line.decode("utf-8-sig" if line_number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield Rejection(here, NOT_UTF8)
            continue
        try:
            record = json.loads(decoded)
        except json.JSONDecodeError as error:
            reason = f"malformed JSON on line {line_number}: {error.msg} (column {error.colno})"
            yield Rejection(here, reason)
            continue
        yield _as_document(record, here, f"{stem}-{record_number}", "jsonl", max_bytes)


def read_json_document(
    data: bytes, *, source: str, stem: str, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """Documents from a whole JSON file: one object, or a list of objects."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        yield Rejection(source, NOT_UTF8)
        return
    except json.JSONDecodeError as error:
        yield Rejection(source, f"malformed JSON on line {error.lineno}: {error.msg}")
        return
    if isinstance(value, Mapping):
        yield _as_document(value, source, stem, "json", max_bytes)
    elif isinstance(value, list):
        if not value:
            yield Rejection(source, EMPTY)
        for number, item in enumerate(value, start=1):
            yield _as_document(item, f"{source}:{number}", f"{stem}-{number}", "json", max_bytes)
    else:
        yield Rejection(source, "JSON is neither an object nor a list of objects")


def read_csv_rows(
    stream: BinaryIO, *, source: str, stem: str, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """Documents from a CSV stream with a header row that names a `text` column."""
    # The csv module's limit is global and defaults to 128 KB, less than some articles; the
    # size limit is enforced per record below, so the parser may hold up to that much.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    record_number = 0
    try:
        reader = csv.reader(text_stream)
        header = next(reader, None)
        if header is None:
            yield Rejection(source, EMPTY)
            return
        columns = [name.strip().lower() for name in header]
        if "text" not in columns:
            yield Rejection(source, 'no "text" column in the CSV header')
            return
        for row in reader:
            record_number += 1
            if not any(cell.strip() for cell in row):
                continue
            record = dict(zip(columns, row, strict=False))
            here = f"{source}:{record_number}"
            yield _as_document(record, here, f"{stem}-{record_number}", "csv", max_bytes)
    except UnicodeDecodeError:
        yield Rejection(f"{source}:{record_number + 1}", NOT_UTF8)
    except csv.Error as error:
        reason = str(error)
        if "field larger than field limit" in reason:
            reason = too_large(max_bytes, "field").reason
        yield Rejection(f"{source}:{record_number + 1}", f"malformed CSV: {reason}")
    finally:
        text_stream.detach()  # the caller owns and closes the underlying stream
