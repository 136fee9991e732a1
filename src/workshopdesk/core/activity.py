"""The activity log: every change with its time and who made it."""

from __future__ import annotations

from dataclasses import dataclass

from workshopdesk.core.changes import Label


@dataclass(frozen=True, slots=True)
class ActivityEntry:
    at: str
    """ISO-8601 date-time with the laptop's UTC offset."""
    source: str
    """``facilitator``, ``phone``, ``import`` (see :class:`workshopdesk.app.origin.Source`)."""
    label: Label
    """What happened, as a message id with parameters."""
    device_id: str | None = None
    name: str | None = None
    """A phone's chosen name or an imported file's name; None for an anonymous phone."""
