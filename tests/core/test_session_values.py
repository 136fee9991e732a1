"""An editing session when another program changed the file under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Label
from workshopdesk.core.session import Session, StaleUndo
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import error_text


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
        with pytest.raises(StaleUndo) as refused:
            session.undo()
        assert error_text(refused.value) == (
            f"Cannot undo or redo 'Edit a solution to '{ws.problems[solution.problem_id].title}'':"
            " it was changed elsewhere."
        )
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


def test_a_redo_the_file_refuses_is_given_up_with_a_sentence(demo_path: Path) -> None:
    """The facilitator adds a card and takes it back; another program adds a card that
    takes the same number. Redo cannot bring the first one back: it says so, once."""
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        session = Session(file)
        column = session.workshop.ordered_columns()[0].id
        session.do(ops.add_problem(session.workshop, column, "Ours"))
        session.undo()
        with WorkshopFile.open(demo_path, Mode.WRITE) as other:
            theirs = Session(other)
            theirs.do(ops.add_problem(theirs.workshop, column, "Theirs"))
        with pytest.raises(StaleUndo) as refused:
            session.redo()
        assert error_text(refused.value) == (
            "Cannot undo or redo 'Add problem 'Ours'': it was changed elsewhere."
        )
        assert not session.history.can_redo
        assert "Theirs" in {p.title for p in session.workshop.problems.values()}


def test_several_operations_are_one_step_with_the_label_given(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        session = Session(file)
        column = session.workshop.ordered_columns()[0].id
        label = Label("import_problems", {"count": 2})
        step = session.do_all(
            label,
            [
                lambda ws: ops.add_problem(ws, column, "One"),
                lambda ws: ops.add_problem(ws, column, "Two"),
            ],
        )
        assert step.label == label and len(step.changes) == 2
        assert session.history.undo_label() == label
        assert session.undo() is not None
        assert not {"One", "Two"} & {p.title for p in session.workshop.problems.values()}
