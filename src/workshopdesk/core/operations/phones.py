"""Phones taking part: joining, ideas and their moderation, rounds of silent writing and
dot voting, "I'm done", and blocking a phone.

The same rules hold whoever asks — a phone through the server, the facilitator in the
window, a script on the command line — because they live here.
"""

from __future__ import annotations

from dataclasses import replace

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import (
    Attendee,
    Device,
    Dot,
    Finished,
    Idea,
    IdeaState,
    Problem,
    Round,
    RoundKind,
    Solution,
)
from workshopdesk.core.errors import NotFoundError, ValidationError
from workshopdesk.core.messages import Message
from workshopdesk.core.operations.common import created, lookup, new_id, placement
from workshopdesk.core.participation import (
    dots_of_device,
    finished_in,
    idea_by_number,
    in_scope,
    is_private,
    latest_round,
    next_idea_number,
    open_round,
)
from workshopdesk.core.workshop import Workshop

ANONYMOUS = "anonymous phone"
"""How the activity log and the ideas panel name a phone that stayed anonymous."""


class Refused(ValidationError):
    """A phone asked for something the round or its budget does not allow; the sentence
    is shown on the phone."""


def _who(device: Device | None) -> str:
    return device.name if device is not None and device.name else ANONYMOUS


def device_for(ws: Workshop, device_id: str) -> Device:
    device = ws.devices.get(device_id)
    if device is None:
        raise Refused(Message("refused.join_first"))
    if device.blocked:
        raise Refused(Message("refused.phone_paused"))
    return device


# -- joining -------------------------------------------------------------------------------
def join(
    ws: Workshop, device_id: str, now: str, *, name: str = "", team_id: str | None = None
) -> Step:
    """A phone says who it is (or stays anonymous: no name, no team)."""
    existing = ws.devices.get(device_id)
    if existing is not None and existing.blocked:
        raise Refused(Message("refused.phone_paused"))
    if team_id is not None and team_id not in ws.teams:
        raise ValidationError(Message("error.team_missing"))
    if existing is None:
        change = created(ws, Device(device_id, now, name, team_id))
    else:
        after = replace(existing, name=name, team_id=team_id, active=True)
        if after == existing:
            return Step(Label("join", {"name": _who(existing)}), ())
        change = Change(existing, created(ws, after).after)
    return Step(Label("join", {"name": _who(change.after)}), (change,))  # type: ignore[arg-type]


# -- ideas ---------------------------------------------------------------------------------
def send_idea(
    ws: Workshop,
    device_id: str,
    problem_id: str,
    text: str,
    now: str,
    *,
    request_id: str = "",
    moderated: bool = True,
) -> Step:
    """A phone's idea for a problem. It waits for the facilitator (moderation, on by
    default), goes straight to the wall (moderation off), or stays private until the
    reveal (a writing round). Sending the same request again changes nothing."""
    device = device_for(ws, device_id)
    problem = lookup(ws, Problem, problem_id)
    label = Label("send_idea", {"name": _who(device), "title": problem.title})
    if request_id and any(
        i.device_id == device_id and i.request_id == request_id for i in ws.ideas.values()
    ):
        return Step(label, ())
    round_ = open_round(ws)
    writing = (
        round_ is not None
        and round_.round_kind is RoundKind.WRITE
        and not round_.revealed
        and round_.problem_id in (None, problem_id)
    )
    idea = Idea(
        id=new_id(),
        number=next_idea_number(ws),
        problem_id=problem_id,
        device_id=device_id,
        text=text,
        sent_at=now,
        round_id=round_.id if writing and round_ is not None else None,
        request_id=request_id,
    )
    change = created(ws, idea)
    if writing or moderated:
        return Step(label, (change,))
    return Step(label, (change, *_approved(ws, change.after, None, None)))  # type: ignore[arg-type]


def _waiting(ws: Workshop, number_or_id: str | int) -> Idea:
    idea = (
        idea_by_number(ws, number_or_id)
        if isinstance(number_or_id, int)
        else ws.ideas.get(number_or_id)
    )
    if idea is None:
        if isinstance(number_or_id, int):
            raise NotFoundError(Message("error.no_such_idea", {"number": number_or_id}))
        raise NotFoundError(Message("error.idea_gone"))
    if idea.state is not IdeaState.WAITING or is_private(ws, idea):
        raise ValidationError(Message("error.idea_not_waiting", {"number": idea.number}))
    return idea


