"""Board columns: add, rename, reorder, pick the done column, delete."""

from __future__ import annotations

from dataclasses import replace

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Column
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.messages import Message
from workshopdesk.core.operations.common import (
    created,
    edited,
    lookup,
    moved,
    new_id,
    placement,
)
from workshopdesk.core.operations.gate import check_gate
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
    changes = moved(column, others, index)
    check_gate(ws, changes, Message("gate.moving_column", {"name": column.name}))
    return Step(Label("move_column", {"name": column.name}), tuple(changes))


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
    check_gate(ws, changes, Message("gate.making_done_column", {"name": column.name}))
    return Step(Label("set_done_column", {"name": column.name}), tuple(changes))


def heir_column(ws: Workshop, column_id: str) -> Column | None:
    """The column that takes over when ``column_id`` is deleted: its problems move there
    (when they are kept), and so does the done role.

    For the done column that is the column after it, whose problems already count as
    done, or else the one before it; for any other column, the one before it, or else the
    one after. None when it is the only column.
    """
    column = lookup(ws, Column, column_id)
    ordered = ws.ordered_columns()
    i = ordered.index(column)
    before = ordered[i - 1] if i > 0 else None
    after = ordered[i + 1] if i + 1 < len(ordered) else None
    return (after or before) if column.is_done else (before or after)


def delete_column(ws: Workshop, column_id: str, *, move_to: str | None = None) -> Step:
    """Delete a column. Its problems move to ``move_to`` (at the end), or are deleted with
    their solutions and follow-ups when ``move_to`` is None. The done role, if it was
    this column's, passes to its :func:`heir_column`."""
    column = lookup(ws, Column, column_id)
    heir = heir_column(ws, column_id)
    if heir is None:
        raise ValidationError(Message("error.last_column"))
    changes: list[Change] = []
    problems = ws.problems_in(column_id)
    if move_to is not None:
        target = lookup(ws, Column, move_to)
        if target.id == column.id:
            raise ValidationError(Message("error.move_into_deleted_column"))
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
        changes.append(Change(heir, replace(heir, is_done=True)))
    changes.append(Change(column, None))
    check_gate(ws, changes, Message("gate.deleting_column", {"name": column.name}))
    return Step(Label("delete_column", {"name": column.name}), tuple(changes))
