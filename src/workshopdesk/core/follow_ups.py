"""Every follow-up of a workshop in one list, as the views after the day ask for it: the
follow-ups panel, ``workshopdesk followups`` and the follow-ups spreadsheet.

The rules that change a follow-up live in :mod:`workshopdesk.core.operations.solutions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from workshopdesk.core.entities import FollowUp, FollowUpStatus, Problem
from workshopdesk.core.workshop import Workshop

UNDATED = "9999-12-31"
"""Sorts a follow-up without a date after every dated one."""


@dataclass(frozen=True, slots=True)
class Listed:
    """A follow-up with its problem and its owner's name (``""`` for no owner)."""

    follow_up: FollowUp
    problem: Problem
    owner: str


def date_key(listed: Listed) -> tuple[str, str, int, float]:
    """Soonest first: the due date, else the check-in date; undated ones last."""
    f = listed.follow_up
    first = f.due or f.check_in or UNDATED
    return (first, f.check_in or UNDATED, listed.problem.number, f.position)


def listed(ws: Workshop) -> list[Listed]:
    """Every follow-up whose problem exists, soonest first (see :func:`date_key`)."""
    rows = []
    for follow_up in ws.follow_ups.values():
        problem = ws.problems.get(follow_up.problem_id)
        if problem is None:
            continue
        owner = ws.attendees.get(follow_up.owner_id) if follow_up.owner_id else None
        rows.append(Listed(follow_up, problem, owner.name if owner is not None else ""))
    return sorted(rows, key=date_key)


def same_name(a: str, b: str) -> bool:
    """Names compared as people type them: case and surrounding spaces do not count."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def chosen(
    rows: Iterable[Listed],
    *,
    owner: str | None = None,
    statuses: Iterable[FollowUpStatus] | None = None,
) -> list[Listed]:
    """The rows whose owner is named ``owner`` (any case) and whose status is one of
    ``statuses``; None means any."""
    wanted = set(statuses) if statuses is not None else None
    return [
        row
        for row in rows
        if (owner is None or same_name(row.owner, owner))
        and (wanted is None or row.follow_up.status in wanted)
    ]


def is_overdue(follow_up: FollowUp, today: date) -> bool:
    """Still open after its due date."""
    return (
        follow_up.status is FollowUpStatus.OPEN
        and follow_up.due is not None
        and follow_up.due < today.isoformat()
    )


def open_count(ws: Workshop) -> int:
    return sum(1 for f in ws.follow_ups.values() if f.status is FollowUpStatus.OPEN)
