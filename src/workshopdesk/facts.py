"""What every report format says, worked out once: names, dates, the closing summary.

The report, the Markdown, the CSV, the posters and the invitation all read the workshop
through these helpers, so a name or a date reads the same in every format. English only, independent
of the machine's locale (a Qt process sets the C library's locale).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workshopdesk.core.entities import (
    Attendee,
    FollowUp,
    FollowUpStatus,
    Problem,
    Solution,
    WorkshopInfo,
)
from workshopdesk.core.workshop import Workshop

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

ANONYMOUS = "anonymous"
NO_OWNER = "no owner yet"


def day(value: date) -> str:
    """``Thursday 11 February 2027``."""
    return f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}"


def short_day(iso: str | None) -> str:
    """``11 Feb 2027`` for an ISO date, or ``""``."""
    if not iso:
        return ""
    try:
        value = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{value.day} {_MONTHS[value.month - 1][:3]} {value.year}"


def when(info: WorkshopInfo, *, zone: bool = False) -> str:
    """``Thursday 11 February 2027, 09:00–17:00`` (or as much of it as is known), with
    `` (Europe/Stockholm)`` after it when ``zone`` is asked for and known."""
    if not info.starts_at:
        return ""
    start = datetime.fromisoformat(info.starts_at)
    text = f"{day(start.date())}, {start:%H:%M}"
    if info.ends_at:
        end = datetime.fromisoformat(info.ends_at)
        if end.date() == start.date():
            text += f"–{end:%H:%M}"
        else:
            text += f" to {day(end.date())}, {end:%H:%M}"
    if zone and info.timezone:
        text += f" ({info.timezone})"
    return text


class Names:
    """Looks up the display names of teams, attendees and columns."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def team(self, team_id: str) -> str:
        team = self.ws.teams.get(team_id)
        return team.name if team is not None else ""

    def teams(self, team_ids: tuple[str, ...]) -> list[str]:
        return [name for name in (self.team(t) for t in team_ids) if name]

    def person(self, attendee_id: str | None, missing: str = ANONYMOUS) -> str:
        attendee = self.ws.attendees.get(attendee_id) if attendee_id else None
        return attendee.name if attendee is not None else missing

    def column(self, problem: Problem) -> str:
        column = self.ws.columns.get(problem.column_id)
        return column.name if column is not None else ""

    def proposer(self, solution: Solution) -> str:
        return self.person(solution.proposer_id)

    def owner(self, follow_up: FollowUp) -> str:
        return self.person(follow_up.owner_id, NO_OWNER)


@dataclass(frozen=True)
class TeamAttendance:
    name: str
    color: str
    people: tuple[Attendee, ...]
    solutions_proposed: int


def attendance(ws: Workshop) -> list[TeamAttendance]:
    """Attendees by team, in team order, then those without a team (if any)."""
    participation = ws.team_participation()
    groups = [
        TeamAttendance(
            team.name,
            team.color,
            tuple(a for a in ws.ordered_attendees() if a.team_id == team.id),
            participation.get(team.id, 0),
        )
        for team in ws.ordered_teams()
    ]
    loose = tuple(a for a in ws.ordered_attendees() if a.team_id not in ws.teams)
    if loose:
        groups.append(TeamAttendance("Without a team", "", loose, 0))
    return groups


def open_follow_ups(ws: Workshop) -> list[tuple[Problem, FollowUp]]:
    """Every follow-up still open (not done or dropped), soonest due first (undated last),
    to keep checking in on."""
    pairs = [
        (ws.problems[f.problem_id], f)
        for f in ws.follow_ups.values()
        if f.problem_id in ws.problems and f.status is FollowUpStatus.OPEN
    ]
    return sorted(pairs, key=lambda pf: (pf[1].due or "9999", pf[0].number, pf[1].position))


def bridging_solutions(ws: Workshop) -> list[tuple[Problem, Solution]]:
    """Solutions that involve two or more teams: the bridges the workshop built."""
    pairs = []
    for problem in sorted(ws.problems.values(), key=lambda p: p.number):
        for solution in ws.solutions_of(problem.id):
            if len([t for t in solution.team_ids if t in ws.teams]) >= 2:
                pairs.append((problem, solution))
    return pairs


def report_problems(ws: Workshop) -> list[Problem]:
    """The problems in the order a report lists them: by number."""
    return sorted(ws.problems.values(), key=lambda p: p.number)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def problem_meta(names: Names, problem: Problem) -> list[tuple[str, str]]:
    """The short facts under a problem's title in every report: label and value."""
    facts = [
        ("Customer", problem.customer),
        ("On the wall", names.column(problem)),
        ("Teams with a stake", ", ".join(names.teams(problem.team_ids))),
        ("Tags", ", ".join(problem.tags)),
    ]
    return [(label, value) for label, value in facts if value]


def invitation_text(ws: Workshop) -> str:
    """The invitation's body: the facilitator's own, or a friendly default."""
    return ws.info.invitation.strip() or invitation_draft(ws)


def invitation_draft(ws: Workshop) -> str:
    """A casual first draft (also the window's "Suggest a draft"): about the customers,
    never about blame."""
    teams = [t.name for t in ws.ordered_teams()]
    together = f"{', '.join(teams[:-1])} and {teams[-1]}" if len(teams) > 1 else "all of us"
    signature = f"\n\n{ws.info.facilitator}" if ws.info.facilitator else ""
    return (
        "Hi everyone,\n\n"
        f"We're spending a day together away from the office: {together}. "
        "No slide decks and no status reports. We'll put real customer problems on the wall "
        "and work through them together until every one of them has at least one solution.\n\n"
        "This is not about finding fault. Nobody is the problem and nobody is there to be "
        "blamed: everyone's ideas are welcome.\n\n"
        "Bring an open mind." + signature
    )
