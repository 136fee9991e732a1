"""The schema of a workshop file, as sqlite-utils migrations.

A workshop file is a SQLite database whose header carries :data:`APPLICATION_ID`
(``PRAGMA application_id``), the ASCII bytes "WkDk". Every migration it has had is
recorded in ``_sqlite_migrations`` under the set name :data:`MIGRATION_SET`; a file that
records a migration this version does not know was written by a newer version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils loads on the first migration or write, not at start-up
    from sqlite_utils import Database, Migrations

APPLICATION_ID = 0x576B446B
"""``PRAGMA application_id`` of every WorkshopDesk file: the bytes ``WkDk``."""

MIGRATION_SET = "workshopdesk"

TABLES = {
    "workshop": "workshop",
    "team": "teams",
    "attendee": "attendees",
    "column": "columns",
    "problem": "problems",
    "solution": "solutions",
    "follow_up": "follow_ups",
    "device": "devices",
    "idea": "ideas",
    "round": "rounds",
    "dot": "dots",
    "finished": "finished",
    "check_in": "check_ins",
}


def initial(db: Database) -> None:
    db.table("workshop").create(
        {
            "id": str,
            "title": str,
            "venue": str,
            "starts_at": str,
            "ends_at": str,
            "timezone": str,
            "facilitator": str,
            "goal": str,
            "ground_rules": str,
            "invitation": str,
        },
        pk="id",
        not_null={"title"},
    )
    db.table("teams").create(
        {"id": str, "name": str, "color": str, "position": float}, pk="id", not_null={"name"}
    )
    db.table("attendees").create(
        {
            "id": str,
            "name": str,
            "position": float,
            "team_id": str,
            "role": str,
            "email": str,
            "phone": str,
            "consent_to_share": int,
        },
        pk="id",
        foreign_keys=[("team_id", "teams", "id")],
        not_null={"name"},
    )
    db.table("columns").create(
        {"id": str, "name": str, "position": float, "is_done": int}, pk="id", not_null={"name"}
    )
    db.table("problems").create(
        {
            "id": str,
            "number": int,
            "title": str,
            "column_id": str,
            "position": float,
            "customer": str,
            "description": str,
            "stalled_because": str,
            "team_ids": str,
            "tags": str,
            "color": str,
        },
        pk="id",
        foreign_keys=[("column_id", "columns", "id")],
        not_null={"title", "number", "column_id"},
    )
    db.table("problems").create_index(["number"], unique=True)
    db.table("problems").create_index(["column_id", "position"])
    db.table("solutions").create(
        {
            "id": str,
            "problem_id": str,
            "text": str,
            "position": float,
            "proposer_id": str,
            "team_ids": str,
            "status": str,
            "votes": int,
        },
        pk="id",
        foreign_keys=[("problem_id", "problems", "id"), ("proposer_id", "attendees", "id")],
        not_null={"problem_id", "text"},
    )
    db.table("solutions").create_index(["problem_id"])
    db.table("follow_ups").create(
        {
            "id": str,
            "problem_id": str,
            "text": str,
            "position": float,
            "owner_id": str,
            "due": str,
            "check_in": str,
        },
        pk="id",
        foreign_keys=[("problem_id", "problems", "id"), ("owner_id", "attendees", "id")],
        not_null={"problem_id", "text"},
    )
    db.table("follow_ups").create_index(["problem_id"])
    db.table("revision").create({"id": int, "value": int}, pk="id")
    db.table("revision").insert({"id": 1, "value": 0})
    db.table("settings").create({"key": str, "value": str}, pk="key")


def phones_take_part(db: Database) -> None:
    """Phones that joined, their ideas, rounds of writing and voting, dots, "I'm done",
    and the activity log of every change with its origin."""
    db.table("devices").create(
        {
            "id": str,
            "joined_at": str,
            "name": str,
            "team_id": str,
            "blocked": int,
            "active": int,
        },
        pk="id",
        foreign_keys=[("team_id", "teams", "id")],
        not_null={"joined_at"},
    )
    db.table("rounds").create(
        {
            "id": str,
            "round_kind": str,
            "started_at": str,
            "problem_id": str,
            "dots": int,
            "hidden": int,
            "revealed": int,
            "ended_at": str,
        },
        pk="id",
        foreign_keys=[("problem_id", "problems", "id")],
        not_null={"round_kind", "started_at"},
    )
    db.table("ideas").create(
        {
            "id": str,
            "number": int,
            "problem_id": str,
            "device_id": str,
            "text": str,
            "sent_at": str,
            "state": str,
            "solution_id": str,
            "round_id": str,
            "request_id": str,
        },
        pk="id",
        foreign_keys=[
            ("problem_id", "problems", "id"),
            ("device_id", "devices", "id"),
            ("solution_id", "solutions", "id"),
            ("round_id", "rounds", "id"),
        ],
        not_null={"number", "problem_id", "device_id", "text", "sent_at", "state"},
    )
    db.table("ideas").create_index(["number"], unique=True)
    db.table("ideas").create_index(["problem_id"])
    db.table("dots").create(
        {"id": str, "round_id": str, "device_id": str, "solution_id": str},
        pk="id",
        foreign_keys=[
            ("round_id", "rounds", "id"),
            ("device_id", "devices", "id"),
            ("solution_id", "solutions", "id"),
        ],
        not_null={"round_id", "device_id", "solution_id"},
    )
    db.table("dots").create_index(["round_id", "device_id", "solution_id"], unique=True)
    db.table("finished").create(
        {"id": str, "round_id": str, "device_id": str},
        pk="id",
        foreign_keys=[("round_id", "rounds", "id"), ("device_id", "devices", "id")],
        not_null={"round_id", "device_id"},
    )
    db.table("finished").create_index(["round_id", "device_id"], unique=True)
    db.table("activity").create(
        {
            "id": int,
            "at": str,
            "source": str,
            "device_id": str,
            "name": str,
            "msgid": str,
            "params": str,
        },
        pk="id",
        not_null={"at", "source", "msgid"},
    )


def follow_up_outcomes(db: Database) -> None:
    """A follow-up's status (open, done or dropped) and its outcome: what came of it."""
    db.table("follow_ups").add_column("status", str, not_null_default="open")
    db.table("follow_ups").add_column("outcome", str, not_null_default="")


