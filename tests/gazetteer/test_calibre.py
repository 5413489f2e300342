"""Calibres in running text, and the category a calibre hints at."""

from __future__ import annotations

import pytest

from armstrace.gazetteer import find_calibres, load_materiel, parse_calibre


@pytest.mark.parametrize(
    ("text", "millimetres", "label"),
    [
        ("des obus de 155 mm", 155.0, "155mm"),
        ("155mm shells", 155.0, "155mm"),
        ("155-mm rounds", 155.0, "155mm"),
        ("152-millimetre shells", 152.0, "152mm"),
        ("155-Millimeter-Munition", 155.0, "155mm"),
        ("obuses de 155 milímetros", 155.0, "155mm"),
        ("155\u202fmm", 155.0, "155mm"),
        ("cartouches de 5,56 mm", 5.56, "5.56mm"),
        ("7.62x39mm ammunition", 7.62, "7.62mm"),
        ("6-inch guns", 152.4, "6-inch"),
        (".50 cal machine guns", 12.7, "12.7mm"),
    ],
)
def test_parse_calibre_reads_written_forms(text: str, millimetres: float, label: str) -> None:
    calibre = parse_calibre(text)
    assert calibre is not None
    assert calibre.millimetres == millimetres
    assert str(calibre) == label
    assert text[calibre.start : calibre.end] == calibre.text


@pytest.mark.parametrize("text", ["a 2 mm wire", "in 2024 the army", "no number here"])
def test_parse_calibre_ignores_other_numbers(text: str) -> None:
    assert parse_calibre(text) is None


def test_find_calibres_returns_all_in_order() -> None:
    found = find_calibres("155-mm and 122-mm rounds")
    assert [c.millimetres for c in found] == [155.0, 122.0]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("155 mm", "artillery_ammunition"),
        ("6-inch", "artillery_ammunition"),
        ("5.56 mm", "small_arms_ammunition"),
        ("125 mm", "other_ammunition"),
        ("227 mm", "rockets"),
    ],
)
def test_category_of_calibre_uses_nearest_listed_calibre(text: str, category: str) -> None:
    calibre = parse_calibre(text)
    assert calibre is not None
    assert load_materiel().category_of_calibre(calibre) == category


def test_category_of_calibre_is_none_far_from_any_listed() -> None:
    calibre = parse_calibre("a 66 mm rocket")
    assert calibre is not None
    assert load_materiel().category_of_calibre(calibre) is None
