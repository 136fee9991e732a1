"""How fast the wall paints, and how soon it shows an edit made on the laptop.

    .venv/bin/python benchmarks/wall.py           # the demo and a 1,000-problem board
    .venv/bin/python benchmarks/wall.py --quick   # fewer problems and rounds (the test)

All offscreen, at 1920×1080. Prints three figures (medians):
(1) painting each view of the demo (goal ≤ 30 ms: the countdown repaints every second);
(2) painting the whole wall of a big board, first paint and again (cards are laid out
    once, then cached) (goal ≤ 50 ms again);
(3) an edit through the document until the open wall window has repainted it
    (goal ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "src"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from benchmarks.workload import big_workshop  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def paint_demo(rounds: int) -> None:
    from PySide6.QtCore import QSize

    from workshopdesk import starters
    from workshopdesk.paint.wall import render_wall
    from workshopdesk.paint.wall_scene import View, WallScene

    ws = starters.demo()
    for view in (View.WALL, View.SPOTLIGHT, View.RULES):
        render_wall(WallScene(ws, view=view), QSize(1920, 1080))  # warm-up
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            render_wall(WallScene(ws, view=view), QSize(1920, 1080))
            times.append(time.perf_counter() - start)
        print(f"(1) paint demo {view.value:<9} {median_ms(times):7.1f} ms")


def paint_big(problems: int, rounds: int) -> None:
    from PySide6.QtCore import QSize

    from workshopdesk.paint.wall import render_wall
    from workshopdesk.paint.wall_card import card_layout
    from workshopdesk.paint.wall_scene import WallScene

    ws = big_workshop(problems, 3)
    card_layout.cache_clear()
    start = time.perf_counter()
    render_wall(WallScene(ws), QSize(1920, 1080))
    first = time.perf_counter() - start
    times = []
    for tick in range(rounds):
        start = time.perf_counter()
        render_wall(WallScene(ws, page_tick=tick), QSize(1920, 1080))
        times.append(time.perf_counter() - start)
    print(
        f"(2) paint wall of {problems} problems: first {first * 1000:.1f} ms, "
        f"again {median_ms(times):.1f} ms"
    )


def edit_to_wall(rounds: int) -> None:
    from PySide6.QtCore import QEvent, QObject

    from workshopdesk import starters
    from workshopdesk.core import operations
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.wall_controller import WallController
    from workshopdesk.store.workshop_file import WorkshopFile

    class Painted(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.workshop"
        WorkshopFile.create(path, starters.demo())
        document = Document(path)
        wall = WallController(document)
        window = wall.show_wall()
        watcher = Painted()
        window.installEventFilter(watcher)
        for _ in range(5):
            app.processEvents()
        problem = document.workshop.ordered_problems()[0]
        times = []
        for n in range(rounds):
            seen = watcher.count
            start = time.perf_counter()
            document.do(lambda ws, n=n: operations.edit_problem(ws, problem.id, title=f"Try {n}"))
            while watcher.count == seen:
                app.processEvents()
            times.append(time.perf_counter() - start)
        wall.close()
        document.close()
    print(f"(3) edit on the laptop until the wall shows it: {median_ms(times):.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run, for the tests")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    rounds = 3 if args.quick else 15
    paint_demo(rounds)
    paint_big(100 if args.quick else 1000, rounds)
    edit_to_wall(5 if args.quick else 30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
