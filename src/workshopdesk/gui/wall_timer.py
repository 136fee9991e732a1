"""The time-box timer in the window: the core's state machine, kept in the workshop file.

Every control (set minutes, start, pause, reset, +1 minute) submits the new state to the
one writer as a settings change — one place every view reads, the phones included. A
tick watches for zero: then :attr:`WallTimer.finished` fires (and the computer beeps if
the facilitator wants it to).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from workshopdesk.app.timer import timer_of
from workshopdesk.core.timer import Clock, TimerState, system_clock
from workshopdesk.gui.document import Document
from workshopdesk.text.ui import _

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
        document.settings_changed.connect(self._settings_changed)
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
            self.document.failed.emit(_("A time-box needs at least one second."))
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
        # The document says so (settings_changed) when the change is saved.
        self.document.change_settings(state.to_settings())

    def _read(self) -> TimerState:
        return timer_of(self.document.workspace.settings)

    def _settings_changed(self) -> None:
        state = self._read()
        if state != self.state:
            self.state = state
            self._was_finished = state.finished(self.clock())
            self.changed.emit()
