"""Phones taking part, for window tests: they join and send ideas through the one writer
with a phone's origin, exactly as the phone server does."""

from __future__ import annotations

import uuid
from typing import Any

from workshopdesk.app.commands import Edit
from workshopdesk.app.moderation import moderated
from workshopdesk.app.origin import phone
from workshopdesk.app.workspace import now
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import Problem


def join(document: Any, name: str = "", team: str | None = None) -> str:
    """A phone joins (named, or anonymous without a name); returns its device id."""
    device = str(uuid.uuid4())
    document.workspace.submit(
        Edit(lambda ws: ops.join(ws, device, now(), name=name, team_id=team)),
        phone(device, name or None),
    )
    return device


def send(document: Any, device: str, problem: Problem, text: str) -> None:
    """The phone sends an idea; it waits for the facilitator unless moderation is off
    (the phone server reads the setting the same way)."""
    name = document.workshop.devices[device].name or None
    moderation = moderated(document.workspace.settings)
    document.workspace.submit(
        Edit(lambda ws: ops.send_idea(ws, device, problem.id, text, now(), moderated=moderation)),
        phone(device, name),
    )


def dot(document: Any, device: str, solution_id: str) -> None:
    name = document.workshop.devices[device].name or None
    document.workspace.submit(
        Edit(lambda ws: ops.set_dot(ws, device, solution_id, True)), phone(device, name)
    )


def done(document: Any, device: str) -> None:
    name = document.workshop.devices[device].name or None
    document.workspace.submit(Edit(lambda ws: ops.mark_finished(ws, device)), phone(device, name))


def first_problem(document: Any) -> Problem:
    return document.workshop.ordered_problems()[0]
