"""The invitation as plain text: the facilitator's words, then when, where and why.

No Qt here, so exports and the command line can use the same text.
"""

from __future__ import annotations

from datetime import datetime

from workshopdesk.core.entities import WorkshopInfo
from workshopdesk.gui.preparation.workshop_dates import wall_time


def when_text(info: WorkshopInfo) -> str:
    """ "Thursday 11 February 2027, 09:00–17:00 (Europe/Stockholm)", or "" without a date."""
    starts = wall_time(info.starts_at, info.timezone)
    if starts is None:
        return ""
    ends = wall_time(info.ends_at, info.timezone)
    text = f"{_day(starts)}, {starts:%H:%M}"
    if ends is not None and ends.date() == starts.date():
        text += f"–{ends:%H:%M}"
    elif ends is not None:
        text += f" – {_day(ends)}, {ends:%H:%M}"
    zone = info.timezone or (datetime.fromisoformat(info.starts_at or "").strftime("UTC%z"))
    return f"{text} ({zone})"


def _day(moment: datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def suggested_invitation(info: WorkshopInfo) -> str:
    """A casual first draft — about the customers, never about blame."""
    when = when_text(info)
    day = f" on {when.split(',')[0]}" if when else ""
    venue = f" at {info.venue}" if info.venue else ""
    sign = f"\n\n{info.facilitator}" if info.facilitator else ""
    return (
        "Hi everyone,\n\n"
        f"We're spending a day together away from the office{day}{venue}. "
        "No slide decks and no status reports: we'll put real customer problems on the wall "
        "and work through them together until every one of them has at least one solution.\n\n"
        "This is not about finding fault. Nobody is there to be blamed — both teams care about "
        "our customers, and both have what these problems need.\n\n"
        f"Bring an open mind. Good coffee is on us.{sign}"
    )


def invitation_plain_text(info: WorkshopInfo, text: str | None = None) -> str:
    """The invitation to paste into an e-mail or a chat: text, when, where and the goal."""
    body = (info.invitation if text is None else text).strip()
    lines = [body] if body else [info.title]
    facts = []
    when = when_text(info)
    if when:
        facts.append(f"When: {when}")
    if info.venue:
        facts.append(f"Where: {info.venue}")
    if facts:
        lines.append("\n".join(facts))
    if info.goal.strip():
        lines.append(f"Our shared goal:\n{info.goal.strip()}")
    return "\n\n".join(lines) + "\n"
