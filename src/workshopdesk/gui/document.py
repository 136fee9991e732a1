"""The open workshop as the window sees it: a thin Qt adapter over the one writer.

Every widget edits through :class:`Document` (which submits commands to the
:class:`~workshopdesk.app.workspace.Workspace` as the facilitator) and listens to its
signals; none of them touches the file or the core's state directly. The workspace's
news arrive as signals: :attr:`Document.changed` for the board (a step, or None when the
whole workshop was re-read), :attr:`Document.settings_changed` for the timer and the
share link. A timer looks for other programs' commits (a cheap pragma).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from workshopdesk.app.commands import ChangeSettings, Command, Edit, EditAll, Redo, Undo
from workshopdesk.app.events import Action, Applied
from workshopdesk.app.workspace import WATCH_INTERVAL, Workspace
from workshopdesk.core.changes import Label, Step
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.history import History
from workshopdesk.core.workshop import Workshop
from workshopdesk.store.workshop_file import Mode
from workshopdesk.text import error_text
from workshopdesk.text.ui import ngettext

POLL_MS = round(WATCH_INTERVAL * 1000)
SLICE_S = 0.01
"""Seconds of phones' commands the window runs before it paints and listens again."""
CHECKPOINT_AFTER_MS = 2000


class _Poster(QObject):
    """Runs callables posted from any thread on the thread this object lives on, a slice
    of time at a time: a burst from hundreds of phones never keeps the window from
    painting or answering the facilitator for longer than :data:`SLICE_S`."""

    wake = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._jobs: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._scheduled = False
        self.wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._jobs.append(job)
            if self._scheduled:
                return
            self._scheduled = True
        self.wake.emit()

    def _drain(self) -> None:
        deadline = time.monotonic() + SLICE_S
        try:
            while time.monotonic() < deadline:
                with self._lock:
                    if not self._jobs:
                        self._scheduled = False
                        return
                    job = self._jobs.popleft()
                job()
        finally:
            # Whatever a job did (even raise), the rest still runs, after the window's
            # own events.
            with self._lock:
                if self._scheduled:
                    QTimer.singleShot(0, self._drain)


class Document(QObject):
    changed = Signal(object)
    """A :class:`Step` that was applied (done, undone or redone), or None after a reload."""
    settings_changed = Signal()
    """The settings changed (the timer, the share link), here or in another program."""
    applied = Signal(object)
    """Every :class:`~workshopdesk.app.events.Applied` the workspace published."""
    failed = Signal(str)
    """A sentence to show: an edit that could not be saved, and why."""
    message = Signal(str)
    """A passing status message (e.g. undo entries dropped after an outside change)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.workspace = Workspace.open(path, Mode.EDIT)
        self._unsubscribe = self.workspace.subscribe(self._on_applied)
        self._poster = _Poster(self)
        self._failing = False
        self._closed = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check_outside_changes)
        self._poll.start()
        self._checkpoint = QTimer(self)
        self._checkpoint.setSingleShot(True)
        self._checkpoint.setInterval(CHECKPOINT_AFTER_MS)
        self._checkpoint.timeout.connect(self._fold_log)

    @property
    def workshop(self) -> Workshop:
        return self.workspace.workshop

    @property
    def history(self) -> History:
        return self.workspace.history

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @property
    def locked_elsewhere(self) -> bool:
        return self.workspace.locked_elsewhere

    def post(self, job: Callable[[], None]) -> None:
        """Run ``job`` on the window's thread soon; safe to call from any thread (the
        phone server's commands reach the workspace this way)."""
        self._poster.post(job)

    # -- editing --------------------------------------------------------------------------
    def do(self, build: Callable[[Workshop], Step]) -> Step | None:
        """Build a step from the current workshop with an operation, then apply it.

        ``document.do(lambda ws: operations.move_problem(ws, pid, cid, 0))``.
        Returns the step, or None if it was refused (the reason goes to :attr:`failed`).
        """
        return self.submit(Edit(build))

    def do_all(self, label: Label, builders: Sequence[Callable[[Workshop], Step]]) -> Step | None:
        return self.submit(EditAll(label, builders))

    def undo(self) -> Step | None:
        return self.submit(Undo())

    def redo(self) -> Step | None:
        return self.submit(Redo())

    def change_settings(self, values: dict[str, str | None]) -> bool:
        """Store settings; False (and the reason to :attr:`failed`) if they were not saved."""
        try:
            self.workspace.submit(ChangeSettings(values))
        except WorkshopError as error:
            self.failed.emit(error_text(error))
            return False
        return True

    def submit(self, command: Command) -> Step | None:
        """Submit ``command`` as the facilitator; a refusal becomes a sentence."""
        try:
            step = self.workspace.submit(command)
        except WorkshopError as error:
            self.failed.emit(error_text(error))
            return None
        if step is not None and step.changes:
            self._checkpoint.start()
        return step

    def _on_applied(self, event: Applied) -> None:
        self.applied.emit(event)
        if event.action is Action.SETTINGS:
            self.settings_changed.emit()
            return
        self.changed.emit(None if event.action is Action.RELOADED else event.step)
        if event.action is Action.RELOADED:
            self.settings_changed.emit()

    # -- outside changes ------------------------------------------------------------------
    def check_outside_changes(self) -> bool:
        """Catch up if another program committed; return whether it did."""
        try:
            changed = self.workspace.check_outside()
        except WorkshopError as error:
            if not self._failing:  # said once, not at every look
                self.failed.emit(error_text(error))
            self._failing = True
            return False
        self._failing = False
        dropped, self.workspace.dropped_undo_steps = self.workspace.dropped_undo_steps, 0
        if dropped:
            self.message.emit(
                ngettext(
                    "{n} undo step was dropped: what it changed was changed elsewhere.",
                    "{n} undo steps were dropped: what they changed was changed elsewhere.",
                    dropped,
                ).format(n=dropped)
            )
        interval = round(self.workspace.watch_interval() * 1000)
        if interval != self._poll.interval():
            self._poll.setInterval(interval)  # often while busy, less on an idle laptop
        return changed

    def _fold_log(self) -> None:
        with contextlib.suppress(WorkshopError):  # retried after the next edit and on close
            self.workspace.checkpoint()

    @property
    def is_open(self) -> bool:
        return not self._closed

    def close(self) -> None:
        self._closed = True
        self._poll.stop()
        self._checkpoint.stop()
        self._unsubscribe()
        self.workspace.close()