def _credit(ws: Workshop, device: Device | None) -> tuple[list[Change], str | None]:
    """The attendee an idea's author is credited as: the card the phone shared, else the
    attendee of that name, or a new one with the phone's team; nobody for an anonymous
    phone."""
    if device is not None and device.attendee_id in ws.attendees:
        return [], device.attendee_id
    if device is None or not device.name:
        return [], None
    for attendee in ws.attendees.values():
        if attendee.name.casefold() == device.name.casefold():
            return [], attendee.id
    position = max((a.position for a in ws.attendees.values()), default=0.0) + 1.0
    attendee = Attendee(new_id(), device.name, position, team_id=device.team_id)
    return [created(ws, attendee)], attendee.id


def _approved(ws: Workshop, idea: Idea, text: str | None, merge_into: str | None) -> list[Change]:
    """The changes that put ``idea`` on the wall: a new solution credited to its author
    and team, or merged into an existing solution of the same problem."""
    if merge_into is not None:
        target = lookup(ws, Solution, merge_into)
        if target.problem_id != idea.problem_id:
            raise ValidationError(Message("error.merge_other_problem"))
        return [Change(idea, replace(idea, state=IdeaState.APPROVED, solution_id=target.id))]
    device = ws.devices.get(idea.device_id)
    changes, proposer = _credit(ws, device)
    for change in changes:  # the new attendee must exist before the solution names it
        ws.apply(change)
    try:
        position, spacing = placement(ws.solutions_of(idea.problem_id), None)
        team = device.team_id if device is not None and device.team_id in ws.teams else None
        solution = created(
            ws,
            Solution(
                new_id(),
                idea.problem_id,
                idea.text if text is None else text,
                position,
                proposer_id=proposer,
                team_ids=(team,) if team else (),
            ),
        )
    finally:
        for change in reversed(changes):
            ws.apply(change.inverted())
    after = replace(idea, state=IdeaState.APPROVED, solution_id=solution.entity.id)
    return [*changes, *spacing, solution, Change(idea, after)]


def approve_idea(
    ws: Workshop, idea: str | int, *, text: str | None = None, merge_into: str | None = None
) -> Step:
    """The facilitator puts a waiting idea on the wall (``text``: edited first), or merges
    it into an existing solution (``merge_into``). ``idea`` is its id or number."""
    found = _waiting(ws, idea)
    label = Label(
        "merge_idea" if merge_into is not None else "approve_idea", {"number": str(found.number)}
    )
    return Step(label, tuple(_approved(ws, found, text, merge_into)))


def reject_idea(ws: Workshop, idea: str | int) -> Step:
    found = _waiting(ws, idea)
    change = Change(found, replace(found, state=IdeaState.REJECTED))
    return Step(Label("reject_idea", {"number": str(found.number)}), (change,))


# -- rounds --------------------------------------------------------------------------------
def start_round(
    ws: Workshop,
    kind: RoundKind | str,
    now: str,
    *,
    problem_id: str | None = None,
    dots: int = 3,
    hidden: bool = False,
) -> Step:
    """Start a writing round or a vote (for one problem, or all)."""
    if open_round(ws) is not None:
        raise ValidationError(Message("error.round_running"))
    if problem_id is not None:
        lookup(ws, Problem, problem_id)
    round_ = created(
        ws,
        Round(new_id(), RoundKind(kind), now, problem_id=problem_id, dots=dots, hidden=hidden),
    )
    return Step(Label("start_round", {"kind": str(RoundKind(kind).value)}), (round_,))


def _running(ws: Workshop) -> Round:
    round_ = open_round(ws)
    if round_ is None:
        raise ValidationError(Message("error.no_round_running"))
    return round_


def _reveal(ws: Workshop, round_: Round, moderated: bool) -> list[Change]:
    changes: list[Change] = []
    if round_.round_kind is RoundKind.WRITE and not round_.revealed:
        revealed = replace(round_, revealed=True)
        changes.append(Change(round_, revealed))
        if not moderated:
            ws.apply(changes[-1])
            try:
                for idea in sorted(ws.ideas.values(), key=lambda i: i.number):
                    if idea.round_id == round_.id and idea.state is IdeaState.WAITING:
                        approved = _approved(ws, idea, None, None)
                        ws.apply_all(approved)
                        changes.extend(approved)
            finally:
                for change in reversed(changes):
                    ws.apply(change.inverted())
    return changes


def reveal_round(ws: Workshop, *, moderated: bool = True) -> Step:
    """Show everyone's ideas of the writing round at once: to the moderation queue, or
    straight to the wall when moderation is off."""
    round_ = _running(ws)
    if round_.round_kind is not RoundKind.WRITE:
        raise ValidationError(Message("error.reveal_not_writing"))
    if round_.revealed:
        raise ValidationError(Message("error.revealed_already"))
    return Step(Label("reveal_round"), tuple(_reveal(ws, round_, moderated)))


