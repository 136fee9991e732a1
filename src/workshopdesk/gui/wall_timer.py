"""The time-box timer in the window: the core's state machine, kept in the workshop file.

Every control (set minutes, start, pause, reset, +1 minute) writes the new state to the
file through the open document's connection — one place every view reads, the phones
included. A tick watches for zero: then :attr:`WallTimer.finished` fires (and the
computer beeps if the facilitator wants it to).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.timer import Clock, TimerState, system_clock
from workshopdesk.gui.document import Document
from workshopdesk.store.timer_settings import read_timer, write_timer

TICK_MS = 200


class WallTimer(QObject):
    changed = Signal()
    """The state changed (a control, or another window or process)."""
    finished = Signal()
    """The countdown just reached zero."""

    def __init__(
        self,
        document: Document,
        clock: Clock = system_clock,
        beep: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.clock = clock
        self.beep_enabled = True
        self._beep = beep
        self.state = self._read()
        self._was_finished = self.state.finished(self.clock())
        document.changed.connect(self._document_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.check)
        self._tick.start()

    # -- reading ------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def remaining(self) -> int:
        return self.state.remaining(self.clock())

    def is_finished(self) -> bool:
        return self.state.finished(self.clock())

    # -- controls -----------------------------------------------------------------------
    def set_minutes(self, minutes: float) -> None:
        try:
            state = self.state.set_minutes(minutes)
        except ValueError:
            self.document.failed.emit("A time-box needs at least one second.")
            return
        self._store(state)

    def start(self) -> None:
        self._store(self.state.start(self.clock()))

    def pause(self) -> None:
        self._store(self.state.pause(self.clock()))

    def toggle(self) -> None:
        self._store(self.state.toggle(self.clock()))

    def reset(self) -> None:
        self._store(self.state.reset())

    def add_minute(self) -> None:
        self._store(self.state.add_minute(self.clock()))

    def check(self) -> None:
        """Notice the moment the countdown reaches zero (called by the tick)."""
        finished = self.state.finished(self.clock())
        if finished and not self._was_finished:
            self._was_finished = True
            if self.beep_enabled and self._beep is not None:
                self._beep()
            self.finished.emit()
        elif not finished:
            self._was_finished = False

    def stop_ticking(self) -> None:
        self._tick.stop()

    # -- the file -----------------------------------------------------------------------
    def _store(self, state: TimerState) -> None:
        if state == self.state:
            return
        try:
            write_timer(self.document.file, state)
        except WorkshopError as error:
            self.document.failed.emit(str(error))
            return
        self.state = state
        self._was_finished = state.finished(self.clock())
        self.changed.emit()

    def _read(self) -> TimerState:
        try:
            return read_timer(self.document.file)
        except WorkshopError:
            return TimerState()

    def _document_changed(self, step: object) -> None:
        if step is not None:
            return  # an edit in this window: the timer did not change
        state = self._read()
        if state != self.state:
            self.state = state
            self._was_finished = state.finished(self.clock())
            self.changed.emit()
