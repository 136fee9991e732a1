"""What the problem editor holds while it is open, without any widgets.

The editor remembers the problem as it was when it opened (the *base*) and what the
facilitator made of it (*mine*). OK turns the difference into operations that run on
the workshop as it is then (:func:`builders`), so edits made elsewhere to other fields
survive. When the problem changes elsewhere while the editor is open, :func:`rebase`
moves the untouched fields to the new values and keeps everything the facilitator typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from workshopdesk.core import operations
from workshopdesk.core.changes import Label, Step
from workshopdesk.core.entities import FollowUp, Solution, SolutionStatus
from workshopdesk.core.workshop import Workshop

Builder = Callable[[Workshop], Step]

PROBLEM_FIELDS = (
    "title",
    "customer",
    "description",
    "stalled_because",
    "team_ids",
    "tags",
    "color",
)
SOLUTION_FIELDS = ("text", "status", "proposer_id", "team_ids", "votes")
FOLLOW_UP_FIELDS = ("text", "owner_id", "due", "check_in", "status", "outcome")


@dataclass(frozen=True, slots=True)
class ProblemDraft:
    title: str = ""
    customer: str = ""
    description: str = ""
    stalled_because: str = ""
    team_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    color: str = ""


@dataclass(frozen=True, slots=True)
class SolutionDraft:
    key: str
    """Stable while the editor is open: the solution's id, or a made-up key for a new one."""
    id: str | None = None
    """None for a solution that does not exist in the workshop (yet)."""
    text: str = ""
    status: SolutionStatus = SolutionStatus.PROPOSED
    proposer_id: str | None = None
    team_ids: tuple[str, ...] = ()
    votes: int = 0


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    key: str
    id: str | None = None
    text: str = ""
    owner_id: str | None = None
    due: str | None = None
    check_in: str | None = None
    status: str = "open"
    outcome: str = ""


@dataclass(frozen=True, slots=True)
class EditorState:
    problem_id: str
    problem: ProblemDraft
    solutions: tuple[SolutionDraft, ...] = ()
    follow_ups: tuple[FollowUpDraft, ...] = ()

    @classmethod
    def of(cls, ws: Workshop, problem_id: str) -> EditorState | None:
        """The problem as the workshop holds it, or None if it no longer exists."""
        problem = ws.problems.get(problem_id)
        if problem is None:
            return None
        return cls(
            problem_id=problem_id,
            problem=ProblemDraft(**{name: getattr(problem, name) for name in PROBLEM_FIELDS}),
            solutions=tuple(_solution_draft(s) for s in ws.solutions_of(problem_id)),
            follow_ups=tuple(_follow_up_draft(f) for f in ws.follow_ups_of(problem_id)),
        )


def _solution_draft(solution: Solution) -> SolutionDraft:
    return SolutionDraft(
        key=solution.id,
        id=solution.id,
        text=solution.text,
        status=SolutionStatus(solution.status),
        proposer_id=solution.proposer_id,
        team_ids=solution.team_ids,
        votes=solution.votes,
    )


def _follow_up_draft(follow_up: FollowUp) -> FollowUpDraft:
    return FollowUpDraft(
        key=follow_up.id,
        id=follow_up.id,
        text=follow_up.text,
        owner_id=follow_up.owner_id,
        due=follow_up.due,
        check_in=follow_up.check_in,
        status=follow_up.status.value,
        outcome=follow_up.outcome,
    )


def changed_fields(base: Any, mine: Any, names: Iterable[str]) -> dict[str, Any]:
    return {
        name: getattr(mine, name) for name in names if getattr(mine, name) != getattr(base, name)
    }


def is_untouched(base: EditorState, mine: EditorState) -> bool:
    return base == mine


# -- merging an outside change -------------------------------------------------------------
D = TypeVar("D", SolutionDraft, FollowUpDraft)


def _merge_fields(old: D, new: D, mine: D) -> D:
    """Field by field: mine where I changed it, otherwise the new value."""
    values = {
        f.name: getattr(mine, f.name)
        if getattr(mine, f.name) != getattr(old, f.name)
        else getattr(new, f.name)
        for f in fields(mine)
        if f.name not in ("key", "id")
    }
    return replace(mine, **values)


def _rebase_items(old: tuple[D, ...], new: tuple[D, ...], mine: tuple[D, ...]) -> tuple[D, ...]:
    old_by_id = {d.id: d for d in old}
    new_by_id = {d.id: d for d in new}
    result: list[D] = []
    for draft in mine:
        if draft.id is None:
            result.append(draft)
            continue
        before = old_by_id.get(draft.id)
        latest = new_by_id.get(draft.id)
        if before is None:  # not from the base: keep as is
            result.append(draft)
        elif latest is None:  # deleted elsewhere
            if draft != before:
                result.append(replace(draft, id=None))  # my edit survives as a new one
        elif draft == before:
            result.append(latest)
        else:
            result.append(_merge_fields(before, latest, draft))
    # Removed by me: stays removed. Added elsewhere: appended.
    result.extend(d for d in new if d.id not in old_by_id)
    return tuple(result)


