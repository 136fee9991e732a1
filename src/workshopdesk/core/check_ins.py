"""Check-ins: the short meetings weeks after the workshop that keep the shared goal alive.

A check-in goes through the follow-ups due since the last one (and any still open from
before), marking each done, still open or dropped with a note; it keeps its date, who
came, its notes and the date of the next one. The rules that change check-ins live in
:mod:`workshopdesk.core.operations.check_ins`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from workshopdesk.core.entities import CheckIn, FollowUpStatus
from workshopdesk.core.follow_ups import Listed, listed
from workshopdesk.core.workshop import Workshop


def held(ws: Workshop) -> list[CheckIn]:
    """Every check-in, earliest first."""
    return sorted(ws.check_ins.values(), key=lambda c: (c.held_on, c.id))


def last(ws: Workshop) -> CheckIn | None:
    """The latest check-in, or None before the first."""
    every = held(ws)
    return every[-1] if every else None


def workshop_day(ws: Workshop) -> date | None:
    """The day the workshop ended (or started, without an end), if it has a date."""
    moment = ws.info.ends_at or ws.info.starts_at
    return datetime.fromisoformat(moment).date() if moment else None


def since(ws: Workshop) -> date | None:
    """What "since the last check-in" counts from: the last check-in, else the workshop's day."""
    previous = last(ws)
    if previous is not None:
        return date.fromisoformat(previous.held_on)
    return workshop_day(ws)


def due(ws: Workshop, today: date) -> list[Listed]:
    """The follow-ups to go through at a check-in held ``today``: every one dated (due or
    check-in date) up to today that is still open or fell due since the last check-in,
    soonest first; undated ones only while open."""
    start = since(ws)
    result = []
    for row in listed(ws):
        f = row.follow_up
        dated = f.due or f.check_in
        if dated is None:
            if f.status is FollowUpStatus.OPEN:
                result.append(row)
            continue
        when = date.fromisoformat(dated)
        if when > today:
            continue
        if f.status is FollowUpStatus.OPEN or start is None or when > start:
            result.append(row)
    return result


def worth_offering(ws: Workshop, today: date) -> bool:
    """Whether opening the workshop ``today`` should offer a check-in: its day is over,
    follow-ups are still open, and none was held today."""
    day = workshop_day(ws)
    if day is None or day >= today:
        return False
    previous = last(ws)
    if previous is not None and previous.held_on >= today.isoformat():
        return False
    return any(f.status is FollowUpStatus.OPEN for f in ws.follow_ups.values())


SHOWN_ON_WALL = "check_in.wall"
SHOWN_IN_WINDOW = "check_in.window"
"""Settings saying a check-in is on the wall, or open in the facilitator's window: the
day it was shown (ISO). Phones show the check-in while either says today, so a key a
closed program left behind never shows another day."""


def shown(settings: Mapping[str, str], today: date) -> bool:
    """Whether phones show the check-in now."""
    return today.isoformat() in (settings.get(SHOWN_ON_WALL), settings.get(SHOWN_IN_WINDOW))
