"""The printed report as paragraphs for :mod:`pdf_layout`: the same content and the same
language (the workshop's, or the one given) as the HTML and Markdown reports. On paper the
outcome comes first: the cover, then the summary (progress, open follow-ups, bridges),
then attendance and the problems, each problem a bookmark and, when it runs over a page,
its heading repeated "(continued)" on the next."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QFont

from workshopdesk.core.entities import Problem, Solution, SolutionStatus
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import (
    NO_BREAK,
    CheckInSummary,
    Names,
    attendance,
    bridge_summary,
    invitation_text,
    open_follow_ups,
    problem_meta,
    report_problems,
    room_language,
    short_day,
    solution_status,
    vote_count,
    when,
)
from workshopdesk.paint.pdf_layout import Para, Run, Style
from workshopdesk.text import Translator, render

BOLD = QFont.Weight.Bold
SEMI = QFont.Weight.DemiBold
MUTED = "#5b6475"
ACCENT = "#2f5fb3"
GREEN = "#1f7a4d"

SEPARATOR = f"{NO_BREAK}· "
BODY = Style(10)
SMALL = Style(8.5, color=MUTED)
SMALL_BOLD = Style(8.5, SEMI, MUTED)
H1 = Style(28, BOLD)
H2 = Style(15, BOLD)
H3 = Style(12.5, BOLD)
CAPS = Style(8, BOLD, MUTED)
NUMBER = Style(12.5, BOLD, MUTED)
SOLVED_BADGE = Style(7.5, BOLD, "#ffffff")
OPEN_BADGE = Style(7.5, BOLD, "#8a5a00")
STALLED_LABEL = Style(9.5, BOLD, "#3d4452")
STALLED = Style(9.5, color="#3d4452")
QUIET = Style(9.5, color="#8c8c8c", italic=True)
BULLET = Style(10, BOLD, ACCENT)
BODY_BOLD = Style(10, BOLD)
DATE_LABEL = Style(9.5, SEMI)
STATUS = {
    SolutionStatus.AGREED: Style(8, BOLD, GREEN),
    SolutionStatus.PROPOSED: Style(8, BOLD, "#8a5a00"),
    SolutionStatus.REJECTED: Style(8, BOLD, "#8c8c8c"),
}


def _heading(text: str, *, page_break: bool = False, space: float = 18) -> Para:
    return Para([Run(text, H2)], space_before=space, space_after=6, keep_with_next=True,
                page_break_before=page_break)  # fmt: skip


def _paragraphs(text: str, style: Style = BODY, after: float = 4, **extra: object) -> list[Para]:
    blocks = [b.strip() for b in text.strip().split("\n\n") if b.strip()]
    return [Para([Run(b, style)], space_after=after, **extra) for b in blocks]  # type: ignore[arg-type]


def paragraphs(ws: Workshop, language: Translator | None = None) -> Iterator[Para]:
    tr = language or room_language(ws)
    names = Names(ws, tr)
    yield from _cover(ws, tr)
    yield from _summary(ws, names)
    yield from _attendance(ws, tr)
    yield _heading(tr.gettext("Problems"), space=24)
    problems = report_problems(ws)
    if not problems:
        yield Para([Run(tr.gettext("No problems were put on the wall."), SMALL)])
    statuses = _status_runs(tr)
    for problem in problems:
        heading, *rest = _problem(ws, names, problem, statuses)
        continued = _continued(problem, tr)
        yield heading
        for para in rest:
            para.running = continued
            yield para


def _continued(problem: Problem, tr: Translator) -> Para:
    """A problem's heading on the page it goes on to: "4. Title (continued)", the last
    word kept with the title's when it wraps."""
    words, _, last = tr.gettext("{title} (continued)").format(title=problem.title).rpartition(" ")
    text = f"{words}{NO_BREAK}{last}" if words else last
    return Para([Run(f"{problem.number}. ", NUMBER), Run(text, H3)], space_after=6)


def _status_runs(tr: Translator) -> dict[SolutionStatus, Run]:
    """A solution's status as its label in capitals, one run per status (shared)."""
    return {
        status: Run(solution_status(status, tr).upper() + "  ", style)
        for status, style in STATUS.items()
    }


def _cover(ws: Workshop, tr: Translator) -> Iterator[Para]:
    info = ws.info
    yield Para([Run(tr.gettext("Workshop report").upper(), Style(10, BOLD, ACCENT))],
               space_before=0, space_after=6, indent=0)  # fmt: skip
    yield Para([Run(info.title, H1)], space_after=14)
    for label, value in ((tr.gettext("When"), when(info, language=tr)),
                         (tr.gettext("Where"), info.venue),
                         (tr.gettext("Facilitator"), info.facilitator)):  # fmt: skip
        if value:
            yield Para([Run(value, Style(11))], label=Run(label, Style(11, color=MUTED)),
                       label_width=70, space_after=3)  # fmt: skip
    yield Para([Run(render(ws.progress().message(), tr), Style(14, SEMI, GREEN))],
               space_before=16, space_after=6)  # fmt: skip
    if info.goal.strip():
        yield _heading(tr.gettext("Our shared goal"), space=22)
        yield from _paragraphs(info.goal, Style(12), after=7)
    if info.ground_rules:
        yield _heading(tr.gettext("Ground rules"), space=18)
        for rule in info.ground_rules:
            yield Para([Run(rule, Style(12))], label=Run("•", Style(12, BOLD, ACCENT)),
                       label_width=14, space_after=4)  # fmt: skip