def rebase(old: EditorState, new: EditorState, mine: EditorState) -> EditorState:
    """What the editor should show after the problem changed from ``old`` to ``new``
    elsewhere, given that the facilitator has made ``old`` into ``mine``."""
    problem = replace(
        mine.problem,
        **{
            name: getattr(new.problem, name)
            for name in PROBLEM_FIELDS
            if getattr(mine.problem, name) == getattr(old.problem, name)
        },
    )
    return EditorState(
        problem_id=mine.problem_id,
        problem=problem,
        solutions=_rebase_items(old.solutions, new.solutions, mine.solutions),
        follow_ups=_rebase_items(old.follow_ups, new.follow_ups, mine.follow_ups),
    )


# -- turning the difference into operations -------------------------------------------------
def _teams(ws: Workshop, team_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in team_ids if t in ws.teams)


def _person(ws: Workshop, attendee_id: str | None) -> str | None:
    return attendee_id if attendee_id in ws.attendees else None


def _clean_refs(ws: Workshop, values: dict[str, Any]) -> dict[str, Any]:
    """Teams or attendees deleted elsewhere meanwhile are dropped, not refused."""
    result = dict(values)
    if "team_ids" in result:
        result["team_ids"] = _teams(ws, result["team_ids"])
    for key in ("proposer_id", "owner_id"):
        if key in result:
            result[key] = _person(ws, result[key])
    return result


def builders(base: EditorState, mine: EditorState) -> list[Builder]:
    """The operations that make the workshop's problem what the facilitator made it,
    touching only what they changed. Each builder sees the workshop as it is when OK
    applies them, after the builders before it."""
    pid = mine.problem_id
    result: list[Builder] = []
    problem_changes = changed_fields(base.problem, mine.problem, PROBLEM_FIELDS)
    if problem_changes:
        result.append(
            lambda ws: operations.edit_problem(ws, pid, **_clean_refs(ws, problem_changes))
        )
    result.extend(
        _item_builders(
            pid,
            base.solutions,
            mine.solutions,
            SOLUTION_FIELDS,
            lambda ws: ws.solutions,
            operations.add_solution,
            operations.edit_solution,
            operations.delete_solution,
            first=lambda draft: draft.status == SolutionStatus.AGREED,
        )
    )
    result.extend(
        _item_builders(
            pid,
            base.follow_ups,
            mine.follow_ups,
            FOLLOW_UP_FIELDS,
            lambda ws: ws.follow_ups,
            operations.add_follow_up,
            operations.edit_follow_up,
            operations.delete_follow_up,
        )
    )
    return result


def _item_builders(
    pid: str,
    base: tuple[D, ...],
    mine: tuple[D, ...],
    names: tuple[str, ...],
    existing: Callable[[Workshop], dict[str, Any]],
    add: Callable[..., Step],
    edit: Callable[..., Step],
    delete: Callable[..., Step],
    first: Callable[[D], bool] = lambda draft: False,
) -> list[Builder]:
    """Deletions, then edits and additions in the facilitator's order; the ones ``first``
    picks go before all of them (agreed solutions, so a problem in the done column keeps
    one at every step when the agreement passes from one solution to another)."""
    early: list[Builder] = []
    result: list[Builder] = []
    kept = {d.id for d in mine if d.id is not None}
    for old in base:
        if old.id not in kept:
            item_id = old.id

            def remove(ws: Workshop, item_id: str | None = item_id) -> Step:
                if item_id not in existing(ws):  # deleted elsewhere too
                    return Step(Label("edit_problem"), ())
                return delete(ws, item_id)

            result.append(remove)
    base_by_id = {d.id: d for d in base}
    for draft in mine:
        before = base_by_id.get(draft.id) if draft.id is not None else None
        full = {name: getattr(draft, name) for name in names}
        goes = early if first(draft) else result
        if before is None:
            goes.append(lambda ws, full=full: _add(ws, add, pid, full))
            continue
        changes = changed_fields(before, draft, names)
        if not changes:
            continue

        def apply(
            ws: Workshop,
            item_id: str | None = before.id,
            changes: dict[str, Any] = changes,
            full: dict[str, Any] = full,
        ) -> Step:
            if item_id in existing(ws):
                return edit(ws, item_id, **_clean_refs(ws, changes))
            return _add(ws, add, pid, full)

        goes.append(apply)
    return early + result


def _add(ws: Workshop, add: Callable[..., Step], pid: str, full: dict[str, Any]) -> Step:
    values = _clean_refs(ws, full)
    text = values.pop("text")
    return add(ws, pid, text, **values)
