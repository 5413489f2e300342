"""Language identification: declared, detected, or given by the caller."""

from __future__ import annotations

import pytest

from armstrace.ingest import clean_document, detect_language
from armstrace.models import RawDocument

SAMPLES = {
    "en": "The harbour authority said on Tuesday that two new cranes had arrived from the "
    "shipyard and would be working before the summer season begins.",
    "fr": "L'autorité portuaire a indiqué mardi que deux nouvelles grues étaient arrivées du "
    "chantier naval et qu'elles fonctionneraient avant le début de la saison estivale.",
    "de": "Die Hafenbehörde teilte am Dienstag mit, dass zwei neue Kräne aus der Werft "
    "eingetroffen seien und vor Beginn der Sommersaison in Betrieb gehen sollen.",
    "es": "La autoridad portuaria informó el martes de que dos nuevas grúas habían llegado "
    "del astillero y estarían funcionando antes del comienzo de la temporada de verano.",
}


def raw_document(text: str, lang: str | None = None) -> RawDocument:
    return RawDocument(id="x", text=text, source="test", lang=lang)


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_detect_language_recognises_supported_languages(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_clean_document_detects_language_when_none_is_declared(code: str, text: str) -> None:
    assert clean_document(raw_document(text)).lang == code


def test_clean_document_trusts_a_declared_supported_language() -> None:
    assert clean_document(raw_document(SAMPLES["en"], lang="fr")).lang == "fr"


def test_clean_document_detects_when_declared_language_is_unsupported() -> None:
    assert clean_document(raw_document(SAMPLES["de"], lang="it")).lang == "de"


@pytest.mark.parametrize(("override", "expected"), [("de", "de"), ("ES", "es"), ("en-GB", "en")])
def test_clean_document_language_argument_overrides_everything(
    override: str, expected: str
) -> None:
    document = raw_document(SAMPLES["fr"], lang="fr")

    assert clean_document(document, lang=override).lang == expected


@pytest.mark.parametrize("text", ["", "12 345 678", "— … —", "ok"])
def test_detect_language_is_undetermined_without_enough_text(text: str) -> None:
    assert detect_language(text) == "und"


def test_detect_language_reads_past_boilerplate_in_long_text() -> None:
    text = "Facebook Twitter LinkedIn WhatsApp 2024 " * 30 + SAMPLES["fr"] * 20

    assert detect_language(text) == "fr"
