"""Work that waits until a window has painted for the first time.

The main window shows the board first and builds what is not visible yet (the room's
panels) right after, so a facilitator opening a workshop sees it sooner::

    AfterFirstPaint(window, self.phone_docks.build)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class AfterFirstPaint(QObject):
    """Calls ``then`` once, when the event loop is next free after the first paint of
    anything in ``window``. Until the window is shown it only watches the window itself."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self.watching = False
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done:
            return False
        kind = event.type()
        if not self.watching and kind == QEvent.Type.Show and watched is self.window:
            self.watching = True  # the paints come to the window's children too
            self.window.removeEventFilter(self)
            QApplication.instance().installEventFilter(self)
        elif (
            self.watching
            and kind == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.done = True
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)
        return False
