"""The workshop's start and end: stored as ISO-8601 with a UTC offset, edited as wall-clock
time in the workshop's time zone. No Qt here."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


@cache
def zone_names() -> tuple[str, ...]:
    """The IANA time zones a facilitator would pick from: ``Europe/Stockholm`` style names."""
    skip = (
        "Etc/",
        "SystemV/",
        "posix/",
        "right/",
        "US/",
        "Canada/",
        "Mexico/",
        "Brazil/",
        "Chile/",
    )
    names = {n for n in available_timezones() if "/" in n and not n.startswith(skip)}
    return ("UTC", *sorted(names))


def zone(name: str) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def wall_time(iso: str | None, zone_name: str) -> datetime | None:
    """The moment ``iso`` as naive wall-clock time in ``zone_name`` (or in its own offset)."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    where = zone(zone_name)
    if where is not None and moment.tzinfo is not None:
        moment = moment.astimezone(where)
    return moment.replace(tzinfo=None)


def to_iso(wall: datetime, zone_name: str, like: str | None = None) -> str:
    """Wall-clock time in ``zone_name`` as ISO-8601 with the offset that applies that day.

    Without a time zone the offset of ``like`` (the value it replaces) is kept, or this
    computer's offset is used."""
    where = zone(zone_name)
    if where is None and like:
        try:
            where = datetime.fromisoformat(like).tzinfo
        except ValueError:
            where = None
    if where is None:
        return wall.astimezone().isoformat(timespec="seconds")
    return wall.replace(tzinfo=where).isoformat(timespec="seconds")
