"""What can be asked of the one writer: typed commands.

An edit carries an operation of the core (a function from the workshop to a
:class:`~workshopdesk.core.changes.Step`), built against the workshop as the writer holds
it at the moment it runs, so two origins never edit from a stale copy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from workshopdesk.core.changes import Label, Step
from workshopdesk.core.workshop import Workshop

Build = Callable[[Workshop], Step]


@dataclass(frozen=True, slots=True)
class Edit:
    """One operation: ``Edit(lambda ws: operations.move_problem(ws, pid, cid, 0))``."""

    build: Build
    undoable: bool = True
    """False for a step nobody should take back with Undo (a new link ending sessions)."""


@dataclass(frozen=True, slots=True)
class EditAll:
    """Several operations as one step (the editor's OK, an import): all or nothing."""

    label: Label
    builders: Sequence[Build]


@dataclass(frozen=True, slots=True)
class Undo:
    """Take back the facilitator's newest step."""


@dataclass(frozen=True, slots=True)
class Redo:
    """Do again the step the facilitator took back last."""


@dataclass(frozen=True, slots=True)
class ChangeSettings:
    """Store settings (the timer, the share link; None removes a key). Not an edit of the
    board: nothing for Undo, and the board's revision stays."""

    values: Mapping[str, str | None]


Command = Edit | EditAll | Undo | Redo | ChangeSettings
