"""What a workshop file holds, row by row, as other tools (a spreadsheet, the sqlite3
shell) read it, and that every kind of thing comes back exactly as it was written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.core.board import IDS, board, uid
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Change
from workshopdesk.core.entities import (
    Device,
    Dot,
    Finished,
    Idea,
    IdeaState,
    Round,
    RoundKind,
    SolutionStatus,
)
from workshopdesk.core.session import Session
from workshopdesk.core.workshop import Workshop
from workshopdesk.store.workshop_file import Mode, WorkshopFile

I = IDS  # noqa: E741
NOW = "2027-02-11T10:00:00+01:00"


def everything() -> Workshop:
    """The small board, with non-ASCII tags, a consent, and one of each thing phones bring."""
    ws = board()
    ws.apply_all(ops.edit_problem(ws, I.p1, tags=("Café", "ÅÄÖ")).changes)
    ws.apply_all(ops.edit_attendee(ws, I.ann, consent_to_share=True).changes)
    phone, vote = uid(41), uid(42)
    ws.apply_all(
        [
            Change(None, Device(phone, NOW, "Ann", I.sales, blocked=True, active=False)),
            Change(None, Round(vote, RoundKind.VOTE, NOW, I.p1, 5, True, False, NOW)),
            Change(
                None,
                Idea(uid(43), 1, I.p1, phone, "Idea", NOW, IdeaState.APPROVED, I.s1, vote, "r1"),
            ),
            Change(None, Dot(uid(44), vote, phone, I.s1)),
            Change(None, Finished(uid(45), vote, phone)),
        ]
    )
    return ws


def test_every_kind_of_thing_comes_back_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "all.workshop"
    written = everything()
    WorkshopFile.create(path, written)
    with WorkshopFile.open(path, Mode.READ) as reader:
        read = reader.load()
    assert read.info == written.info
    for kind in (
        "team",
        "attendee",
        "column",
        "problem",
        "solution",
        "follow_up",
        "device",
        "idea",
        "round",
        "dot",
        "finished",
    ):
        assert read.collection(kind) == written.collection(kind), kind
    assert read.solutions[I.s4].status is SolutionStatus.AGREED
    assert read.attendees[I.ann].consent_to_share is True
    assert read.devices[uid(41)].active is False and read.rounds[uid(42)].hidden is True
    assert read.ideas[uid(43)].state is IdeaState.APPROVED
    assert read.rounds[uid(42)].round_kind is RoundKind.VOTE


def test_the_file_keeps_plain_readable_values(tmp_path: Path) -> None:
    path = tmp_path / "all.workshop"
    WorkshopFile.create(path, everything())
    raw = sqlite3.connect(path)
    try:
        tags, teams = raw.execute(
            "SELECT tags, team_ids FROM problems WHERE id = ?", (I.p1,)
        ).fetchone()
        assert (tags, teams) == ('["Café", "ÅÄÖ"]', f'["{I.sales}"]')
        assert raw.execute("SELECT tags FROM problems WHERE id = ?", (I.p3,)).fetchone() == ("[]",)
        assert raw.execute(
            "SELECT consent_to_share FROM attendees WHERE id = ?", (I.ann,)
        ).fetchone() == (1,)
        assert raw.execute("SELECT status FROM solutions WHERE id = ?", (I.s4,)).fetchone() == (
            "agreed",
        )
        assert raw.execute("SELECT round_kind, hidden FROM rounds").fetchone() == ("vote", 1)
    finally:
        raw.close()


def test_an_edit_rewrites_every_field_of_its_row_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "all.workshop"
    WorkshopFile.create(path, everything())
    with WorkshopFile.open(path, Mode.WRITE) as file:
        session = Session(file)
        ws = session.workshop
        session.do(ops.edit_problem(ws, I.p2, title="Found leads", tags=["Q3"], color="#aabbcc"))
        session.do(ops.edit_solution(ws, I.s1, status="rejected", votes=9))
    with WorkshopFile.open(path, Mode.READ) as reader:
        read = reader.load()
    p2 = read.problems[I.p2]
    assert (p2.title, p2.tags, p2.color, p2.number, p2.column_id) == (
        "Found leads",
        ("Q3",),
        "#aabbcc",
        2,
        I.todo,
    )
    assert read.problems[I.p1].tags == ("Café", "ÅÄÖ")
    s1 = read.solutions[I.s1]
    assert (s1.status, s1.votes, s1.text) == (SolutionStatus.REJECTED, 9, "Send them weekly")
