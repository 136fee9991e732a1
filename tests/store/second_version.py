"""A next schema version, as a future WorkshopDesk will have one: today's migrations and
one more, with a new table and a new column with a default. Tests install it in place of
the real list of migrations.

Run as ``python -m tests.store.second_version ARGS...`` it is the ``workshopdesk`` command
line of such a version, so tests can run real processes of it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from workshopdesk.store import schema

FIXTURE = Path(__file__).parent / "files" / "schema-1-demo.workshop"
"""A real file written by the first schema (``workshopdesk new --demo``)."""

TODAY = schema.STEPS
"""This version's own migrations."""

NAME = "9001_reminders_of_a_future_version"
LATEST = len(TODAY) + 1
"""The schema version of a file brought up to date by the next version."""


def reminders(db: Database) -> None:
    db.table("reminders_sent").create(
        {"id": str, "follow_up_id": str, "at": str, "note": str},
        pk="id",
        foreign_keys=[("follow_up_id", "follow_ups", "id")],
    )
    db.table("follow_ups").add_column("reminder", str, not_null_default="none")


def steps(
    step: Callable[[Database], None] = reminders,
) -> tuple[tuple[str, Callable[[Database], None]], ...]:
    """Today's migrations followed by ``step`` as the next one."""
    return (*TODAY, (NAME, step))


def install(step: Callable[[Database], None] = reminders) -> None:
    schema.STEPS = steps(step)


if __name__ == "__main__":
    install()
    from workshopdesk.cli import main

    sys.exit(main(sys.argv[1:]))
