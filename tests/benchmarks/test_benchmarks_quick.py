"""Every benchmark runs in its quick mode and prints its figures (the figures themselves
are read by people, in the closing notes: speed is never a timed assert)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FIGURES = {
    "store": ("load whole board", "single edit", "fsync"),
    "board": ("(1) start to first paint", "ratio", "(2) open", "of which commit", "p95"),
    "wall": ("paint demo wall", "paint wall of 100 problems", "until the wall shows it"),
    "phones": (
        "latency, edits in the app",
        "latency, edits by another process",
        "phone page first load",
        "server memory",
        "server CPU",
        ", 0 missed",  # every phone got every edit
    ),
    "export": ("export report PDF", "export posters", "export bundle", "longest event-loop stall"),
    "report_engines": ("today (QPdfWriter)", "platypus (ReportLab)"),
}
SLOW = {"phones", "export"}


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in FIGURES]
)
def test_benchmark_quick(name: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, XDG_CONFIG_HOME=str(tmp_path)),  # no user settings touched
    )
    assert result.returncode == 0, result.stderr
    for figure in FIGURES[name]:
        assert figure in result.stdout, f"{name}: no {figure!r} in\n{result.stdout}"
