"""Who made a change: the facilitator, a phone, an import, or another program.

Every command carries its origin. Only the facilitator's own steps go into Undo; the
activity log and the views say where a change came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Source(StrEnum):
    FACILITATOR = "facilitator"
    """The person at the laptop: the window, the wall's controls."""
    PHONE = "phone"
    """An attendee's phone, by its device id."""
    IMPORT = "import"
    """A spreadsheet imported from the command line."""
    OUTSIDE = "outside"
    """Another program (a second window, the command line) changed the file."""


@dataclass(frozen=True, slots=True)
class Origin:
    source: Source
    device: str | None = None
    """The phone's device id (phones only)."""
    name: str | None = None
    """What to call it in the activity log: a phone's chosen name, an imported file's name."""

    @property
    def undoable(self) -> bool:
        """Whether the facilitator's Undo takes this origin's steps back."""
        return self.source is Source.FACILITATOR


FACILITATOR = Origin(Source.FACILITATOR)
OUTSIDE = Origin(Source.OUTSIDE)


def phone(device: str, name: str | None = None) -> Origin:
    return Origin(Source.PHONE, device=device, name=name)


def imported(name: str) -> Origin:
    return Origin(Source.IMPORT, name=name)
