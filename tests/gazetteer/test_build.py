"""The build script regenerates the shipped files byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from armstrace.gazetteer.build import DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(
    not (SHARED / "reference").is_dir() or not (SHARED / "corpus").is_dir(),
    reason="needs ../shared/reference and ../shared/corpus",
)
def test_build_script_reproduces_shipped_files(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_gazetteers.py"),
            "--reference",
            str(SHARED / "reference"),
            "--corpus",
            str(SHARED / "corpus"),
            "--out",
            str(tmp_path),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "actors.tsv:" in result.stdout
    for name in ("actors.tsv", "makers.tsv", "materiel.tsv", "media.tsv", "regions.tsv"):
        built = (tmp_path / name).read_text(encoding="utf-8")
        shipped = (DATA_DIR / name).read_text(encoding="utf-8")
        assert built == shipped, f"{name} is out of date: run scripts/build_gazetteers.py"
