"""The one writer of an open workshop.

A :class:`Workspace` owns the workshop's file connection (one per process: a second
connection that closes can delete the log that the first still reads), the editing
session and its one undo history, and the settings. Everything that changes the
workshop — the window, the wall's timer, sharing, the command line's import, and soon the
phones — submits a command with its origin; the workspace applies the core's operation,
commits it, and tells every subscriber what changed (:class:`~workshopdesk.app.events.Applied`).

It is not thread-safe: it lives on one thread (the window's, or the headless server's
event loop), and everything reaches it there. Another program's commits are found by
:meth:`Workspace.check_outside`, which costs one cheap pragma while nothing changed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from workshopdesk.app.commands import ChangeSettings, Command, Edit, EditAll, Redo, Undo
from workshopdesk.app.events import Action, Applied, State
from workshopdesk.app.origin import FACILITATOR, OUTSIDE, Origin
from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Label, Step
from workshopdesk.core.errors import ConflictError, ReadOnlyError, WorkshopError
from workshopdesk.core.history import History
from workshopdesk.core.session import Session
from workshopdesk.core.workshop import Workshop
from workshopdesk.store.workshop_file import Mode, WorkshopFile

log = logging.getLogger(__name__)

Subscriber = Callable[[Applied], None]

WATCH_INTERVAL = 0.025
"""Seconds between looks for another program's commits (a pragma, no table read) while
the workshop is busy."""
QUIET_INTERVAL = 0.06
"""Seconds between looks once nothing changed for :data:`BUSY_SECONDS`: an idle laptop
wakes less often, and a lone commit still reaches every view well within 100 ms."""
BUSY_SECONDS = 10.0


def now() -> str:
    """This moment, as the file keeps moments: ISO-8601 with the laptop's UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _note(origin: Origin, label: Label | None, prefix: str = "") -> ActivityEntry | None:
    """The activity log's line for a change from ``origin`` (``prefix``: an undo/redo)."""
    if label is None:
        return None
    msgid = f"{prefix}:{label.msgid}" if prefix else label.msgid
    return ActivityEntry(
        now(), origin.source.value, Label(msgid, label.params), origin.device, origin.name
    )


def copy_of(workshop: Workshop) -> Workshop:
    """A private copy (entities are immutable, so this copies only the indexes)."""
    return Workshop(workshop.info, workshop.entities())


