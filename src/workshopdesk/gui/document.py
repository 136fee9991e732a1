"""The open workshop as the window sees it: the editing session, the file, and signals.

Every widget edits through :class:`Document` and listens to :attr:`Document.changed`;
none of them touches the file or the core's state directly. Another process's commits
(the CLI's import, the phone server) are noticed by polling the file's data version and
arrive as ``changed(None)`` (reload everything).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from workshopdesk.core.changes import Label, Step
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.session import Session
from workshopdesk.core.workshop import Workshop
from workshopdesk.store.workshop_file import Mode, WorkshopFile

POLL_MS = 100
CHECKPOINT_AFTER_MS = 2000


class Document(QObject):
    changed = Signal(object)
    """A :class:`Step` that was applied (done, undone or redone), or None after a reload."""
    failed = Signal(str)
    """A sentence to show: an edit that could not be saved, and why."""
    message = Signal(str)
    """A passing status message (e.g. undo entries dropped after an outside change)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.file = WorkshopFile.open(path, Mode.EDIT)
        self.session = Session(self.file)
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
        return self.session.workshop

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    # -- editing --------------------------------------------------------------------------
    def do(self, build: Callable[[Workshop], Step]) -> Step | None:
        """Build a step from the current workshop with an operation, then apply it.

        ``document.do(lambda ws: operations.move_problem(ws, pid, cid, 0))``.
        Returns the step, or None if it was refused (the reason goes to :attr:`failed`).
        """
        return self._guard(lambda: self.session.do(build(self.session.workshop)))

    def do_all(self, label: Label, builders: Sequence[Callable[[Workshop], Step]]) -> Step | None:
        return self._guard(lambda: self.session.do_all(label, builders))

    def undo(self) -> Step | None:
        return self._guard(self.session.undo)

    def redo(self) -> Step | None:
        return self._guard(self.session.redo)

    def _guard(self, action: Callable[[], Step | None]) -> Step | None:
        before = self.session.revision
        try:
            step = action()
        except WorkshopError as error:
            if self.session.revision != before:  # a conflict reloaded the workshop
                self.changed.emit(None)
            self.failed.emit(str(error))
            return None
        if step is not None and step.changes:
            # a revision that jumped by more than one: another process committed in
            # between, and the session caught up with it — everything may have changed
            caught_up = self.session.revision != before + 1
            self.changed.emit(None if caught_up else step)
            self._checkpoint.start()
        return step

    # -- outside changes ------------------------------------------------------------------
    def check_outside_changes(self) -> bool:
        """Reload if another process committed; return whether it did."""
        try:
            if not self.file.changed():
                return False
            if self.file.revision() == self.session.revision:
                return False
            dropped = self.session.reload()
        except WorkshopError as error:
            self.failed.emit(str(error))
            return False
        self.changed.emit(None)
        if dropped:
            self.message.emit(
                f"{dropped} undo step(s) were dropped: what they changed was changed elsewhere."
            )
        return True

    def _fold_log(self) -> None:
        with contextlib.suppress(WorkshopError):  # retried after the next edit and on close
            self.file.checkpoint()

    def close(self) -> None:
        self._poll.stop()
        self._checkpoint.stop()
        self.file.close()
