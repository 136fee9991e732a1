"""Dates and times as the window shows them, in the interface's language (CLDR formats)."""

from __future__ import annotations

from datetime import date, datetime

from workshopdesk.text.ui import current


def day(iso: str | None, form: str = "medium") -> str:
    """``11 feb. 2027`` / ``Feb 11, 2027`` for the date at the start of an ISO date or
    moment; ``""`` for none, and the text itself if it is not a date."""
    if not iso:
        return ""
    try:
        value = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return current().date(value, form)


def short_day(iso: str | None) -> str:
    """``11 feb. 2027`` / ``11 Feb 2027``: day, short month, year."""
    return day(iso, "d MMM y")


def clock(moment: datetime, seconds: bool = False) -> str:
    """``14:05`` (or ``14:05:09``): a time of day on the 24-hour clock."""
    return current().time(moment, "HH:mm:ss" if seconds else "HH:mm")


def long_moment(value: datetime) -> str:
    """``Thursday 11 February 2027, 14:05:09``: a whole moment, as a tooltip gives it."""
    return current().date_time(value, "EEEE d MMMM y, HH:mm:ss")