def workshop_language(db: Database) -> None:
    """The language the workshop's wall, phones and exports speak; files before it: English."""
    db.table("workshop").add_column("language", str, not_null_default="en")


def check_ins(db: Database) -> None:
    """Check-ins: the meetings after the workshop that go through the follow-ups."""
    db.table("check_ins").create(
        {
            "id": str,
            "held_on": str,
            "came": str,
            "reviewed": str,
            "notes": str,
            "next_on": str,
        },
        pk="id",
        not_null={"held_on"},
    )
    db.table("check_ins").create_index(["held_on"])


def contact_cards(db: Database) -> None:
    """The card a phone shared in a contact exchange: the attendee it became."""
    db.table("devices").add_column("attendee_id", str, fk="attendees", fk_col="id")


STEPS: tuple[tuple[str, Callable[[Database], None]], ...] = (
    ("0001_initial", initial),
    ("0002_phones_take_part", phones_take_part),
    ("0003_follow_up_outcomes", follow_up_outcomes),
    ("0004_workshop_language", workshop_language),
    ("0005_check_ins", check_ins),
    ("0006_contact_cards", contact_cards),
)
"""Every migration in order, by the name it is recorded under. Add new ones at the end;
never rename or change one that has shipped. A migration must run inside a transaction
(no ``VACUUM``): an older file is upgraded by all its pending migrations at once."""


def known_names() -> frozenset[str]:
    """The names of the migrations this version knows."""
    return frozenset(name for name, _ in STEPS)


def latest_version() -> int:
    """The schema version this version of WorkshopDesk writes: how many migrations it has."""
    return len(STEPS)


def migrations() -> Migrations:
    """The migrations as a sqlite-utils migration set."""
    return _migration_set(STEPS)


@cache
def _migration_set(steps: tuple[tuple[str, Callable[[Database], None]], ...]) -> Migrations:
    from sqlite_utils import Migrations

    result = Migrations(MIGRATION_SET)
    for name, step in steps:
        result(name=name)(step)
    return result


def applied_names(connection: sqlite3.Connection) -> set[str]:
    """The migrations a file has had (read with plain SQL, without sqlite-utils)."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not has_table:
        return set()
    rows = connection.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
    )
    return {str(row[0]) for row in rows}


def pending_names(connection: sqlite3.Connection) -> set[str]:
    """The migrations this version knows that the file has not had yet."""
    return set(known_names() - applied_names(connection))


def version_of(connection: sqlite3.Connection) -> int:
    """A file's schema version: how many of this version's migrations it has had."""
    return len(applied_names(connection) & known_names())
