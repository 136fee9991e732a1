"""The things a workshop is made of. Immutable values: an edit makes a new one.

Every entity has a stable UUID ``id``. Entities that are shown in an order carry a
``position`` (a float, so that moving one card changes one row).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from workshopdesk.core.messages import Message

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


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


LANGUAGES: tuple[str, ...] = ("en", "sv")
"""The languages a workshop can speak (ISO 639-1 codes), each with a complete catalogue."""


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
    language: str = "en"
    """The language the wall, the phones and the exports speak: one of :data:`LANGUAGES`."""


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
    status: FollowUpStatus = FollowUpStatus.OPEN
    outcome: str = ""
    """What came of it, in the owner's or the facilitator's words."""


class IdeaState(StrEnum):
    WAITING = "waiting"
    """Sent, waiting for the facilitator (or, in a writing round, for the reveal)."""
    APPROVED = "approved"
    """On the wall: it became a solution, or was merged into one."""
    REJECTED = "rejected"
    """Not used."""


class RoundKind(StrEnum):
    WRITE = "write"
    """Silent writing: ideas stay private until the facilitator reveals them."""
    VOTE = "vote"
    """Dot voting: each phone spends a budget of dots on solutions."""


@dataclass(frozen=True, slots=True)
class Device:
    """A phone that joined. Anonymous phones have no name: the file keeps only the id
    that limits and blocking need (a digest of the phone's cookie, never the cookie)."""

    kind: ClassVar[str] = "device"
    id: str
    joined_at: str
    name: str = ""
    team_id: str | None = None
    blocked: bool = False
    active: bool = True
    """False once its session ended (a new link): it no longer counts as joined."""
    attendee_id: str | None = None
    """The attendee this phone's shared contact card became (a contact exchange)."""


@dataclass(frozen=True, slots=True)
class Idea:
    """What a phone sent for a problem."""

    kind: ClassVar[str] = "idea"
    id: str
    number: int
    problem_id: str
    device_id: str
    text: str
    sent_at: str
    state: IdeaState = IdeaState.WAITING
    solution_id: str | None = None
    """The solution it became or was merged into."""
    round_id: str | None = None
    """The writing round it was written in (private until that round is revealed)."""
    request_id: str = ""
    """The phone's own id for this send: a retry after a lost answer is the same idea."""


@dataclass(frozen=True, slots=True)
class Round:
    """A writing round or a vote. At most one is open at a time."""

    kind: ClassVar[str] = "round"
    id: str
    round_kind: RoundKind
    started_at: str
    problem_id: str | None = None
    """One problem, or None for all."""
    dots: int = 3
    """A vote's budget of dots per phone."""
    hidden: bool = False
    """A vote whose counts stay hidden until it ends."""
    revealed: bool = False
    """A writing round whose ideas the facilitator revealed."""
    ended_at: str | None = None


@dataclass(frozen=True, slots=True)
class Dot:
    """One phone's dot on one solution, in one vote."""

    kind: ClassVar[str] = "dot"
    id: str
    round_id: str
    device_id: str
    solution_id: str


@dataclass(frozen=True, slots=True)
class Finished:
    """A phone said "I'm done" in a round."""

    kind: ClassVar[str] = "finished"
    id: str
    round_id: str
    device_id: str


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A check-in: the short meeting weeks after the workshop where the follow-ups due since
    the last one are gone through. The follow-ups' own status and outcome record what was
    said of each; the check-in keeps when it was, who came, the notes and the next date."""

    kind: ClassVar[str] = "check_in"
    id: str
    held_on: str
    """ISO date ``YYYY-MM-DD``."""
    came: tuple[str, ...] = ()
    """The names of the people who came, as the facilitator wrote them."""
    reviewed: tuple[str, ...] = ()
    """The ids of the follow-ups gone through."""
    notes: str = ""
    next_on: str | None = None
    """The date of the next check-in, ISO ``YYYY-MM-DD``, if one was set."""


Entity = (
    WorkshopInfo
    | Team
    | Attendee
    | Column
    | Problem
    | Solution
    | FollowUp
    | Device
    | Idea
    | Round
    | Dot
    | Finished
    | CheckIn
)

ENTITY_TYPES: tuple[type[Entity], ...] = (
    WorkshopInfo,
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


@dataclass(frozen=True, slots=True)
class Progress:
    """The definition of done: problems with at least one agreed solution."""

    solved: int
    total: int
    unsolved_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def done(self) -> bool:
        return self.total > 0 and self.solved == self.total

    def message(self) -> Message:
        """ "5 of 10 problems have an agreed solution", for the edge to render."""
        return Message("progress", {"solved": self.solved, "total": self.total})
