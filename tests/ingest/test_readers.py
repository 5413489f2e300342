"""read_inputs on every supported format, compressed or not, from files, folders and stdin."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path
from typing import BinaryIO

import pytest

from armstrace.ingest import DEFAULT_MAX_BYTES, read_inputs
from armstrace.models import RawDocument, Rejection

DATA = Path(__file__).parent / "data"

ARTICLE = (
    "Two container cranes reached the port on Tuesday, the authority said.\n"
    "\n"
    "Engineers expect them to be working before the summer.\n"
)


def read_all(
    *paths: Path | str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> list[RawDocument | Rejection]:
    return list(read_inputs([str(path) for path in paths], max_bytes=max_bytes, stdin=stdin))


def documents(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    assert all(isinstance(item, RawDocument) for item in items), items
    return [item for item in items if isinstance(item, RawDocument)]


def write_gzip(path: Path, data: bytes) -> Path:
    with gzip.open(path, "wb") as stream:
        stream.write(data)
    return path


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")


# --- plain text and Markdown -------------------------------------------------------------


def test_read_inputs_txt_takes_first_short_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "cranes.txt"
    path.write_text("Cranes arrive in Varna\n\n" + ARTICLE, encoding="utf-8")

    [doc] = documents(read_all(path))

    assert doc.id == "cranes"
    assert doc.title == "Cranes arrive in Varna"
    assert doc.text == ARTICLE
    assert doc.source == str(path)
    assert doc.input_format == "txt"


@pytest.mark.parametrize(
    "first_line",
    [
        "Two container cranes reached the port on Tuesday, the authority said.",  # a sentence
        "The port authority said on Tuesday that two cranes had arrived from Gdansk after "
        "a sea voyage of eleven days, and that engineers expected them to be at work before "
        "the summer season, when traffic at the terminal usually doubles compared to winter.",
    ],
)
def test_read_inputs_txt_without_title_keeps_whole_text(tmp_path: Path, first_line: str) -> None:
    text = first_line + "\n\nA second paragraph follows here.\n"
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")

    [doc] = documents(read_all(path))

    assert doc.title is None
    assert doc.text == text


def test_read_inputs_txt_wrapped_first_sentence_is_not_a_title(tmp_path: Path) -> None:
    text = "Showers continued throughout the week in\nthe cocoa zone, the review said.\n"
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")

    [doc] = documents(read_all(path))

    assert doc.title is None
    assert doc.text == text


def test_read_inputs_txt_question_headline_is_a_title(tmp_path: Path) -> None:
    path = tmp_path / "question.txt"
    path.write_text("Will the cranes be ready by June?\n" + ARTICLE, encoding="utf-8")

    [doc] = documents(read_all(path))

    assert doc.title == "Will the cranes be ready by June?"
    assert doc.text == ARTICLE


def test_read_inputs_txt_skips_boilerplate_before_title(tmp_path: Path) -> None:
    path = tmp_path / "crumbs.txt"
    path.write_text("Home › World › Europe\n\nCranes arrive\n\n" + ARTICLE, encoding="utf-8")

    [doc] = documents(read_all(path))

    assert doc.title == "Cranes arrive"
    assert doc.text == ARTICLE


def test_read_inputs_md_heading_is_title(tmp_path: Path) -> None:
    [doc] = documents(read_all(DATA / "notes.md"))

    assert doc.id == "notes"
    assert doc.title == "Field notes from the river survey"
    assert doc.text.startswith("The survey team measured")
    assert doc.text.rstrip().endswith("- Point 9 had the fastest current.")
    assert doc.input_format == "md"


def test_read_inputs_txt_keeps_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Cranes arrive\r\n\r\nFirst line of text.\r\nSecond line.\r\n")

    [doc] = documents(read_all(path))

    assert doc.title == "Cranes arrive"
    assert doc.text == "First line of text.\r\nSecond line.\r\n"


def test_read_inputs_txt_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfCranes arrive\n\n" + ARTICLE.encode("utf-8"))

    [doc] = documents(read_all(path))

    assert doc.title == "Cranes arrive"


def test_read_inputs_txt_gz_is_decompressed_and_named_without_extensions(tmp_path: Path) -> None:
    path = write_gzip(tmp_path / "a.txt.gz", ("Cranes arrive\n\n" + ARTICLE).encode("utf-8"))

    [doc] = documents(read_all(path))

    assert doc.id == "a"
    assert doc.title == "Cranes arrive"
    assert doc.text == ARTICLE
    assert doc.source == str(path)


def test_read_inputs_keeps_dots_inside_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "report.v2.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    [doc] = documents(read_all(path))

    assert doc.id == "report.v2"


# --- HTML ----------------------------------------------------------------------------------


def test_read_inputs_html_extracts_main_text_and_metadata() -> None:
    [doc] = documents(read_all(DATA / "article.html"))

    assert doc.id == "article"
    assert doc.input_format == "html"
    assert doc.title == "Harbour cranes arrive in Varna"
    assert doc.url == "https://news.example.org/2024/03/harbour-cranes-varna"
    assert doc.published == "2024-03-05"
    assert doc.lang == "en"
    assert doc.text.startswith("Two container cranes built in Gdansk")
    assert "Front page" not in doc.text  # navigation is not the article
    assert "all the news that fits" not in doc.text  # nor is the footer


def test_read_inputs_html_keeps_paragraph_breaks_and_list_items() -> None:
    [doc] = documents(read_all(DATA / "article.html"))

    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].endswith("said in a statement.")
    assert paragraphs[1].startswith("The cranes will replace")
    assert "- Each crane weighs about nine hundred tonnes.\n- The pair cost" in doc.text


def test_read_inputs_htm_gz(tmp_path: Path) -> None:
    path = write_gzip(tmp_path / "page.htm.gz", (DATA / "article.html").read_bytes())

    [doc] = documents(read_all(path))

    assert doc.id == "page"
    assert doc.title == "Harbour cranes arrive in Varna"


def test_read_inputs_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Essai</title></head><body><article>'
        "<p>Le ministère a livré vingt camions à la brigade, a précisé le porte-parole "
        "mercredi lors d'un point de presse à Paris.</p></article></body></html>"
    )
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("latin-1"))

    [doc] = documents(read_all(path))

    assert "Le ministère a livré vingt camions" in doc.text


# --- JSON Lines, JSON and CSV ---------------------------------------------------------------


def test_read_inputs_jsonl_records_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        jsonl(
            {
                "id": "articles/2024-03/cranes",
                "text": ARTICLE,
                "title": " Cranes ",
                "url": "https://example.org/cranes",
                "date": "2024-03-05T08:30:00Z",
                "lang": "en-GB",
            },
            {"id": 42, "text": "Second record text.", "published": "26-FEB-1987 15:01:01.79"},
        )
    )

    first, second = documents(read_all(path))

    assert first.id == "articles/2024-03/cranes"  # slashes are kept
    assert first.title == "Cranes"
    assert first.url == "https://example.org/cranes"
    assert first.published == "2024-03-05"
    assert first.lang == "en"
    assert first.source == f"{path}:1"
    assert first.input_format == "jsonl"
    assert second.id == "42"
    assert second.published == "1987-02-26"
    assert second.source == f"{path}:2"


def test_read_inputs_jsonl_without_ids_numbers_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl({"text": "one"}, {"id": "", "text": "two"}, {"text": "three"}))

    docs = documents(read_all(path))

    assert [doc.id for doc in docs] == ["feed-1", "feed-2", "feed-3"]


def test_read_inputs_jsonl_gz_streams_records(tmp_path: Path) -> None:
    path = write_gzip(tmp_path / "feed.jsonl.gz", jsonl(*({"text": f"t{i}"} for i in range(50))))

    docs = documents(read_all(path))

    assert len(docs) == 50
    assert docs[-1].id == "feed-50"
    assert docs[-1].source == f"{path}:50"


def test_read_inputs_json_object(tmp_path: Path) -> None:
    path = tmp_path / "single.json"
    path.write_text(json.dumps({"text": ARTICLE, "title": "Cranes", "date": "2024-03"}))

    [doc] = documents(read_all(path))

    assert doc.id == "single"
    assert doc.source == str(path)
    assert doc.title == "Cranes"
    assert doc.published == "2024-03"
    assert doc.input_format == "json"


def test_read_inputs_json_list(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "first"}, {"id": "b", "text": "second"}]))

    first, second = documents(read_all(path))

    assert (first.id, first.source) == ("batch-1", f"{path}:1")
    assert (second.id, second.source) == ("b", f"{path}:2")


def test_read_inputs_json_gz(tmp_path: Path) -> None:
    path = write_gzip(tmp_path / "batch.json.gz", json.dumps([{"text": "x"}]).encode())

    [doc] = documents(read_all(path))

    assert doc.id == "batch-1"


def test_read_inputs_csv_with_optional_columns(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(
        "url,date,title,text\n"
        'https://example.org/1,2019-01-04,First,"Line one.\n\nLine two, with a comma."\n'
        "https://example.org/2,not a date,Second,Another article.\n",
        encoding="utf-8",
    )

    first, second = documents(read_all(path))

    assert first.id == "wire-1"
    assert first.text == "Line one.\n\nLine two, with a comma."
    assert first.published == "2019-01-04"
    assert first.url == "https://example.org/1"
    assert first.source == f"{path}:1"
    assert first.input_format == "csv"
    assert second.id == "wire-2"
    assert second.published is None


def test_read_inputs_csv_id_column_and_large_field(tmp_path: Path) -> None:
    long_text = "word " * 40_000  # beyond the csv module's default field limit
    path = tmp_path / "big.csv"
    path.write_text(f'id,text\n7,"{long_text}"\n', encoding="utf-8")

    [doc] = documents(read_all(path))

    assert doc.id == "7"
    assert doc.text == long_text


def test_read_inputs_csv_gz(tmp_path: Path) -> None:
    path = write_gzip(tmp_path / "wire.csv.gz", b"text\nfirst\nsecond\n")

    docs = documents(read_all(path))

    assert [doc.id for doc in docs] == ["wire-1", "wire-2"]


# --- folders and standard input -------------------------------------------------------------


def test_read_inputs_directory_is_walked_in_order_skipping_hidden_and_unknown(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("inner text")
    (tmp_path / "a.txt").write_text("a text")
    (tmp_path / "c.md").write_text("c text")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden too")

    docs = documents(read_all(tmp_path))

    assert [doc.id for doc in docs] == ["a", "inner", "c"]
    assert docs[1].source == str(tmp_path / "b" / "inner.txt")


def test_read_inputs_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".draft.txt"
    path.write_text("draft text")

    [doc] = documents(read_all(path))

    assert doc.id == ".draft"


def test_read_inputs_stdin_plain_text() -> None:
    stdin = io.BytesIO(("Cranes arrive\n\n" + ARTICLE).encode("utf-8"))

    [doc] = documents(read_all("-", stdin=stdin))

    assert (doc.id, doc.source, doc.input_format) == ("stdin", "<stdin>", "txt")
    assert doc.title == "Cranes arrive"
    assert doc.text == ARTICLE


def test_read_inputs_stdin_json_lines_are_streamed() -> None:
    stdin = io.BytesIO(b"\n" + jsonl({"id": "x1", "text": "one"}, {"text": "two"}))

    first, second = documents(read_all("-", stdin=stdin))

    assert (first.id, first.source) == ("x1", "<stdin>:2")
    assert (second.id, second.source) == ("stdin-2", "<stdin>:3")


def test_read_inputs_stdin_html() -> None:
    stdin = io.BytesIO((DATA / "article.html").read_bytes())

    [doc] = documents(read_all("-", stdin=stdin))

    assert doc.input_format == "html"
    assert doc.title == "Harbour cranes arrive in Varna"


def test_read_inputs_mixes_paths_and_keeps_their_order(tmp_path: Path) -> None:
    shutil.copy(DATA / "notes.md", tmp_path / "notes.md")
    (tmp_path / "z.txt").write_text("last")

    items = read_all(tmp_path / "z.txt", DATA / "article.html", tmp_path / "notes.md")

    assert [item.id for item in documents(items)] == ["z", "article", "notes"]
