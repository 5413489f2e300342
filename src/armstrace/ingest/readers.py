"""Reading inputs: paths (files, directories, "-" for standard input) to RawDocuments.

`read_inputs` is the one entry point. It never raises for bad input: a file that cannot be
used, or a bad record inside a good file, becomes a `Rejection(source, reason)` in the stream
and reading goes on.

Formats are chosen by extension, optionally followed by ".gz": .txt and .md (one article, the
first line may be its title, see `plain_text.py`), .html/.htm (one page, see `html_pages.py`),
.jsonl/.ndjson, .json and .csv (many records, see `records.py`). Standard input is sniffed:
JSON Lines if it starts with "{", HTML if it starts with "<", plain text otherwise.

Size limit: a single-article file (and a whole .json file, which is parsed at once) larger
than `max_bytes` is rejected before it is read; compressed, it is rejected if either the
compressed file or its decompressed content exceeds the limit, so a small archive cannot
expand without bound. JSON Lines and CSV files are streamed and the limit applies to each
record, so corpora of any size can be read.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, cast

from armstrace.ingest.decoding import decode_text
from armstrace.ingest.html_pages import extract_html_article, find_declared_charset
from armstrace.ingest.input_errors import UnusableInput, too_large
from armstrace.ingest.plain_text import split_title
from armstrace.ingest.records import EMPTY, read_csv_rows, read_json_document, read_json_lines
from armstrace.models import RawDocument, Rejection

DEFAULT_MAX_BYTES = 20_000_000
STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"
STDIN_ID = "stdin"

# Extension (lowercase, without ".gz") → input format.
INPUT_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
}
_STREAMED_FORMATS = frozenset({"jsonl", "csv"})
_GZIP_SUFFIX = ".gz"
_GZIP_MAGIC = b"\x1f\x8b"
_READ_CHUNK = 1 << 20
_WHITESPACE_BYTES = b" \t\r\n"
_UTF8_BOM = b"\xef\xbb\xbf"
# What a damaged gzip stream raises while it is being read.
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


@dataclass(frozen=True)
class _InputFile:
    path: str  # as given, or joined to the directory as given
    input_format: str
    compressed: bool
    stem: str  # file name without its format extension and ".gz": the default article id


def _describe(path: str) -> _InputFile | None:
    """Format of the file at `path` from its name, or None when it is not one we read."""
    name = os.path.basename(path)
    compressed = name.lower().endswith(_GZIP_SUFFIX)
    if compressed:
        name = name[: -len(_GZIP_SUFFIX)]
    stem, extension = os.path.splitext(name)
    input_format = INPUT_FORMATS.get(extension.lower())
    if input_format is None or not stem:
        return None
    return _InputFile(path, input_format, compressed, stem)


def _os_error_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {error.strerror or error}"


def _walk(directory: str) -> Iterator[_InputFile | Rejection]:
    """Supported files under `directory`, in name order, skipping hidden files and folders."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Rejection(directory, _os_error_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            # Symbolic links to folders are not followed: they can make cycles.
            is_directory = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError as error:
            yield Rejection(entry.path, _os_error_reason(error))
            continue
        if is_directory:
            yield from _walk(entry.path)
        elif is_file and (described := _describe(entry.path)) is not None:
            yield described


