"""The window benchmark runs (quick mode) and prints its four figures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_board_benchmark_quick(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "board.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for number, words in (
        ("(1)", "ratio"),
        ("(2)", "to first paint"),
        ("(3)", "of which commit"),
        ("(4)", "p95"),
    ):
        assert any(line.startswith(number) and words in line for line in lines), result.stdout
