"""The wall benchmark runs (quick mode) and prints its three figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wall_benchmark_quick() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "wall.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for figure in ("paint demo wall", "paint wall of 100 problems", "until the wall shows it"):
        assert figure in result.stdout
