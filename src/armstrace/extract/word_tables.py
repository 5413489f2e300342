"""Reads the word tables of `extract/data/` (quantity and date words) for the modules using them.

The tables hold rule data (which word or phrase means what, in which language); the modules
that read them hold the rules (how the words combine into phrases). A table is TSV, UTF-8:
lines starting with `#` are comments, the first other line names the columns.

In `quantity_words.tsv` and `date_words.tsv` a row is one word or phrase of a `kind`; its
phrase is usually a regular expression in which a space stands for any run of whitespace, so
that the files read as words ("hundreds of millions") rather than as regex syntax.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

EVERY_LANGUAGE = "*"  # the `lang` of a row used whatever the language of the text


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of `extract/data/<name>`, as column -> text."""
    text = resources.files("armstrace.extract").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    # Phrases hold quotes ("«"): no CSV quoting in these files.
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def phrase_regex(phrase: str) -> str:
    """The regular expression of a table phrase: each space stands for any run of whitespace."""
    return phrase.replace(" ", r"\s+")


@dataclass(frozen=True)
class WordRow:
    lang: str  # "en", "fr", "de", "es" or EVERY_LANGUAGE
    kind: str
    meaning: str  # what the word stands for; its column is named `meaning` or `value`
    phrase: str


@dataclass(frozen=True)
class WordTable:
    """The rows of one word table, looked up by kind and language in file order."""

    rows: tuple[WordRow, ...]

    def words(self, kind: str, lang: str = EVERY_LANGUAGE) -> list[WordRow]:
        """Rows of `kind` for `lang`, with those for every language, in file order."""
        return [row for row in self.rows if row.kind == kind and row.lang in (lang, EVERY_LANGUAGE)]

    def alternation(self, kind: str, lang: str = EVERY_LANGUAGE) -> str:
        """The phrases of `kind` as one regex alternation, in file order."""
        return "|".join(phrase_regex(row.phrase) for row in self.words(kind, lang))

    def entries(self, lang: str, *kinds: str) -> list[tuple[str, str]]:
        """(meaning, regex) of each entry: consecutive rows of one meaning are its alternatives.

        Rows of the given kinds are taken together in file order, so that a kind placed right
        after another extends its last entry (pound words after "lbs").
        """
        found: list[tuple[str, list[str]]] = []
        for row in self.rows:
            if row.kind not in kinds or row.lang not in (lang, EVERY_LANGUAGE):
                continue
            if found and found[-1][0] == row.meaning:
                found[-1][1].append(phrase_regex(row.phrase))
            else:
                found.append((row.meaning, [phrase_regex(row.phrase)]))
        return [(meaning, "|".join(regexes)) for meaning, regexes in found]


@functools.cache
def load_word_table(name: str) -> WordTable:
    """The word table `extract/data/<name>` (columns lang, kind, meaning or value, phrase)."""
    rows = tuple(
        WordRow(
            lang=row["lang"],
            kind=row["kind"],
            meaning=row.get("meaning") or row.get("value") or "",
            phrase=row["phrase"],
        )
        for row in read_rows(name)
    )
    return WordTable(rows)
