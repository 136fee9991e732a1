"""Editing the workshop's own details: title, venue, dates, goal, ground rules, invitation,
language."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.messages import Message
from workshopdesk.core.validation import validated
from workshopdesk.core.workshop import Workshop

EDITABLE = frozenset(
    {
        "title",
        "venue",
        "starts_at",
        "ends_at",
        "timezone",
        "facilitator",
        "goal",
        "ground_rules",
        "invitation",
        "language",
    }
)


def edit_workshop(ws: Workshop, **fields: Any) -> Step:
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValidationError(Message("error.cannot_set", {"fields": ", ".join(sorted(unknown))}))
    after = validated(ws, replace(ws.info, **fields))
    changes = () if after == ws.info else (Change(ws.info, after),)
    return Step(Label("edit_workshop"), changes)
