"""An editing session when another program changed the file under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshopdesk.core import operations as ops
from workshopdesk.core.session import Session, StaleUndo
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def test_an_undo_overtaken_by_a_phone_is_refused_and_dropped_with_what_is_older(
    demo_path: Path,
) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        session = Session(file)
        ws = session.workshop
        solution = next(s for s in ws.solutions.values() if s.votes < 5)
        votes = solution.votes
        older = session.do(ops.add_column(ws, "Parked")).changes[-1].id
        session.do(ops.edit_solution(ws, solution.id, votes=votes + 2))
        session.do(ops.vote_solution(ws, solution.id), record=False)  # a phone's vote
        with pytest.raises(StaleUndo):
            session.undo()
        assert not session.history.can_undo  # the overtaken step and the one before it
        assert session.undo() is None
        assert older in session.workshop.columns
        assert session.workshop.solutions[solution.id].votes == votes + 3
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        assert reader.load().solutions[solution.id].votes == votes + 3


def test_undo_and_redo_without_steps_do_nothing(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        session = Session(file)
        revision = file.revision()
        assert (session.undo(), session.redo()) == (None, None)
        assert file.revision() == revision
        step = session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
        assert file.revision() == revision + 1
        assert session.undo() == step.inverted()
        assert session.redo() == step
        assert file.revision() == revision + 3
        assert session.do(ops.edit_team(session.workshop, step.changes[-1].id)).changes == ()
        assert file.revision() == revision + 3
