"""An editing session: the workshop in memory, its file, and the one undo history.

Every edit goes through :meth:`Session.do`: the step is written to the file first (one
transaction), then applied in memory and recorded. If the write fails, memory and
history are untouched, so what the window shows is always what the file holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.errors import ConflictError
from workshopdesk.core.history import History, fits
from workshopdesk.core.messages import Message
from workshopdesk.core.workshop import Workshop


class Repository(Protocol):
    """Where a workshop is kept (the workshop file)."""

    def load(self) -> Workshop: ...

    def write(self, changes: Sequence[Change], note: ActivityEntry | None = None) -> int: ...

    def revision(self) -> int: ...


class StaleUndo(ConflictError):
    """The step to undo or redo no longer fits: something changed it elsewhere."""


class Session:
    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        # The revision is read before the workshop: a commit in between makes the file's
        # revision newer than this one, so the next look for outside changes reloads.
        self.revision = repository.revision()
        self.workshop = repository.load()
        self.history = History()

    def do(self, step: Step, *, record: bool = True, note: ActivityEntry | None = None) -> Step:
        """Write, apply and (with ``record``) record ``step`` for undo; an empty step
        changes nothing. A step that is not recorded (a phone's vote) is never undone by
        the facilitator's Undo; their undo entries it touched no longer fit and are dropped
        when Undo reaches them."""
        if step.changes:
            behind = self._commit(step, note)
            if record:
                self.history.record(step)
            if behind:
                self.reload()
        return step

    def do_all(
        self,
        label: Label,
        builders: Sequence[Callable[[Workshop], Step]],
        *,
        record: bool = True,
        note: ActivityEntry | None = None,
    ) -> Step:
        """Several operations as one undo step (the editor's OK, an import).

        Each builder sees the workshop as the builders before it left it. If one refuses
        (a validation error) or the write fails, nothing is changed.
        """
        done: list[Step] = []
        try:
            for build in builders:
                step = build(self.workshop)
                self.workshop.apply_all(step.changes)
                done.append(step)
        finally:
            for step in reversed(done):
                self.workshop.apply_all(step.inverted().changes)
        return self.do(Step.join(label, done), record=record, note=note)

    def undo(self, note: ActivityEntry | None = None) -> Step | None:
        if not self.history.can_undo:
            return None
        # The step stays recorded until its inverse is saved: a write that fails (a full
        # disk) leaves Undo where it was.
        inverse = self.history.next_undo().inverted()
        self._check(inverse)
        behind = self._commit_or_abandon(inverse, note, self.history.abandon_undo)
        self.history.undone()
        if behind:
            self.reload()
        return inverse

    def redo(self, note: ActivityEntry | None = None) -> Step | None:
        if not self.history.can_redo:
            return None
        step = self.history.next_redo()
        self._check(step)
        behind = self._commit_or_abandon(step, note, self.history.abandon_redo)
        self.history.redone()
        if behind:
            self.reload()
        return step

    def reload(self) -> int:
        """Re-read the file after another process changed it; drop undo entries that no
        longer fit and return how many were dropped."""
        self.revision = self.repository.revision()
        self.workshop = self.repository.load()
        return self.history.prune(self.workshop)

    def _check(self, step: Step) -> None:
        if not fits(self.workshop, step):
            self.history.prune(self.workshop)
            raise StaleUndo(Message("error.stale_undo", {"label": step.label}))

    def _commit_or_abandon(
        self, step: Step, note: ActivityEntry | None, abandon: Callable[[], None]
    ) -> bool:
        """Commit an undo or a redo. When the file refuses a step that still fits what it
        changes, something made since refers to it (a phone's dot on a solution the step
        would take away): it can never be taken back now, nor anything older, so that side
        of the history is given up and the facilitator told why."""
        try:
            return self._commit(step, note)
        except ConflictError:
            if not fits(self.workshop, step):
                raise
            abandon()
            raise StaleUndo(Message("error.stale_undo", {"label": step.label})) from None

    def _commit(self, step: Step, note: ActivityEntry | None = None) -> bool:
        """Write and apply ``step``. Returns whether another process committed since this
        session last looked; the caller then reloads, once its history is in order."""
        before = self.revision
        try:
            revision = self.repository.write(step.changes, note)
        except ConflictError:
            self.reload()
            raise
        self.workshop.apply_all(step.changes)
        self.revision = revision
        return revision != before + 1
