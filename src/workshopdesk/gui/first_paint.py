"""Work that waits until a window has painted for the first time.

The main window shows the board first and builds what is not visible yet (the room's
panels) right after, so a facilitator opening a workshop sees it sooner::

    AfterFirstPaint(window, self.phone_docks.build)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls ``then`` once, when the event loop is next free after the window's first
    paint (its children paint in the same pass, before the loop is free again).

    Only the window's own events are watched: a filter on the whole application would
    bring every event of every widget through Python, which costs most while the window
    first shows."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)
        return False