class Workspace:
    def __init__(self, file: WorkshopFile) -> None:
        self.file = file
        self.session = Session(file)
        self.settings_revision = file.settings_revision()
        self._settings = file.settings()
        self._subscribers: list[Subscriber] = []
        self._last_change = time.monotonic()
        self.dropped_undo_steps = 0
        """Undo entries dropped by the last outside change (for a passing message)."""

    @classmethod
    def open(cls, path: Path | str, mode: Mode = Mode.WRITE) -> Workspace:
        file = WorkshopFile.open(path, mode)
        try:
            return cls(file)
        except BaseException:
            file.close()
            raise

    # -- reading ----------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def workshop(self) -> Workshop:
        """The workshop as committed. Read it; never change it (submit a command)."""
        return self.session.workshop

    @property
    def revision(self) -> int:
        return self.session.revision

    @property
    def history(self) -> History:
        return self.session.history

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    @property
    def locked_elsewhere(self) -> bool:
        return self.file.locked_elsewhere

    @property
    def settings(self) -> Mapping[str, str]:
        return dict(self._settings)

    def setting(self, key: str) -> str | None:
        return self._settings.get(key)

    def state(self) -> State:
        """A copy of everything, for a view that starts now (e.g. the phone server)."""
        return State(
            copy_of(self.workshop), dict(self._settings), self.revision, self.settings_revision
        )

    def activity(self, limit: int = 500) -> list[ActivityEntry]:
        """The newest lines of the activity log, newest first."""
        return self.file.activity(limit)

    def undo_label(self) -> Label | None:
        return self.history.undo_label()

    def redo_label(self) -> Label | None:
        return self.history.redo_label()

    # -- subscribers ------------------------------------------------------------------
    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` after every applied change; returns how to stop."""
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def watch_interval(self) -> float:
        """How soon to look for other programs' commits again: often while the workshop
        is busy (anything changed in the last :data:`BUSY_SECONDS`), less when quiet."""
        busy = time.monotonic() - self._last_change < BUSY_SECONDS
        return WATCH_INTERVAL if busy else QUIET_INTERVAL

    def _publish(self, event: Applied) -> None:
        self._last_change = time.monotonic()
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception:  # one view's bug must not stop the others hearing
                log.exception("A view failed to take a change")

    # -- writing ----------------------------------------------------------------------
    def submit(self, command: Command, origin: Origin = FACILITATOR) -> Step | None:
        """Apply ``command`` and tell the subscribers. Returns the step applied (empty when
        nothing changed), or None for settings and when there was nothing to undo/redo.

        Raises :class:`~workshopdesk.core.errors.WorkshopError` (a sentence) when it is
        refused or cannot be saved; then nothing changed — except that a conflict with
        another program's commit has re-read the workshop (subscribers hear that).
        """
        if isinstance(command, ChangeSettings):
            self._change_settings(command.values, origin)
            return None
        if isinstance(command, (Undo, Redo)) and not origin.undoable:
            raise ReadOnlyError("Only the facilitator can undo and redo.")
        before = self.session.revision
        record = origin.undoable and not (isinstance(command, Edit) and not command.undoable)
        try:
            match command:
                case Edit(build, _):
                    built = build(self.workshop)
                    step: Step | None = self.session.do(
                        built, record=record, note=_note(origin, built.label)
                    )
                    action = Action.DONE
                case EditAll(label, builders):
                    step = self.session.do_all(
                        label, builders, record=record, note=_note(origin, label)
                    )
                    action = Action.DONE
                case Undo():
                    note = _note(origin, self.history.undo_label(), "undo")
                    step, action = self.session.undo(note), Action.UNDONE
                case Redo():
                    note = _note(origin, self.history.redo_label(), "redo")
                    step, action = self.session.redo(note), Action.REDONE
        except ConflictError:
            if self.session.revision != before:  # the session re-read the file
                self._publish_reload(OUTSIDE)
            raise
        if step is None or not step.changes:
            return step
        if self.session.revision != before + 1:
            # Another program committed just before ours and the session caught up with
            # it: everything may have changed, so views start again from the file's state.
            self._publish_reload(origin)
        else:
            self._publish(Applied(origin, action, self.revision, self.settings_revision, step=step))
        return step

    def _change_settings(self, values: Mapping[str, str | None], origin: Origin) -> None:
        wanted = {k: v for k, v in values.items() if self._settings.get(k) != v}
        if not wanted:
            return
        before = self.settings_revision
        self.settings_revision = self.file.set_settings(wanted)
        if self.settings_revision != before + 1:
            # another program wrote settings just before us (its timer): take all of them
            self._settings = self.file.settings()
        for key, value in wanted.items():
            if value is None:
                self._settings.pop(key, None)
            else:
                self._settings[key] = value
        self._publish(
            Applied(
                origin,
                Action.SETTINGS,
                self.revision,
                self.settings_revision,
                settings=dict(self._settings),
            )
        )

    def _publish_reload(self, origin: Origin) -> None:
        self._settings = self.file.settings()
        self.settings_revision = self.file.settings_revision()
        self._publish(
            Applied(
                origin,
                Action.RELOADED,
                self.revision,
                self.settings_revision,
                workshop=copy_of(self.workshop),
                settings=dict(self._settings),
            )
        )

    # -- another program's commits ----------------------------------------------------
    def check_outside(self) -> bool:
        """Catch up with another program's commits; returns whether there were any.

        Raises WorkshopError when the file cannot be read (the caller says so once); the
        commit that could not be read is looked for again next time."""
        if not self.file.changed():
            return False
        try:
            return self._catch_up()
        except BaseException:
            self.file.look_again()
            raise

    def _catch_up(self) -> bool:
        changed = False
        if self.file.revision() != self.session.revision:
            self.dropped_undo_steps = self.session.reload()
            self._publish_reload(OUTSIDE)
            return True
        settings_revision = self.file.settings_revision()
        if settings_revision != self.settings_revision:
            self.settings_revision = settings_revision
            self._settings = self.file.settings()
            self._publish(
                Applied(
                    OUTSIDE,
                    Action.SETTINGS,
                    self.revision,
                    self.settings_revision,
                    settings=dict(self._settings),
                )
            )
            changed = True
        return changed

    # -- the file ---------------------------------------------------------------------
    def checkpoint(self) -> None:
        self.file.checkpoint()

    def copy_to(self, destination: Path | str, *, without: tuple[str, ...] = ()) -> None:
        self.file.copy_to(destination, without=without)

    def close(self) -> None:
        self._subscribers.clear()
        self.file.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


async def follow_outside(workspace: Workspace, interval: float | None = None) -> None:
    """Look for other programs' commits, for a workspace that lives on an event loop (the
    headless phone server): every ``interval`` seconds, or as often as the workspace's
    :meth:`~Workspace.watch_interval` says. Runs until cancelled; a file that cannot be read
    is said once in the log, and the views keep the last workshop."""
    import asyncio  # only the phone server waits like this

    failing = False
    while True:
        await asyncio.sleep(workspace.watch_interval() if interval is None else interval)
        try:
            workspace.check_outside()
            failing = False
        except WorkshopError as error:
            if not failing:
                log.warning("Kept the last workshop: %s", error)
            failing = True