def _read_up_to(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` + 1 bytes of `stream`: one more than allowed shows it is too large."""
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = stream.read(min(_READ_CHUNK, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _open_binary(file: _InputFile) -> BinaryIO:
    """The file's bytes, decompressed if it is a .gz file; the caller closes the stream."""
    if file.compressed:
        with open(file.path, "rb") as raw:
            if raw.read(len(_GZIP_MAGIC)) != _GZIP_MAGIC:
                raise UnusableInput("not a gzip file")
        # A GzipFile offers the whole binary-file interface, though it is not typed as one.
        return cast(BinaryIO, gzip.open(file.path, "rb"))
    return open(file.path, "rb")  # noqa: SIM115  # closed by the caller


def _read_whole(file: _InputFile, size: int, max_bytes: int) -> bytes:
    if size > max_bytes:
        raise too_large(max_bytes)
    stream = _open_binary(file)
    try:
        data = _read_up_to(stream, max_bytes)
    finally:
        stream.close()
    if len(data) > max_bytes:
        raise too_large(max_bytes, "decompressed content")
    return data


def document_from_bytes(
    data: bytes, *, input_format: str, source: str, document_id: str
) -> RawDocument:
    """The RawDocument of a single-article input (txt, md or html), or UnusableInput."""
    if not data.strip():
        raise UnusableInput(EMPTY)
    if input_format == "html":
        html = decode_text(data, allow_legacy=True, declared=find_declared_charset(data))
        article = extract_html_article(html)
        return RawDocument(
            id=document_id,
            text=article.text,
            source=source,
            title=article.title,
            url=article.url,
            published=article.published,
            lang=article.lang,
            input_format="html",
        )
    text = decode_text(data, allow_legacy=True)
    if not text.strip():
        raise UnusableInput(EMPTY)
    title, body = split_title(text, markdown=input_format == "md")
    if not body.strip():
        raise UnusableInput(EMPTY)
    return RawDocument(
        id=document_id, text=body, source=source, title=title, input_format=input_format
    )


def _read_file(file: _InputFile, size: int, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    if file.input_format not in _STREAMED_FORMATS:
        data = _read_whole(file, size, max_bytes)
        if file.input_format == "json":
            yield from read_json_document(
                data, source=file.path, stem=file.stem, max_bytes=max_bytes
            )
        else:
            yield document_from_bytes(
                data, input_format=file.input_format, source=file.path, document_id=file.stem
            )
        return
    stream = _open_binary(file)
    try:
        if file.input_format == "jsonl":
            yield from read_json_lines(
                stream.readline, source=file.path, stem=file.stem, max_bytes=max_bytes
            )
        else:
            yield from read_csv_rows(stream, source=file.path, stem=file.stem, max_bytes=max_bytes)
    finally:
        stream.close()


def _read_named_file(file: _InputFile, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """Every document of one file; every problem with it as a Rejection."""
    try:
        size = os.stat(file.path).st_size
        yield from _read_file(file, size, max_bytes)
    except UnusableInput as problem:
        yield Rejection(file.path, problem.reason)
    except _GZIP_ERRORS as error:
        yield Rejection(file.path, f"corrupt gzip data: {error}")
    except OSError as error:
        yield Rejection(file.path, _os_error_reason(error))


def _prepend(first: bytes, stream: BinaryIO) -> Callable[[int], bytes]:
    """A `readline(limit)` that returns `first` at the start of the stream's first line."""
    pending = [first]

    def readline(limit: int) -> bytes:
        if pending:
            head = pending.pop()
            return head + stream.readline(max(limit - len(head), 0))
        return stream.readline(limit)

    return readline


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    # Sniff the first significant byte without reading the whole stream, so JSON Lines can
    # be streamed record by record.
    skipped_lines = 0
    first = b""
    at_start = True
    while True:
        byte = stream.read(1)
        if not byte:
            break
        if at_start and byte == _UTF8_BOM[:1]:
            rest = stream.read(2)
            if byte + rest == _UTF8_BOM:
                at_start = False
                continue
            first = byte + rest
            break
        at_start = False
        if byte in _WHITESPACE_BYTES:
            skipped_lines += byte == b"\n"
            continue
        first = byte
        break
    if not first:
        yield Rejection(STDIN_SOURCE, EMPTY)
        return
    if first == b"{":
        yield from read_json_lines(
            _prepend(first, stream),
            source=STDIN_SOURCE,
            stem=STDIN_ID,
            max_bytes=max_bytes,
            first_line_number=skipped_lines + 1,
        )
        return
    data = first + _read_up_to(stream, max_bytes - len(first))
    if len(data) > max_bytes:
        yield Rejection(STDIN_SOURCE, too_large(max_bytes).reason)
        return
    input_format = "html" if first == b"<" else "txt"
    try:
        yield document_from_bytes(
            data, input_format=input_format, source=STDIN_SOURCE, document_id=STDIN_ID
        )
    except UnusableInput as problem:
        yield Rejection(STDIN_SOURCE, problem.reason)


def read_inputs(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | Rejection]:
    """Every article in `paths`, in order, and a Rejection for every input that is unusable.

    A path is a file, a directory (read recursively in name order; hidden entries and files
    of other types are skipped) or "-" for standard input (`stdin`, by default the process's).
    A file named explicitly with an unsupported extension is rejected.
    """
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")
    for path in paths:
        if path == STDIN_PATH:
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                yield Rejection(STDIN_SOURCE, "no standard input")
                continue
            try:
                yield from _read_stdin(stream, max_bytes)
            except OSError as error:
                yield Rejection(STDIN_SOURCE, _os_error_reason(error))
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            yield Rejection(path, _os_error_reason(error))
            continue
        if stat.S_ISDIR(mode):
            for item in _walk(path):
                if isinstance(item, Rejection):
                    yield item
                else:
                    yield from _read_named_file(item, max_bytes)
            continue
        described = _describe(path)
        if described is None:
            yield Rejection(path, "unsupported file type")
        else:
            yield from _read_named_file(described, max_bytes)
