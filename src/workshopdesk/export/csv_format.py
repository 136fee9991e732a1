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
from workshopdesk.facts import Names, report_problems

HEADER = (
    "Number",
    "Title",
    "Customer",
    "Column",
    "Solved",
    "Description",
    "Stalled because",
    "Teams",
    "Tags",
    "Solution",
    "Status",
    "Proposed by",
    "Solution teams",
    "Votes",
)

FOLLOW_UP_HEADER = (
    "Number",
    "Problem",
    "Follow-up",
    "Owner",
    "Due",
    "Check-in",
    "Status",
    "Outcome",
)


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


def render(ws: Workshop, *, excel: bool = False) -> str:
    names = Names(ws)
    rows = (
        _row(ws, names, problem, solution)
        for problem in report_problems(ws)
        for solution in (list[Solution | None](ws.solutions_of(problem.id)) or [None])
    )
    return _table(HEADER, rows, excel)


def render_follow_ups(ws: Workshop, *, excel: bool = False) -> str:
    rows = (
        [
            str(row.problem.number),
            row.problem.title,
            row.follow_up.text,
            row.owner,
            row.follow_up.due or "",
            row.follow_up.check_in or "",
            row.follow_up.status.value,
            row.follow_up.outcome,
        ]
        for row in listed(ws)
    )
    return _table(FOLLOW_UP_HEADER, rows, excel)


def _row(ws: Workshop, names: Names, problem: Problem, solution: Solution | None) -> list[str]:
    row = [
        str(problem.number),
        problem.title,
        problem.customer,
        names.column(problem),
        "yes" if ws.is_solved(problem.id) else "no",
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
            solution.status.value,
            names.proposer(solution),
            ", ".join(names.teams(solution.team_ids)),
            str(solution.votes),
        ]
    return row
