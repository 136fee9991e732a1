"""The wall window: full screen on the projector, nothing but the wall.

Keys (when it has focus): → Space PageDown next problem in the spotlight, ← PageUp
previous; W, Home or Enter the whole wall; R the goal and ground rules; C the check-in;
J (or Q) the join screen (while sharing); N and P the next and previous page of a full
board; T start/pause the timer, + one more minute; Esc (or F5, Ctrl+Shift+W: the same
keys that opened it) leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from workshopdesk.paint.wall import paint_wall
from workshopdesk.paint.wall_scene import View
from workshopdesk.text.ui import _

if TYPE_CHECKING:
    from workshopdesk.gui.wall_controller import WallController

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
WALL_KEYS = {Qt.Key.Key_W, Qt.Key.Key_Home, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_B}


class WallWindow(QWidget):
    closed = Signal()

    def __init__(self, controller: WallController) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.controller = controller
        self.setWindowTitle(
            _("Wall: {title}").format(title=controller.document.workshop.info.title)
        )
        self.setAccessibleName(_("Workshop wall"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        controller.sceneChanged.connect(self.update)

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (the primary one when None)."""
        screen = screen or QGuiApplication.primaryScreen()
        if self.isVisible() and self.screen() is not screen:
            self.hide()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        if QGuiApplication.platformName() != "offscreen":  # which cannot raise windows
            self.raise_()
        self.activateWindow()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            paint_wall(painter, QRectF(self.rect()), self.controller.scene())
        finally:
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        controller = self.controller
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F5) or (
            key == Qt.Key.Key_W
            and event.modifiers()
            == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            self.close()
        elif key in NEXT_KEYS:
            controller.step(1)
        elif key in PREVIOUS_KEYS:
            controller.step(-1)
        elif key in WALL_KEYS:
            controller.show_board()
        elif key == Qt.Key.Key_R:
            controller.show_rules()
        elif key == Qt.Key.Key_C:
            controller.set_view(View.CHECK_IN)
        elif key in (Qt.Key.Key_Q, Qt.Key.Key_J):
            controller.set_view(View.WALL if controller.view is View.JOIN else View.JOIN)
        elif key == Qt.Key.Key_S:
            controller.set_view(View.SPOTLIGHT)
        elif key in (Qt.Key.Key_N, Qt.Key.Key_P):
            controller.page_by_hand(1 if key == Qt.Key.Key_N else -1)
        elif key == Qt.Key.Key_T:
            controller.timer.toggle()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            controller.timer.add_minute()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
