"""Shared machinery of the engine behaviour tests (`test_engine_*.py`).

A case is one short text written for these tests with the transfers a careful annotator would
record for it (../shared/spec/ANNOTATION.md). `case(...)` turns it into one pytest parameter, so
adding a behaviour is one line; `check_case` runs the real extractor (no part of it mocked) and
compares. A case the engine gets wrong today carries `gap="what the engine does instead"`: it
becomes a strict xfail, so the fix that closes the gap makes it pass and asks for the mark to go.

Expected flows are matched like the scorer matches them (same supplier, recipient, materiel
family); then every field the case states is compared exactly, and the article must report no
flow beyond the expected ones. Each reported transfer must carry provenance: a trigger rule id
and evidence sentences whose offsets slice the cleaned text to exactly that sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from armstrace.extract import extract_report
from armstrace.gazetteer import family_of
from armstrace.models import MATERIEL_CATEGORIES, CleanDocument, RawDocument, TransferRecord
from armstrace.pipeline import prepare_document

# An expectation that names only the scoring family, when the exact missile category is a
# judgement call ("Patriot missiles", "Raketen") that these tests do not mean to pin down.
ANY_MISSILE = "family:missiles"


class _Marker:
    """A named placeholder for an expected value."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


UNCHECKED: Any = _Marker("UNCHECKED")  # the case says nothing about this field
SOME_TEXT: Any = _Marker("SOME_TEXT")  # any non-empty text ("dozens" has no count but a text)


@dataclass(frozen=True)
class Flow:
    """One expected transfer; fields left UNCHECKED are not compared."""

    supplier: str | None
    recipient: str | None
    materiel: str  # a category of the annotation guide, or ANY_MISSILE
    stage: str
    stance: str
    claimed_by: Any = UNCHECKED  # compared as a set
    denied_by: Any = UNCHECKED  # compared as a set
    via: Any = UNCHECKED  # compared as a set
    quantity: Any = UNCHECKED
    quantity_text: Any = UNCHECKED  # a string, None, or SOME_TEXT (any non-empty text)
    end_user: Any = UNCHECKED
    evidence: str | None = None  # a fragment of the sentence that must be cited as evidence

    def family(self) -> str:
        if self.materiel.startswith("family:"):
            return self.materiel.removeprefix("family:")
        return family_of(self.materiel)


@dataclass(frozen=True)
class Case:
    """A text to extract from, as an input would give it, and the flows it reports."""

    lang: str
    text: str
    flows: tuple[Flow, ...]
    title: str | None = None
    url: str | None = None
    published: str | None = None


def case(
    case_id: str,
    lang: str,
    text: str,
    *flows: Flow,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    gap: str | None = None,
) -> object:
    """One parametrised case; `gap` documents what the engine does instead (strict xfail)."""
    for flow in flows:
        if not flow.materiel.startswith("family:"):
            assert flow.materiel in MATERIEL_CATEGORIES, flow.materiel
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    return pytest.param(
        Case(lang=lang, text=text, flows=flows, title=title, url=url, published=published),
        id=case_id,
        marks=marks,
    )


def run_engine(item: Case) -> tuple[CleanDocument, list[TransferRecord]]:
    """The cleaned document and the transfers the real extractor reports for it."""
    raw = RawDocument(
        id="case",
        text=item.text,
        source="test",
        title=item.title,
        url=item.url,
        lang=item.lang,
        published=item.published,
    )
    document = prepare_document(raw)
    return document, extract_report(document).transfers


def describe(transfers: list[TransferRecord]) -> str:
    """A compact listing for assertion messages."""
    return (
        "\n".join(
            f"  {t.supplier}->{t.recipient} {t.materiel} {t.stage}/{t.stance} "
            f"claimed={t.claimed_by} denied={t.denied_by} via={t.via} "
            f"q={t.quantity}({t.quantity_text}) end_user={t.end_user}"
            for t in transfers
        )
        or "  (none)"
    )


def check_case(item: Case) -> None:
    """Run the engine on `item` and assert its expected flows, and nothing else, come out."""
    document, transfers = run_engine(item)
    listing = describe(transfers)
    unmatched = list(transfers)
    for flow in item.flows:
        wanted = (flow.supplier, flow.recipient, flow.family())
        same = (t for t in unmatched if (t.supplier, t.recipient, family_of(t.materiel)) == wanted)
        found = next(same, None)
        assert found is not None, f"no transfer {wanted}; engine reported:\n{listing}"
        unmatched.remove(found)
        _check_fields(flow, found, listing)
        check_provenance(document, found, flow.evidence or _single_sentence(item.text))
    assert not unmatched, f"unexpected transfers:\n{describe(unmatched)}"


def _check_fields(flow: Flow, found: TransferRecord, listing: str) -> None:
    if not flow.materiel.startswith("family:"):
        assert found.materiel == flow.materiel, listing
    assert (found.stage, found.stance) == (flow.stage, flow.stance), listing
    for name in ("claimed_by", "denied_by", "via"):
        expected = getattr(flow, name)
        if expected is not UNCHECKED:
            assert set(getattr(found, name)) == set(expected), f"{name}:\n{listing}"
    for name in ("quantity", "end_user"):
        expected = getattr(flow, name)
        if expected is not UNCHECKED:
            assert getattr(found, name) == expected, f"{name}:\n{listing}"
    if flow.quantity_text is SOME_TEXT:
        assert found.quantity_text, f"quantity_text:\n{listing}"
    elif flow.quantity_text is not UNCHECKED:
        assert found.quantity_text == flow.quantity_text, f"quantity_text:\n{listing}"


_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


def _single_sentence(text: str) -> str | None:
    """The text itself when it is one sentence on one line (it must then be the evidence)."""
    stripped = text.strip()
    if "\n" in stripped or _SENTENCE_INSIDE.search(stripped):
        return None
    return stripped


def check_provenance(
    document: CleanDocument, transfer: TransferRecord, sentence: str | None
) -> None:
    """A trigger rule and evidence whose clean offsets slice the text to the cited sentence;
    `sentence`, when given, is (a fragment of) a sentence that must be among the evidence."""
    assert transfer.rule_ids.get("trigger"), transfer.rule_ids
    assert transfer.evidence, "no evidence"
    for evidence in transfer.evidence:
        assert document.text[evidence.start : evidence.end] == evidence.text
        assert evidence.text == evidence.text.strip() and evidence.text
        assert document.raw_text[evidence.raw_start : evidence.raw_end] == evidence.text
    if sentence is not None:
        texts = [e.text for e in transfer.evidence]
        assert any(sentence in text for text in texts), f"{sentence!r} not cited in {texts}"
