"""What every report format says, worked out once: names, dates, the closing summary.

The report, the Markdown, the CSV, the posters and the invitation all read the workshop
through these helpers, so a name or a date reads the same in every format. Words, dates
and times are the reader's language's (CLDR, through Babel; never the C library's locale,
which a Qt process sets): the exports pass the workshop's translator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workshopdesk.core import check_ins
from workshopdesk.core.bridges import bridges, solution_teams
from workshopdesk.core.entities import (
    Attendee,
    CheckIn,
    FollowUp,
    FollowUpStatus,
    Problem,
    Solution,
    SolutionStatus,
    WorkshopInfo,
)
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import ui
from workshopdesk.text.language import ENGLISH
from workshopdesk.text.translation import Translator, translator
from workshopdesk.text.ui import N_

ANONYMOUS = N_("anonymous")
NO_OWNER = N_("no owner yet")

_ENGLISH_DAY = "EEEE d MMMM y"
_ENGLISH_SHORT_DAY = "d MMM y"
_CLOCK = "HH:mm"
"""English dates keep the look they always had ("Thursday 11 February 2027", "11 Feb
2027", "09:00"); every other language writes them as CLDR's full and medium dates and
short times ("torsdag 11 februari 2027", "11 feb. 2027", "09:00")."""


def in_language(language: Translator | None) -> Translator:
    """``language``, or the interface's when none is given."""
    return language or ui.current()


def room_language(ws: Workshop) -> Translator:
    """The language the room reads: the workshop's own (the wall, phones, exports)."""
    return translator(ws.info.language)


def _english(language: Translator) -> bool:
    return language.locale.language == ENGLISH


def day(value: date, language: Translator | None = None) -> str:
    """``Thursday 11 February 2027``, ``torsdag 11 februari 2027``."""
    tr = in_language(language)
    return tr.date(value, _ENGLISH_DAY if _english(tr) else "full")


def short_day(iso: str | None, language: Translator | None = None) -> str:
    """``11 Feb 2027`` (``11 feb. 2027``) for an ISO date, or ``""``."""
    if not iso:
        return ""
    try:
        value = date.fromisoformat(iso)
    except ValueError:
        return iso
    tr = in_language(language)
    return tr.date(value, _ENGLISH_SHORT_DAY if _english(tr) else "medium")


def clock(value: datetime, language: Translator | None = None) -> str:
    """A time of day: ``09:00``."""
    tr = in_language(language)
    return tr.time(value, _CLOCK if _english(tr) else "short")


def when(info: WorkshopInfo, *, zone: bool = False, language: Translator | None = None) -> str:
    """``Thursday 11 February 2027, 09:00–17:00`` (or as much of it as is known), with
    `` (Europe/Stockholm)`` after it when ``zone`` is asked for and known; in the
    workshop's language unless ``language`` says otherwise."""
    if not info.starts_at:
        return ""
    tr = language or translator(info.language)
    start = datetime.fromisoformat(info.starts_at)
    text = tr.gettext("{day}, {time}").format(day=day(start.date(), tr), time=clock(start, tr))
    if info.ends_at:
        end = datetime.fromisoformat(info.ends_at)
        if end.date() == start.date():
            text += f"–{clock(end, tr)}"
        else:
            text = tr.gettext("{start} to {end}").format(
                start=text,
                end=tr.gettext("{day}, {time}").format(
                    day=day(end.date(), tr), time=clock(end, tr)
                ),
            )
    if zone and info.timezone:
        text += f" ({info.timezone})"
    return text


def solution_status(status: SolutionStatus, language: Translator | None = None) -> str:
    """``agreed``, ``proposed``, ``rejected`` in the reader's language."""
    tr = in_language(language)
    return {
        SolutionStatus.AGREED: tr.pgettext("solution status", "agreed"),
        SolutionStatus.PROPOSED: tr.pgettext("solution status", "proposed"),
        SolutionStatus.REJECTED: tr.pgettext("solution status", "rejected"),
    }[status]


def follow_up_status(status: FollowUpStatus, language: Translator | None = None) -> str:
    """``open``, ``done``, ``dropped`` in the reader's language."""
    tr = in_language(language)
    return {
        FollowUpStatus.OPEN: tr.pgettext("follow-up status", "open"),
        FollowUpStatus.DONE: tr.pgettext("follow-up status", "done"),
        FollowUpStatus.DROPPED: tr.pgettext("follow-up status", "dropped"),
    }[status]


class Names:
    """Looks up the display names of teams, attendees and columns."""

    def __init__(self, ws: Workshop, language: Translator | None = None) -> None:
        self.ws = ws
        self.language = language or room_language(ws)
        """The reader's language (by default the workshop's): for "anonymous", "no owner yet"."""

    def team(self, team_id: str) -> str:
        team = self.ws.teams.get(team_id)
        return team.name if team is not None else ""

    def teams(self, team_ids: tuple[str, ...]) -> list[str]:
        return [name for name in (self.team(t) for t in team_ids) if name]

    def person(self, attendee_id: str | None, missing: str = ANONYMOUS) -> str:
        attendee = self.ws.attendees.get(attendee_id) if attendee_id else None
        return attendee.name if attendee is not None else self.language.gettext(missing)

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


def attendance(ws: Workshop, language: Translator | None = None) -> list[TeamAttendance]:
    """Attendees by team, in team order, then those without a team (if any), named in
    ``language`` (by default the workshop's)."""
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
        tr = language or room_language(ws)
        groups.append(TeamAttendance(tr.gettext("Without a team"), "", loose, 0))
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


@dataclass(frozen=True)
class Bridge:
    """One agreed solution that every team is part of, as the report lists it."""

    problem: Problem
    solution: Solution
    teams: str
    """The teams it involves, ``Sales + Development``."""
    status: str
    """Its status in the reader's language: always agreed (a bridge is an agreed solution)."""


@dataclass(frozen=True)
class BridgeSummary:
    """The report's bridges: how many agreed solutions involve every team, and which."""

    count: str
    """``2 of 6 agreed solutions involve every team.``, or why there is nothing to count."""
    bridges: list[Bridge]


def bridge_summary(names: Names) -> BridgeSummary | None:
    """The bridges the workshop built, counting agreed solutions only; ``None`` when the
    workshop has fewer than two teams to bridge."""
    ws, tr = names.ws, names.language
    if len(ws.teams) < 2:
        return None
    agreed = sum(1 for s in ws.solutions.values() if s.status is SolutionStatus.AGREED)
    found = [
        Bridge(
            problem=ws.problems[solution.problem_id],
            solution=solution,
            teams=" + ".join(t.name for t in ws.ordered_teams() if t.id in teams),
            status=solution_status(solution.status, tr),
        )
        for solution in bridges(ws)
        for teams in [solution_teams(ws, solution)]
    ]
    if not agreed:
        count = tr.gettext("No solution has been agreed yet.")
    else:
        count = tr.ngettext(
            "{bridges} of {agreed} agreed solution involves every team.",
            "{bridges} of {agreed} agreed solutions involve every team.",
            agreed,
        ).format(bridges=tr.number(len(found)), agreed=tr.number(agreed))
    return BridgeSummary(count, found)


def report_problems(ws: Workshop) -> list[Problem]:
    """The problems in the order a report lists them: by number."""
    return sorted(ws.problems.values(), key=lambda p: p.number)


@dataclass(frozen=True)
class Fact:
    """One short fact under a problem's title: its label, its value, and whether the
    report stresses the value (the customer)."""

    label: str
    value: str
    strong: bool = False


def problem_meta(names: Names, problem: Problem) -> list[Fact]:
    """The short facts under a problem's title in every report, in the names' language."""
    tr = names.language
    facts = [
        Fact(tr.gettext("Customer"), problem.customer, strong=True),
        # the column's own name says where it stands ("On the wall", "Discussing")
        Fact(tr.gettext("Column"), names.column(problem)),
        Fact(tr.gettext("Teams with a stake"), ", ".join(names.teams(problem.team_ids))),
        Fact(tr.gettext("Tags"), ", ".join(problem.tags)),
    ]
    return [fact for fact in facts if fact.value]


NO_BREAK = "\u00a0"


def vote_count(count: int, language: Translator) -> str:
    """``3 votes`` (``3 röster``), its number and word held together by no-break spaces so
    the two never end up on different lines."""
    words = language.ngettext("{count} vote", "{count} votes", count).format(count=count)
    return words.replace(" ", NO_BREAK)


def invitation_text(ws: Workshop, language: Translator | None = None) -> str:
    """The invitation's body: the facilitator's own, or a friendly default."""
    return ws.info.invitation.strip() or invitation_draft(ws, language)


def invitation_draft(ws: Workshop, language: Translator | None = None) -> str:
    """A casual first draft (also the window's "Suggest a draft"): about the customers,
    never about blame; in the workshop's language unless ``language`` says otherwise."""
    tr = language or room_language(ws)
    teams = [t.name for t in ws.ordered_teams()]
    if len(teams) > 1:
        together = tr.gettext("{teams} and {last}").format(
            teams=", ".join(teams[:-1]), last=teams[-1]
        )
    else:
        together = tr.gettext("all of us")
    signature = f"\n\n{ws.info.facilitator}" if ws.info.facilitator else ""
    paragraphs = (
        tr.gettext("Hi everyone,"),
        tr.gettext(
            "We're spending a day together away from the office: {together}. No slide decks "
            "and no status reports. We'll put real customer problems on the wall and work "
            "through them together until every one of them has at least one solution."
        ).format(together=together),
        tr.gettext(
            "This is not about finding fault. Nobody is the problem and nobody is there to "
            "be blamed: everyone's ideas are welcome."
        ),
        tr.gettext("Bring an open mind."),
    )
    return "\n\n".join(paragraphs) + signature


@dataclass(frozen=True)
class CheckInItem:
    """A follow-up as a check-in summary shows it."""

    status: str
    text: str
    owner: str
    problem: str
    outcome: str


@dataclass(frozen=True)
class CheckInSummary:
    """What a check-in summary says, in the reader's language, in the order it says it:
    the same in Markdown and on paper."""

    heading: str
    workshop: str
    goal_label: str
    goal: str
    progress_label: str
    progress: str
    came_label: str
    came: str
    items_label: str
    items: list[CheckInItem]
    nothing_due: str
    notes_label: str
    notes: str
    next_check_in: str


def due_caption(ws: Workshop, due: int, language: Translator | None = None) -> str:
    """What a check-in goes through: ``3 follow-ups due since 11 Feb 2027``."""
    tr = in_language(language)
    if not due:
        return tr.gettext("Nothing fell due since the last check-in.")
    start = check_ins.since(ws)
    return tr.ngettext(
        "{count} follow-up due since {date}", "{count} follow-ups due since {date}", due
    ).format(count=due, date=short_day(start.isoformat(), tr) if start else "")


def check_in_summary(
    ws: Workshop, check_in: CheckIn, language: Translator | None = None
) -> CheckInSummary:
    from workshopdesk.text import render

    tr = language or room_language(ws)
    names = Names(ws, tr)
    items = []
    for follow_up_id in check_in.reviewed:
        follow_up = ws.follow_ups.get(follow_up_id)
        problem = ws.problems.get(follow_up.problem_id) if follow_up is not None else None
        if follow_up is None or problem is None:
            continue
        items.append(
            CheckInItem(
                status=follow_up_status(follow_up.status, tr),
                text=follow_up.text,
                owner=names.owner(follow_up),
                problem=f"#{problem.number} {problem.title}",
                outcome=follow_up.outcome,
            )
        )
    next_on = (
        tr.gettext("Next check-in: {date}").format(
            date=day(date.fromisoformat(check_in.next_on), tr)
        )
        if check_in.next_on
        else ""
    )
    return CheckInSummary(
        heading=tr.gettext("Check-in of {date}").format(
            date=day(date.fromisoformat(check_in.held_on), tr)
        ),
        workshop=ws.info.title,
        goal_label=tr.gettext("Our shared goal"),
        goal=ws.info.goal.strip(),
        progress_label=tr.gettext("Progress"),
        progress=render(ws.progress().message(), tr),
        came_label=tr.gettext("Who came"),
        came=", ".join(check_in.came),
        items_label=tr.gettext("Follow-ups gone through"),
        items=items,
        nothing_due=tr.gettext("None fell due."),
        notes_label=tr.gettext("Notes"),
        notes=check_in.notes.strip(),
        next_check_in=next_on,
    )
