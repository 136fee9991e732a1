"""The completion gate: a problem is in the done column, or in a column after it, only
with an agreed solution — whatever puts it there. On the demo workshop:
On the wall (#7, #9, #10) | Discussing (#4, #5) | Solution agreed, done (#2, #3, #8) |
Follow-up (#1, #6)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.core.test_operations import reopened
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Column, Problem, SolutionStatus
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.session import Session
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import error_text


def column(ws: Workshop, name: str) -> Column:
    return next(c for c in ws.columns.values() if c.name == name)


def problem(ws: Workshop, number: int) -> Problem:
    found = ws.problem_by_number(number)
    assert found is not None
    return found


def names(ws: Workshop) -> list[str]:
    return [c.name for c in ws.ordered_columns()]


def test_an_unsolved_card_cannot_skip_past_the_done_column(session: Session) -> None:
    ws = session.workshop
    seven, follow_up = problem(ws, 7), column(ws, "Follow-up")
    assert not ws.is_solved(seven.id)
    with pytest.raises(ops.NeedsAgreedSolution) as refused:
        ops.move_problem(ws, seven.id, follow_up.id, 0)
    assert (refused.value.problem_id, refused.value.column_id) == (seven.id, follow_up.id)
    assert "needs an agreed solution" in error_text(refused.value)
    with pytest.raises(ops.NeedsAgreedSolution):
        ops.move_problem(ws, seven.id, column(ws, "Solution agreed").id)
    assert problem(ws, 7).column_id == column(ws, "On the wall").id


def test_moves_that_need_no_agreement_go_through(session: Session) -> None:
    ws = session.workshop
    discussing = column(ws, "Discussing")
    session.do(ops.move_problem(ws, problem(ws, 7).id, discussing.id, 0))
    assert [p.number for p in ws.problems_in(discussing.id)] == [7, 4, 5]
    solved = problem(ws, 2)  # agreed, in the done column: on to Follow-up
    session.do(ops.move_problem(ws, solved.id, column(ws, "Follow-up").id, 0))
    assert ws.problems_in(column(ws, "Follow-up").id)[0].number == 2


def test_moving_past_done_with_one_of_its_solutions_agrees_and_moves_as_one_step(
    session: Session,
) -> None:
    ws = session.workshop
    four, follow_up = problem(ws, 4), column(ws, "Follow-up")
    chosen = ws.solutions_of(four.id)[1]
    assert chosen.status is SolutionStatus.PROPOSED
    before = reopened(session)
    step = session.do(ops.move_problem(ws, four.id, follow_up.id, 1, agree=chosen.id))
    assert step.label == Label("move_problem", {"title": four.title, "column": "Follow-up"})
    assert [p.number for p in ws.problems_in(follow_up.id)] == [1, 4, 6]
    assert ws.solutions[chosen.id].status is SolutionStatus.AGREED
    assert [s.status for s in ws.solutions_of(four.id)].count(SolutionStatus.AGREED) == 1
    assert reopened(session) == reopened(session) != before
    session.undo()
    assert reopened(session) == before
    assert ws.solutions[chosen.id].status is SolutionStatus.PROPOSED
    assert problem(ws, 4).column_id == column(ws, "Discussing").id
    assert not session.history.can_undo, "the agreement and the move were one step"


def test_moving_with_the_words_of_a_new_agreed_solution(session: Session) -> None:
    ws = session.workshop
    seven, done = problem(ws, 7), column(ws, "Solution agreed")
    before = reopened(session)
    session.do(ops.move_problem(ws, seven.id, done.id, agree="Ship the tablet fix first"))
    assert problem(ws, 7).column_id == done.id
    assert ws.problems_in(done.id)[-1].number == 7
    assert [(s.text, s.status) for s in ws.solutions_of(seven.id)] == [
        ("Ship the tablet fix first", SolutionStatus.AGREED)
    ]
    session.undo()
    assert reopened(session) == before
    assert ws.solutions_of(seven.id) == []


def test_an_empty_agreement_is_refused_and_nothing_moves(session: Session) -> None:
    ws = session.workshop
    with pytest.raises(ValidationError):
        ops.move_problem(ws, problem(ws, 7).id, column(ws, "Follow-up").id, agree="   ")
    assert problem(ws, 7).column_id == column(ws, "On the wall").id


def test_editing_a_problem_never_moves_its_card(session: Session) -> None:
    ws = session.workshop
    seven, wall = problem(ws, 7), column(ws, "On the wall")
    step = ops.edit_problem(
        ws, seven.id, title="Tablets crash", column_id=column(ws, "Follow-up").id, position=-5.0
    )
    session.do(step)
    assert problem(ws, 7).title == "Tablets crash"
    assert (problem(ws, 7).column_id, problem(ws, 7).position) == (wall.id, seven.position)
    assert [c.after.column_id for c in step.changes] == [wall.id]  # type: ignore[union-attr]


def test_a_column_of_unsolved_cards_cannot_move_past_the_done_column(session: Session) -> None:
    ws = session.workshop
    discussing, done = column(ws, "Discussing"), column(ws, "Solution agreed")
    with pytest.raises(ops.LeavesUnsolvedPastDone) as refused:
        ops.move_column(ws, discussing.id, 2)
    assert set(refused.value.problem_ids) == {problem(ws, 4).id, problem(ws, 5).id}
    assert "2 problems without an agreed solution" in error_text(refused.value)
    with pytest.raises(ops.LeavesUnsolvedPastDone):
        ops.move_column(ws, done.id, 1)  # the done column moved before Discussing
    # Columns that stay on their side of the done column move freely.
    session.do(ops.move_column(ws, column(ws, "On the wall").id, 1))
    session.do(ops.move_column(ws, column(ws, "Follow-up").id, 0))  # its cards are solved
    assert names(ws) == ["Follow-up", "Discussing", "On the wall", "Solution agreed"]


def test_only_a_column_whose_cards_are_solved_can_become_the_done_column(
    session: Session,
) -> None:
    ws = session.workshop
    with pytest.raises(ops.LeavesUnsolvedPastDone) as refused:
        ops.set_done_column(ws, column(ws, "Discussing").id)
    assert error_text(refused.value) == (
        "Making 'Discussing' the done column would leave 2 problems without an agreed "
        "solution in or past the done column."
    )
    assert ws.done_column() == column(ws, "Solution agreed")
    session.do(ops.set_done_column(ws, column(ws, "Follow-up").id))
    assert ws.done_column() == column(ws, "Follow-up")


def test_the_heir_of_a_deleted_column(session: Session) -> None:
    ws = session.workshop
    heir = lambda name: ops.heir_column(ws, column(ws, name).id)  # noqa: E731
    assert heir("Solution agreed") == column(ws, "Follow-up"), "the done role moves on"
    assert heir("Discussing") == column(ws, "On the wall")
    assert heir("On the wall") == column(ws, "Discussing")
    assert heir("Follow-up") == column(ws, "Solution agreed")


def test_deleting_the_done_column_hands_done_to_the_column_after_it(session: Session) -> None:
    ws = session.workshop
    done, follow_up = column(ws, "Solution agreed"), column(ws, "Follow-up")
    held = [p.number for p in ws.problems_in(done.id)]
    before = reopened(session)
    session.do(ops.delete_column(ws, done.id, move_to=follow_up.id))
    assert ws.done_column() == replace(follow_up, is_done=True)
    assert [p.number for p in ws.problems_in(follow_up.id)] == [1, 6, *held]
    assert ws.progress().solved == 5
    session.undo()
    assert reopened(session) == before


def test_the_last_done_column_is_kept_while_its_heir_holds_unsolved_cards(
    session: Session,
) -> None:
    ws = session.workshop
    follow_up, done = column(ws, "Follow-up"), column(ws, "Solution agreed")
    session.do(ops.delete_column(ws, follow_up.id, move_to=done.id))
    for move_to in (None, column(ws, "On the wall").id):
        with pytest.raises(ops.LeavesUnsolvedPastDone) as refused:
            ops.delete_column(ws, done.id, move_to=move_to)
        assert set(refused.value.problem_ids) == {problem(ws, 4).id, problem(ws, 5).id}
    # Once Discussing is empty it can take over the done role.
    for number in (4, 5):
        session.do(ops.move_problem(ws, problem(ws, number).id, column(ws, "On the wall").id))
    session.do(ops.delete_column(ws, done.id, move_to=column(ws, "Discussing").id))
    assert ws.done_column() is not None and ws.done_column().name == "Discussing"  # type: ignore[union-attr]


def test_unsolved_cards_cannot_be_moved_into_done_by_deleting_their_column(
    session: Session,
) -> None:
    ws = session.workshop
    with pytest.raises(ops.LeavesUnsolvedPastDone):
        ops.delete_column(ws, column(ws, "Discussing").id, move_to=column(ws, "Follow-up").id)


def test_a_card_in_done_keeps_an_agreed_solution(session: Session) -> None:
    ws = session.workshop
    two = problem(ws, 2)  # in the done column with one agreed solution
    agreed = [s for s in ws.solutions_of(two.id) if s.status is SolutionStatus.AGREED]
    assert len(agreed) == 1
    with pytest.raises(ops.LeavesUnsolvedPastDone) as refused:
        ops.edit_solution(ws, agreed[0].id, status=SolutionStatus.REJECTED)
    assert refused.value.problem_ids == (two.id,)
    assert "move the card back" in error_text(refused.value)
    with pytest.raises(ops.LeavesUnsolvedPastDone):
        ops.delete_solution(ws, agreed[0].id)
    # Another agreed solution first, then the old one can be set aside.
    other = next(s for s in ws.solutions_of(two.id) if s.id != agreed[0].id)
    session.do(ops.edit_solution(ws, other.id, status=SolutionStatus.AGREED))
    session.do(ops.edit_solution(ws, agreed[0].id, status=SolutionStatus.REJECTED))
    assert ws.is_solved(two.id)
    # Back out of the done column, the last agreed solution can go too.
    session.do(ops.move_problem(ws, two.id, column(ws, "Discussing").id))
    session.do(ops.delete_solution(ws, other.id))
    assert not ws.is_solved(two.id)
    # Deleting a problem in the done column takes its solutions with it.
    session.do(ops.delete_problem(ws, problem(ws, 8).id))


def test_a_card_already_past_done_without_an_agreement_blocks_nothing_else(
    session: Session,
) -> None:
    """An older file may hold an unsolved card past the done column: other edits go on."""
    ws = session.workshop
    seven, follow_up = problem(ws, 7), column(ws, "Follow-up")
    moved = replace(seven, column_id=follow_up.id, position=100.0)
    session.do(Step(Label("move_problem"), (Change(seven, moved),)))
    session.do(ops.move_column(ws, column(ws, "On the wall").id, 1))
    session.do(ops.move_problem(ws, seven.id, follow_up.id, 0))  # reordered where it is
    session.do(ops.move_problem(ws, seven.id, column(ws, "Discussing").id))  # and taken back
    assert ops.counts_as_done(ws, follow_up.id)
    assert not ops.counts_as_done(ws, column(ws, "Discussing").id)
