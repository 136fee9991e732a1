"""What the one writer tells its subscribers after each applied change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from workshopdesk.app.origin import Origin
from workshopdesk.core.changes import Step
from workshopdesk.core.workshop import Workshop


class Action(StrEnum):
    DONE = "done"
    UNDONE = "undone"
    REDONE = "redone"
    RELOADED = "reloaded"
    """The workshop was read again from the file (another program changed it)."""
    SETTINGS = "settings"
    """Only settings changed (the timer, the share link)."""


@dataclass(frozen=True, slots=True)
class Applied:
    """One change that is committed to the file.

    Everything in it is immutable or a private copy, so a subscriber on another thread
    (the phone server's) may keep it.
    """

    origin: Origin
    action: Action
    revision: int
    """The board's revision after the change."""
    settings_revision: int
    step: Step | None = None
    """What changed (done, undone or redone); None when the workshop was re-read."""
    workshop: Workshop | None = None
    """With :attr:`Action.RELOADED`: a copy of the whole workshop as now read."""
    settings: Mapping[str, str] | None = None
    """The settings after the change, when they changed (a copy)."""

    @property
    def board_changed(self) -> bool:
        return self.action is not Action.SETTINGS


@dataclass(frozen=True, slots=True)
class State:
    """A copy of the whole open workshop at one moment, to start a view from (the phone
    server's); later :class:`Applied` events bring it up to date."""

    workshop: Workshop
    settings: Mapping[str, str]
    revision: int
    settings_revision: int
