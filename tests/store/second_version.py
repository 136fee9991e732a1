"""A second schema version, as a future WorkshopDesk will have one: a new table and a new
column with a default. Tests install it in place of the real list of migrations.

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

NAME = "0002_check_ins"


def check_ins(db: Database) -> None:
    db.table("check_ins").create(
        {"id": str, "follow_up_id": str, "at": str, "note": str},
        pk="id",
        foreign_keys=[("follow_up_id", "follow_ups", "id")],
    )
    db.table("follow_ups").add_column("status", str, not_null_default="open")


def steps(
    step: Callable[[Database], None] = check_ins,
) -> tuple[tuple[str, Callable[[Database], None]], ...]:
    """The first version's migrations followed by ``step`` as the second."""
    return (*schema.STEPS[:1], (NAME, step))


def install(step: Callable[[Database], None] = check_ins) -> None:
    schema.STEPS = steps(step)


if __name__ == "__main__":
    install()
    from workshopdesk.cli import main

    sys.exit(main(sys.argv[1:]))