def _attendance(ws: Workshop, tr: Translator) -> Iterator[Para]:
    yield _heading(tr.gettext("Attendance"), page_break=True, space=0)
    groups = attendance(ws, tr)
    if not any(g.people for g in groups):
        yield Para([Run(tr.gettext("No attendees were listed."), SMALL)])
        return
    for group in groups:
        people_count, proposed = len(group.people), group.solutions_proposed
        headcount = tr.ngettext("{count} person", "{count} people", people_count).format(
            count=people_count
        )
        solutions = tr.ngettext(
            "{count} solution proposed", "{count} solutions proposed", proposed
        ).format(count=proposed)
        yield Para(
            [Run(group.name, Style(11, BOLD)), Run(f"   {headcount} · {solutions}", SMALL)],
            label=Run("■", Style(11, color=group.color or MUTED)), label_width=16,
            space_before=8, space_after=2, keep_with_next=True,
        )  # fmt: skip
        people = ", ".join(a.name + (f" ({a.role})" if a.role else "") for a in group.people)
        yield Para([Run(people or "—", BODY)], indent=16, space_after=4)


def _problem(
    ws: Workshop, names: Names, problem: Problem, statuses: dict[SolutionStatus, Run]
) -> Iterator[Para]:
    tr = names.language
    solved = ws.is_solved(problem.id)
    badge = (
        Run(" " + tr.pgettext("problem", "Solved").upper() + " ", SOLVED_BADGE, background=GREEN)
        if solved
        else Run(
            " " + tr.pgettext("problem", "Open").upper() + " ", OPEN_BADGE, background="#fdf1d8"
        )
    )
    yield Para(
        [Run(f"{problem.number}. ", NUMBER), Run(problem.title + "  ", H3),
         badge],
        space_before=20, space_after=3, keep_with_next=True,
        bookmark=f"{problem.number}. {problem.title}",
    )  # fmt: skip
    meta = [f"{fact.label}: {fact.value}" for fact in problem_meta(names, problem)]
    if meta:
        yield Para([Run("  ·  ".join(meta), SMALL)], space_after=4)
    if problem.description.strip():
        yield from _paragraphs(problem.description)
    if problem.stalled_because.strip():
        first, *rest = [b.strip() for b in problem.stalled_because.strip().split("\n\n")]
        yield Para([Run(tr.gettext("Why it stalled.") + " ", STALLED_LABEL),
                    Run(first, STALLED)],
                   background="#f3f4f7", space_before=2, indent=4)  # fmt: skip
        for block in rest:
            yield Para([Run(block, STALLED)], background="#f3f4f7", indent=4)
    yield Para([Run(tr.gettext("Solutions").upper(), CAPS)], space_before=8, space_after=2,
               keep_with_next=True)  # fmt: skip
    solutions = ws.solutions_of(problem.id)
    if not solutions:
        yield Para([Run(tr.gettext("No solution yet."), QUIET)])
    for solution in solutions:
        yield _solution(names, solution, statuses)
    follow_ups = ws.follow_ups_of(problem.id)
    if follow_ups:
        yield Para([Run(tr.gettext("Follow-ups").upper(), CAPS)], space_before=6,
                   space_after=2, keep_with_next=True)  # fmt: skip
        for follow_up in follow_ups:
            details = [tr.gettext("Owner: {name}").format(name=names.owner(follow_up))]
            if follow_up.due:
                details.append(tr.gettext("due {date}").format(date=short_day(follow_up.due, tr)))
            if follow_up.check_in:
                details.append(
                    tr.gettext("check-in {date}").format(date=short_day(follow_up.check_in, tr))
                )
            yield Para([Run(follow_up.text, BODY)], label=Run("•", BULLET),
                       label_width=12, keep_with_next=True)  # fmt: skip
            yield Para([Run(" · ".join(details), SMALL)], indent=12, space_after=3)


def _solution(names: Names, solution: Solution, statuses: dict[SolutionStatus, Run]) -> Para:
    tr = names.language
    details = tr.gettext("Proposed by {name}").format(name=names.proposer(solution))
    teams = names.teams(solution.team_ids)
    # a line may break after a separator, never before one
    if teams:
        details += SEPARATOR + " + ".join(teams)
    details += SEPARATOR + vote_count(solution.votes, tr)
    # who proposed it follows the text in small type, on its line when there is room
    return Para([statuses[solution.status], Run(solution.text.strip() + "   ", BODY),
                 Run(details, SMALL)], space_after=5)  # fmt: skip


