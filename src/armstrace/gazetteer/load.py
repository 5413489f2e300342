"""Loads the gazetteer TSV files shipped in `data/` and looks surfaces up in them.

The files are built by `scripts/build_gazetteers.py`; at run time only the TSVs are read (no
pycountry, no Babel), once per process. A gazetteer answers two questions:

- `lookup(surface)`: which entries a piece of text names, after normalisation
  (see `surface_keys`: case, apostrophes, hyphens and spaces, then accents as a fallback);
- `find(text)`: where in a text its surfaces are, longest match first, left to right.

Entries marked `case_sensitive` match only as written ("US", "Le Monde", "Patriot").
Materiel systems also match inside a word and with an English plural "s"
("M777A2" → M777, "F-16s" → F-16, "Patriots" → Patriot); nothing else does.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Generic, Protocol, TypeVar

from armstrace.gazetteer.calibre import Calibre
from armstrace.gazetteer.surface_keys import (
    TOKEN_PATTERN,
    ascii_key,
    case_key,
    first_token_key,
    match_key,
    strip_accents,
    token_count,
)

DATA_PACKAGE = "armstrace.gazetteer"
DATA_FOLDER = "data"
# Headers of the shipped files, in order; the build script writes the same.
ACTOR_COLUMNS = ("surface", "code", "lang", "kind", "case_sensitive")
MAKER_COLUMNS = ("maker", "home_states")
MATERIEL_COLUMNS = ("surface", "category", "lang", "kind", "detail", "case_sensitive")
MEDIA_COLUMNS = ("surface", "outlet", "case_sensitive")
REGION_COLUMNS = ("surface", "code", "lang")
# A calibre written in text takes the hint of the listed calibre nearest to it within this.
_CALIBRE_TOLERANCE_MM = 1.5


@dataclass(frozen=True)
class ActorEntry:
    """A name of an actor: a state, a group of states, an organisation or a non-state actor."""

    surface: str
    code: str  # ISO 3166-1 alpha-3, EU, NATO, WEST, or a lowercase slug
    lang: str  # fr, en, de, es, or * for any language
    kind: str  # state, adjective, demonym, capital, org, group, nonstate
    case_sensitive: bool = False

    @property
    def is_system(self) -> bool:
        return False


@dataclass(frozen=True)
class MaterielEntry:
    """A materiel word, a weapon system's name or a calibre, with its category."""

    surface: str
    category: str  # one of models.MATERIEL_CATEGORIES
    lang: str
    kind: str  # term, system, calibre
    detail: str  # canonical designation of a system or calibre ("M777", "155mm"), else ""
    case_sensitive: bool = False

    @property
    def is_system(self) -> bool:
        return self.kind == "system"

    @property
    def match_surfaces(self) -> tuple[str, ...]:
        """The surface, and for a designation ending in a digit or capital its plural as news
        write it ("F-16s", "Su-35s", "MiG-29s")."""
        if self.is_system and self.surface[-1:].isdigit():
            return (self.surface, self.surface + "s")
        return (self.surface,)


@dataclass(frozen=True)
class MediaEntry:
    """A name of a news outlet or agency. Outlets are sources, never actors."""

    surface: str
    outlet: str  # the outlet's usual name
    case_sensitive: bool = False
    lang: str = "*"

    @property
    def is_system(self) -> bool:
        return False


@dataclass(frozen=True)
class RegionEntry:
    """A name of a transit region (ANNOTATION `via` slugs such as `middle-east`)."""

    surface: str
    code: str
    lang: str
    case_sensitive: bool = False

    @property
    def is_system(self) -> bool:
        return False


class _Entry(Protocol):
    @property
    def surface(self) -> str: ...

    @property
    def lang(self) -> str: ...

    @property
    def case_sensitive(self) -> bool: ...

    @property
    def is_system(self) -> bool: ...


E = TypeVar("E", bound=_Entry)


@dataclass(frozen=True)
class GazetteerMatch(Generic[E]):
    """A surface found in a text: `text[start:end]` and every entry it names."""

    start: int
    end: int
    text: str
    entries: tuple[E, ...]


@dataclass(frozen=True)
class _Indexed(Generic[E]):
    entry: E
    case_key: str | None  # set only for case-sensitive entries


_POSSESSIVE = re.compile(r"['’]s?$")


def _distinct(entries: list[E]) -> list[E]:
    """The entries once per meaning: rows that differ only in how the surface is written
    ("M777", "M-777") are one."""
    unique: dict[tuple[object, ...], E] = {}
    for entry in entries:
        meaning = tuple(value for name, value in vars(entry).items() if name != "surface")
        unique.setdefault(meaning, entry)
    return list(unique.values())


