"""Inflected forms of nationality adjectives and demonyms in French, English, German, Spanish.

The hand-written list (`data/manual/nationalities.tsv`) gives one base form per lemma; these
rules expand it ("nord-coréen" → nord-coréen, nord-coréenne, nord-coréens, nord-coréennes).
A cell may hold several lemmas separated by ";", and a lemma written as "a/b/c" is taken as
its complete list of forms, for the irregular ones (grec/grecque/grecs/grecques).
"""

from __future__ import annotations

from armstrace.gazetteer.surface_keys import strip_accents

NO_FORM = "-"


def split_lemmas(cell: str) -> list[str]:
    """The lemmas of a cell; "-" or an empty cell has none."""
    return [lemma.strip() for lemma in cell.split(";") if lemma.strip() not in ("", NO_FORM)]


def _explicit(lemma: str) -> list[str] | None:
    return [form.strip() for form in lemma.split("/")] if "/" in lemma else None


def _unique(forms: list[str]) -> list[str]:
    return list(dict.fromkeys(forms))


def french_adjective(lemma: str) -> list[str]:
    """Masculine and feminine, singular and plural of a French adjective."""
    explicit = _explicit(lemma)
    if explicit:
        return explicit
    if lemma.endswith("e"):
        return [lemma, lemma + "s"]
    if lemma.endswith(("en", "on")):
        return [lemma, lemma + "ne", lemma + "s", lemma + "nes"]
    if lemma.endswith(("s", "x")):
        return [lemma, lemma + "e", lemma + "es"]
    return [lemma, lemma + "e", lemma + "s", lemma + "es"]


def capitalise_compound(word: str) -> str:
    """Each hyphen-separated part capitalised: "nord-coréen" → "Nord-Coréen"."""
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def french_demonym(lemma: str) -> list[str]:
    """The nouns for the people: the adjective's forms, capitalised (les Nord-Coréens)."""
    return [capitalise_compound(form) for form in french_adjective(lemma)]


def english_demonym(lemma: str) -> list[str]:
    """An English demonym is written as its plural in the list, and stays as written."""
    return _explicit(lemma) or [lemma]


_GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em")


def german_adjective(lemma: str) -> list[str]:
    """A German adjective with its strong and weak endings (russisch, russische, ...)."""
    return _explicit(lemma) or [lemma + ending for ending in _GERMAN_ENDINGS]


def german_demonym(lemma: str) -> list[str]:
    """Singular, plural and feminine of a German demonym.

    Nouns in -e drop it for the feminine (Russe, Russen, Russin, Russinnen); nouns in -i take
    -s (Israeli, Israelis); the others add -n for the plural or dative plural and -in for the
    feminine (Amerikaner, Amerikanern, Amerikanerin, Amerikanerinnen; Ungar, Ungarn).
    """
    explicit = _explicit(lemma)
    if explicit:
        return explicit
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return [lemma, lemma + "n", stem + "in", stem + "innen"]
    if lemma.endswith("i"):
        return [lemma, lemma + "s"]
    return [lemma, lemma + "n", lemma + "in", lemma + "innen"]


def spanish_adjective(lemma: str) -> list[str]:
    """Masculine and feminine, singular and plural of a Spanish adjective.

    Spanish writes demonyms like adjectives, in lower case, so there is no separate list.
    """
    explicit = _explicit(lemma)
    if explicit:
        return explicit
    if lemma.endswith("o"):
        stem = lemma[:-1]
        return [lemma, stem + "a", lemma + "s", stem + "as"]
    if lemma.endswith(("e", "a")):
        return [lemma, lemma + "s"]
    if lemma.endswith(("í", "ú")):
        return [lemma, lemma + "es", lemma + "s"]
    if lemma[-2:-1] in ("á", "é", "í", "ó", "ú"):
        # alemán → alemana, alemanes: the accent goes once a syllable is added.
        stem = lemma[:-2] + strip_accents(lemma[-2:])
        return [lemma, stem + "a", stem + "es", stem + "as"]
    return [lemma, lemma + "a", lemma + "es", lemma + "as"]


def expand(cell: str, rule: str) -> list[str]:
    """Every form of every lemma of a cell, under one of the rules above."""
    rules = {
        "fr_adjective": french_adjective,
        "fr_demonym": french_demonym,
        "en_adjective": english_demonym,
        "en_demonym": english_demonym,
        "de_adjective": german_adjective,
        "de_demonym": german_demonym,
        "es_adjective": spanish_adjective,
    }
    forms: list[str] = []
    for lemma in split_lemmas(cell):
        forms.extend(rules[rule](lemma))
    return _unique(forms)
