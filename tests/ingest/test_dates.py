"""normalise_date: publication dates in the forms inputs give them."""

from __future__ import annotations

import pytest

from armstrace.ingest import normalise_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-19", "2024-01-19"),
        ("2024-01-19T10:00:00+01:00", "2024-01-19"),
        ("2024-01-19 10:00:00", "2024-01-19"),
        ("2025-02-10T00:00:00Z", "2025-02-10"),
        ("2024-01", "2024-01"),
        ("2024", "2024"),
        (2019, "2019"),
        ("20240119", "2024-01-19"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("1-MAR-1987 09:00:00.00", "1987-03-01"),
        ("17 March 2023", "2023-03-17"),
        ("1er novembre 2024", "2024-11-01"),
        ("23 déc. 2022, 18:40", "2022-12-23"),
        ("12. Februar 2024", "2024-02-12"),
        ("5 de mayo de 2024", "2024-05-05"),
        ("April 25, 2024", "2024-04-25"),
        ("Feb. 17, 2024", "2024-02-17"),
        ("Friday, January 4, 2019", "2019-01-04"),
        ("Tue, 10 Jan 2025 14:00:00 GMT", "2025-01-10"),
        ("January 2024", "2024-01"),
        ("17/03/2023", "2023-03-17"),
        ("09/05/2024", "2024-05-09"),  # ambiguous: read day first
        ("03/17/2023", "2023-03-17"),  # only month-first is possible
        ("17.03.2023", "2023-03-17"),
    ],
)
def test_normalise_date_recognised_forms(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "yesterday",
        "2024-13-01",
        "2023-02-30",
        "31/02/2023",
        "0999",
        None,
        True,
        3.5,
        ["2024"],
        "x" * 500,
        "Mayday 12, 2024",
    ],
)
def test_normalise_date_gives_none_for_anything_else(value: object) -> None:
    assert normalise_date(value) is None
