"""Render the panels for phones taking part, on the demo workshop, to PNGs for the docs.

    .venv/bin/python scripts/shot_phones.py docs/screenshots

writes ideas-panel.png, round-panel.png and activity-panel.png: a room of phones has
joined, sent ideas, voted, and a silent writing round is under way.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PEOPLE = (
    ("Anna Lindqvist", 0),
    ("Jonas Berg", 1),
    ("", None),
    ("Mira Kaya", 0),
    ("Oskar Holm", 2),
    ("Li Wei", 1),
)
IDEAS = (
    (0, "Keep one shared inbox for quotes, answered within a day"),
    (1, "Pair a developer with sales for the first customer call"),
    (2, "Show the delivery date on the order confirmation"),
    (3, "A checklist before every release: what changes for the customer"),
    (4, "Call customers back the same day"),
    (5, "Monthly demo for the sales team of what shipped"),
)


def main(folder: Path) -> None:
    from PySide6.QtCore import Qt

    from workshopdesk import starters
    from workshopdesk.app.commands import Edit
    from workshopdesk.app.origin import phone
    from workshopdesk.app.workspace import now
    from workshopdesk.core import operations as ops
    from workshopdesk.core.entities import RoundKind, SolutionStatus
    from workshopdesk.gui.shots import ShotRequest, desktop_window, grab
    from workshopdesk.store.workshop_file import WorkshopFile

    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "demo.workshop"
        WorkshopFile.create(path, starters.demo())
        with desktop_window(ShotRequest(path, 1500, 1250)) as window:
            document = window.document
            assert document is not None
            ws = document.workshop
            teams = ws.ordered_teams()
            problems = ws.ordered_problems()
            devices = []

            def as_phone(device: str, build: object) -> None:
                name = document.workshop.devices[device].name or None
                document.workspace.submit(Edit(build), phone(device, name))  # type: ignore[arg-type]

            for name, team in PEOPLE:
                device = str(uuid.uuid4())
                team_id = teams[team % len(teams)].id if team is not None and teams else None
                document.workspace.submit(
                    Edit(
                        lambda ws, d=device, n=name, t=team_id: ops.join(
                            ws, d, now(), name=n, team_id=t
                        )
                    ),
                    phone(device, name or None),
                )
                devices.append(device)
            document.do(lambda ws: ops.start_round(ws, RoundKind.VOTE, now(), dots=3))
            ballot = [
                s
                for p in [p for p in problems if document.workshop.solutions_of(p.id)][:3]
                for s in document.workshop.solutions_of(p.id)
                if s.status is not SolutionStatus.REJECTED
            ]
            for n, device in enumerate(devices):
                for k in (0, 1, 3):  # the first solutions get most dots
                    target = ballot[(k + n % 2) % len(ballot)].id
                    as_phone(device, lambda ws, d=device, s=target: ops.set_dot(ws, d, s, True))
                if n != 2:
                    as_phone(device, lambda ws, d=device: ops.mark_finished(ws, d))
            document.do(lambda ws: ops.stop_round(ws, now()))

            docks = window.phone_docks
            docks.round_action.trigger()
            window.resizeDocks([docks.round_dock], [420], Qt.Orientation.Horizontal)
            save(grab(docks.round_dock), folder / "round-panel.png")

            for n, (who, text) in enumerate(IDEAS):
                problem = problems[n % len(problems)]
                as_phone(
                    devices[who],
                    lambda ws, d=devices[who], p=problem.id, t=text: ops.send_idea(
                        ws, d, p, t, now()
                    ),
                )
            document.do(lambda ws: ops.start_round(ws, RoundKind.WRITE, now()))
            for who in (0, 3, 4):
                as_phone(
                    devices[who],
                    lambda ws, d=devices[who], p=problems[0].id: ops.send_idea(
                        ws, d, p, "A private thought", now()
                    ),
                )
            docks.ideas_action.trigger()
            docks.ideas.select(2)
            save(grab(docks.ideas_dock), folder / "ideas-panel.png")
            document.do(lambda ws: ops.approve_idea(ws, 1))
            document.do(lambda ws: ops.reject_idea(ws, 2))
            docks.activity_action.trigger()
            save(grab(docks.activity_dock), folder / "activity-panel.png")


def save(image: object, out: Path) -> None:
    image.save(str(out))  # type: ignore[attr-defined]
    print(f"Wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
