"""Recording a check-in, with what it said of each follow-up, in one undoable step."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import CheckIn, FollowUp, FollowUpStatus
from workshopdesk.core.operations.common import created, edited, lookup, new_id
from workshopdesk.core.workshop import Workshop

Mark = tuple[FollowUpStatus, str]
"""What a check-in said of a follow-up: its status and, if any, a note on the outcome."""


def record_check_in(
    ws: Workshop,
    *,
    held_on: str,
    came: Iterable[str] = (),
    notes: str = "",
    next_on: str | None = None,
    marks: Mapping[str, Mark] | None = None,
    check_in_id: str | None = None,
) -> Step:
    """A new check-in held on ``held_on``; each follow-up in ``marks`` takes its status and
    outcome note (an empty note keeps the outcome it had) and counts as gone through."""
    marks = marks or {}
    changes: list[Change] = []
    for follow_up_id, (status, note) in marks.items():
        follow_up = lookup(ws, FollowUp, follow_up_id)
        fields: dict[str, object] = {"status": status}
        if note.strip():
            fields["outcome"] = note
        change = edited(ws, follow_up, fields)
        if change is not None:
            changes.append(change)
    check_in = CheckIn(
        id=check_in_id or new_id(),
        held_on=held_on,
        came=tuple(came),
        reviewed=tuple(marks),
        notes=notes,
        next_on=next_on,
    )
    changes.append(created(ws, check_in))
    return Step(Label("record_check_in", {"date": held_on}), tuple(changes))


def edit_check_in(ws: Workshop, check_in_id: str, **fields: object) -> Step:
    check_in = lookup(ws, CheckIn, check_in_id)
    change = edited(ws, check_in, dict(fields))
    return Step(Label("edit_check_in", {"date": check_in.held_on}), (change,) if change else ())


def delete_check_in(ws: Workshop, check_in_id: str) -> Step:
    """Forget a check-in; what it said of the follow-ups stays on them."""
    check_in = lookup(ws, CheckIn, check_in_id)
    return Step(Label("delete_check_in", {"date": check_in.held_on}), (Change(check_in, None),))


def check_ins_without(ws: Workshop, follow_up_ids: Iterable[str]) -> list[Change]:
    """The changes that take deleted follow-ups off the check-ins that went through them."""
    gone = set(follow_up_ids)
    changes = []
    for check_in in ws.check_ins.values():
        if gone.intersection(check_in.reviewed):
            kept = tuple(f for f in check_in.reviewed if f not in gone)
            changes.append(Change(check_in, replace(check_in, reviewed=kept)))
    return changes
