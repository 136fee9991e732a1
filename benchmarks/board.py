"""How fast the window is: start-up, opening a big board, a keyboard move, outside edits.

    python benchmarks/board.py                  # full run (1,000 problems × 20 solutions)
    python benchmarks/board.py --quick          # a small run, for the test suite
    python benchmarks/board.py --start-only 11  # figure (1) alone, 11 runs of each side

All offscreen. Prints four figures:
(1) process start until the first card of the demo board paints (`workshopdesk FILE`, fresh
    process each run), against the first paint of an empty PySide6 QMainWindow: alternating
    runs after a warm-up, ratio of the medians (goal ≤ 1.5×), with each phase's median and
    the CPU time (which moves less with the machine's load);
(2) in a running app, opening the big workshop until its cards first paint (goal ≤ 0.5 s);
(3) a keyboard move of a card (Ctrl+→ / Ctrl+←): core operation + commit + repaint,
    median, with the commit's share apart (goal ≤ 8 ms);
(4) a commit by another process until the board shows it, p50/p95.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "src"))

from benchmarks.common import percentile  # noqa: E402

os.environ["QT_QPA_PLATFORM"] = "offscreen"

# Both children print the moments they reach as ``name=seconds`` on the one monotonic clock
# the parent also reads (time.perf_counter is CLOCK_MONOTONIC on Linux and macOS), so each
# phase is measured from the moment the parent started the process.
CHILD_EMPTY = """
import time
marks = {"python": time.perf_counter()}
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow
marks["pyside"] = time.perf_counter()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window:
            marks["painted"] = time.perf_counter()
            marks["cpu"] = time.process_time()
            print("painted", *(f"{k}={v}" for k, v in marks.items()), flush=True)
            sys.exit(0)
        return False

app = QApplication(sys.argv[:1])
marks["application"] = time.perf_counter()
window = QMainWindow()
window.resize(1600, 1000)
marks["window"] = time.perf_counter()
marks["opened"] = marks["window"]
watcher = FirstPaint()
window.installEventFilter(watcher)  # the window's own events only, as the board's side
window.show()
app.exec()
"""

CHILD_BOARD = """
import time
marks = {"python": time.perf_counter()}
import importlib.util, sys
from pathlib import Path

# Nothing is imported ahead of `workshopdesk FILE`'s own order: the window's modules are
# watched as they load (Qt's share of the time apart), and the window is probed the
# moment its module is there.
QT = ("PySide6", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
qt_time = [0.0, 0]  # seconds in Qt's modules, how deep in them now

class Watch:
    def find_spec(self, name, path, target=None):
        if name not in QT and name != "workshopdesk.gui.app":
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        load = spec.loader.exec_module

        def exec_module(module):
            start = time.perf_counter()
            qt_time[1] += name in QT
            try:
                load(module)
            finally:
                qt_time[1] -= name in QT
            if name in QT and not qt_time[1]:
                qt_time[0] += time.perf_counter() - start
            if name == "workshopdesk.gui.app":
                probe(module)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Watch())

def probe(gui_app):
    marks["modules"] = time.perf_counter()
    marks["pyside"] = marks["cli"] + qt_time[0]  # Qt's share, counted before ours
    from workshopdesk.gui.app_settings import isolated_settings
    from workshopdesk.gui.card_delegate import CardDelegate

    # The first card painted ends the run. Watched in our own delegate, not with a filter
    # on the application or on Qt's widgets: those bring objects into Python (and Qt's
    # lazily made types with them) that the app itself never does before its first paint.
    paint = CardDelegate.paint

    def first_card(self, *args):
        if "painted" in marks:  # the exit below ends the process once the paint returns
            return
        marks["painted"] = time.perf_counter()
        marks["cpu"] = time.process_time()
        print("painted", *(f"{k}={v}" for k, v in marks.items()), flush=True)
        sys.exit(0)

    CardDelegate.paint = first_card

    class Probe(gui_app.MainWindow):
        def __init__(self, *args, **kwargs):
            marks["application"] = time.perf_counter()
            super().__init__(*args, **kwargs)
            marks["window"] = time.perf_counter()

        def open_file(self, path):
            opened = super().open_file(path)
            marks.setdefault("opened", time.perf_counter())
            return opened

    gui_app.MainWindow = Probe
    gui_app.user_settings = lambda: isolated_settings(Path(sys.argv[2]))  # never the user's

