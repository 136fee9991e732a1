"""Wall mode: what the projector shows, and the one object every wall control talks to.

The controller keeps the wall's state (view, spotlight, theme, page turns, the timer, the
join code), builds the :class:`WallScene` that the wall window and the laptop's preview
both paint, and opens and closes the full-screen wall window. While the wall is up it
keeps the screens awake and lets a presentation clicker (PageUp/PageDown, sent to
whichever window has focus) step the spotlight, unless someone is typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from workshopdesk.core.check_ins import SHOWN_ON_WALL
from workshopdesk.core.share_link import WifiNetwork
from workshopdesk.core.timer import Clock, system_clock
from workshopdesk.gui.check_in_sharing import share_check_in
from workshopdesk.gui.document import Document
from workshopdesk.gui.screen_awake import ScreenAwake
from workshopdesk.gui.wall_timer import WallTimer
from workshopdesk.paint.themes import DEFAULT_THEME, THEMES, Theme
from workshopdesk.paint.wall_scene import PAGE_SECONDS, Join, View, WallScene

FLASH_MS = 500
REFRESH_MS = 250
THEME_KEY = "wall/theme"
SCREEN_KEY = "wall/screen"
BEEP_KEY = "wall/beep"


def default_screen() -> QScreen | None:
    """The second screen if there is one (the projector), else the only one."""
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not primary and s != primary]
    return others[0] if others else primary


def join_code(url: str, wifi: WifiNetwork | None = None) -> Join:
    """The join URL with its QR code (the sharing module's, quiet zone included), and the
    room's Wi-Fi code when the facilitator named the network."""
    from workshopdesk.paint.join_code import room_join

    return room_join(url, wifi)


class WallController(QObject):
    sceneChanged = Signal()
    """Something the wall shows changed: repaint."""
    shownChanged = Signal(bool)
    """The wall window opened (True) or closed (False)."""

    def __init__(
        self,
        document: Document,
        *,
        settings: QSettings | None = None,
        clock: Clock = system_clock,
        beep: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.timer = WallTimer(document, clock, beep=beep or QApplication.beep, parent=self)
        self.timer.beep_enabled = self._setting(BEEP_KEY, "true") == "true"
        self.theme: Theme = THEMES.get(
            self._setting(THEME_KEY, DEFAULT_THEME), THEMES[DEFAULT_THEME]
        )
        self.view = View.RULES
        """The wall opens on the opening slide: the shared goal and the ground rules."""
        self.problem_id: str | None = None
        self.page_tick = 0
        self.flash = True
        self.join: Join | None = None
        self.wifi: WifiNetwork | None = None
        self.window: QWidget | None = None
        self.awake = ScreenAwake()
        self._shown_face: tuple[object, ...] = ()

        document.changed.connect(self._document_changed)
        self.timer.changed.connect(self._timer_changed)
        self.timer.finished.connect(self._timer_finished)
        self._pages = QTimer(self)
        self._pages.setInterval(PAGE_SECONDS * 1000)
        self._pages.timeout.connect(self.turn_page)
        self._pages.start()
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._blink)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_clock)
        self._refresh.start()

    # -- what the wall shows ------------------------------------------------------------
    def scene(self) -> WallScene:
        return WallScene(
            workshop=self.document.workshop,
            theme=self.theme,
            view=self.view if (self.view is not View.JOIN or self.join) else View.WALL,
            problem_id=self.problem_id,
            timer=self.timer.state,
            now=self.timer.now(),
            page_tick=self.page_tick,
            flash=self.flash,
            join=self.join,
        )

    def set_view(self, view: View) -> None:
        if view is View.JOIN and self.join is None:
            return
        if view is View.SPOTLIGHT and self.problem_id not in self.document.workshop.problems:
            problems = self.document.workshop.ordered_problems()
            self.problem_id = problems[0].id if problems else None
        self.view = view
        self.sceneChanged.emit()
        self._share_check_in()

    def _share_check_in(self) -> None:
        """Phones show the check-in while the wall does (the same link, the same room)."""
        showing = self.is_up and self.view is View.CHECK_IN
        today = self.timer.now().astimezone().date()  # the laptop's calendar, as the server's
        share_check_in(self.document, SHOWN_ON_WALL, today if showing else None)

    def show_board(self) -> None:
        self.set_view(View.WALL)

    def show_rules(self) -> None:
        self.set_view(View.RULES)

    def show_join(self) -> None:
        self.set_view(View.JOIN)

    def spotlight(self, problem_id: str) -> None:
        self.problem_id = problem_id
        self.set_view(View.SPOTLIGHT)

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) problem in the spotlight. From another view it starts
        at the first (or last) problem; past either end it returns to the whole wall."""
        problems = self.document.workshop.ordered_problems()
        if not problems:
            self.show_board()
            return
        ids = [p.id for p in problems]
        if self.view is not View.SPOTLIGHT:
            self.spotlight(ids[0] if delta > 0 else ids[-1])
            return
        index = ids.index(self.problem_id) if self.problem_id in ids else -1
        target = index + delta
        if 0 <= target < len(ids):
            self.spotlight(ids[target])
        else:
            self.show_board()

    def set_theme(self, name: str) -> None:
        if name not in THEMES or name == self.theme.name:
            return
        self.theme = THEMES[name]
        self._store(THEME_KEY, name)
        self.sceneChanged.emit()

    def set_beep(self, enabled: bool) -> None:
        self.timer.beep_enabled = enabled
        self._store(BEEP_KEY, "true" if enabled else "false")

    def set_join_url(self, url: str | None, wifi: WifiNetwork | None = None) -> None:
        """Sharing started (the join URL) or stopped (None): the corner QR code follows;
        ``wifi`` is the room's network the join screen shows first."""
        if url == (self.join.url if self.join else None) and wifi == self.wifi:
            return
        self.wifi = wifi
        self.join = join_code(url, wifi) if url else None
        if self.join is None and self.view is View.JOIN:
            self.view = View.WALL
        self.sceneChanged.emit()

    def turn_page(self) -> None:
        self.page_tick += 1
        self.sceneChanged.emit()

    def page_by_hand(self, delta: int) -> None:
        """The next (+1) or previous (-1) screen of a full board, shown on the whole wall;
        it stays up a full ``PAGE_SECONDS`` before the pages turn by themselves again."""
        self.page_tick += delta
        if self._pages.isActive():
            self._pages.start()
        if self.view is not View.WALL:
            self.view = View.WALL
        self.sceneChanged.emit()

    # -- the wall window ----------------------------------------------------------------
    @property
    def is_up(self) -> bool:
        return self.window is not None

    def chosen_screen(self) -> QScreen | None:
        name = self._setting(SCREEN_KEY, "")
        for screen in QGuiApplication.screens():
            if name and screen.name() == name:
                return screen
        return default_screen()

    def choose_screen(self, screen: QScreen) -> None:
        self._store(SCREEN_KEY, screen.name())
        if self.window is not None:
            self.window.show_on(screen)

    def show_wall(self, screen: QScreen | None = None) -> QWidget:
        from workshopdesk.gui.wall_window import WallWindow

        if self.window is None:
            self.window = WallWindow(self)
            self.window.closed.connect(self._window_closed)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.installEventFilter(self)
                app.screenRemoved.connect(self.screen_removed)
            self.awake.hold()
        self.window.show_on(screen or self.chosen_screen())
        self._share_check_in()
        self.shownChanged.emit(True)
        return self.window

    def hide_wall(self) -> None:
        if self.window is not None:
            self.window.close()

    def toggle_wall(self, up: bool | None = None) -> None:
        if up is None:
            up = not self.is_up
        if up and not self.is_up:
            self.show_wall()
        elif not up and self.is_up:
            self.hide_wall()

    def close(self) -> None:
        """The workshop is closing: close the wall and stop every timer."""
        self.hide_wall()
        self._pages.stop()
        self._flash.stop()
        self._refresh.stop()
        self.timer.stop_ticking()

    def _window_closed(self) -> None:
        if self.window is None:
            return
        self.window.deleteLater()
        self.window = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.removeEventFilter(self)
            app.screenRemoved.disconnect(self.screen_removed)
        self.awake.release()
        self._share_check_in()
        self.shownChanged.emit(False)

    def screen_removed(self, screen: QScreen) -> None:
        """The projector was unplugged: take the wall down rather than let it cover the
        laptop's own screen."""
        if self.window is not None and self.window.screen() is screen:
            self.hide_wall()

    # -- a clicker from any window ------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        key = event.key()
        if key not in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        if self.window is None or watched.window() is self.window or _typing(watched):
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            self.step(1 if key == Qt.Key.Key_PageDown else -1)
        return True

    # -- keeping up -----------------------------------------------------------------------
    def _document_changed(self, _step: object) -> None:
        if self.view is View.SPOTLIGHT and self.problem_id not in self.document.workshop.problems:
            problems = self.document.workshop.ordered_problems()
            self.problem_id = problems[0].id if problems else None
        self.sceneChanged.emit()

    def _timer_changed(self) -> None:
        if not self.timer.is_finished():
            self._flash.stop()
            self.flash = True
        else:
            self._start_flashing()
        self.sceneChanged.emit()

    def _timer_finished(self) -> None:
        self._start_flashing()
        self.sceneChanged.emit()

    def _start_flashing(self) -> None:
        if not self._flash.isActive():
            self.flash = True
            self._flash.start()

    def _blink(self) -> None:
        if not self.timer.is_finished():
            self._flash.stop()
            self.flash = True
        else:
            self.flash = not self.flash
        self.sceneChanged.emit()

    def _refresh_clock(self) -> None:
        """Repaint when the countdown's text changes (about once a second)."""
        face = self.scene().timer_face
        shown = (face.text, face.phase, face.finished) if face else ()
        if shown != self._shown_face:
            self._shown_face = shown
            if face is not None and face.finished:
                self._start_flashing()
            self.sceneChanged.emit()

    # -- remembered choices -------------------------------------------------------------
    def _setting(self, key: str, default: str) -> str:
        if self.settings is None:
            return default
        value = self.settings.value(key, default)
        return value if isinstance(value, str) else default

    def _store(self, key: str, value: str) -> None:
        if self.settings is not None:
            self.settings.setValue(key, value)


def _typing(widget: QWidget) -> bool:
    """Whether keyboard focus is in a text field (where PageUp/PageDown move the cursor)."""
    focus = QApplication.focusWidget() or widget
    if isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not (
            isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit) and focus.isReadOnly()
        )
    return isinstance(focus, QComboBox) and focus.isEditable()
