"""The results as spreadsheets, one row per thing: :func:`render` has one row per solution
with its problem's columns (a problem without a solution is a row too, with the solution
columns empty); :func:`render_follow_ups` has one row per follow-up, soonest first, with
its problem's number and title. UTF-8 with
``,`` and ``\\n``; the Excel dialect (``--excel``) adds a byte-order mark, ``;`` and CRLF,
which is what Excel expects where the decimal mark is a comma.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading ``'`` so that a spreadsheet shows it as text instead of running it as a formula
(:mod:`workshopdesk.core.formulas`); the import strips it again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from workshopdesk.core.entities import Problem, Solution
from workshopdesk.core.follow_ups import listed
from workshopdesk.core.formulas import safe
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import (
    Names,
    follow_up_status,
    report_problems,
    room_language,
    solution_status,
)
from workshopdesk.text import Translator
from workshopdesk.text.ui import N_

HEADER = (
    N_("Number"),
    N_("Title"),
    N_("Customer"),
    N_("Column"),
    N_("Solved"),
    N_("Description"),
    N_("Stalled because"),
    N_("Teams"),
    N_("Tags"),
    N_("Solution"),
    N_("Status"),
    N_("Proposed by"),
    N_("Solution teams"),
    N_("Votes"),
)
"""The column titles in English; a workshop in another language gets them in its own
(:func:`header`). English files keep exactly these: scripts read them."""

FOLLOW_UP_HEADER = (
    N_("Number"),
    N_("Problem"),
    N_("Follow-up"),
    N_("Owner"),
    N_("Due"),
    N_("Check-in"),
    N_("Status"),
    N_("Outcome"),
)


def header(columns: tuple[str, ...], language: Translator) -> tuple[str, ...]:
    """``columns`` (:data:`HEADER` or :data:`FOLLOW_UP_HEADER`) in ``language``."""
    return tuple(language.gettext(column) for column in columns)


def _table(header: tuple[str, ...], rows: Iterable[list[str]], excel: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=";" if excel else ",",
        lineterminator="\r\n" if excel else "\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerow(header)
    writer.writerows([safe(v) for v in row] for row in rows)
    text = buffer.getvalue()
    return "\ufeff" + text if excel else text


def render(ws: Workshop, *, excel: bool = False, language: Translator | None = None) -> str:
    """One row per solution, in the workshop's language (or the one given)."""
    tr = language or room_language(ws)
    names = Names(ws, tr)
    rows = (
        _row(ws, names, problem, solution)
        for problem in report_problems(ws)
        for solution in (list[Solution | None](ws.solutions_of(problem.id)) or [None])
    )
    return _table(header(HEADER, tr), rows, excel)


def render_follow_ups(
    ws: Workshop, *, excel: bool = False, language: Translator | None = None
) -> str:
    """One row per follow-up, in the workshop's language (or the one given)."""
    tr = language or room_language(ws)
    rows = (
        [
            str(row.problem.number),
            row.problem.title,
            row.follow_up.text,
            row.owner,
            row.follow_up.due or "",
            row.follow_up.check_in or "",
            follow_up_status(row.follow_up.status, tr),
            row.follow_up.outcome,
        ]
        for row in listed(ws)
    )
    return _table(header(FOLLOW_UP_HEADER, tr), rows, excel)


def _row(ws: Workshop, names: Names, problem: Problem, solution: Solution | None) -> list[str]:
    tr = names.language
    row = [
        str(problem.number),
        problem.title,
        problem.customer,
        names.column(problem),
        tr.pgettext("solved", "yes") if ws.is_solved(problem.id) else tr.pgettext("solved", "no"),
        problem.description,
        problem.stalled_because,
        ", ".join(names.teams(problem.team_ids)),
        ", ".join(problem.tags),
    ]
    if solution is None:
        row += ["", "", "", "", ""]
    else:
        row += [
            solution.text,
            solution_status(solution.status, tr),
            names.proposer(solution),
            ", ".join(names.teams(solution.team_ids)),
            str(solution.votes),
        ]
    return row
