"""A killed process loses no acknowledged edit and never leaves the file corrupt."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROUNDS = 8
FIXED_SEEDS = (1, 20_270_211, 424_242)
"""Seeds that always run, so a failure seen once can be seen again."""
RANDOM_SEED = int(os.environ.get("WORKSHOPDESK_CRASH_SEED", random.randrange(1_000_000)))
"""One more seed each run, to keep exploring; printed, and set again with
WORKSHOPDESK_CRASH_SEED to repeat a run."""

EDITOR = """
import sys
from workshopdesk.core import operations as ops
from workshopdesk.core.session import Session
from workshopdesk.store.workshop_file import Mode, WorkshopFile

file = WorkshopFile.open(sys.argv[1], Mode.EDIT)
session = Session(file)
column = session.workshop.ordered_columns()[0].id
round_no = sys.argv[2]
i = 0
while True:
    i += 1
    ws = session.workshop
    title = f"round {round_no} edit {i}"
    if i % 3 == 0:
        problem = ws.problems_in(column)[0]
        session.do(ops.edit_problem(ws, problem.id, description=title))
    else:
        session.do(ops.add_problem(ws, column, title, description="x" * (i % 7) * 500))
    print(title, flush=True)  # acknowledged: the commit returned
"""


@pytest.mark.parametrize(
    "seed",
    [*FIXED_SEEDS, RANDOM_SEED],
    ids=[*(f"seed-{s}" for s in FIXED_SEEDS), f"random-seed-{RANDOM_SEED}"],
)
def test_sigkill_at_random_moments_loses_no_acknowledged_edit(demo_path: Path, seed: int) -> None:
    print(f"crash test seed: {seed} (repeat with WORKSHOPDESK_CRASH_SEED={seed})")
    rng = random.Random(seed)
    acknowledged: list[str] = []
    started = time.monotonic()
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(demo_path), str(round_no)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline().strip()  # wait until it is really editing
        assert first, f"the editor did not start (seed {seed})"
        acknowledged.append(first)
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        acknowledged.extend(line for line in rest.splitlines() if line.strip())

        raw = sqlite3.connect(demo_path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"seed {seed}"
            titles = {row[0] for row in raw.execute("SELECT title FROM problems")}
            descriptions = {row[0] for row in raw.execute("SELECT description FROM problems")}
        finally:
            raw.close()
        for ack in acknowledged:
            edit_no = int(ack.rsplit(" ", 1)[1])
            if edit_no % 3:
                assert ack in titles, f"lost {ack!r} (seed {seed})"
        # The card edited in place holds this round's newest acknowledged edit, or a later
        # one that was committed just before the kill, unacknowledged.
        mine = [
            int(a.rsplit(" ", 1)[1]) for a in acknowledged if a.startswith(f"round {round_no} ")
        ]
        edits = [n for n in mine if n % 3 == 0]
        if edits:
            held = [
                int(d.rsplit(" ", 1)[1]) for d in descriptions if d.startswith(f"round {round_no} ")
            ]
            assert held and held[0] >= edits[-1], f"lost edit {edits[-1]} (seed {seed})"
    assert time.monotonic() - started < 30, f"{ROUNDS} rounds should take under half a minute"
    assert len(acknowledged) > ROUNDS
