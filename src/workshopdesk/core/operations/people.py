"""Teams and attendees."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Attendee, Team
from workshopdesk.core.operations.common import (
    created,
    edited,
    lookup,
    moved,
    new_id,
    placement,
)
from workshopdesk.core.palette import next_team_colour
from workshopdesk.core.workshop import Workshop


def add_team(
    ws: Workshop, name: str, color: str | None = None, *, index: int | None = None
) -> Step:
    """Add a team at ``index`` (None: last), in ``color`` or else the next free colour."""
    position, spacing = placement(ws.ordered_teams(), index)
    color = next_team_colour(ws) if color is None else color
    change = created(ws, Team(id=new_id(), name=name, color=color, position=position))
    return Step(Label("add_team", {"name": change.entity.name}), (*spacing, change))  # type: ignore[union-attr]


def edit_team(ws: Workshop, team_id: str, **fields: Any) -> Step:
    team = lookup(ws, Team, team_id)
    change = edited(ws, team, fields)
    name = change.after.name if change else team.name  # type: ignore[union-attr]
    return Step(Label("edit_team", {"name": name}), (change,) if change else ())


def move_team(ws: Workshop, team_id: str, index: int) -> Step:
    team = lookup(ws, Team, team_id)
    others = [t for t in ws.ordered_teams() if t.id != team_id]
    return Step(Label("move_team", {"name": team.name}), tuple(moved(team, others, index)))


def delete_team(ws: Workshop, team_id: str) -> Step:
    """Delete a team; attendees lose their team, problems and solutions lose the stake."""
    team = lookup(ws, Team, team_id)
    changes: list[Change] = []
    for attendee in ws.attendees.values():
        if attendee.team_id == team_id:
            changes.append(Change(attendee, replace(attendee, team_id=None)))
    for problem in ws.problems.values():
        if team_id in problem.team_ids:
            kept = tuple(t for t in problem.team_ids if t != team_id)
            changes.append(Change(problem, replace(problem, team_ids=kept)))
    for solution in ws.solutions.values():
        if team_id in solution.team_ids:
            kept = tuple(t for t in solution.team_ids if t != team_id)
            changes.append(Change(solution, replace(solution, team_ids=kept)))
    for device in ws.devices.values():
        if device.team_id == team_id:
            changes.append(Change(device, replace(device, team_id=None)))
    changes.append(Change(team, None))
    return Step(Label("delete_team", {"name": team.name}), tuple(changes))


def add_attendee(
    ws: Workshop,
    name: str,
    *,
    team_id: str | None = None,
    role: str = "",
    email: str = "",
    phone: str = "",
    consent_to_share: bool = False,
) -> Step:
    fields = {"team_id": team_id, "role": role, "email": email, "phone": phone}
    step = add_attendees(ws, [{"name": name, "consent_to_share": consent_to_share, **fields}])
    return Step(Label("add_attendee", {"name": step.changes[-1].entity.name}), step.changes)  # type: ignore[union-attr]


def add_attendees(ws: Workshop, rows: Iterable[Mapping[str, Any]]) -> Step:
    """Attendees added at the end of the list, as one step: each row holds ``name`` and
    any of :func:`add_attendee`'s other fields."""
    siblings = ws.ordered_attendees()
    changes: list[Change] = []
    for row in rows:
        position, _ = placement(siblings, None)  # the end: nothing is spaced out
        change = created(ws, Attendee(id=new_id(), position=position, **row))
        siblings.append(change.after)  # type: ignore[arg-type]
        changes.append(change)
    return Step(Label("import_attendees", {"count": len(changes)}), tuple(changes))


def edit_attendee(ws: Workshop, attendee_id: str, **fields: Any) -> Step:
    attendee = lookup(ws, Attendee, attendee_id)
    change = edited(ws, attendee, fields)
    name = change.after.name if change else attendee.name  # type: ignore[union-attr]
    return Step(Label("edit_attendee", {"name": name}), (change,) if change else ())


def delete_attendee(ws: Workshop, attendee_id: str) -> Step:
    """Delete an attendee; their solutions become anonymous, their follow-ups unowned, and
    a phone that shared them as its card no longer has one."""
    attendee = lookup(ws, Attendee, attendee_id)
    changes: list[Change] = []
    for solution in ws.solutions.values():
        if solution.proposer_id == attendee_id:
            changes.append(Change(solution, replace(solution, proposer_id=None)))
    for follow_up in ws.follow_ups.values():
        if follow_up.owner_id == attendee_id:
            changes.append(Change(follow_up, replace(follow_up, owner_id=None)))
    for device in ws.devices.values():
        if device.attendee_id == attendee_id:  # the card it shared is gone
            changes.append(Change(device, replace(device, attendee_id=None)))
    changes.append(Change(attendee, None))
    return Step(Label("delete_attendee", {"name": attendee.name}), tuple(changes))
