"""Date phrases in fr/en/de/es text, resolved against the publication date to their precision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.extract.dates import (
    date_phrase_spans,
    find_date_mentions,
    find_event_date,
    find_publication_date,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"


def event_value(text: str, lang: str, published: str | None) -> str | None:
    mention = find_event_date(text, lang, published)
    return mention.value if mention else None


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "BERLIN, 25 janvier 2023 (dépêche)", "2023-01-25"),
        ("fr", "le 1er novembre 2024", "2024-11-01"),
        ("fr", "Publié : 23 déc. 2022, 18:40", "2022-12-23"),
        ("fr", "Publié le 17/01/2024 à 08h14", "2024-01-17"),
        ("en", "WASHINGTON, April 25, 2024 —", "2024-04-25"),
        ("en", "Saturday, Feb. 17, 2024", "2024-02-17"),
        ("en", "on 7 October 2023", "2023-10-07"),
        ("en", "05/09/2024", "2024-05-09"),
        ("en", "2024-03-06", "2024-03-06"),
        ("de", "UNTERLÜSS, 12. Februar 2024 –", "2024-02-12"),
        ("de", "am 2. November 2023", "2023-11-02"),
        ("de", "17.03.2023", "2023-03-17"),
        ("es", "el 2 de noviembre de 2023", "2023-11-02"),
        ("en", "in September 2023", "2023-09"),
        ("fr", "en septembre 2023", "2023-09"),
        ("de", "im Dezember 2022 übergeben", "2022-12"),
        ("es", "en septiembre de 2023", "2023-09"),
        ("fr", "début septembre 2023", "2023-09"),
        ("en", "in 2022", "2022"),
        ("fr", "commandés en 2019", "2019"),
        ("de", "im Jahr 2022", "2022"),
        ("es", "en 2022", "2022"),
        ("en", "in early 2023", "2023"),
        ("en", "mid-2024", "2024"),
        ("fr", "fin 2023", "2023"),
        ("en", "in the autumn of 2022", "2022"),
        ("fr", "à l'automne 2023", "2023"),
    ],
)
def test_find_event_date_reads_self_contained_dates_without_publication(
    lang: str, text: str, value: str
) -> None:
    assert event_value(text, lang, None) == value


@pytest.mark.parametrize(
    ("lang", "text", "published", "value"),
    [
        # a weekday is the most recent such day, the publication day itself included
        ("fr", "a dit jeudi", "2023-03-17", "2023-03-16"),
        ("en", "announced on Sunday", "2025-03-04", "2025-03-02"),
        ("en", "announced on Thursday", "2024-10-17", "2024-10-17"),
        ("fr", "promises vendredi", "2023-07-11", "2023-07-07"),
        ("de", "am Donnerstag", "2023-03-17", "2023-03-16"),
        ("es", "el jueves", "2023-03-17", "2023-03-16"),
        ("fr", "jeudi dernier", "2023-03-16", "2023-03-09"),
        ("en", "yesterday", "2024-01-01", "2023-12-31"),
        ("fr", "hier", "2024-01-01", "2023-12-31"),
        ("de", "gestern", "2024-01-01", "2023-12-31"),
        ("es", "ayer", "2024-01-01", "2023-12-31"),
        ("fr", "avant-hier", "2024-03-01", "2024-02-28"),
        ("fr", "il y a trois jours", "2024-03-10", "2024-03-07"),
        # a date without a year is the most recent one, at most a day after publication
        ("fr", "mercredi 2 novembre", "2022-11-05", "2022-11-02"),
        ("fr", "le 11 janvier", "2024-01-17", "2024-01-11"),
        ("fr", "le 12 juillet", "2023-07-11", "2023-07-12"),
        ("fr", "le 20 décembre", "2024-01-05", "2023-12-20"),
        ("en", "Jan. 25", "2023-01-27", "2023-01-25"),
        ("de", "am 2. November", "2023-11-05", "2023-11-02"),
        ("es", "el 2 de noviembre", "2023-11-05", "2023-11-02"),
        # months and weeks give a month
        ("en", "last week", "2023-12-05", "2023-11"),
        ("fr", "la semaine dernière", "2024-05-09", "2024-05"),
        ("de", "letzte Woche", "2023-12-05", "2023-11"),
        ("es", "la semana pasada", "2023-12-05", "2023-11"),
        ("en", "last month", "2024-04-25", "2024-03"),
        ("fr", "le mois dernier", "2022-12-23", "2022-11"),
        ("de", "im vergangenen Monat", "2024-01-10", "2023-12"),
        ("es", "el mes pasado", "2024-01-10", "2023-12"),
        ("en", "earlier this month", "2024-01-10", "2024-01"),
        ("en", "in early September", "2023-12-05", "2023-09"),
        ("en", "in late December", "2023-01-05", "2022-12"),
        ("fr", "en novembre", "2024-06-20", "2023-11"),
        ("fr", "en juillet dernier", "2024-07-27", "2023-07"),
        ("fr", "à la mi-janvier", "2023-01-25", "2023-01"),
        ("es", "hace dos semanas", "2023-03-17", "2023-03"),
        # years
        ("fr", "il y a un an", "2023-03-17", "2022"),
        ("de", "vor einem Jahr", "2023-03-17", "2022"),
        ("fr", "l'an dernier", "2025-05-09", "2024"),
        ("en", "this year", "2024-05-09", "2024"),
        ("es", "el año pasado", "2024-05-09", "2023"),
    ],
)
def test_find_event_date_resolves_relative_phrases_against_publication(
    lang: str, text: str, published: str, value: str
) -> None:
    assert event_value(text, lang, published) == value


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "a déclaré mercredi 2 novembre"),
        ("fr", "samedi"),
        ("en", "on Thursday"),
        ("en", "last week"),
        ("de", "gestern"),
        ("es", "el jueves"),
        ("fr", "en septembre"),
        ("fr", "il y a un an"),
        ("en", "Jan. 19"),
    ],
)
def test_find_event_date_leaves_relative_phrases_unresolved_without_publication(
    lang: str, text: str
) -> None:
    assert find_event_date(text, lang, None) is None


@pytest.mark.parametrize(
    ("lang", "text", "published"),
    [
        ("fr", "des livraisons depuis juillet dernier", "2024-02-27"),
        ("de", "Seit Mai 2023 bittet die Ukraine", "2024-03-06"),
        ("en", "since the summer of 2023", None),
        ("fr", "livrés depuis l'été 2023", None),
        ("fr", "d'ici 2030", None),
        ("fr", "jusqu'au 13 novembre", "2025-10-20"),
        ("es", "desde 2022", None),
        ("en", "the pause will last until March", "2025-03-04"),
        ("en", "next Friday", "2025-03-04"),
        ("en", "deliveries will start in 2026", "2025-03-04"),
    ],
)
def test_find_event_date_skips_range_bounds_and_future_dates(
    lang: str, text: str, published: str | None
) -> None:
    assert find_event_date(text, lang, published) is None


def test_find_date_mentions_keeps_range_bounds_with_their_relation() -> None:
    mentions = find_date_mentions(
        "depuis juillet dernier et jusqu'au 13 novembre", "fr", "2025-10-20"
    )
    assert [(m.value, m.relation) for m in mentions] == [
        ("2025-07", "since"),
        ("2025-11-13", "until"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "may be sent"),
        ("en", "troops march to the front"),
        ("fr", "sept chars"),
        ("en", "the 1979 revolution was"),
        ("fr", "LPM pour 2024-2030"),
        ("en", "a range of 300 km"),
    ],
)
def test_find_date_mentions_ignores_words_that_only_look_like_dates(lang: str, text: str) -> None:
    assert find_date_mentions(text, lang, "2024-01-10") == []


def test_find_date_mentions_gives_spans_and_order() -> None:
    text = "Le 7 octobre, puis mardi, et enfin en 2022."
    mentions = find_date_mentions(text, "fr", "2023-10-20")
    assert [(text[m.start : m.end], m.value) for m in mentions] == [
        ("Le 7 octobre", "2023-10-07"),
        ("mardi", "2023-10-17"),
        ("en 2022", "2022"),
    ]


def test_find_event_date_takes_the_first_point_date() -> None:
    text = "Livrés depuis 2022, les chars annoncés mardi arriveront en mars."
    mention = find_event_date(text, "fr", "2024-06-20")
    assert mention is not None
    assert (mention.text, mention.value) == ("mardi", "2024-06-18")


def test_date_phrase_spans_covers_unresolvable_phrases() -> None:
    text = "jeudi 2 novembre"
    assert date_phrase_spans(text, "fr") == [(0, len(text))]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "fr",
            "Titre\n\nPar la rédaction Défense – 19 janvier 2024\n\nLors de mardi",
            "2024-01-19",
        ),
        ("en", "Headline\n\nBy Staff Writer | May 11, 2023\n\nBritain has", "2023-05-11"),
        ("en", "Two-way street\n\nAnalysis | December 5, 2023\n\nWhen", "2023-12-05"),
        (
            "fr",
            "Titre\n\nPropos recueillis le 24 juillet 2025 – publié le 25 juillet 2025\n\nDonald",
            "2025-07-25",
        ),
        ("fr", "Titre\n\n11/09/2024 – 07:15 | Suivez-nous", "2024-09-11"),
        ("en", "Headline\n\nAnalysis | December 2023\n\nText", "2023-12"),
        ("fr", "Titre\n\nTéhéran a reconnu samedi avoir livré des drones", None),
    ],
)
def test_find_publication_date_reads_bylines_and_datelines(
    lang: str, text: str, value: str | None
) -> None:
    assert find_publication_date(text, lang) == value


def test_find_publication_date_only_looks_at_the_top() -> None:
    text = "Titre\n\n" + "Un long paragraphe sans date. " * 20 + "Le 3 mars 2023, un fait."
    assert find_publication_date(text, "fr") is None


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not available")
def test_find_publication_date_agrees_with_the_dev_gold() -> None:
    checked = 0
    for line in (SHARED / "dev" / "written.gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SHARED / "dev" / "written" / f"{record['id']}.txt").read_text(encoding="utf-8")
        assert find_publication_date(text, record["lang"]) == record["published"], record["id"]
        checked += 1
    assert checked >= 30