import workshopdesk.cli
marks["cli"] = time.perf_counter()
sys.exit(workshopdesk.cli.main([sys.argv[1]]))  # `workshopdesk FILE`, as a facilitator starts it
"""

# (mark, what the phase from the previous mark is). The board's child loads in the order
# `workshopdesk FILE` does: the command line, then the window's modules, which load Qt (its
# share counted apart, as if first). The empty window skips the marks it has no phase for.
PHASES = (
    ("python", "interpreter start"),
    ("cli", "import the command line (no Qt)"),
    ("pyside", "import PySide6 (QtCore, QtGui, QtWidgets)"),
    ("modules", "import the window's modules (less Qt's)"),
    ("application", "command line, QApplication, fonts, language"),
    ("window", "build the main window"),
    ("opened", "open the workshop file, build the board"),
    ("painted", "show, lay out, first paint of the cards"),
)

CHILD_WRITER = """
import sys, time
from workshopdesk.app.commands import Edit
from workshopdesk.app.workspace import Workspace
from workshopdesk.core import operations as ops
from workshopdesk.store.workshop_file import Mode

workspace = Workspace.open(sys.argv[1], Mode.WRITE)
first = workspace.workshop.ordered_columns()[0].id
pid = workspace.workshop.problems_in(first)[0].id
print("ready", flush=True)
for line in sys.stdin:
    title = line.strip()
    if not title:
        break
    workspace.check_outside()
    workspace.submit(Edit(lambda ws: ops.edit_problem(ws, pid, title=title)))
    print(time.monotonic(), flush=True)
workspace.close()
"""


def child_env() -> dict[str, str]:
    """Offscreen, our sources, and compiled modules kept between runs (in a folder of their
    own) even where writing them is turned off: an installed app never compiles its
    modules at start, so neither side of the comparison may."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "workshopdesk-bench-pycache")
    return env


def child_start(code: str, *args: str, phases: list[dict[str, float]] | None = None) -> float:
    env = child_env()
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if "painted" not in out.stdout:
        raise SystemExit(f"the start-up harness failed: {out.stderr.strip()[-500:]}")
    if phases is not None:
        marks = dict(part.split("=") for part in out.stdout.split()[1:])
        previous, durations = start, {}
        for name, _what in PHASES:
            at = float(marks.get(name, previous))
            durations[name] = at - previous
            previous = at
        durations["exit"] = elapsed - sum(durations.values())
        durations["cpu"] = float(marks["cpu"])
        phases.append(durations)
    return elapsed


def figure_start(demo: Path, runs: int) -> str:
    child_start(CHILD_EMPTY)
    settings = demo.parent / "start-settings"
    settings.mkdir(exist_ok=True)
    child_start(CHILD_BOARD, str(demo), str(settings))
    empty, board = [], []  # type: ignore[var-annotated]
    empty_phases: list[dict[str, float]] = []
    board_phases: list[dict[str, float]] = []
    for _ in range(runs):
        empty.append(child_start(CHILD_EMPTY, phases=empty_phases))
        board.append(child_start(CHILD_BOARD, str(demo), str(settings), phases=board_phases))
    e, b = statistics.median(empty), statistics.median(board)

    def first_paint(phases: list[dict[str, float]]) -> float:
        return statistics.median(sum(p[n] for n, _w in PHASES) for p in phases) * 1000

    fb, fe = first_paint(board_phases), first_paint(empty_phases)
    lines = [
        f"(1) start to first paint: demo board {fb:.0f} ms, empty QMainWindow {fe:.0f} ms "
        f"(medians of {runs}) -> ratio {fb / fe:.2f}x (goal <= 1.5x); process start to exit "
        f"{b * 1000:.0f} ms vs {e * 1000:.0f} ms -> {b / e:.2f}x",
        f"    {'phase, median ms':<50}  board   empty",
    ]
    for name, what in (*PHASES, ("exit", "after the first paint, until the process ended")):
        board_ms = statistics.median(p[name] for p in board_phases) * 1000
        empty_ms = statistics.median(p[name] for p in empty_phases) * 1000
        lines.append(f"    {what:<50} {board_ms:6.0f}  {empty_ms:6.0f}")
    lines.append(
        f"    {'process start to first paint':<50} {fb:6.0f}  {fe:6.0f}  -> ratio {fb / fe:.2f}x"
    )
    cb = statistics.median(p["cpu"] for p in board_phases) * 1000
    ce = statistics.median(p["cpu"] for p in empty_phases) * 1000
    lines.append(
        f"    {'CPU time until the first paint (less load-bound)':<50} {cb:6.0f}  {ce:6.0f}"
        f"  -> ratio {cb / ce:.2f}x"
    )
    return "\n".join(lines)


