"""Problem cards: add, edit, move between and within columns, delete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Column, Problem, SolutionStatus
from workshopdesk.core.operations.check_ins import check_ins_without
from workshopdesk.core.operations.common import (
    created,
    edited,
    lookup,
    moved,
    new_id,
    placement,
)
from workshopdesk.core.operations.gate import NeedsAgreedSolution, counts_as_done
from workshopdesk.core.operations.phones import participation_removal
from workshopdesk.core.operations.solutions import add_solution, edit_solution
from workshopdesk.core.workshop import Workshop


def next_number(ws: Workshop) -> int:
    return max((p.number for p in ws.problems.values()), default=0) + 1


def add_problem(
    ws: Workshop,
    column_id: str,
    title: str,
    *,
    index: int | None = None,
    customer: str = "",
    description: str = "",
    stalled_because: str = "",
    team_ids: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    color: str = "",
) -> Step:
    lookup(ws, Column, column_id)
    position, spacing = placement(ws.problems_in(column_id), index)
    change = _new_problem(
        ws,
        next_number(ws),
        column_id,
        title,
        position,
        customer=customer,
        description=description,
        stalled_because=stalled_because,
        team_ids=team_ids,
        tags=tags,
        color=color,
    )
    return Step(Label("add_problem", {"title": change.entity.title}), (*spacing, change))  # type: ignore[union-attr]


def add_problems(ws: Workshop, rows: Iterable[Mapping[str, Any]]) -> Step:
    """Many cards as one step (an import), as if added one by one with :func:`add_problem`
    at the end of their columns: each row holds ``column_id``, ``title`` and any of
    add_problem's other fields."""
    number = next_number(ws)
    columns: dict[str, list[Problem]] = {}
    changes: list[Change] = []
    for row in rows:
        fields = dict(row)
        column_id, title = fields.pop("column_id"), fields.pop("title")
        if column_id not in columns:
            lookup(ws, Column, column_id)
            columns[column_id] = ws.problems_in(column_id)
        siblings = columns[column_id]
        position, _ = placement(siblings, None)  # the end: nothing is spaced out
        change = _new_problem(ws, number, column_id, title, position, **fields)
        siblings.append(change.after)  # type: ignore[arg-type]
        changes.append(change)
        number += 1
    return Step(Label("import_problems", {"count": len(changes)}), tuple(changes))


def _new_problem(
    ws: Workshop, number: int, column_id: str, title: str, position: float, **fields: Any
) -> Change:
    problem = Problem(
        id=new_id(),
        number=number,
        title=title,
        column_id=column_id,
        position=position,
        **fields,
    )
    return created(ws, problem)


def edit_problem(ws: Workshop, problem_id: str, **fields: Any) -> Step:
    problem = lookup(ws, Problem, problem_id)
    fields.pop("column_id", None)
    fields.pop("position", None)
    change = edited(ws, problem, fields)
    title = change.after.title if change else problem.title  # type: ignore[union-attr]
    return Step(Label("edit_problem", {"title": title}), (change,) if change else ())


def move_problem(
    ws: Workshop,
    problem_id: str,
    column_id: str,
    index: int | None = None,
    *,
    agree: str | None = None,
) -> Step:
    """Move a card to ``index`` in ``column_id`` (its own column to reorder; None = end).

    A card without an agreed solution goes into the done column, or a column after it, only
    with ``agree``: the id of one of its solutions, which becomes the agreed one, or the
    text of a new agreed solution. The agreement and the move are one step. Without it,
    such a move raises :class:`NeedsAgreedSolution`.
    """
    problem = lookup(ws, Problem, problem_id)
    column = lookup(ws, Column, column_id)
    changes: list[Change] = []
    if agree is not None:
        changes.extend(_agreement(ws, problem_id, agree))
    elif (
        problem.column_id != column_id
        and counts_as_done(ws, column_id)
        and not ws.is_solved(problem_id)
    ):
        raise NeedsAgreedSolution(problem, column)
    siblings = [p for p in ws.problems_in(column_id) if p.id != problem_id]
    changes.extend(moved(problem, siblings, index, column_id=column_id))
    if problem.column_id == column_id:
        label = Label("reorder_problem", {"title": problem.title})
    else:
        label = Label("move_problem", {"title": problem.title, "column": column.name})
    return Step(label, tuple(changes))


def _agreement(ws: Workshop, problem_id: str, agree: str) -> tuple[Change, ...]:
    """The changes that give a problem its agreed solution: one of its own solutions
    (by id) marked agreed, or a new agreed solution with the text ``agree``."""
    existing = ws.solutions.get(agree)
    if existing is not None and existing.problem_id == problem_id:
        return edit_solution(ws, agree, status=SolutionStatus.AGREED).changes
    return add_solution(ws, problem_id, agree, status=SolutionStatus.AGREED).changes


def problem_removal(ws: Workshop, problem: Problem) -> list[Change]:
    """The changes that delete a problem with its solutions and follow-ups (children first),
    and what phones brought for it (ideas, dots)."""
    changes = participation_removal(ws, problem=problem)
    changes.extend(Change(s, None) for s in ws.solutions_of(problem.id))
    follow_ups = ws.follow_ups_of(problem.id)
    changes.extend(check_ins_without(ws, (f.id for f in follow_ups)))
    changes.extend(Change(f, None) for f in follow_ups)
    changes.append(Change(problem, None))
    return changes


def delete_problem(ws: Workshop, problem_id: str) -> Step:
    problem = lookup(ws, Problem, problem_id)
    return Step(
        Label("delete_problem", {"title": problem.title}), tuple(problem_removal(ws, problem))
    )
