"""The export benchmark runs (quick mode) and prints its figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_export_benchmark_quick() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "export.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert result.returncode == 0, result.stderr
    for figure in (
        "export report PDF",
        "export posters",
        "export bundle",
        "longest event-loop stall",
    ):
        assert figure in result.stdout
