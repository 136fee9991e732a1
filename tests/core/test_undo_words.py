"""What Undo, Redo and the activity log say for each of the facilitator's edits: the
words name the thing edited as it was (or as it became, for a rename or an edit)."""

from __future__ import annotations

import pytest

from tests.core.board import IDS, board, refusal, said
from workshopdesk.core import operations as ops
from workshopdesk.core.operations.gate import LeavesUnsolvedPastDone
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import error_text

I = IDS  # noqa: E741


def test_teams_and_attendees() -> None:
    ws = board()
    assert said(ops.add_team(ws, " Support ")) == "Add team 'Support'"
    assert said(ops.edit_team(ws, I.sales, name="Sales EU")) == "Edit team 'Sales EU'"
    assert said(ops.edit_team(ws, I.sales, name="Sales")) == "Edit team 'Sales'"
    assert said(ops.move_team(ws, I.sales, 1)) == "Reorder team 'Sales'"
    assert said(ops.delete_team(ws, I.dev)) == "Delete team 'Dev'"
    assert said(ops.add_attendee(ws, " Cy ")) == "Add attendee 'Cy'"
    assert said(ops.edit_attendee(ws, I.ann, name="Anna")) == "Edit attendee 'Anna'"
    assert said(ops.edit_attendee(ws, I.ann, role="")) == "Edit attendee 'Ann'"
    assert said(ops.delete_attendee(ws, I.bo)) == "Delete attendee 'Bo'"
    assert said(ops.add_attendees(ws, [{"name": "A"}, {"name": "B"}])) == "Import 2 attendees"
    assert said(ops.add_attendees(ws, [{"name": "A"}])) == "Import 1 attendee"


def test_columns() -> None:
    ws = board()
    assert said(ops.add_column(ws, " Parked ")) == "Add column 'Parked'"
    assert said(ops.rename_column(ws, I.todo, "Backlog")) == "Rename column 'To do' to 'Backlog'"
    assert said(ops.rename_column(ws, I.todo, "To do")) == "Rename column 'To do' to 'To do'"
    assert said(ops.move_column(ws, I.todo, 1)) == "Move column 'To do'"
    assert said(ops.set_done_column(ws, I.archive)) == "Make 'Archive' the done column"
    assert said(ops.delete_column(ws, I.doing, move_to=I.todo)) == "Delete column 'Doing'"


def test_problems() -> None:
    ws = board()
    assert said(ops.add_problem(ws, I.todo, " Churn ")) == "Add problem 'Churn'"
    assert said(ops.edit_problem(ws, I.p1, title="Invoices")) == "Edit problem 'Invoices'"
    assert said(ops.edit_problem(ws, I.p1, customer="")) == "Edit problem 'Late invoices'"
    assert said(ops.move_problem(ws, I.p1, I.doing)) == "Move 'Late invoices' to Doing"
    assert said(ops.move_problem(ws, I.p1, I.todo, 1)) == "Reorder 'Late invoices'"
    assert said(ops.delete_problem(ws, I.p2)) == "Delete problem 'Lost leads'"
    rows = [{"column_id": I.todo, "title": "A"}, {"column_id": I.todo, "title": "B"}]
    assert said(ops.add_problems(ws, rows)) == "Import 2 problems"


def test_solutions_and_follow_ups_name_their_problem() -> None:
    ws: Workshop = board()
    assert said(ops.add_solution(ws, I.p2, "Call")) == "Add a solution to 'Lost leads'"
    assert said(ops.edit_solution(ws, I.s1, text="Daily")) == "Edit a solution to 'Late invoices'"
    assert said(ops.vote_solution(ws, I.s1)) == "Vote for a solution to 'Late invoices'"
    assert said(ops.delete_solution(ws, I.s1)) == "Delete a solution to 'Late invoices'"
    assert said(ops.add_follow_up(ws, I.p3, "Ask IT")) == "Add a follow-up to 'Slow builds'"
    assert said(ops.edit_follow_up(ws, I.f1, text="Ask")) == "Edit a follow-up to 'Late invoices'"
    assert said(ops.delete_follow_up(ws, I.f1)) == "Delete a follow-up to 'Late invoices'"
    assert said(ops.edit_workshop(ws, title="New")) == "Edit the workshop details"


def test_what_the_completion_gate_says_when_columns_move() -> None:
    ws = board()
    with pytest.raises(LeavesUnsolvedPastDone) as refused:
        ops.move_column(ws, I.doing, 3)
    assert error_text(refused.value) == (
        "Moving the column 'Doing' would leave 'Slow builds', which has no agreed solution,"
        " in or past the done column."
    )
    with pytest.raises(LeavesUnsolvedPastDone) as refused:
        ops.delete_column(ws, I.todo, move_to=I.archive)
    assert error_text(refused.value) == (
        "Deleting the column 'To do' would leave 2 problems without an agreed solution"
        " in or past the done column."
    )
    with pytest.raises(LeavesUnsolvedPastDone) as refused:
        ops.set_done_column(ws, I.doing)
    assert error_text(refused.value) == (
        "Making 'Doing' the done column would leave 'Slow builds', which has no agreed"
        " solution, in or past the done column."
    )
    with pytest.raises(LeavesUnsolvedPastDone) as refused:
        ops.edit_solution(ws, I.s4, status="proposed")
    assert error_text(refused.value) == (
        "'Old quotes' is in or past the done column, so it keeps an agreed solution: agree on"
        " another one first, or move the card back."
    )


def test_what_is_said_when_an_edit_names_a_field_it_cannot_set() -> None:
    ws = board()
    assert refusal(lambda: ops.edit_team(ws, I.sales, size=3, colour="red")) == (
        "Cannot set colour, size."
    )
    assert refusal(lambda: ops.edit_team(ws, I.sales, id=I.dev)) == "Cannot set id."
    assert refusal(lambda: ops.edit_problem(ws, I.p1, id=I.p2, owner="x")) == "Cannot set owner."
    assert refusal(lambda: ops.edit_workshop(ws, id=I.p1, colour="red")) == (
        "Cannot set colour, id."
    )
    assert refusal(lambda: ops.delete_column(ws, I.doing, move_to=I.doing)) == (
        "Cannot move the problems into the column being deleted."
    )
