"""Inflection rules for nationality adjectives and demonyms."""

from __future__ import annotations

import pytest

from armstrace.gazetteer.build.inflection import expand


@pytest.mark.parametrize(
    ("cell", "rule", "forms"),
    [
        (
            "nord-coréen",
            "fr_adjective",
            ["nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"],
        ),
        (
            "nord-coréen",
            "fr_demonym",
            ["Nord-Coréen", "Nord-Coréenne", "Nord-Coréens", "Nord-Coréennes"],
        ),
        ("français", "fr_adjective", ["français", "française", "françaises"]),
        ("russe", "fr_adjective", ["russe", "russes"]),
        ("américain", "fr_adjective", ["américain", "américaine", "américains", "américaines"]),
        ("turc/turque/turcs/turques", "fr_adjective", ["turc", "turque", "turcs", "turques"]),
        (
            "russisch",
            "de_adjective",
            ["russisch", "russische", "russischen", "russischer", "russisches", "russischem"],
        ),
        ("Russe", "de_demonym", ["Russe", "Russen", "Russin", "Russinnen"]),
        (
            "Amerikaner",
            "de_demonym",
            ["Amerikaner", "Amerikanern", "Amerikanerin", "Amerikanerinnen"],
        ),
        ("Israeli/Israelis", "de_demonym", ["Israeli", "Israelis"]),
        ("norcoreano", "es_adjective", ["norcoreano", "norcoreana", "norcoreanos", "norcoreanas"]),
        ("iraní", "es_adjective", ["iraní", "iraníes", "iranís"]),
        ("alemán", "es_adjective", ["alemán", "alemana", "alemanes", "alemanas"]),
        ("estadounidense", "es_adjective", ["estadounidense", "estadounidenses"]),
        ("español", "es_adjective", ["español", "española", "españoles", "españolas"]),
        ("Britons;Brits", "en_demonym", ["Britons", "Brits"]),
        ("-", "en_demonym", []),
    ],
)
def test_expand_inflects_by_language_rule(cell: str, rule: str, forms: list[str]) -> None:
    assert expand(cell, rule) == forms
