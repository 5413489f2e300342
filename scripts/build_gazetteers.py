"""Rebuild the gazetteer TSV files of src/armstrace/gazetteer/data/ from their sources.

    .venv/bin/python scripts/build_gazetteers.py [--reference ../shared/reference] [--out DIR]

Sources: the reference tables in shared/reference (SIPRI, Oryx, Kiel, CAMEO), word counts of
the Reuters corpus in shared/corpus (to leave out weapon names that are common words), pycountry,
CLDR names through Babel (a development dependency), and the hand-written lists in
src/armstrace/gazetteer/data/manual/. The output is sorted, so a rebuild from the same
inputs changes nothing; read the diff before committing a rebuild.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from armstrace.gazetteer.build import DATA_DIR, MANUAL_DIR, build_all

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument("--manual", type=Path, default=MANUAL_DIR)
    parser.add_argument("--quiet", action="store_true", help="do not list the conflicts")
    args = parser.parse_args(argv)
    if not args.reference.is_dir():
        print(f"no reference folder at {args.reference}", file=sys.stderr)
        return 2
    report = build_all(args.reference, args.corpus, args.out, args.manual)
    if not args.quiet:
        for line in report.conflicts:
            print(f"resolved: {line}")
    for name, count in report.rows.items():
        print(f"{name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
