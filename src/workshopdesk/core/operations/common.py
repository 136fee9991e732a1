"""Helpers shared by the operations: ids, positions, lookups, edits."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from workshopdesk.core.changes import Change
from workshopdesk.core.entities import (
    Attendee,
    CheckIn,
    Column,
    Device,
    Dot,
    Finished,
    FollowUp,
    Idea,
    Problem,
    Round,
    Solution,
    Team,
)
from workshopdesk.core.errors import NotFoundError, ValidationError
from workshopdesk.core.messages import Message
from workshopdesk.core.validation import validated
from workshopdesk.core.workshop import Workshop

E = TypeVar("E", Team, Attendee, Column, Problem, Solution, FollowUp)
"""Entities kept in an order (with a position)."""
T = TypeVar(
    "T",
    Team,
    Attendee,
    Column,
    Problem,
    Solution,
    FollowUp,
    Device,
    Idea,
    Round,
    Dot,
    Finished,
    CheckIn,
)

_GONE = {
    Team.kind: Message("error.team_gone"),
    Attendee.kind: Message("error.attendee_gone"),
    Column.kind: Message("error.column_gone"),
    Problem.kind: Message("error.problem_gone"),
    Solution.kind: Message("error.solution_gone"),
    FollowUp.kind: Message("error.follow_up_gone"),
    Device.kind: Message("error.phone_gone"),
    Idea.kind: Message("error.idea_gone"),
    Round.kind: Message("error.round_gone"),
    Dot.kind: Message("error.dot_gone"),
    Finished.kind: Message("error.mark_gone"),
    CheckIn.kind: Message("error.check_in_gone"),
}


def new_id() -> str:
    return str(uuid.uuid4())


def lookup(ws: Workshop, cls: type[T], entity_id: str) -> T:
    found = ws.collection(cls.kind).get(entity_id)
    if not isinstance(found, cls):
        raise NotFoundError(_GONE[cls.kind])
    return found


def placement(siblings: Sequence[E], index: int | None) -> tuple[float, list[Change]]:
    """A position for an entity put at ``index`` among ``siblings`` (ordered, without it).

    Usually just a number between its neighbours, so a move changes one row. When the
    gap between neighbours is used up, the siblings are spaced out again (more changes).
    """
    count = len(siblings)
    if index is None or index >= count:
        index = count
    index = max(index, 0)
    if count == 0:
        return 1.0, []
    if index == 0:
        return siblings[0].position - 1.0, []
    if index == count:
        return siblings[-1].position + 1.0, []
    low, high = siblings[index - 1].position, siblings[index].position
    middle = (low + high) / 2
    if low < middle < high:
        return middle, []
    changes = []
    for i, sibling in enumerate(siblings):
        wanted = float(i + 1 if i < index else i + 2)
        if sibling.position != wanted:
            changes.append(Change(sibling, replace(sibling, position=wanted)))
    return float(index + 1), changes


def moved(entity: E, others: Sequence[E], index: int | None, **fields: Any) -> list[Change]:
    """The changes that put ``entity`` at ``index`` among ``others`` (ordered, without it),
    with any other ``fields`` it changes on the way (a card's column)."""
    position, changes = placement(others, index)
    after = replace(entity, position=position, **fields)
    if after != entity:
        changes.append(Change(entity, after))
    return changes


def edited(ws: Workshop, entity: T, fields: dict[str, Any]) -> Change | None:
    """The change that sets ``fields`` on ``entity`` (validated), or None if nothing differs."""
    unknown = set(fields) - {f.name for f in dataclasses.fields(entity)}
    if unknown or "id" in fields:
        names = ", ".join(sorted(unknown or {"id"}))
        raise ValidationError(Message("error.cannot_set", {"fields": names}))
    after = validated(ws, replace(entity, **fields))
    return None if after == entity else Change(entity, after)


def created(ws: Workshop, entity: T) -> Change:
    return Change(None, validated(ws, entity))
