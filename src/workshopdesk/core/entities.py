"""The things a workshop is made of. Immutable values: an edit makes a new one.

Every entity has a stable UUID ``id``. Entities that are shown in an order carry a
``position`` (a float, so that moving one card changes one row).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

DEFAULT_GROUND_RULES: tuple[str, ...] = (
    "All ideas are welcome",
    "No judgments",
    "Everyone's input is valued",
)

DEFAULT_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("On the wall", False),
    ("Discussing", False),
    ("Solution agreed", True),
    ("Follow-up", False),
)


class SolutionStatus(StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class WorkshopInfo:
    """The workshop itself: one per file."""

    kind: ClassVar[str] = "workshop"
    id: str
    title: str
    venue: str = ""
    starts_at: str | None = None
    """ISO-8601 date-time with UTC offset, e.g. ``2027-02-11T09:00:00+01:00``."""
    ends_at: str | None = None
    timezone: str = ""
    """IANA time zone name, e.g. ``Europe/Stockholm``."""
    facilitator: str = ""
    goal: str = ""
    ground_rules: tuple[str, ...] = DEFAULT_GROUND_RULES
    invitation: str = ""


@dataclass(frozen=True, slots=True)
class Team:
    kind: ClassVar[str] = "team"
    id: str
    name: str
    color: str
    position: float


@dataclass(frozen=True, slots=True)
class Attendee:
    kind: ClassVar[str] = "attendee"
    id: str
    name: str
    position: float
    team_id: str | None = None
    role: str = ""
    email: str = ""
    phone: str = ""
    consent_to_share: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    kind: ClassVar[str] = "column"
    id: str
    name: str
    position: float
    is_done: bool = False


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ClassVar[str] = "problem"
    id: str
    number: int
    title: str
    column_id: str
    position: float
    customer: str = ""
    description: str = ""
    stalled_because: str = ""
    team_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    color: str = ""


@dataclass(frozen=True, slots=True)
class Solution:
    kind: ClassVar[str] = "solution"
    id: str
    problem_id: str
    text: str
    position: float
    proposer_id: str | None = None
    """The attendee who proposed it; ``None`` means anonymous."""
    team_ids: tuple[str, ...] = ()
    status: SolutionStatus = SolutionStatus.PROPOSED
    votes: int = 0


@dataclass(frozen=True, slots=True)
class FollowUp:
    kind: ClassVar[str] = "follow_up"
    id: str
    problem_id: str
    text: str
    position: float
    owner_id: str | None = None
    due: str | None = None
    """ISO date ``YYYY-MM-DD``."""
    check_in: str | None = None


Entity = WorkshopInfo | Team | Attendee | Column | Problem | Solution | FollowUp

ENTITY_TYPES: tuple[type[Entity], ...] = (
    WorkshopInfo,
    Team,
    Attendee,
    Column,
    Problem,
    Solution,
    FollowUp,
)


@dataclass(frozen=True, slots=True)
class Progress:
    """The definition of done: problems with at least one agreed solution."""

    solved: int
    total: int
    unsolved_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def done(self) -> bool:
        return self.total > 0 and self.solved == self.total

    def sentence(self) -> str:
        noun = "problem has" if self.total == 1 else "problems have"
        return f"{self.solved} of {self.total} {noun} an agreed solution"
