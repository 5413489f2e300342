"""Extraction throughput against a bare spaCy parse of the same texts, in the same run.

    .venv/bin/python benchmarks/bench_extract.py [--wh-docs 2000] [--reuters-docs 0 = all]

For each corpus: the documents are read and cleaned once; then (1) a bare `nlp.pipe` parses
every cleaned text with the full pipeline, and (2) `extract_report` runs on every document
(prefilter, parse of the lines that matter, rules). Reported: articles/s and tokens/s of
both, their ratio, transfers found (on Reuters, almost all false alarms) and peak memory.
Results are printed and written to benchmarks/results/ as JSON. Not a test: timings vary.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from armstrace.extract import extract_report
from armstrace.ingest import clean_document, read_inputs
from armstrace.models import CleanDocument, RawDocument
from armstrace.nlp.pipelines import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


@dataclass
class CorpusResult:
    corpus: str
    documents: int
    tokens: int
    parse_seconds: float
    extract_seconds: float
    transfers: int
    documents_with_transfers: int

    @property
    def speedup(self) -> float:
        return self.parse_seconds / self.extract_seconds if self.extract_seconds else 0.0


def _load(path: Path, limit: int) -> list[CleanDocument]:
    raws = (item for item in read_inputs([str(path)]) if isinstance(item, RawDocument))
    if limit:
        raws = itertools.islice(raws, limit)
    return [clean_document(raw, lang="en") for raw in raws]


def bench(name: str, docs: list[CleanDocument]) -> CorpusResult:
    nlp = load_pipeline("en")
    extract_report(docs[0])  # load lexicons, gazetteers and matchers outside the timing
    start = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe((d.text for d in docs), batch_size=64):
        tokens += len(doc)
    parse_seconds = time.perf_counter() - start

    start = time.perf_counter()
    transfers = 0
    with_transfers = 0
    for document in docs:
        report = extract_report(document)
        transfers += len(report.transfers)
        with_transfers += bool(report.transfers)
    extract_seconds = time.perf_counter() - start
    return CorpusResult(
        name, len(docs), tokens, parse_seconds, extract_seconds, transfers, with_transfers
    )


def _print(result: CorpusResult) -> None:
    n, tok = result.documents, result.tokens
    print(f"\n{result.corpus}: {n} documents, {tok:,} tokens")
    print(
        f"  bare parse : {result.parse_seconds:8.1f} s  {n / result.parse_seconds:8.1f} art/s"
        f"  {tok / result.parse_seconds:10,.0f} tok/s"
    )
    print(
        f"  extraction : {result.extract_seconds:8.1f} s  {n / result.extract_seconds:8.1f} art/s"
        f"  {tok / result.extract_seconds:10,.0f} tok/s"
    )
    ratio = result.extract_seconds / result.parse_seconds
    print(f"  extraction / parse time: {ratio:.3f}  (speed-up x{result.speedup:.1f})")
    per_2000 = result.transfers * 2000 / n if n else 0.0
    print(
        f"  transfers: {result.transfers} in {result.documents_with_transfers} documents"
        f" ({per_2000:.1f} per 2,000 documents)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wh-docs", type=int, default=2000, help="White House documents")
    parser.add_argument("--reuters-docs", type=int, default=0, help="Reuters stories (0 = all)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()

    results = []
    for name, path, limit in (
        ("wh_briefings", SHARED / "wh_briefings.jsonl.gz", args.wh_docs),
        ("reuters21578", SHARED / "reuters21578.jsonl.gz", args.reuters_docs),
    ):
        docs = _load(path, limit)
        result = bench(name, docs)
        _print(result)
        results.append(result)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS): {peak_mib:,.0f} MiB")
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    payload = {
        "results": [asdict(r) | {"speedup": r.speedup} for r in results],
        "peak_rss_mib": peak_mib,
    }
    (args.out / f"bench-{stamp}.json").write_text(json.dumps(payload, indent=2), "utf-8")


if __name__ == "__main__":
    main()
