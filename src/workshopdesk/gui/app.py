"""Starting the window: the application object, fonts, icon, and the main window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from workshopdesk.gui.app_settings import APPLICATION, ORGANISATION, AppSettings, user_settings
from workshopdesk.gui.error_report import ErrorReporter
from workshopdesk.gui.first_paint import AfterFirstPaint
from workshopdesk.gui.icons import app_icon
from workshopdesk.gui.main_window import MainWindow
from workshopdesk.paint.fonts import font, register_fonts
from workshopdesk.text import ui
from workshopdesk.text.language import ENGLISH, LANGUAGES, system_language

COLLECTOR_AT_LATEST_MS = 3000
"""Python's cycle collector is back on by then even if the window has not painted."""

_qt_translators: list[QTranslator] = []
"""Qt's own translations installed now (kept here: Qt does not own them)."""


def preferred_language(settings: AppSettings, environ: Mapping[str, str] = os.environ) -> str:
    """The window's language: the one chosen in the preferences, else the system's."""
    return settings.interface_language() or system_language(environ)


def use_language(language: str) -> None:
    """Speak ``language`` in the window, Qt's own dialogs, buttons and date editors
    included (Qt's catalogue ``qtbase_<language>.qm``, which PySide6 ships)."""
    ui.use(language)
    if language in LANGUAGES:  # Qt's own dates and numbers (a date editor's months) too
        QLocale.setDefault(QLocale(language))
    app = QCoreApplication.instance()
    for old in _qt_translators:
        if app is not None:
            app.removeTranslator(old)
    _qt_translators.clear()
    if language == ENGLISH or app is None:
        return
    translator = QTranslator()
    for folder in _qt_translation_folders():
        if translator.load(f"qtbase_{language}", folder):
            if app.installTranslator(translator):
                _qt_translators.append(translator)
            return


def _qt_translation_folders() -> list[str]:
    """Where Qt's catalogues are: Qt's own answer, else beside PySide6's Qt (as a bundle
    made by the installer keeps them)."""
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]


def use_preferred_language() -> None:
    """Before the window opens: speak the language the preferences (or the system) ask for."""
    make_application()
    use_language(preferred_language(AppSettings(user_settings())))


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once: names (for QSettings), the Inter font, the icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("workshopdesk")
    register_fonts()
    app.setFont(font(10.5))
    app.setWindowIcon(app_icon())
    return app


class FileOpenListener(QObject):
    """Files the operating system asks the running app to open: on macOS a double-clicked
    ``.workshop`` arrives as a QFileOpenEvent, not on the command line."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self.window.open_file(Path(event.file()))
            self.window.raise_()
            self.window.activateWindow()
            return True
        return False


class WindowKeeper:
    """The main window, made anew in another language when the facilitator chooses one in
    the preferences: the workshop open in it opens again in the new window, where it was."""

    def __init__(self, settings: AppSettings, *, report_errors: bool = True) -> None:
        self.settings = settings
        self.report_errors = report_errors
        self.reporter: ErrorReporter | None = None
        self.window = self._make()

    def _make(self) -> MainWindow:
        window = MainWindow(self.settings)
        window.respeak = self.respeak
        if self.report_errors:  # our bugs: logged, one sentence, the window keeps running
            if self.reporter is not None:
                self.reporter.uninstall()
            self.reporter = ErrorReporter(window)
            self.reporter.install()
        app = QCoreApplication.instance()
        if app is not None and sys.platform == "darwin":  # the one system that sends them
            app.installEventFilter(FileOpenListener(window))
        return window

    def respeak(self) -> None:
        """Speak the language the preferences ask for now, if it is another one."""
        language = preferred_language(self.settings)
        if language == ui.current().language:
            return
        old = self.window
        path = old.document.path if old.document is not None else None
        old.close_file()  # first: the new window takes over the workshop (and its lock)
        self.settings.save_window(old.saveGeometry(), old.saveState())
        use_language(language)
        self.window = self._make()
        if path is not None:
            self.window.open_file(path)
        self.window.show()
        old.hide()  # not closed: the new window is the one that closes the app
        old.deleteLater()


def run_window(path: Path | None) -> int:
    """Open ``path`` (or the start screen) in the main window and run until it closes."""
    app = make_application()
    settings = AppSettings(user_settings())
    use_language(preferred_language(settings))
    keeper = WindowKeeper(settings)
    if path is not None:
        keeper.window.open_file(Path(path))
    # The command line held Python's cycle collector while the window starts: back on
    # once the window is on screen (or after a while, should it never paint).
    AfterFirstPaint(keeper.window, gc.enable)
    QTimer.singleShot(COLLECTOR_AT_LATEST_MS, gc.enable)
    keeper.window.show()
    return int(app.exec())
