"""A check-in's summary (Markdown, for the people who came and those who did not) and the
next check-in as a calendar event, in the workshop's language.

The summary puts the shared goal on top, then the progress, who came, each follow-up
gone through with what became of it, the notes and the next date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from workshopdesk import __version__
from workshopdesk.core import check_ins
from workshopdesk.core.entities import CheckIn
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.workshop import Workshop
from workshopdesk.export.markdown import block, cell, escape
from workshopdesk.facts import check_in_summary, room_language
from workshopdesk.text import Translator
from workshopdesk.text.ui import _

PRODID = f"-//WorkshopDesk//WorkshopDesk {__version__}//EN"


def latest(ws: Workshop) -> CheckIn:
    """The check-in a summary is about: the latest one."""
    found = check_ins.last(ws)
    if found is None:
        raise ValidationError(_("No check-in has been recorded yet: start one in the window."))
    return found


def markdown(ws: Workshop, language: Translator | None = None) -> str:
    summary = check_in_summary(ws, latest(ws), language or room_language(ws))
    lines = ["# " + escape(summary.heading), "", escape(summary.workshop), ""]
    if summary.goal:
        lines += ["## " + escape(summary.goal_label), "", block(summary.goal), ""]
    lines += ["## " + escape(summary.progress_label), "", escape(summary.progress), ""]
    if summary.came:
        lines += ["## " + escape(summary.came_label), "", escape(summary.came), ""]
    lines += ["## " + escape(summary.items_label), ""]
    if not summary.items:
        lines += [escape(summary.nothing_due), ""]
    for item in summary.items:
        lines.append(
            f"- **{cell(item.status)}**: {cell(item.text)} "
            f"({cell(item.owner)}; {cell(item.problem)})"
        )
        if item.outcome.strip():
            lines.append(block(item.outcome, "  "))
    lines.append("")
    if summary.notes:
        lines += ["## " + escape(summary.notes_label), "", block(summary.notes), ""]
    if summary.next_check_in:
        lines += [escape(summary.next_check_in), ""]
    return "\n".join(lines).rstrip() + "\n"


def next_event(
    ws: Workshop, *, now: datetime | None = None, language: Translator | None = None
) -> str:
    """The next check-in as an all-day calendar event (iCalendar)."""
    import icalendar

    tr = language or room_language(ws)
    check_in = latest(ws)
    if check_in.next_on is None:
        raise ValidationError(
            _("The last check-in set no next date: edit it, or record a check-in with one.")
        )
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    day = date.fromisoformat(check_in.next_on)
    event = icalendar.Event()
    event.add("uid", f"{check_in.id}-next@workshopdesk")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", tr.gettext("Check-in: {title}").format(title=ws.info.title))
    lines = []
    if ws.info.goal.strip():
        lines += [tr.gettext("Our shared goal"), ws.info.goal.strip(), ""]
    open_ones = check_ins.due(ws, day)
    lines.append(
        tr.ngettext(
            "{count} follow-up to go through.", "{count} follow-ups to go through.", len(open_ones)
        ).format(count=len(open_ones))
    )
    event.add("description", "\n".join(lines))
    event.add("categories", [tr.gettext("WorkshopDesk check-in")])
    calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