def _summary(ws: Workshop, names: Names) -> Iterator[Para]:
    tr = names.language
    yield _heading(tr.gettext("Summary"), page_break=True, space=0)
    yield Para([Run(render(ws.progress().message(), tr), Style(13, SEMI, GREEN))],
               space_after=8)  # fmt: skip
    yield Para([Run(tr.gettext("Open follow-ups"), H3)], space_before=10, space_after=4,
               keep_with_next=True)  # fmt: skip
    follow_ups = open_follow_ups(ws)
    if not follow_ups:
        yield Para([Run(tr.gettext("No follow-ups were agreed."), SMALL)])
    for problem, follow_up in follow_ups:
        where = tr.gettext("problem {number}: {title}").format(
            number=problem.number, title=problem.title
        )
        yield Para(
            [Run(follow_up.text + "\n", BODY),
             Run(f"{names.owner(follow_up)} · {where}", SMALL)],
            label=Run(short_day(follow_up.due, tr) or tr.gettext("no date"), DATE_LABEL),
            label_width=72, space_after=5,
        )  # fmt: skip
    summary = bridge_summary(names)
    if summary is None:
        return
    yield Para([Run(tr.gettext("Solutions that bridged teams"), H3)], space_before=14,
               space_after=4, keep_with_next=True)  # fmt: skip
    yield Para([Run(summary.count, SMALL)], space_after=5)
    for bridge in summary.bridges:
        problem = bridge.problem
        yield Para(
            [Run(f"{problem.number}. {problem.title}\n", BODY_BOLD),
             Run(bridge.solution.text.strip() + "  ", BODY),
             Run(f"({bridge.status} · {bridge.teams})", SMALL)],
            label=Run("•", BULLET), label_width=12, space_after=5,
        )  # fmt: skip


def invitation_paragraphs(ws: Workshop, language: Translator | None = None) -> Iterator[Para]:
    """The invitation: the facilitator's letter with the date, the venue and the goal, in
    the workshop's language (or the one given)."""
    tr = language or room_language(ws)
    info = ws.info
    yield Para([Run(tr.gettext("You’re invited").upper(), Style(11, BOLD, ACCENT))],
               space_after=8)  # fmt: skip
    yield Para([Run(info.title, Style(30, BOLD))], space_after=16)
    for label, value in ((tr.gettext("When"), when(info, language=tr)),
                         (tr.gettext("Where"), info.venue)):  # fmt: skip
        if value:
            yield Para([Run(value, Style(12.5, SEMI))], label=Run(label, Style(12.5, color=MUTED)),
                       label_width=64, space_after=4)  # fmt: skip
    yield Para([], space_after=14)
    yield from _paragraphs(invitation_text(ws, tr), Style(12.5), after=9)
    if info.goal.strip():
        yield _heading(tr.gettext("Our shared goal"), space=20)
        yield from _paragraphs(info.goal, Style(12.5), after=8)
    if info.ground_rules:
        yield _heading(tr.gettext("How we’ll work together"), space=18)
        for rule in info.ground_rules:
            yield Para([Run(rule, Style(12.5))], label=Run("•", Style(12.5, BOLD, ACCENT)),
                       label_width=16, space_after=5)  # fmt: skip


def check_in_paragraphs(summary: CheckInSummary) -> Iterator[Para]:
    """A check-in's summary on paper: the same as its Markdown."""
    yield Para([Run(summary.heading, H1)], space_after=4)
    yield Para([Run(summary.workshop, SMALL_BOLD)], space_after=10)
    if summary.goal:
        yield _heading(summary.goal_label, space=6)
        yield from _paragraphs(summary.goal)
    yield _heading(summary.progress_label)
    yield from _paragraphs(summary.progress)
    if summary.came:
        yield _heading(summary.came_label)
        yield from _paragraphs(summary.came)
    yield _heading(summary.items_label)
    if not summary.items:
        yield from _paragraphs(summary.nothing_due, QUIET)
    for item in summary.items:
        yield Para([Run(item.status.upper() + "  ", CAPS), Run(item.text, BODY)],
                   label=Run("•", BULLET), label_width=12, keep_with_next=True)  # fmt: skip
        yield Para([Run(f"{item.owner} · {item.problem}", SMALL)], indent=12,
                   space_after=2 if item.outcome.strip() else 5,
                   keep_with_next=bool(item.outcome.strip()))  # fmt: skip
        if item.outcome.strip():
            yield from _paragraphs(item.outcome, STALLED, after=5, indent=12)
    if summary.notes:
        yield _heading(summary.notes_label)
        yield from _paragraphs(summary.notes)
    if summary.next_check_in:
        yield Para([Run(summary.next_check_in, BODY_BOLD)], space_before=14)