class Gazetteer(Generic[E]):
    """Entries of one kind with normalised lookup and a longest-match finder."""

    def __init__(self, entries: Iterable[E]) -> None:
        self.entries: tuple[E, ...] = tuple(entries)

    def __iter__(self) -> Iterator[E]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @functools.cached_property
    def _index(
        self,
    ) -> tuple[dict[str, list[_Indexed[E]]], dict[str, list[_Indexed[E]]], dict[str, int]]:
        # Built on first use, so that loading stays cheap for callers that only iterate.
        by_key: dict[str, list[_Indexed[E]]] = defaultdict(list)
        by_ascii: dict[str, list[_Indexed[E]]] = defaultdict(list)
        span_limit: dict[str, int] = {}
        for entry in self.entries:
            indexed = _Indexed(entry, case_key(entry.surface) if entry.case_sensitive else None)
            key = match_key(entry.surface)
            by_key[key].append(indexed)
            by_ascii[strip_accents(key)].append(indexed)
            first = first_token_key(entry.surface)
            if first is not None:
                span_limit[first] = max(span_limit.get(first, 0), token_count(entry.surface))
        return dict(by_key), dict(by_ascii), span_limit

    def lookup(self, surface: str, lang: str | None = None) -> list[E]:
        """The entries that `surface` names, in file order; [] if none.

        `lang` keeps entries of that language and language-independent ones (`*`). Each
        meaning comes back once, and an English possessive is ignored ("Russia's").
        """
        entries = self._lookup(surface, lang, inside_word=False)
        if not entries and _POSSESSIVE.search(surface):
            entries = self._lookup(_POSSESSIVE.sub("", surface), lang, inside_word=False)
        return _distinct(entries)

    def find(self, text: str, lang: str | None = None) -> list[GazetteerMatch[E]]:
        """Every surface in `text`, left to right; overlapping matches go to the longest."""
        _, _, span_limit = self._index
        tokens = [(m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text)]
        found: list[GazetteerMatch[E]] = []
        i = 0
        while i < len(tokens):
            start, first_end = tokens[i]
            limit = span_limit.get(ascii_key(text[start:first_end]), 0)
            if start > 0 and text[start - 1].isalnum():
                limit = 0  # the second half of "M777" or "2S19" starts no match
            matched = False
            for j in range(min(len(tokens), i + limit) - 1, i - 1, -1):
                end = tokens[j][1]
                inside_word = end < len(text) and text[end].isalnum()
                entries = _distinct(self._lookup(text[start:end], lang, inside_word))
                if entries:
                    found.append(GazetteerMatch(start, end, text[start:end], tuple(entries)))
                    i = j + 1
                    matched = True
                    break
            if not matched:
                i += 1
        return found

    def _lookup(self, text: str, lang: str | None, inside_word: bool) -> list[E]:
        by_key, by_ascii, _ = self._index
        key = match_key(text)
        if not key:
            return []
        hits = self._accept(by_key.get(key, ()), text, lang, inside_word, systems_only=False)
        if not hits:
            hits = self._accept(
                by_ascii.get(strip_accents(key), ()), text, lang, inside_word, systems_only=False
            )
        if not hits and len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
            # "Patriots", "Leopards", "HIMARSs" is not a thing: plurals of system names only.
            singular = text.rstrip()[:-1]
            hits = self._accept(
                by_ascii.get(ascii_key(singular), ()), singular, lang, inside_word, True
            )
        return hits

    @staticmethod
    def _accept(
        candidates: Iterable[_Indexed[E]],
        text: str,
        lang: str | None,
        inside_word: bool,
        systems_only: bool,
    ) -> list[E]:
        accepted: list[E] = []
        text_case_key: str | None = None
        for indexed in candidates:
            entry = indexed.entry
            if lang is not None and entry.lang not in (lang, "*"):
                continue
            if (inside_word or systems_only) and not entry.is_system:
                continue
            if indexed.case_key is not None:
                if text_case_key is None:
                    text_case_key = case_key(text)
                if text_case_key != indexed.case_key:
                    continue
            accepted.append(entry)
        return accepted


class ActorGazetteer(Gazetteer[ActorEntry]):
    """States, groups of states, organisations and non-state actors in four languages."""

    def codes(self, surface: str, lang: str | None = None) -> list[str]:
        """The distinct codes that `surface` names, in file order."""
        return list(dict.fromkeys(e.code for e in self.lookup(surface, lang)))

    def normalise(self, surface: str, lang: str | None = None) -> str | None:
        """The one code that `surface` names, or None when it names none or several."""
        codes = self.codes(surface, lang)
        return codes[0] if len(codes) == 1 else None


