"""Extraction quality on annotated dev sets: the data behind `make eval` and the CI gate.

A dev set is a gold file plus the documents it annotates. The documents are read with the
same readers as `armstrace run` (text files, or records of a corpus picked by id) and go
through the same `process_document`, so the scores are those of the product.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from armstrace.evaluate import EvalResult, load_gold, score
from armstrace.ingest import read_inputs
from armstrace.models import RawDocument
from armstrace.pipeline import process_document


@dataclass(frozen=True)
class DevSet:
    """A gold file and where its documents are."""

    name: str
    gold: Path
    documents: Path  # a folder of text files, or a corpus file whose records carry ids


def default_dev_sets(shared: Path) -> list[DevSet]:
    """The dev sets of ../shared/dev (seeds, written, wh)."""
    dev = shared / "dev"
    return [
        DevSet("seeds", dev / "seeds.gold.jsonl", shared / "seeds"),
        DevSet("written", dev / "written.gold.jsonl", dev / "written"),
        DevSet("wh", dev / "wh.gold.jsonl", shared / "corpus" / "wh_briefings.jsonl.gz"),
    ]


def iter_dev_documents(dev_set: DevSet, ids: set[str]) -> Iterator[RawDocument]:
    """The documents of `dev_set` whose ids the gold file annotates."""
    for item in read_inputs([str(dev_set.documents)]):
        if isinstance(item, RawDocument) and item.id in ids:
            yield item


def predict(dev_set: DevSet) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """Gold and predicted transfers by article id for one dev set."""
    gold = load_gold(dev_set.gold)
    predicted: dict[str, list[dict[str, Any]]] = {}
    for raw in iter_dev_documents(dev_set, set(gold)):
        _clean, report = process_document(raw)
        predicted[raw.id] = [t.to_record() for t in report.transfers]
    return gold, predicted


def evaluate_dev_set(dev_set: DevSet) -> EvalResult:
    gold, predicted = predict(dev_set)
    return score(gold, predicted)
