"""Board columns: add, rename, reorder, pick the done column, delete."""

from __future__ import annotations

from dataclasses import replace

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Column
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.operations.common import (
    created,
    edited,
    lookup,
    moved,
    new_id,
    placement,
)
from workshopdesk.core.operations.problems import problem_removal
from workshopdesk.core.workshop import Workshop


def add_column(ws: Workshop, name: str, *, index: int | None = None) -> Step:
    position, spacing = placement(ws.ordered_columns(), index)
    change = created(ws, Column(id=new_id(), name=name, position=position))
    return Step(Label("add_column", {"name": change.entity.name}), (*spacing, change))  # type: ignore[union-attr]


def rename_column(ws: Workshop, column_id: str, name: str) -> Step:
    column = lookup(ws, Column, column_id)
    change = edited(ws, column, {"name": name})
    new_name = change.after.name if change else column.name  # type: ignore[union-attr]
    label = Label("rename_column", {"old": column.name, "name": new_name})
    return Step(label, (change,) if change else ())


def move_column(ws: Workshop, column_id: str, index: int) -> Step:
    column = lookup(ws, Column, column_id)
    others = [c for c in ws.ordered_columns() if c.id != column_id]
    label = Label("move_column", {"name": column.name})
    return Step(label, tuple(moved(column, others, index)))


def set_done_column(ws: Workshop, column_id: str) -> Step:
    """Give ``column_id`` the done role; exactly one column carries it."""
    column = lookup(ws, Column, column_id)
    changes = [
        Change(other, replace(other, is_done=False))
        for other in ws.columns.values()
        if other.is_done and other.id != column_id
    ]
    if not column.is_done:
        changes.append(Change(column, replace(column, is_done=True)))
    return Step(Label("set_done_column", {"name": column.name}), tuple(changes))


def delete_column(ws: Workshop, column_id: str, *, move_to: str | None = None) -> Step:
    """Delete a column. Its problems move to ``move_to`` (at the end), or are deleted with
    their solutions and follow-ups when ``move_to`` is None. The done role, if it was
    this column's, passes to the column before it (or the first one)."""
    column = lookup(ws, Column, column_id)
    ordered = ws.ordered_columns()
    if len(ordered) == 1:
        raise ValidationError("The board needs at least one column.")
    changes: list[Change] = []
    problems = ws.problems_in(column_id)
    if move_to is not None:
        target = lookup(ws, Column, move_to)
        if target.id == column.id:
            raise ValidationError("Cannot move the problems into the column being deleted.")
        last = ws.problems_in(target.id)
        start = last[-1].position if last else 0.0
        for i, problem in enumerate(problems, start=1):
            changes.append(
                Change(problem, replace(problem, column_id=target.id, position=start + i))
            )
    else:
        for problem in problems:
            changes.extend(problem_removal(ws, problem))
    if column.is_done:
        index = ordered.index(column)
        heir = ordered[index - 1] if index > 0 else ordered[1]
        changes.append(Change(heir, replace(heir, is_done=True)))
    changes.append(Change(column, None))
    return Step(Label("delete_column", {"name": column.name}), tuple(changes))