class Painted:
    """Notices the first paint of any card list."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        from workshopdesk.gui.card_list import CardList

        outer = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
                if event.type() == QEvent.Type.Paint and isinstance(obj.parent(), CardList):
                    outer.seen = True
                return False

        self.seen = False
        self.filter = Filter()


def wait_for(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
        time.sleep(0.0005)


def figure_open(window, big: Path, runs: int, size: str) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    painted = Painted()
    app.installEventFilter(painted.filter)
    times = []
    for _ in range(runs):
        window.close_file()
        wait_for(lambda: True)
        painted.seen = False
        start = time.perf_counter()
        window.open_file(big)
        wait_for(lambda: painted.seen)
        times.append(time.perf_counter() - start)
    app.removeEventFilter(painted.filter)
    return (
        f"(2) open {size} to first paint: median {statistics.median(times) * 1000:.0f} ms "
        f"of {runs} (goal <= 500 ms)"
    )


def figure_move(window, moves: int, what: str) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    board = window.page.board
    file = window.document.workspace.file
    commit_times: list[float] = []
    real_write = file.write

    def timed_write(*args):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return real_write(*args)
        finally:
            commit_times.append(time.perf_counter() - start)

    file.write = timed_write
    order = board.column_order()
    pid = window.document.workshop.problems_in(order[0])[0].id
    board.select(pid)
    idle_until = time.monotonic() + 0.5  # let the first batched layout of long columns end
    wait_for(lambda: time.monotonic() > idle_until)
    totals: list[float] = []
    for i in range(moves):
        key = Qt.Key.Key_Right if i % 2 == 0 else Qt.Key.Key_Left
        problem = window.document.workshop.problems[pid]
        view = board.columns[problem.column_id].cards
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.ControlModifier)
        start = time.perf_counter()
        QApplication.sendEvent(view, event)
        app.processEvents()  # layout and repaint of both columns
        totals.append(time.perf_counter() - start)
    file.write = real_write
    return (
        f"(3) keyboard move on {what} (operation + commit + repaint): median "
        f"{statistics.median(totals) * 1000:.1f} ms, of which commit "
        f"{statistics.median(commit_times) * 1000:.1f} ms; p95 "
        f"{percentile(totals, 95) * 1000:.1f} ms over {moves} moves (goal <= 8 ms median)"
    )


def figure_outside(window, path: Path, runs: int, what: str) -> str:  # type: ignore[no-untyped-def]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    writer = subprocess.Popen(
        [sys.executable, "-c", CHILD_WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert writer.stdin is not None and writer.stdout is not None
    if writer.stdout.readline().strip() != "ready":
        raise SystemExit("the writing process did not start")
    board = window.page.board
    first = board.columns[board.column_order()[0]]
    latencies = []
    for i in range(runs):
        title = f"Changed elsewhere {i}"
        writer.stdin.write(title + "\n")
        writer.stdin.flush()
        committed = float(writer.stdout.readline())
        wait_for(lambda title=title: first.model.index(0).data() == title)
        latencies.append(time.monotonic() - committed)
    writer.stdin.write("\n")
    writer.stdin.close()
    writer.wait(timeout=30)
    return (
        f"(4) another process's commit until {what} shows it: p50 "
        f"{percentile(latencies, 50) * 1000:.0f} ms, p95 {percentile(latencies, 95) * 1000:.0f} ms "
        f"over {runs} commits (the window looks every 25 ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run for the tests")
    parser.add_argument(
        "--start-only", type=int, metavar="RUNS", help="only figure (1), RUNS runs of each"
    )
    args = parser.parse_args()
    problems, solutions = (200, 5) if args.quick else (1000, 20)
    start_runs, open_runs, moves, outside = (3, 2, 20, 5) if args.quick else (10, 5, 200, 30)

    from benchmarks.workload import write_big_workshop
    from workshopdesk import starters
    from workshopdesk.gui.app import make_application
    from workshopdesk.gui.app_settings import AppSettings, isolated_settings
    from workshopdesk.gui.main_window import MainWindow
    from workshopdesk.store.workshop_file import WorkshopFile

    with tempfile.TemporaryDirectory(prefix="workshopdesk-bench-") as folder:
        demo = Path(folder) / "demo.workshop"
        WorkshopFile.create(demo, starters.demo())
        big = write_big_workshop(Path(folder) / "big.workshop", problems, solutions)
        size = f"{problems:,} problems x {solutions} solutions"
        print(f"board benchmark (offscreen){' --quick' if args.quick else ''}: {size}")
        print(figure_start(demo, args.start_only or start_runs), flush=True)
        if args.start_only:
            return 0
        make_application()
        settings_dir = Path(folder) / "settings"
        settings_dir.mkdir()
        window = MainWindow(AppSettings(isolated_settings(settings_dir)))
        window.resize(1600, 1000)
        window.show()
        print(figure_open(window, big, open_runs, size), flush=True)
        print(figure_move(window, moves, f"the {problems:,}-problem board"), flush=True)
        print(figure_outside(window, big, outside, f"the {problems:,}-problem board"), flush=True)
        window.open_file(demo)
        print(figure_move(window, moves, "the demo board"), flush=True)
        print(figure_outside(window, demo, outside, "the demo board"), flush=True)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
