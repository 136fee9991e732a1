"""The results as a spreadsheet: one row per solution, with its problem's columns.

A problem without a solution is a row too, with the solution columns empty. UTF-8 with
``,`` and ``\\n``; the Excel dialect (``--excel``) adds a byte-order mark, ``;`` and CRLF,
which is what Excel expects where the decimal mark is a comma.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading ``'`` so that a spreadsheet shows it as text instead of running it as a formula
(:mod:`workshopdesk.core.formulas`); the import strips it again.
"""

from __future__ import annotations

import csv
import io

from workshopdesk.core.entities import Problem, Solution
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
    "Follow-ups",
)


def render(ws: Workshop, *, excel: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=";" if excel else ",",
        lineterminator="\r\n" if excel else "\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerow(HEADER)
    names = Names(ws)
    for problem in report_problems(ws):
        solutions: list[Solution | None] = list(ws.solutions_of(problem.id)) or [None]
        for solution in solutions:
            writer.writerow([safe(v) for v in _row(ws, names, problem, solution)])
    text = buffer.getvalue()
    return "\ufeff" + text if excel else text


def _row(ws: Workshop, names: Names, problem: Problem, solution: Solution | None) -> list[str]:
    follow_ups = "\n".join(
        f.text + (f" (owner: {names.owner(f)}" + (f", due {f.due}" if f.due else "") + ")")
        for f in ws.follow_ups_of(problem.id)
    )
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
    row.append(follow_ups)
    return row
