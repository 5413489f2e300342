"""Writing the built TSV files: one row a line, tab-separated, sorted, with a header.

The order is by case-folded surface, then the other columns, so the files read like a
dictionary and a rebuild from the same inputs gives byte-identical files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from armstrace.gazetteer.build.references import LANGUAGES

Row = tuple[str, ...]


def normalise_cell(value: str) -> str:
    """One line of text, curly apostrophes straightened, spaces single."""
    value = value.replace("’", "'").replace("‘", "'")
    return " ".join(value.split())


def sort_rows(rows: Iterable[Row]) -> list[Row]:
    return sorted(set(rows), key=lambda row: (row[0].casefold(), row))


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Row]) -> int:
    """Write `rows` under `header` to `path`; returns how many rows were written."""
    sorted_rows = sort_rows(rows)
    lines = ["\t".join(header)]
    for row in sorted_rows:
        if len(row) != len(header):
            raise ValueError(f"{path.name}: row {row!r} does not fit {tuple(header)}")
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"{path.name}: a cell holds a tab or a line break: {cell!r}")
        if not row[0].strip():
            raise ValueError(f"{path.name}: empty surface in {row!r}")
        lines.append("\t".join(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(sorted_rows)


def merge_languages(rows: Iterable[Row], lang_column: int) -> list[Row]:
    """Rows that differ only by language, present in all four languages, become one `*` row.

    A row that is also listed for `*` drops its single-language copies.
    """
    by_rest: dict[Row, set[str]] = defaultdict(set)
    for row in rows:
        rest = row[:lang_column] + row[lang_column + 1 :]
        by_rest[rest].add(row[lang_column])
    merged: list[Row] = []
    for rest, langs in by_rest.items():
        if "*" in langs or set(LANGUAGES) <= langs:
            langs = {"*"}
        for lang in langs:
            merged.append(rest[:lang_column] + (lang,) + rest[lang_column:])
    return merged
