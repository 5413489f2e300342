"""Every kind of bad input becomes a Rejection with a clear reason, and reading goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path
from typing import BinaryIO

import pytest

from armstrace.ingest import DEFAULT_MAX_BYTES, read_inputs
from armstrace.models import RawDocument, Rejection

GOOD_TEXT = "The ferry sailed at dawn with forty passengers aboard.\n"
FRENCH = "Le ministère a livré des pièces détachées à l'entrepôt de Besançon, a-t-il précisé.\n"


def read_all(
    *paths: Path | str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> list[RawDocument | Rejection]:
    return list(read_inputs([str(path) for path in paths], max_bytes=max_bytes, stdin=stdin))


def reasons(items: list[RawDocument | Rejection]) -> list[tuple[str, str]]:
    return [(item.source, item.reason) for item in items if isinstance(item, Rejection)]


def only_rejection(items: list[RawDocument | Rejection]) -> Rejection:
    assert len(items) == 1, items
    [item] = items
    assert isinstance(item, Rejection), item
    return item


def jsonl_line(record: object) -> bytes:
    return json.dumps(record).encode("utf-8") + b"\n"


# --- content that is not text ---------------------------------------------------------------


def test_read_inputs_rejects_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    rejection = only_rejection(read_all(path))

    assert rejection.source == str(path)
    assert rejection.reason == "binary file, not text"


def test_read_inputs_rejects_control_characters_without_nul(tmp_path: Path) -> None:
    path = tmp_path / "data.md"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50 + b"some words")

    assert only_rejection(read_all(path)).reason == "binary file, not text"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_read_inputs_rejects_empty_text_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)

    assert only_rejection(read_all(path)).reason == "empty"


def test_read_inputs_rejects_empty_html(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_bytes(b"")

    assert only_rejection(read_all(path)).reason == "empty"


def test_read_inputs_rejects_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><title>Loading</title></head><body><div></div></body></html>")

    assert only_rejection(read_all(path)).reason == "no article text found in the HTML page"


# --- encodings ------------------------------------------------------------------------------


def test_read_inputs_accepts_cp1252_text_that_reads_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "ancien.txt"
    path.write_bytes(FRENCH.encode("cp1252"))

    [doc] = read_all(path)

    assert isinstance(doc, RawDocument)
    assert doc.text == FRENCH


@pytest.mark.parametrize("encoding", ["shift_jis", "euc_jp"])
def test_read_inputs_rejects_text_in_other_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "japanese.txt"
    path.write_bytes(
        "東京の港に二台のクレーンが到着した。技術者は夏までに稼働すると見ている。".encode(encoding)
    )

    assert only_rejection(read_all(path)).reason == "not valid UTF-8 text"


def test_read_inputs_rejects_mojibake_like_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "symbols.txt"
    path.write_bytes(
        b"Prix \xa4\xa6\xa8\xac\xaf\xb1\xb2\xb3\xb4\xb5\xb6\xb8\xb9\xbc\xbd\xbe\xd7\xf7 net"
    )

    assert only_rejection(read_all(path)).reason == "not valid UTF-8 text"


def test_read_inputs_rejects_cp1252_json_line_and_reads_the_next(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        jsonl_line({"text": "first"})
        + '{"text": "livré"}\n'.encode("cp1252")
        + jsonl_line({"text": "third"})
    )

    items = read_all(path)

    assert reasons(items) == [(f"{path}:2", "not valid UTF-8 text")]
    assert [item.id for item in items if isinstance(item, RawDocument)] == ["feed-1", "feed-3"]


def test_read_inputs_rejects_cp1252_csv(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes("text\nlivré\n".encode("cp1252"))

    rejection = only_rejection(read_all(path))

    assert rejection.reason == "not valid UTF-8 text"


# --- malformed structure --------------------------------------------------------------------


def test_read_inputs_malformed_json_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        jsonl_line({"id": "a", "text": "first"})
        + jsonl_line({"id": "b", "text": "second"})
        + b'{"id": "c", "text": "unterminated\n'
        + jsonl_line({"id": "d", "text": "fourth"})
    )

    items = read_all(path)

    [(source, reason)] = reasons(items)
    assert source == f"{path}:3"
    assert reason.startswith("malformed JSON on line 3: ")
    assert [item.id for item in items if isinstance(item, RawDocument)] == ["a", "b", "d"]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "no text here"}, 'no "text" field'),
        ({"text": 12}, '"text" is not a string'),
        ({"text": "   "}, "empty"),
        (["text", "in", "a", "list"], "not a JSON object"),
    ],
)
def test_read_inputs_rejects_record_without_usable_text(
    tmp_path: Path, record: object, reason: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl_line(record) + jsonl_line({"text": "fine"}))

    items = read_all(path)

    assert reasons(items) == [(f"{path}:1", reason)]
    assert isinstance(items[1], RawDocument)


def test_read_inputs_rejects_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "a"},\n {"text": ]')

    rejection = only_rejection(read_all(path))

    assert rejection.source == str(path)
    assert rejection.reason.startswith("malformed JSON on line 2: ")


def test_read_inputs_rejects_json_scalar(tmp_path: Path) -> None:
    path = tmp_path / "number.json"
    path.write_text("42")

    assert only_rejection(read_all(path)).reason == (
        "JSON is neither an object nor a list of objects"
    )


def test_read_inputs_rejects_bad_item_of_json_list(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "good"}, {"text": None}, "oops"]))

    items = read_all(path)

    assert reasons(items) == [
        (f"{path}:2", 'no "text" field'),
        (f"{path}:3", "not a JSON object"),
    ]


def test_read_inputs_rejects_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("id,body\n1,hello\n2,world\n")

    rejection = only_rejection(read_all(path))

    assert rejection.source == str(path)
    assert rejection.reason == 'no "text" column in the CSV header'


def test_read_inputs_rejects_empty_csv(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("")

    assert only_rejection(read_all(path)).reason == "empty"


# --- gzip -----------------------------------------------------------------------------------


def test_read_inputs_rejects_file_that_is_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_text(GOOD_TEXT)

    assert only_rejection(read_all(path)).reason == "not a gzip file"


def test_read_inputs_rejects_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(GOOD_TEXT.encode() * 50)[:40])

    rejection = only_rejection(read_all(path))

    assert rejection.reason.startswith("corrupt gzip data: ")


def test_read_inputs_truncated_jsonl_gz_keeps_records_before_the_damage(tmp_path: Path) -> None:
    records = b"".join(jsonl_line({"id": str(i), "text": "x" * 200}) for i in range(200))
    compressed = gzip.compress(records)
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(compressed[: len(compressed) // 2])

    items = read_all(path)

    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Rejection)
    assert items[-1].source == str(path)
    assert items[-1].reason.startswith("corrupt gzip data: ")


# --- size limit -----------------------------------------------------------------------------


def test_read_inputs_rejects_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(GOOD_TEXT * 10)

    rejection = only_rejection(read_all(path, max_bytes=100))

    assert rejection.reason == "larger than the 100 bytes limit (set --max-bytes)"


def test_read_inputs_default_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: the reader must not read it

    rejection = only_rejection(read_all(path))

    assert rejection.reason == "larger than the 20 MB limit (set --max-bytes)"


def test_read_inputs_rejects_gzip_that_expands_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 50_000))

    rejection = only_rejection(read_all(path, max_bytes=10_000))

    assert rejection.reason == (
        "decompressed content larger than the 10 KB limit (set --max-bytes)"
    )


def test_read_inputs_limit_applies_per_record_in_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        jsonl_line({"text": "short"})
        + jsonl_line({"text": "long " * 100})
        + jsonl_line({"text": "short again"})
    )

    items = read_all(path, max_bytes=200)

    assert reasons(items) == [
        (f"{path}:2", "record larger than the 200 bytes limit (set --max-bytes)")
    ]
    assert [item.id for item in items if isinstance(item, RawDocument)] == ["feed-1", "feed-3"]


def test_read_inputs_limit_applies_per_record_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("text\nshort\n" + "long " * 100 + "\nshort again\n")

    items = read_all(path, max_bytes=200)

    assert reasons(items) == [
        (f"{path}:2", "text larger than the 200 bytes limit (set --max-bytes)")
    ]
    assert [item.id for item in items if isinstance(item, RawDocument)] == ["table-1", "table-3"]


def test_read_inputs_rejects_stdin_over_the_limit() -> None:
    rejection = only_rejection(read_all("-", max_bytes=50, stdin=io.BytesIO(b"words " * 20)))

    assert rejection.source == "<stdin>"
    assert rejection.reason == "larger than the 50 bytes limit (set --max-bytes)"


def test_read_inputs_refuses_a_limit_that_is_not_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        read_all(tmp_path, max_bytes=0)


# --- paths ----------------------------------------------------------------------------------


def test_read_inputs_rejects_missing_path_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    missing = tmp_path / "missing.txt"

    items = read_all(missing, good)

    assert reasons(items) == [(str(missing), "no such file")]
    assert isinstance(items[1], RawDocument)


@pytest.mark.parametrize("name", ["report.pdf", "archive.gz", "notes.docx.gz", "Makefile"])
def test_read_inputs_rejects_unsupported_file_named_explicitly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"something")

    rejection = only_rejection(read_all(path))

    assert rejection.reason == "unsupported file type"


def test_read_inputs_rejects_empty_stdin() -> None:
    rejection = only_rejection(read_all("-", stdin=io.BytesIO(b"  \n\n")))

    assert (rejection.source, rejection.reason) == ("<stdin>", "empty")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads unreadable files"
)
def test_read_inputs_rejects_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD_TEXT)
    path.chmod(0)
    try:
        rejection = only_rejection(read_all(path))
    finally:
        path.chmod(0o600)

    assert rejection.reason == "permission denied"
