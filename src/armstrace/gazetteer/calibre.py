"""Calibres written in running text: "155 mm", "155mm", "155-mm", "152-millimetre",
"155-Millimeter", "5,56 mm", "7.62x39mm", "6-inch", ".50 calibre".

A calibre is a strong hint for the materiel category ("155 mm" with a shell word is artillery
ammunition, "5.56 mm" small-arms ammunition); the hints themselves are data, the `calibre`
rows of materiel.tsv, read through `MaterielGazetteer.category_of_calibre`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MILLIMETRES_PER_INCH = 25.4
_MIN_MM = 4.0  # smaller numbers before "mm" are sizes of other things
_MAX_MM = 460.0

_NUMBER = r"(?P<number>\d{1,3}(?:[.,]\d{1,2})?)"
_GAP = r"[ \u00a0\u202f\u2009]?(?:[-‐‑–][ \u00a0\u202f\u2009]?)?"
_MM_UNIT = r"(?:mm|millim[eèé]t(?:re|er)s?|mil[ií]metros?)"
_INCH_UNIT = r"(?:inch(?:es)?|in\.|pouces?|Zoll|pulgadas?)"
_CALIBRE = re.compile(
    r"(?<![\w.,])(?:"
    rf"{_NUMBER}(?:[ \u00a0\u202f]?[x×][ \u00a0\u202f]?\d{{2,3}})?{_GAP}(?P<mm>{_MM_UNIT})"
    rf"|{_NUMBER.replace('number', 'inches')}{_GAP}(?P<inch>{_INCH_UNIT})"
    r"|\.(?P<fraction>50|30)[ \u00a0\u202f-]?(?:cal(?:ib(?:re|er))?\b|BMG\b)"
    r"|(?:calibre|caliber)[ \u00a0\u202f]\.(?P<fraction2>50|30)\b"
    r")(?!\w)",
    re.IGNORECASE,
)
# Fractions of an inch that name machine-gun calibres, in millimetres.
_INCH_FRACTIONS = {"50": 12.7, "30": 7.62}


@dataclass(frozen=True)
class Calibre:
    """A calibre found in text: its size in millimetres and where it was written."""

    millimetres: float
    text: str
    start: int
    end: int
    unit: str = "mm"  # "mm" or "inch", as written

    def __str__(self) -> str:
        """The short form used in transfer details: "155mm", "5.56mm", "6-inch"."""
        if self.unit == "inch":
            inches = self.millimetres / MILLIMETRES_PER_INCH
            return f"{inches:g}-inch"
        return f"{self.millimetres:g}mm"


def _to_float(number: str) -> float:
    return float(number.replace(",", "."))


def _calibre_from_match(match: re.Match[str]) -> Calibre | None:
    unit = "mm"
    if match.group("mm"):
        millimetres = _to_float(match.group("number"))
    elif match.group("inch"):
        millimetres = round(_to_float(match.group("inches")) * MILLIMETRES_PER_INCH, 1)
        unit = "inch"
    else:
        fraction = match.group("fraction") or match.group("fraction2")
        millimetres = _INCH_FRACTIONS[fraction]
    if not _MIN_MM <= millimetres <= _MAX_MM:
        return None
    return Calibre(millimetres, match.group(), match.start(), match.end(), unit)


def find_calibres(text: str) -> list[Calibre]:
    """Every calibre written in `text`, in order."""
    found = (_calibre_from_match(m) for m in _CALIBRE.finditer(text))
    return [c for c in found if c is not None]


def parse_calibre(text: str) -> Calibre | None:
    """The first calibre written in `text`, or None.

    >>> str(parse_calibre("des obus de 155 mm"))
    '155mm'
    >>> parse_calibre("152-millimetre rounds").millimetres
    152.0
    """
    calibres = find_calibres(text)
    return calibres[0] if calibres else None