class MaterielGazetteer(Gazetteer[MaterielEntry]):
    """Materiel words, weapon-system names and calibres with their category."""

    def categorise(self, surface: str, lang: str | None = None) -> str | None:
        """The one category that `surface` names, or None when it names none or several."""
        categories = dict.fromkeys(e.category for e in self.lookup(surface, lang))
        return next(iter(categories)) if len(categories) == 1 else None

    @functools.cached_property
    def _calibre_hints(self) -> list[tuple[float, str]]:
        hints = []
        for entry in self.entries:
            if entry.kind == "calibre" and entry.detail.endswith("mm"):
                hints.append((float(entry.detail[:-2]), entry.category))
        return sorted(set(hints))

    def category_of_calibre(self, calibre: Calibre) -> str | None:
        """The category a calibre usually belongs to ("155mm" → artillery_ammunition)."""
        best: tuple[float, str] | None = None
        for millimetres, category in self._calibre_hints:
            distance = abs(millimetres - calibre.millimetres)
            if distance <= _CALIBRE_TOLERANCE_MM and (best is None or distance < best[0]):
                best = (distance, category)
        return best[1] if best else None


class MediaGazetteer(Gazetteer[MediaEntry]):
    """News outlets and agencies (sources of a report, never actors)."""


class RegionGazetteer(Gazetteer[RegionEntry]):
    """Transit regions named as a route (`middle-east`, `central-asia`, ...)."""


def read_tsv(name: str, columns: tuple[str, ...]) -> list[list[str]]:
    """The rows of a shipped data file, after checking its header."""
    path = resources.files(DATA_PACKAGE).joinpath(DATA_FOLDER, name)
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise ValueError(f"{name}: expected the header {columns}")
    rows = [line.split("\t") for line in lines[1:] if line]
    for number, row in enumerate(rows, start=2):
        if len(row) != len(columns):
            raise ValueError(f"{name}:{number}: expected {len(columns)} columns, got {len(row)}")
    return rows


def _flag(value: str) -> bool:
    return value == "1"


@functools.cache
def load_actors() -> ActorGazetteer:
    """The actor gazetteer (actors.tsv), read once per process."""
    rows = read_tsv("actors.tsv", ACTOR_COLUMNS)
    return ActorGazetteer(ActorEntry(s, c, lg, k, _flag(cs)) for s, c, lg, k, cs in rows)


@functools.cache
def load_materiel() -> MaterielGazetteer:
    """The materiel gazetteer (materiel.tsv), read once per process."""
    rows = read_tsv("materiel.tsv", MATERIEL_COLUMNS)
    return MaterielGazetteer(
        MaterielEntry(s, cat, lg, k, d, _flag(cs)) for s, cat, lg, k, d, cs in rows
    )


@functools.cache
def load_media() -> MediaGazetteer:
    """The news outlets (media.tsv), read once per process. Iterating gives `MediaEntry`s."""
    rows = read_tsv("media.tsv", MEDIA_COLUMNS)
    return MediaGazetteer(MediaEntry(s, o, _flag(cs)) for s, o, cs in rows)


@functools.cache
def load_regions() -> RegionGazetteer:
    """The transit regions (regions.tsv), read once per process."""
    rows = read_tsv("regions.tsv", REGION_COLUMNS)
    return RegionGazetteer(RegionEntry(s, c, lg) for s, c, lg in rows)


@functools.cache
def load_maker_home_states() -> dict[str, frozenset[str]]:
    """Each arms maker's slug and the states it builds in as a home firm (makers.tsv)."""
    rows = read_tsv("makers.tsv", MAKER_COLUMNS)
    return {maker: frozenset(homes.split(",")) for maker, homes in rows}


def maker_home_states(slug: str) -> frozenset[str]:
    """The home states of the arms maker `slug` ('rheinmetall' → {'DEU'}); empty if none."""
    return load_maker_home_states().get(slug, frozenset())


def normalise_actor(text: str, lang: str | None = None) -> str | None:
    """The actor code that `text` names ("nord-coréens" → PRK), or None if none or ambiguous."""
    return load_actors().normalise(text, lang)


def categorise_materiel(text: str, lang: str | None = None) -> str | None:
    """The materiel category that `text` names ("M777" → artillery_systems), or None."""
    return load_materiel().categorise(text, lang)
