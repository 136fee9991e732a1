"""The workshop in memory: finding things, ordering cards, counting progress, and
applying changes that arrive twice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.core.board import IDS, INFO, board, uid
from workshopdesk.core.changes import Change
from workshopdesk.core.entities import Column, Problem, Solution
from workshopdesk.core.workshop import Workshop

I = IDS  # noqa: E741


def test_the_workshop_itself_is_found_only_by_its_own_id() -> None:
    ws = board()
    assert ws.get("workshop", INFO.id) == INFO
    assert ws.get("workshop", I.p1) is None
    assert ws.get("problem", I.p1) == ws.problems[I.p1]
    assert ws.get("problem", I.todo) is None


def test_nothing_found_is_none() -> None:
    ws = board()
    assert ws.problem_by_number(3) == ws.problems[I.p3]
    assert ws.problem_by_number(99) is None
    assert ws.done_column() == ws.columns[I.done]
    ws.apply(Change(ws.columns[I.done], Column(I.done, "Done", 3.0)))
    assert ws.done_column() is None


def test_cards_are_ordered_column_by_column_and_lost_ones_come_last() -> None:
    ws = board()
    assert [p.number for p in ws.ordered_problems()] == [1, 2, 3, 4]
    ws.apply(Change(ws.problems[I.p1], Problem(I.p1, 1, "Late invoices", I.archive, 0.5)))
    lost = Problem(uid(60), 9, "From a damaged file", uid(61), 0.1)
    ws.apply(Change(None, lost))
    assert [p.number for p in ws.ordered_problems()] == [2, 3, 4, 1, 9]


def test_progress_counts_the_problems_with_an_agreed_solution() -> None:
    progress = board().progress()
    assert (progress.solved, progress.total) == (1, 4)
    assert progress.unsolved_ids == frozenset({I.p1, I.p2, I.p3})


def test_a_deletion_that_arrives_twice_changes_nothing_the_second_time() -> None:
    ws = board()
    for entity in (
        ws.teams[I.dev],
        ws.attendees[I.bo],
        ws.columns[I.archive],
        ws.problems[I.p3],
        ws.solutions[I.s1],
        ws.follow_ups[I.f1],
    ):
        ws.apply(Change(entity, None))
        ws.apply(Change(entity, None))
        assert ws.get(entity.kind, entity.id) is None, entity.kind
    assert ws.solutions_of(I.p1) == [] and ws.follow_ups_of(I.p1) == []
    assert sorted(ws.teams) == [I.sales] and sorted(ws.columns) == [I.todo, I.doing, I.done]


def test_the_workshop_itself_cannot_be_deleted() -> None:
    ws: Workshop = board()
    with pytest.raises(ValueError, match=r"^the workshop itself cannot be deleted$"):
        ws.apply(Change(INFO, None))
    assert ws.info == INFO


def test_a_solution_or_follow_up_moved_to_another_problem_is_listed_there_only() -> None:
    ws = board()
    moved = ws.solutions[I.s1]
    ws.apply(Change(moved, replace(moved, problem_id=I.p2)))
    assert ws.solutions_of(I.p1) == [] and ws.solutions_of(I.p2) == [ws.solutions[I.s1]]
    follow_up = ws.follow_ups[I.f1]
    ws.apply(Change(follow_up, replace(follow_up, problem_id=I.p3)))
    assert ws.follow_ups_of(I.p1) == [] and ws.follow_ups_of(I.p3) == [ws.follow_ups[I.f1]]
    edited = replace(ws.solutions[I.s1], text="Weekly, on Mondays")
    ws.apply(Change(ws.solutions[I.s1], edited))
    assert ws.solutions_of(I.p2) == [edited], "an edit in place stays listed"


def test_a_team_counts_every_solution_its_members_proposed() -> None:
    ws = board()
    ws.apply(Change(None, Solution(uid(70), I.p2, "Another", 2.0, proposer_id=I.ann)))
    ws.apply(Change(None, Solution(uid(71), I.p3, "And one more", 1.0, proposer_id=I.ann)))
    assert ws.team_participation() == {I.sales: 3, I.dev: 0}
