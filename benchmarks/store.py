"""How fast the workshop file is: loading a big board, single edits, and the disk's floor.

    python benchmarks/store.py           # 1,000 problems × 20 solutions
    python benchmarks/store.py --quick   # a small run, for the test suite

Prints (1) loading the whole board into core objects in a fresh process, after imports
(median of 10; goal ≤ 150 ms), (2) single edits through the core — operation, undo
record, revision — (median and p99 of 1,000; goal p99 ≤ 10 ms), (3) 1,000 commands from
four interleaved origins — the facilitator's edits, phones' votes, imported problems, the
timer — through the one writer with a subscriber listening (median and p99; goal p99 ≤
10 ms), (4) the phones' view following each of those changes (median and p99), and (5)
beside them a bare 4 KiB write + fsync on the same disk, the floor any durable edit
stands on.
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

from benchmarks.common import percentile
from benchmarks.workload import write_big_workshop
from workshopdesk.app.commands import ChangeSettings, Command, Edit, EditAll
from workshopdesk.app.events import Applied
from workshopdesk.app.origin import FACILITATOR, Origin, imported, phone
from workshopdesk.app.workspace import Workspace
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Label
from workshopdesk.core.session import Session
from workshopdesk.store.workshop_file import Mode, WorkshopFile

LOAD = """
import sys, time
from workshopdesk.store.workshop_file import Mode, WorkshopFile
start = time.perf_counter()
file = WorkshopFile.open(sys.argv[1], Mode.READ)
ws = file.load()
elapsed = time.perf_counter() - start
file.close()
print(elapsed * 1000, len(ws.problems), len(ws.solutions))
"""


def measure_load(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", LOAD, str(path)], capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
    return times


def measure_edits(path: Path, count: int) -> list[float]:
    file = WorkshopFile.open(path, Mode.EDIT)
    session = Session(file)
    ws = session.workshop
    columns = [c.id for c in ws.ordered_columns() if not ops.counts_as_done(ws, c.id)]
    problems = list(session.workshop.problems)
    times = []
    for i in range(count):
        start = time.perf_counter()
        problem = problems[i % len(problems)]
        if i % 2:
            step = ops.move_problem(session.workshop, problem, columns[i % len(columns)], 0)
        else:
            step = ops.edit_problem(session.workshop, problem, customer=f"Customer edit {i}")
        session.do(step)
        times.append((time.perf_counter() - start) * 1000)
    file.close()
    return times


def measure_origins(path: Path, count: int) -> tuple[list[float], list[float]]:
    """Commands from four origins in turn through one workspace; a subscriber keeps the
    phones' view current (timed apart)."""
    from workshopdesk.server.hub import BoardHub

    workspace = Workspace.open(path, Mode.EDIT)
    hub = BoardHub(workspace.state())
    hub.coalesce = 0.0  # every change builds and sends a board: the cost of one, measured
    follow_times: list[float] = []
    heard: list[Applied] = []
    # As in the window: the subscriber passes each change on, and the phone server
    # follows it on its own thread (here: after the command, timed apart).
    workspace.subscribe(heard.append)
    ws = workspace.workshop
    columns = [c.id for c in ws.ordered_columns()]
    problems = list(ws.problems)
    solutions = sorted(ws.solutions)
    times = []
    for i in range(count):
        origin: Origin
        command: Command
        kind = i % 4
        if kind == 0:
            problem = problems[i % len(problems)]
            column = columns[(i // 4) % 2]  # before the done column: no agreed solution needed
            command, origin = (
                Edit(lambda ws, p=problem, c=column: ops.move_problem(ws, p, c, 0)),
                FACILITATOR,
            )
        elif kind == 1:
            solution = solutions[i % len(solutions)]
            command = Edit(lambda ws, s=solution: ops.vote_solution(ws, s, 1))
            origin = phone(f"device-{i % 300}")
        elif kind == 2:
            title = f"Imported {i}"
            command = EditAll(
                Label("import_rows", {"count": "1", "what": "problems"}),
                [lambda ws, t=title: ops.add_problem(ws, columns[0], t)],
            )
            origin = imported("crm.csv")
        else:
            command = ChangeSettings({"timer.remaining_ms": str(60_000 + i)})
            origin = FACILITATOR
        start = time.perf_counter()
        workspace.submit(command, origin)
        times.append((time.perf_counter() - start) * 1000)
        for event in heard:
            start = time.perf_counter()
            hub.apply(event)
            follow_times.append((time.perf_counter() - start) * 1000)
        heard.clear()
    workspace.close()
    return times, follow_times


def measure_fsync(folder: Path, count: int) -> list[float]:
    path = folder / "fsync-probe.bin"
    block = os.urandom(4096)
    times = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for i in range(count):
            start = time.perf_counter()
            os.pwrite(fd, block, (i % 64) * 4096)
            os.fsync(fd)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        os.close(fd)
        path.unlink()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a small, fast run")
    args = parser.parse_args()
    problems, solutions, loads, edits = (100, 5, 3, 100) if args.quick else (1000, 20, 10, 1000)
    work = Path(__file__).resolve().parent / "out"
    work.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work) as folder:
        path = write_big_workshop(Path(folder) / "big.workshop", problems, solutions)
        size = path.stat().st_size
        load = measure_load(path, loads)
        edit = measure_edits(path, edits)
        mixed, follow = measure_origins(path, edits)
        floor = measure_fsync(Path(folder), edits)
    print(f"workshop: {problems} problems × {solutions} solutions, {size / 1e6:.1f} MB on {work}")
    median_load = statistics.median(load)
    print(f"load whole board, fresh process: median {median_load:.1f} ms", end="")
    print(f" over {loads} runs (goal ≤ 150 ms)")
    print(
        f"single edit (operation + undo record + commit): median {statistics.median(edit):.2f} ms, "
        f"p99 {percentile(edit, 99):.2f} ms over {edits} edits (goal p99 ≤ 10 ms)"
    )
    verdict = "meets" if percentile(mixed, 99) <= 10 else "MISSES"
    print(
        f"one writer, four interleaved origins (facilitator, phone, import, timer): median "
        f"{statistics.median(mixed):.2f} ms, p99 {percentile(mixed, 99):.2f} ms over {edits} "
        f"commands ({verdict} the goal p99 ≤ 10 ms)"
    )
    print(
        "the phones' view following each change (on the server's thread): median "
        f"{statistics.median(follow):.2f} ms, p99 {percentile(follow, 99):.2f} ms"
    )
    print(
        f"floor, bare 4 KiB write + fsync: p50 {statistics.median(floor):.2f} ms, "
        f"p99 {percentile(floor, 99):.2f} ms"
    )


if __name__ == "__main__":
    main()
