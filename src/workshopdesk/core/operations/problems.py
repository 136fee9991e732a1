"""Problem cards: add, edit, move between and within columns, delete."""

from __future__ import annotations

from typing import Any

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Column, Problem
from workshopdesk.core.operations.common import (
    created,
    edited,
    lookup,
    moved,
    new_id,
    placement,
)
from workshopdesk.core.operations.phones import participation_removal
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
    problem = Problem(
        id=new_id(),
        number=next_number(ws),
        title=title,
        column_id=column_id,
        position=position,
        customer=customer,
        description=description,
        stalled_because=stalled_because,
        team_ids=tuple(team_ids),
        tags=tuple(tags),
        color=color,
    )
    change = created(ws, problem)
    return Step(Label("add_problem", {"title": change.entity.title}), (*spacing, change))  # type: ignore[union-attr]


def edit_problem(ws: Workshop, problem_id: str, **fields: Any) -> Step:
    problem = lookup(ws, Problem, problem_id)
    for key in ("team_ids", "tags"):
        if key in fields:
            fields[key] = tuple(fields[key])
    fields.pop("column_id", None)
    fields.pop("position", None)
    change = edited(ws, problem, fields)
    title = change.after.title if change else problem.title  # type: ignore[union-attr]
    return Step(Label("edit_problem", {"title": title}), (change,) if change else ())


def move_problem(ws: Workshop, problem_id: str, column_id: str, index: int | None = None) -> Step:
    """Move a card to ``index`` in ``column_id`` (its own column to reorder; None = end)."""
    problem = lookup(ws, Problem, problem_id)
    column = lookup(ws, Column, column_id)
    siblings = [p for p in ws.problems_in(column_id) if p.id != problem_id]
    changes = moved(problem, siblings, index, column_id=column_id)
    if problem.column_id == column_id:
        label = Label("reorder_problem", {"title": problem.title})
    else:
        label = Label("move_problem", {"title": problem.title, "column": column.name})
    return Step(label, tuple(changes))


def problem_removal(ws: Workshop, problem: Problem) -> list[Change]:
    """The changes that delete a problem with its solutions and follow-ups (children first),
    and what phones brought for it (ideas, dots)."""
    changes = participation_removal(ws, problem=problem)
    changes.extend(Change(s, None) for s in ws.solutions_of(problem.id))
    changes.extend(Change(f, None) for f in ws.follow_ups_of(problem.id))
    changes.append(Change(problem, None))
    return changes


def delete_problem(ws: Workshop, problem_id: str) -> Step:
    problem = lookup(ws, Problem, problem_id)
    return Step(
        Label("delete_problem", {"title": problem.title}), tuple(problem_removal(ws, problem))
    )
