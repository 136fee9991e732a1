"""The completion gate: a problem sits in the done column, or in a column after it, only
with an agreed solution.

Moving a card there needs the agreed solution as part of the move (see
:func:`~workshopdesk.core.operations.problems.move_problem`); any other edit that would
leave a problem without an agreed solution in or past the done column is refused. Problems
that were already there without one (an older file) are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from workshopdesk.core.changes import Change
from workshopdesk.core.entities import Column, Problem, Solution, SolutionStatus
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.messages import Message, Param
from workshopdesk.core.workshop import Workshop


class NeedsAgreedSolution(ValidationError):
    """A card without an agreed solution moved into or past the done column, with no
    agreed solution given along: the window asks which one the room agreed on."""

    def __init__(self, problem: Problem, column: Column) -> None:
        super().__init__(
            Message("error.needs_agreed_solution", {"title": problem.title, "column": column.name})
        )
        self.problem_id = problem.id
        self.column_id = column.id


class LeavesUnsolvedPastDone(ValidationError):
    """An edit that would leave problems without an agreed solution in or past the done
    column; ``problem_ids`` names them."""

    def __init__(self, message: Message, problem_ids: Iterable[str]) -> None:
        super().__init__(message)
        self.problem_ids = tuple(problem_ids)


def counts_as_done(ws: Workshop, column_id: str) -> bool:
    """Whether problems in ``column_id`` count as done: it is the done column or after it."""
    return column_id in _done_columns(ws.columns)


def unsolved_past_done(ws: Workshop, changes: Iterable[Change] = ()) -> set[str]:
    """The problems without an agreed solution in or past the done column, as they are
    after ``changes`` (computed aside: the workshop is not touched)."""
    columns: dict[str, Column] = dict(ws.columns)
    problems: dict[str, Problem] = dict(ws.problems)
    solutions: dict[str, Solution] = dict(ws.solutions)
    tables: dict[str, dict] = {  # type: ignore[type-arg]
        Column.kind: columns,
        Problem.kind: problems,
        Solution.kind: solutions,
    }
    for change in changes:
        table = tables.get(change.kind)
        if table is None:
            continue
        if change.after is None:
            table.pop(change.id, None)
        else:
            table[change.id] = change.after
    done = _done_columns(columns)
    agreed = {s.problem_id for s in solutions.values() if s.status is SolutionStatus.AGREED}
    return {p.id for p in problems.values() if p.column_id in done and p.id not in agreed}


def check_gate(ws: Workshop, changes: Iterable[Change], doing: Message) -> None:
    """Refuse ``changes`` if they would leave a problem without an agreed solution in or
    past the done column that was not there before. ``doing`` starts the sentence
    (``gate.moving_column``: "Moving the column 'Discussing'")."""
    newly = unsolved_past_done(ws, changes) - unsolved_past_done(ws)
    if not newly:
        return
    ordered = sorted((ws.problems[pid] for pid in newly), key=lambda p: p.number)
    params: dict[str, Param] = {"doing": doing, "count": len(ordered), "title": ordered[0].title}
    raise LeavesUnsolvedPastDone(
        Message("error.gate_leaves_unsolved", params), (p.id for p in ordered)
    )


def check_keeps_agreed(ws: Workshop, changes: Iterable[Change]) -> None:
    """Refuse a solution edit or deletion that takes the only agreed solution away from a
    problem in or past the done column."""
    changes = tuple(changes)
    if not any(_takes_back_agreement(c) for c in changes):
        return  # the usual case, decided without looking at the whole board
    newly = unsolved_past_done(ws, changes) - unsolved_past_done(ws)
    if newly:
        problem = ws.problems[min(newly)]
        raise LeavesUnsolvedPastDone(
            Message("error.keeps_agreed_solution", {"title": problem.title}), newly
        )


def _takes_back_agreement(change: Change) -> bool:
    before, after = change.before, change.after
    was = isinstance(before, Solution) and before.status is SolutionStatus.AGREED
    stays = isinstance(after, Solution) and after.status is SolutionStatus.AGREED
    return was and not stays


def _done_columns(columns: Mapping[str, Column]) -> set[str]:
    ordered = sorted(columns.values(), key=lambda c: (c.position, c.id))
    start = next((i for i, c in enumerate(ordered) if c.is_done), len(ordered))
    return {c.id for c in ordered[start:]}
