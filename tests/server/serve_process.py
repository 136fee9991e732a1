"""``workshopdesk serve`` as a real process, for the command's tests and the browser's."""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

JOIN = re.compile(r"Join: (HTTP://[0-9.]+:(\d+)/J/([A-Z2-7]{26}))")


class Served:
    def __init__(self, path: Path, *args: str) -> None:
        self.stderr = ""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "workshopdesk", "serve", str(path), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.first_line = read_line(self.process, 20)
        match = JOIN.fullmatch(self.first_line.rstrip("\n"))
        if match is None:
            self.stop()
            raise AssertionError(
                f"unexpected first line {self.first_line!r}; stderr: {self.process.stderr.read()!r}"  # type: ignore[union-attr]
            )
        self.url, self.port, self.token = match.group(1), int(match.group(2)), match.group(3)

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, float]:
        """Send ``sig``; return the exit code and how long it took to stop."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(10)
        seconds = time.monotonic() - started
        if self.process.stderr is not None and not self.process.stderr.closed:
            self.stderr = self.process.stderr.read()
        return code, seconds

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def read_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The first line on stdout, read without waiting for the process to end (proves it
    is flushed at once)."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        if not selector.select(timeout):
            raise AssertionError("no line on stdout in time")
    finally:
        selector.close()
    return process.stdout.readline()


def environment() -> dict[str, str]:
    return dict(os.environ)
