"""The phones benchmark runs (quick mode) and prints its figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_phones_benchmark_quick() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "phones.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert result.returncode == 0, result.stderr
    for figure in (
        "latency, edits in the app",
        "latency, edits by another process",
        "phone page first load",
        "server memory",
        "server CPU",
    ):
        assert figure in result.stdout
    assert ", 0 missed" in result.stdout  # every phone got every edit
