"""What phones may see of a workshop, as plain data: the JSON view and the pages' source.

Deliberately a selection, never a dump: attendees appear by name only (a proposer or an
owner), never with their e-mail address or phone number. See ``docs/phones.md`` for the
documented shape.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from workshopdesk.core import check_ins
from workshopdesk.core.bridges import is_bridged, proposing_teams
from workshopdesk.core.changes import Change
from workshopdesk.core.contact_exchange import is_open, shared_cards
from workshopdesk.core.entities import (
    Attendee,
    Dot,
    FollowUp,
    IdeaState,
    Problem,
    Round,
    Solution,
    SolutionStatus,
    Team,
)
from workshopdesk.core.participation import round_status, visible_dots
from workshopdesk.core.timer import STATE_KEY, Phase, TimerState
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import due_caption, follow_up_status
from workshopdesk.server.words import Speak, workshop_language
from workshopdesk.text import Translator

View = dict[str, Any]


def _epoch_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def timer_view(settings: Mapping[str, str]) -> View | None:
    """The timer when the facilitator uses one (running or paused), else None."""
    if STATE_KEY not in settings:
        return None
    state = TimerState.from_settings(settings)
    if state.phase is Phase.STOPPED:
        return None
    return {
        "running": state.phase is Phase.RUNNING,
        "ends_at_ms": None if state.ends_at is None else _epoch_ms(state.ends_at),
        "remaining_ms": state.remaining_ms,
        "duration_ms": state.duration_ms,
    }


def timer_remaining_ms(timer: View, now_ms: int) -> int:
    if timer["running"] and timer["ends_at_ms"] is not None:
        return max(0, int(timer["ends_at_ms"]) - now_ms)
    return int(timer["remaining_ms"])


def now_ms() -> int:
    return _epoch_ms(datetime.now(UTC))


def round_view(ws: Workshop) -> View | None:
    """The round running now, or the one that ended last, as every phone sees it."""
    status = round_status(ws)
    if status is None:
        return None
    round_ = status.round
    problem = ws.problems.get(round_.problem_id) if round_.problem_id else None
    return {
        "kind": round_.round_kind.value,
        "open": round_.ended_at is None,
        "problem": problem.number if problem is not None else None,
        "dots": round_.dots,
        "hidden": round_.hidden,
        "revealed": round_.revealed,
        "joined": status.joined,
        "done": status.done,
    }


def _problem(
    ws: Workshop, problem: Problem, tr: Translator, dots: Counter[str] | None = None
) -> View:
    def name_of(attendee_id: str | None) -> str:
        attendee = ws.attendees.get(attendee_id) if attendee_id else None
        return attendee.name if attendee is not None else ""

    return {
        "number": problem.number,
        "title": problem.title,
        "customer": problem.customer,
        "description": problem.description,
        "stalled_because": problem.stalled_because,
        "color": problem.color,
        "team_ids": [t for t in problem.team_ids if t in ws.teams],
        "tags": list(problem.tags),
        "solved": ws.is_solved(problem.id),
        "together": is_bridged(ws, problem.id),
        "from_team_ids": [t.id for t in proposing_teams(ws, problem.id)],
        "solutions": [
            {
                "id": s.id,
                "dots": None if dots is None else dots.get(s.id, 0),
                "text": s.text,
                "status": SolutionStatus(s.status).value,
                "votes": s.votes,
                "proposer": name_of(s.proposer_id),
                "team_ids": [t for t in s.team_ids if t in ws.teams],
            }
            for s in ws.solutions_of(problem.id)
        ],
        "follow_ups": [
            {
                "text": f.text,
                "owner": name_of(f.owner_id),
                "due": f.due or "",
                "due_text": tr.date(date.fromisoformat(f.due)) if f.due else "",
            }
            for f in ws.follow_ups_of(problem.id)
        ],
    }


def check_in_view(ws: Workshop, today: date, tr: Translator) -> View:
    """The check-in as phones show it: what fell due since the last one and where each
    stands (the goal and the progress are in the board's head)."""
    rows = check_ins.due(ws, today)
    return {
        "caption": due_caption(ws, len(rows), tr),
        "follow_ups": [
            {
                "text": row.follow_up.text,
                "owner": row.owner or tr.gettext("No owner yet"),
                "problem": row.problem.number,
                "status": row.follow_up.status.value,
                "status_text": follow_up_status(row.follow_up.status, tr),
                "outcome": row.follow_up.outcome,
            }
            for row in rows
        ],
    }


def _head(ws: Workshop, settings: Mapping[str, str], revision: int, tr: Translator) -> View:
    progress = ws.progress()
    today = date.today()  # the laptop's own calendar, as the window's
    exchange = is_open(settings, today)
    return {
        "revision": revision,
        "workshop": {
            "title": ws.info.title,
            "language": ws.info.language,
            "venue": ws.info.venue,
            "starts_at": ws.info.starts_at or "",
            "goal": ws.info.goal,
            "ground_rules": list(ws.info.ground_rules),
        },
        "progress": {"solved": progress.solved, "total": progress.total},
        "timer": timer_view(settings),
        "teams": [{"id": t.id, "name": t.name, "color": t.color} for t in ws.ordered_teams()],
        "round": round_view(ws),
        "check_in": check_in_view(ws, today, tr) if check_ins.shown(settings, today) else None,
        # The contact exchange: open or not and, while it is, how many shared (never who).
        "contacts": {"open": exchange, "shared": len(shared_cards(ws)) if exchange else 0},
        # How many ideas the facilitator has decided on: a phone asks for its own view
        # again only when this or the round moved, not at every dot in the room.
        "decided": sum(1 for i in ws.ideas.values() if i.state is not IdeaState.WAITING),
    }


def board_view(
    ws: Workshop, settings: Mapping[str, str], revision: int, tr: Translator | None = None
) -> View:
    """The whole board as phones see it, at ``revision``; its dates in ``tr``'s language
    (the workshop's own unless said)."""
    tr = tr or workshop_language(ws)
    view = _head(ws, settings, revision, tr)
    dots = visible_dots(ws)
    view["columns"] = [
        {
            "name": column.name,
            "done": column.is_done,
            "problems": [_problem(ws, p, tr, dots) for p in ws.problems_in(column.id)],
        }
        for column in ws.ordered_columns()
    ]
    return view


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class BoardBuilder:
    """The phones' board kept current from changes: a private copy of the workshop, and
    each problem's view and JSON kept until a change touches that problem.

    :meth:`view` gives the same view and the same bytes as :func:`board_view` and one
    ``json.dumps`` of it would, without building untouched problems again. Dates are
    written in the language ``speak`` gives (the workshop's own unless said).
    """

    def __init__(self, workshop: Workshop, speak: Speak = workshop_language) -> None:
        self.workshop = workshop
        self.speak = speak
        self._problems: dict[str, tuple[View, bytes]] = {}
        self._language = ""
        """The language of the problems kept: a change of language builds them again."""

    def apply(self, changes: Iterable[Change]) -> None:
        ws = self.workshop
        for change in changes:
            ws.apply(change)
            match change.entity:
                case Problem(id=problem_id):
                    self._problems.pop(problem_id, None)
                case Solution(problem_id=problem_id) | FollowUp(problem_id=problem_id):
                    self._problems.pop(problem_id, None)
                    before = change.before
                    if isinstance(before, (Solution, FollowUp)):
                        self._problems.pop(before.problem_id, None)
                case Dot(solution_id=solution_id):
                    solution = ws.solutions.get(solution_id)
                    if solution is not None:
                        self._problems.pop(solution.problem_id, None)
                case Team() | Attendee() | Round():
                    self._problems.clear()  # names, teams, whether dots show: everywhere
                case _:
                    pass  # columns, the workshop's details, phones, ideas: not on a problem

    def _problem(
        self, problem: Problem, tr: Translator, dots: Counter[str] | None
    ) -> tuple[View, bytes]:
        cached = self._problems.get(problem.id)
        if cached is None:
            view = _problem(self.workshop, problem, tr, dots)
            cached = self._problems[problem.id] = (view, _dumps(view))
        return cached

    def view(self, settings: Mapping[str, str], revision: int) -> tuple[View, bytes]:
        """The board at ``revision``, as a view and as its JSON."""
        ws = self.workshop
        tr = self.speak(ws)
        if tr.language != self._language:
            self._problems.clear()
            self._language = tr.language
        view = _head(ws, settings, revision, tr)
        parts = [_dumps(view)[:-1], b',"columns":[']
        columns: list[View] = []
        dots = visible_dots(ws)
        for index, column in enumerate(ws.ordered_columns()):
            built = [self._problem(p, tr, dots) for p in ws.problems_in(column.id)]
            columns.append(
                {"name": column.name, "done": column.is_done, "problems": [v for v, _ in built]}
            )
            parts.append(b"," if index else b"")
            parts.append(_dumps({"name": column.name, "done": column.is_done})[:-1])
            parts.append(b',"problems":[' + b",".join(j for _, j in built) + b"]}")
        parts.append(b"]}")
        view["columns"] = columns
        return view, b"".join(parts)


def find_problem(view: View, number: int) -> tuple[View, View] | None:
    """The problem with ``number`` and its column, or None."""
    for column in view["columns"]:
        for problem in column["problems"]:
            if problem["number"] == number:
                return problem, column
    return None
