"""What the benchmarks share: percentiles, and phones and servers on loopback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LOOPBACK_ANY_PORT = ("--host", "127.0.0.1", "--port", "0")


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank); NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def source_address(index: int) -> str:
    """A loopback source address per phone, as phones on Wi-Fi have their own."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


def serve(path: Path) -> tuple[subprocess.Popen[str], str]:
    """A real ``workshopdesk serve`` on loopback, any free port: the process and its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "workshopdesk", "serve", str(path), *LOOPBACK_ANY_PORT],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("Join: "):
        process.kill()
        raise SystemExit(f"serve did not start: {line!r}")
    return process, line.split(" ", 1)[1].strip()


def start_phones(script: str, url: str, *args: str) -> subprocess.Popen[str]:
    """``script --as-phones URL ARGS…`` in a process of its own; returns once it says READY
    (every phone connected)."""
    process = subprocess.Popen(
        [sys.executable, script, "--as-phones", url, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != "READY":
        process.kill()
        raise SystemExit(f"the phones did not connect: {line!r}")
    return process
