"""The whole workshop in memory: the working copy every view reads.

It changes only through :meth:`Workshop.apply`, with changes that the session has
already written to the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from workshopdesk.core.changes import Change
from workshopdesk.core.entities import (
    Attendee,
    CheckIn,
    Column,
    Device,
    Dot,
    Entity,
    Finished,
    FollowUp,
    Idea,
    Problem,
    Progress,
    Round,
    Solution,
    SolutionStatus,
    Team,
    WorkshopInfo,
)

E = TypeVar("E", Team, Attendee, Column, Problem, Solution, FollowUp)


def _by_position(items: Iterable[E]) -> list[E]:
    return sorted(items, key=lambda e: (e.position, e.id))


class Workshop:
    """All entities of one workshop, with the queries views need."""

    def __init__(self, info: WorkshopInfo, entities: Iterable[Entity] = ()) -> None:
        self.info = info
        self.teams: dict[str, Team] = {}
        self.attendees: dict[str, Attendee] = {}
        self.columns: dict[str, Column] = {}
        self.problems: dict[str, Problem] = {}
        self.solutions: dict[str, Solution] = {}
        self.follow_ups: dict[str, FollowUp] = {}
        # What phones bring (see :mod:`workshopdesk.core.participation`).
        self.devices: dict[str, Device] = {}
        self.ideas: dict[str, Idea] = {}
        self.rounds: dict[str, Round] = {}
        self.dots: dict[str, Dot] = {}
        self.finished: dict[str, Finished] = {}
        # After the day (see :mod:`workshopdesk.core.check_ins`).
        self.check_ins: dict[str, CheckIn] = {}
        self._solutions_of: dict[str, dict[str, Solution]] = {}
        self._follow_ups_of: dict[str, dict[str, FollowUp]] = {}
        for entity in entities:
            self._put(entity)

    # -- changing -----------------------------------------------------------------
    def apply(self, change: Change) -> None:
        if change.after is None:
            self._remove(change.entity)
        else:
            self._put(change.after)

    def apply_all(self, changes: Iterable[Change]) -> None:
        for change in changes:
            self.apply(change)

    def _put(self, entity: Entity) -> None:
        match entity:
            case WorkshopInfo():
                self.info = entity
            case Solution():
                old = self.solutions.get(entity.id)
                if old is not None and old.problem_id != entity.problem_id:
                    del self._solutions_of[old.problem_id][entity.id]
                self.solutions[entity.id] = entity
                self._solutions_of.setdefault(entity.problem_id, {})[entity.id] = entity
            case FollowUp():
                old_f = self.follow_ups.get(entity.id)
                if old_f is not None and old_f.problem_id != entity.problem_id:
                    del self._follow_ups_of[old_f.problem_id][entity.id]
                self.follow_ups[entity.id] = entity
                self._follow_ups_of.setdefault(entity.problem_id, {})[entity.id] = entity
            case _:
                self.collection(entity.kind)[entity.id] = entity

    def _put_many(self, kind: str, entities: Iterable[Entity]) -> None:
        """Add many entities of one kind at once (loading a file)."""
        target = self.collection(kind)
        if kind == Solution.kind:
            for solution in entities:
                target[solution.id] = solution
                self._solutions_of.setdefault(solution.problem_id, {})[solution.id] = solution  # type: ignore[union-attr,assignment,arg-type]
        elif kind == FollowUp.kind:
            for follow_up in entities:
                target[follow_up.id] = follow_up
                self._follow_ups_of.setdefault(follow_up.problem_id, {})[follow_up.id] = follow_up  # type: ignore[union-attr,assignment,arg-type]
        else:
            target.update((e.id, e) for e in entities)

    def _remove(self, entity: Entity) -> None:
        match entity:
            case WorkshopInfo():
                raise ValueError("the workshop itself cannot be deleted")
            case Solution():
                self.solutions.pop(entity.id, None)
                self._solutions_of.get(entity.problem_id, {}).pop(entity.id, None)
            case FollowUp():
                self.follow_ups.pop(entity.id, None)
                self._follow_ups_of.get(entity.problem_id, {}).pop(entity.id, None)
            case _:
                self.collection(entity.kind).pop(entity.id, None)

    # -- looking up ---------------------------------------------------------------
    def get(self, kind: str, entity_id: str) -> Entity | None:
        if kind == WorkshopInfo.kind:
            return self.info if self.info.id == entity_id else None
        return self.collection(kind).get(entity_id)

    def collection(self, kind: str) -> dict[str, Entity]:
        collections: dict[str, dict[str, Entity]] = {
            Team.kind: self.teams,  # type: ignore[dict-item]
            Attendee.kind: self.attendees,  # type: ignore[dict-item]
            Column.kind: self.columns,  # type: ignore[dict-item]
            Problem.kind: self.problems,  # type: ignore[dict-item]
            Solution.kind: self.solutions,  # type: ignore[dict-item]
            FollowUp.kind: self.follow_ups,  # type: ignore[dict-item]
            Device.kind: self.devices,  # type: ignore[dict-item]
            Idea.kind: self.ideas,  # type: ignore[dict-item]
            Round.kind: self.rounds,  # type: ignore[dict-item]
            Dot.kind: self.dots,  # type: ignore[dict-item]
            Finished.kind: self.finished,  # type: ignore[dict-item]
            CheckIn.kind: self.check_ins,  # type: ignore[dict-item]
        }
        return collections[kind]

    def entities(self) -> list[Entity]:
        """Every entity, parents before children (the order to insert them in)."""
        result: list[Entity] = [self.info]
        result.extend(self.ordered_teams())
        result.extend(self.ordered_attendees())
        result.extend(self.ordered_columns())
        result.extend(self.problems.values())
        result.extend(self.solutions.values())
        result.extend(self.follow_ups.values())
        for kind in (Device.kind, Round.kind, Idea.kind, Dot.kind, Finished.kind, CheckIn.kind):
            result.extend(self.collection(kind).values())
        return result

    # -- queries ------------------------------------------------------------------
    def ordered_teams(self) -> list[Team]:
        return _by_position(self.teams.values())

    def ordered_attendees(self) -> list[Attendee]:
        return _by_position(self.attendees.values())

    def ordered_columns(self) -> list[Column]:
        return _by_position(self.columns.values())

    def done_column(self) -> Column | None:
        return next((c for c in self.columns.values() if c.is_done), None)

    def problems_in(self, column_id: str) -> list[Problem]:
        return _by_position(p for p in self.problems.values() if p.column_id == column_id)

    def ordered_problems(self) -> list[Problem]:
        """Column by column in column order, top to bottom within a column."""
        order = {c.id: i for i, c in enumerate(self.ordered_columns())}
        return sorted(
            self.problems.values(),
            key=lambda p: (order.get(p.column_id, len(order)), p.position, p.id),
        )

    def problem_by_number(self, number: int) -> Problem | None:
        return next((p for p in self.problems.values() if p.number == number), None)

    def solutions_of(self, problem_id: str) -> list[Solution]:
        return _by_position(self._solutions_of.get(problem_id, {}).values())

    def follow_ups_of(self, problem_id: str) -> list[FollowUp]:
        return _by_position(self._follow_ups_of.get(problem_id, {}).values())

    def is_solved(self, problem_id: str) -> bool:
        return any(
            s.status is SolutionStatus.AGREED
            for s in self._solutions_of.get(problem_id, {}).values()
        )

    def progress(self) -> Progress:
        unsolved = frozenset(pid for pid in self.problems if not self.is_solved(pid))
        total = len(self.problems)
        return Progress(solved=total - len(unsolved), total=total, unsolved_ids=unsolved)

    def team_participation(self) -> dict[str, int]:
        """Solutions proposed per team (by the proposer's team), for every team."""
        counts = dict.fromkeys(self.teams, 0)
        for solution in self.solutions.values():
            if solution.proposer_id is None:
                continue
            attendee = self.attendees.get(solution.proposer_id)
            if attendee is not None and attendee.team_id in counts:
                counts[attendee.team_id] += 1
        return counts
