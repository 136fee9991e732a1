"""Follow-up check-ins for calendars (iCalendar, RFC 5545), written with ``icalendar``.

One all-day event per follow-up due date and per check-in date: every calendar shows
all-day events, far fewer show to-dos. UIDs are stable (``<follow-up id>-due@workshopdesk``,
``-checkin@``), so importing a newer export updates the events instead of duplicating
them. Owners are named in the description; no e-mail address is ever written.
With ``invitation`` the workshop itself is added as a timed event. The words the app
writes (summaries, descriptions, the category) are in the workshop's language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from workshopdesk import __version__
from workshopdesk.core.entities import FollowUp, Problem
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import Names, report_problems, room_language
from workshopdesk.text import Translator
from workshopdesk.text.ui import _

if TYPE_CHECKING:  # loaded when a calendar is made, so every command starts faster
    import icalendar

PRODID = f"-//WorkshopDesk//WorkshopDesk {__version__}//EN"
DOMAIN = "workshopdesk"


def render(
    ws: Workshop,
    *,
    invitation: bool = False,
    now: datetime | None = None,
    language: Translator | None = None,
) -> str:
    import icalendar

    tr = language or room_language(ws)

    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", ws.info.title)
    if invitation:
        calendar.add_component(_workshop_event(ws, stamp, tr))
    names = Names(ws, tr)
    for problem in report_problems(ws):
        for follow_up in ws.follow_ups_of(problem.id):
            for kind, value in (("due", follow_up.due), ("checkin", follow_up.check_in)):
                if value:
                    calendar.add_component(
                        _follow_up_event(ws, names, problem, follow_up, kind, value, stamp)
                    )
    text: str = calendar.to_ical().decode("utf-8")
    return text


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _follow_up_event(
    ws: Workshop,
    names: Names,
    problem: Problem,
    follow_up: FollowUp,
    kind: str,
    value: str,
    stamp: datetime,
) -> icalendar.Event:
    import icalendar

    day = date.fromisoformat(value)
    tr = names.language
    summary = tr.gettext("Due: {text}") if kind == "due" else tr.gettext("Check in: {text}")
    event = icalendar.Event()
    event.add("uid", f"{follow_up.id}-{kind}@{DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary.format(text=_first_line(follow_up.text)))
    lines = [
        follow_up.text,
        "",
        tr.gettext("Owner: {name}").format(name=names.owner(follow_up)),
        tr.gettext("Problem {number}: {title}").format(number=problem.number, title=problem.title),
    ]
    if follow_up.due and kind == "checkin":
        lines.append(tr.gettext("Due: {text}").format(text=follow_up.due))
    lines.append(tr.gettext("From the workshop: {title}").format(title=ws.info.title))
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [tr.gettext("WorkshopDesk follow-up")])
    return event


def _workshop_event(ws: Workshop, stamp: datetime, tr: Translator) -> icalendar.Event:
    info = ws.info
    if not info.starts_at:
        raise ValidationError(
            _("The workshop has no start date yet: set it in the workshop details first.")
        )
    import icalendar

    start = datetime.fromisoformat(info.starts_at)
    end = datetime.fromisoformat(info.ends_at) if info.ends_at else start + timedelta(hours=8)
    event = icalendar.Event()
    event.add("uid", f"{info.id}-workshop@{DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start.astimezone(UTC))
    event.add("dtend", end.astimezone(UTC))
    event.add("summary", info.title)
    if info.venue:
        event.add("location", info.venue)
    parts = [info.invitation.strip()] if info.invitation.strip() else []
    if info.goal.strip():
        parts.append(tr.gettext("Our shared goal: {goal}").format(goal=info.goal.strip()))
    if info.facilitator:
        parts.append(tr.gettext("Facilitator: {name}").format(name=info.facilitator))
    if parts:
        event.add("description", "\n\n".join(parts))
    return event
