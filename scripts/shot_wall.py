"""Render the wall's views in every theme at 1920×1080 for the docs, through the real
``workshopdesk shot`` command, on the demo with sharing set up and a timer running.

    .venv/bin/python scripts/shot_wall.py docs/screenshots

writes wall-{wall,spotlight,rules}-{light,dark,contrast}.png, wall-preview.png (the
laptop's wall preview and timer beside the board), wall-start.png (every demo problem
still in the first column, shared to phones), wall-200.png (a workshop of 200 problems)
and wall-sv.png (the demo written in Swedish: the wall speaks the workshop's language).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

VIEWS = ("wall", "spotlight", "rules")
THEMES = ("light", "dark", "contrast")
SPOTLIGHT_PROBLEM = 1
TOKEN = "K7QMZ4XW2PLRT5NVB3HJ6DYCAE"
"""A fixed example token, so the pictures do not change from run to run."""


def prepare(path: Path, language: str = "en") -> None:
    """The demo, shared on a typical venue address, 15-minute time-box 2½ minutes in."""
    from workshopdesk import starters
    from workshopdesk.app import sharing
    from workshopdesk.app.timer import set_timer
    from workshopdesk.app.workspace import Workspace
    from workshopdesk.core.share_link import ShareSettings
    from workshopdesk.core.timer import TimerState, system_clock
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    WorkshopFile.create(path, starters.demo(language))
    with Workspace.open(path, Mode.WRITE) as workspace:
        sharing.save_link(workspace, ShareSettings(TOKEN, "192.168.1.23", 8765))
        started = system_clock() - timedelta(minutes=2, seconds=25)
        set_timer(workspace, TimerState().set_minutes(15).start(started))


def main(folder: Path) -> int:
    from workshopdesk import cli

    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "demo.workshop"
        prepare(path)
        for view in VIEWS:
            for theme in THEMES:
                out = folder / f"wall-{view}-{theme}.png"
                args = ["shot", str(path), "-o", str(out), "--view", view, "--theme", theme]
                if view == "spotlight":
                    args += ["--problem", str(SPOTLIGHT_PROBLEM)]
                if cli.main(args) != 0:
                    return 1
        preview(path, folder / "wall-preview.png")
        start = Path(scratch) / "start.workshop"
        prepare_start(start)
        big = Path(scratch) / "big.workshop"
        prepare_big(big)
        swedish = Path(scratch) / "sv.workshop"
        prepare(swedish, "sv")
        for source, name in (
            (start, "wall-start.png"),
            (big, "wall-200.png"),
            (swedish, "wall-sv.png"),
        ):
            args = ["shot", str(source), "-o", str(folder / name), "--view", "wall"]
            if cli.main(args) != 0:
                return 1
    return 0


def prepare_start(path: Path) -> None:
    """The demo at the start of a workshop: every problem in the first column, no solution
    agreed yet, shared to phones (so the corner code is up)."""
    from dataclasses import replace

    from workshopdesk import starters
    from workshopdesk.app import sharing
    from workshopdesk.app.workspace import Workspace
    from workshopdesk.core.operations import delete_follow_up, delete_solution
    from workshopdesk.core.share_link import ShareSettings
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    workshop = starters.demo()
    first = workshop.ordered_columns()[0]
    for index, problem in enumerate(workshop.ordered_problems()):
        workshop.problems[problem.id] = replace(problem, column_id=first.id, position=float(index))
    for follow_up in list(workshop.follow_ups):
        workshop.apply_all(delete_follow_up(workshop, follow_up).changes)
    for solution in list(workshop.solutions):
        workshop.apply_all(delete_solution(workshop, solution).changes)
    WorkshopFile.create(path, workshop)
    with Workspace.open(path, Mode.WRITE) as workspace:
        sharing.save_link(workspace, ShareSettings(TOKEN, "192.168.1.23", 8765))


def prepare_big(path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from workload import write_big_workshop

    write_big_workshop(path, 200, 1)


def preview(path: Path, out: Path) -> None:
    from workshopdesk.gui.shots import ShotRequest, desktop_window, grab

    with desktop_window(ShotRequest(path=path, width=1600, height=1000)) as window:
        window.wall.dock.show()
        window.wall.set_join_url(f"HTTP://192.168.1.23:8765/J/{TOKEN}")
        grab(window).save(str(out))
        print(f"Wrote {out}")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
