"""What phones bring to a workshop, as questions the views ask: who joined, the open
round, which ideas wait for the facilitator, how the dots fall.

The rules that change these live in :mod:`workshopdesk.core.operations.phones`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from workshopdesk.core.entities import (
    Device,
    Dot,
    Idea,
    IdeaState,
    Round,
    RoundKind,
    Solution,
    SolutionStatus,
)
from workshopdesk.core.workshop import Workshop


def open_round(ws: Workshop) -> Round | None:
    """The round running now (at most one), or None."""
    running = [r for r in ws.rounds.values() if r.ended_at is None]
    return max(running, key=lambda r: (r.started_at, r.id)) if running else None


def latest_round(ws: Workshop) -> Round | None:
    """The round running now, else the one that ended last."""
    if not ws.rounds:
        return None
    return max(ws.rounds.values(), key=lambda r: (r.ended_at is None, r.started_at, r.id))


def joined(ws: Workshop) -> list[Device]:
    """Phones that joined with the current link and are not paused, in the order they
    joined."""
    return sorted(
        (d for d in ws.devices.values() if d.active and not d.blocked),
        key=lambda d: (d.joined_at, d.id),
    )


def finished_in(ws: Workshop, round_id: str) -> set[str]:
    """The devices that said "I'm done" in the round."""
    return {f.device_id for f in ws.finished.values() if f.round_id == round_id}


def is_private(ws: Workshop, idea: Idea) -> bool:
    """An idea written in a writing round that has not been revealed: nobody sees it."""
    if idea.round_id is None:
        return False
    round_ = ws.rounds.get(idea.round_id)
    return round_ is not None and not round_.revealed and round_.ended_at is None


def waiting_ideas(ws: Workshop) -> list[Idea]:
    """The moderation queue: ideas waiting for the facilitator, oldest first (private
    ones stay out until their round is revealed)."""
    return sorted(
        (i for i in ws.ideas.values() if i.state is IdeaState.WAITING and not is_private(ws, i)),
        key=lambda i: i.number,
    )


def private_ideas(ws: Workshop) -> int:
    """Ideas written in the open writing round, not yet revealed."""
    return sum(1 for i in ws.ideas.values() if is_private(ws, i))


def ideas_of_device(ws: Workshop, device_id: str) -> list[Idea]:
    return sorted(
        (i for i in ws.ideas.values() if i.device_id == device_id), key=lambda i: i.number
    )


def next_idea_number(ws: Workshop) -> int:
    return max((i.number for i in ws.ideas.values()), default=0) + 1


def idea_by_number(ws: Workshop, number: int) -> Idea | None:
    return next((i for i in ws.ideas.values() if i.number == number), None)


def dots_in(ws: Workshop, round_id: str) -> list[Dot]:
    return [d for d in ws.dots.values() if d.round_id == round_id]


def dots_of_device(ws: Workshop, round_id: str, device_id: str) -> list[Dot]:
    return [d for d in dots_in(ws, round_id) if d.device_id == device_id]


def tally(ws: Workshop, round_id: str) -> Counter[str]:
    """Dots per solution id in the round."""
    return Counter(d.solution_id for d in dots_in(ws, round_id))


def visible_dots(ws: Workshop) -> Counter[str] | None:
    """Dots per solution the room may see: the last vote's, unless its counts are hidden
    until it ends. None when there is nothing to show."""
    votes = [r for r in ws.rounds.values() if r.round_kind is RoundKind.VOTE]
    if not votes:
        return None
    last = max(votes, key=lambda r: (r.ended_at is None, r.started_at, r.id))
    if last.hidden and last.ended_at is None:
        return None
    return tally(ws, last.id)


def in_scope(round_: Round, solution: Solution) -> bool:
    """Whether a vote covers ``solution``: its problem (or every problem), and not a
    solution the room already rejected."""
    if round_.problem_id is not None and solution.problem_id != round_.problem_id:
        return False
    return solution.status is not SolutionStatus.REJECTED


def ranked(ws: Workshop, round_id: str, problem_id: str) -> list[tuple[Solution, int]]:
    """A problem's solutions, most dots first (then in their own order)."""
    counts = tally(ws, round_id)
    solutions = ws.solutions_of(problem_id)
    order = {s.id: i for i, s in enumerate(solutions)}
    return sorted(
        ((s, counts.get(s.id, 0)) for s in solutions), key=lambda p: (-p[1], order[p[0].id])
    )


@dataclass(frozen=True, slots=True)
class RoundStatus:
    """What the wall and the window show about the round: "9 of 14 phones done"."""

    round: Round
    joined: int
    done: int
    dots: int
    """Dots cast in this round (a vote)."""

    @property
    def is_vote(self) -> bool:
        return self.round.round_kind is RoundKind.VOTE


def round_status(ws: Workshop) -> RoundStatus | None:
    round_ = latest_round(ws)
    if round_ is None:
        return None
    phones = {d.id for d in joined(ws)}
    return RoundStatus(
        round_,
        joined=len(phones),
        done=len(finished_in(ws, round_.id) & phones),
        dots=len(dots_in(ws, round_.id)),
    )


def current_dots(ws: Workshop) -> int:
    """Dots cast in the open vote (0 when none is open)."""
    round_ = open_round(ws)
    return 0 if round_ is None else len(dots_in(ws, round_.id))
