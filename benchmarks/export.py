"""How long exports take, and whether the window keeps moving while one runs.

    .venv/bin/python benchmarks/export.py           # 1,000 problems × 20 solutions, median of 3
    .venv/bin/python benchmarks/export.py --quick   # a small workshop, one run (the test)

Prints, for the report PDF, the posters and the bundle, the wall time of the
``workshopdesk export`` command (process start included), and the longest stall of the
window's event loop while File > Export… makes a bundle (goals: report PDF ≤ 2 s,
stall ≤ 100 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.workload import write_big_workshop
from workshopdesk.store.workshop_file import Mode, WorkshopFile

SHARE = {"share.token": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "share.host": "192.168.1.23",
         "share.port": "8765"}  # fmt: skip
TICK_MS = 5


def export_seconds(path: Path, format_name: str, out: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "workshopdesk", "export", str(path), "--format", format_name,
             "-o", str(out)],
            check=True,
            capture_output=True,
        )  # fmt: skip
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def longest_stall(path: Path, out: Path) -> tuple[float, float]:
    """(longest gap between event-loop ticks beyond the tick itself, export seconds)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from workshopdesk.gui.document import Document
    from workshopdesk.gui.export_dialog import ExportDialog

    app = QApplication.instance() or QApplication([])
    document = Document(path)
    dialog = ExportDialog(document)
    dialog.show()
    app.processEvents()
    dialog.select("bundle")
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]
    done: list[str] = []

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0] - TICK_MS)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    job = dialog.export_to(out)
    job.exported.connect(done.append)
    job.failed.connect(lambda message: done.append("failed: " + message))
    while not done:
        app.processEvents()
        time.sleep(0.001)
    seconds = clock.nsecsElapsed() / 1e9
    timer.stop()
    job.waitForFinished()
    dialog.close()
    document.close()
    if done[0].startswith("failed"):
        raise SystemExit(done[0])
    return max(gaps, default=0.0), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small workshop, one run")
    args = parser.parse_args()
    problems, solutions, runs = (30, 4, 1) if args.quick else (1000, 20, 3)
    with tempfile.TemporaryDirectory(prefix="workshopdesk-export-bench-") as folder:
        path = write_big_workshop(Path(folder) / "big.workshop", problems, solutions)
        with WorkshopFile.open(path, Mode.WRITE) as file:
            file.set_settings(dict(SHARE))
        print(f"workshop: {problems:,} problems × {solutions} solutions"
              f" ({'quick, 1 run' if args.quick else f'median of {runs}'})")  # fmt: skip
        for name, label in (("pdf", "report PDF"), ("posters", "posters"), ("bundle", "bundle")):
            out = Path(folder) / f"out-{name}"
            seconds = export_seconds(path, name, out, runs)
            pages = f", {pdf_pages(out)} pages" if name != "bundle" else ""
            print(
                f"export {label:<11} {seconds:6.2f} s  ({out.stat().st_size / 1e6:.2f} MB{pages})"
            )
        stall, seconds = longest_stall(path, Path(folder) / "window-bundle.zip")
        print(f"window bundle export {seconds:6.2f} s; longest event-loop stall {stall:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