def stop_round(ws: Workshop, now: str, *, moderated: bool = True) -> Step:
    """End the round; a writing round's ideas are revealed if they were not yet."""
    round_ = _running(ws)
    changes = _reveal(ws, round_, moderated)
    if changes:  # the reveal and the end are one change of the round
        revealed = changes[0].after
        assert isinstance(revealed, Round)
        changes[0] = Change(round_, created(ws, replace(revealed, ended_at=now)).after)
    else:
        changes.append(Change(round_, created(ws, replace(round_, ended_at=now)).after))
    return Step(Label("stop_round", {"kind": str(round_.round_kind.value)}), tuple(changes))


# -- voting and being done -----------------------------------------------------------------
def _vote(ws: Workshop) -> Round:
    round_ = open_round(ws)
    if round_ is None or round_.round_kind is not RoundKind.VOTE:
        latest = latest_round(ws)
        if latest is not None and latest.round_kind is RoundKind.VOTE:
            raise Refused(Message("refused.voting_ended"))
        raise Refused(Message("refused.no_vote"))
    return round_


def set_dot(ws: Workshop, device_id: str, solution_id: str, on: bool) -> Step:
    """Put this phone's dot on a solution, or take it back. Asking for what is already so
    changes nothing, so a repeated request never spends a second dot."""
    device = device_for(ws, device_id)
    round_ = _vote(ws)
    solution = ws.solutions.get(solution_id)
    if solution is None or not in_scope(round_, solution):
        raise Refused(Message("refused.not_in_vote"))
    mine = dots_of_device(ws, round_.id, device_id)
    placed = next((d for d in mine if d.solution_id == solution_id), None)
    label = Label("dot" if on else "undot", {"name": _who(device)})
    if on and placed is None:
        if len(mine) >= round_.dots:
            raise Refused(Message("refused.dots_used", {"count": round_.dots}))
        dot = created(ws, Dot(new_id(), round_.id, device_id, solution_id))
        return Step(label, (dot,))
    if not on and placed is not None:
        return Step(label, (Change(placed, None),))
    return Step(label, ())


def mark_finished(ws: Workshop, device_id: str) -> Step:
    """The phone says "I'm done" in the running round (once is enough)."""
    device = device_for(ws, device_id)
    round_ = open_round(ws)
    if round_ is None:
        raise Refused(Message("refused.no_round"))
    label = Label("finished", {"name": _who(device)})
    if device_id in finished_in(ws, round_.id):
        return Step(label, ())
    return Step(label, (created(ws, Finished(new_id(), round_.id, device_id)),))


# -- the facilitator's hand on devices --------------------------------------------------------
def block_device(ws: Workshop, device_id: str) -> Step:
    """Pause a phone: its waiting ideas are dropped and its dots in the running vote
    removed, as one step the facilitator can undo."""
    device = ws.devices.get(device_id)
    if device is None:
        raise NotFoundError(Message("error.phone_not_here"))
    label = Label("block_phone", {"name": _who(device)})
    if device.blocked:
        return Step(label, ())
    changes: list[Change] = []
    for idea in ws.ideas.values():
        if idea.device_id == device_id and idea.state is IdeaState.WAITING:
            changes.append(Change(idea, None))
    round_ = open_round(ws)
    if round_ is not None:
        changes.extend(Change(d, None) for d in dots_of_device(ws, round_.id, device_id))
    changes.append(Change(device, replace(device, blocked=True)))
    return Step(label, tuple(changes))


def end_sessions(ws: Workshop) -> Step:
    """A new link: every phone's session ends (they join again with the new link, as new
    phones); what they sent stays."""
    changes = tuple(Change(d, replace(d, active=False)) for d in ws.devices.values() if d.active)
    return Step(Label("end_sessions"), changes)


def participation_removal(
    ws: Workshop, *, problem: Problem | None = None, solution: Solution | None = None
) -> list[Change]:
    """What phones brought that goes with a deleted problem or solution: dots on its
    solutions, and (for a problem) its ideas; ideas merged into a deleted solution keep
    their text but point nowhere."""
    changes: list[Change] = []
    if problem is not None:
        solutions = {s.id for s in ws.solutions_of(problem.id)}
    else:
        solutions = {solution.id} if solution is not None else set()
    changes.extend(Change(d, None) for d in ws.dots.values() if d.solution_id in solutions)
    for idea in ws.ideas.values():
        if problem is not None and idea.problem_id == problem.id:
            changes.append(Change(idea, None))
        elif idea.solution_id in solutions:
            changes.append(Change(idea, replace(idea, solution_id=None)))
    if problem is not None:
        for round_ in ws.rounds.values():
            if round_.problem_id == problem.id:
                changes.append(Change(round_, replace(round_, problem_id=None)))
    return changes
