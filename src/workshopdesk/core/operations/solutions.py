"""Solutions to a problem and the follow-up actions agreed for it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import (
    FollowUp,
    FollowUpStatus,
    Problem,
    Solution,
    SolutionStatus,
)
from workshopdesk.core.limits import VOTES_MAX
from workshopdesk.core.operations.check_ins import check_ins_without
from workshopdesk.core.operations.common import created, edited, lookup, new_id, placement
from workshopdesk.core.operations.gate import check_keeps_agreed
from workshopdesk.core.operations.phones import participation_removal
from workshopdesk.core.workshop import Workshop


def _title(ws: Workshop, problem_id: str) -> dict[str, str]:
    return {"title": lookup(ws, Problem, problem_id).title}


def add_solution(
    ws: Workshop,
    problem_id: str,
    text: str,
    *,
    proposer_id: str | None = None,
    team_ids: tuple[str, ...] = (),
    status: SolutionStatus | str = SolutionStatus.PROPOSED,
    votes: int = 0,
) -> Step:
    params = _title(ws, problem_id)
    position, spacing = placement(ws.solutions_of(problem_id), None)
    solution = Solution(
        id=new_id(),
        problem_id=problem_id,
        text=text,
        position=position,
        proposer_id=proposer_id,
        team_ids=tuple(team_ids),
        status=status,  # type: ignore[arg-type]  # validated() turns text into the enum
        votes=votes,
    )
    return Step(Label("add_solution", params), (*spacing, created(ws, solution)))


def edit_solution(ws: Workshop, solution_id: str, **fields: Any) -> Step:
    solution = lookup(ws, Solution, solution_id)
    fields.pop("problem_id", None)
    change = edited(ws, solution, fields)
    changes = (change,) if change else ()
    check_keeps_agreed(ws, changes)
    return Step(Label("edit_solution", _title(ws, solution.problem_id)), changes)


def vote_solution(ws: Workshop, solution_id: str, delta: int = 1) -> Step:
    solution = lookup(ws, Solution, solution_id)
    votes = min(VOTES_MAX, max(0, solution.votes + delta))
    changes = () if votes == solution.votes else (Change(solution, replace(solution, votes=votes)),)
    return Step(Label("vote_solution", _title(ws, solution.problem_id)), changes)


def delete_solution(ws: Workshop, solution_id: str) -> Step:
    solution = lookup(ws, Solution, solution_id)
    changes = (*participation_removal(ws, solution=solution), Change(solution, None))
    check_keeps_agreed(ws, changes)
    return Step(Label("delete_solution", _title(ws, solution.problem_id)), changes)


def add_follow_up(
    ws: Workshop,
    problem_id: str,
    text: str,
    *,
    owner_id: str | None = None,
    due: str | None = None,
    check_in: str | None = None,
    status: FollowUpStatus | str = FollowUpStatus.OPEN,
    outcome: str = "",
) -> Step:
    params = _title(ws, problem_id)
    position, spacing = placement(ws.follow_ups_of(problem_id), None)
    follow_up = FollowUp(
        id=new_id(),
        problem_id=problem_id,
        text=text,
        position=position,
        owner_id=owner_id,
        due=due,
        check_in=check_in,
        status=status,  # type: ignore[arg-type]  # validated() turns text into the enum
        outcome=outcome,
    )
    return Step(Label("add_follow_up", params), (*spacing, created(ws, follow_up)))


def edit_follow_up(ws: Workshop, follow_up_id: str, **fields: Any) -> Step:
    follow_up = lookup(ws, FollowUp, follow_up_id)
    fields.pop("problem_id", None)
    change = edited(ws, follow_up, fields)
    return Step(
        Label("edit_follow_up", _title(ws, follow_up.problem_id)), (change,) if change else ()
    )


def delete_follow_up(ws: Workshop, follow_up_id: str) -> Step:
    follow_up = lookup(ws, FollowUp, follow_up_id)
    changes = (*check_ins_without(ws, (follow_up.id,)), Change(follow_up, None))
    return Step(Label("delete_follow_up", _title(ws, follow_up.problem_id)), changes)
