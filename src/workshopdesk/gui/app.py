"""Starting the window: the application object, fonts, icon, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from workshopdesk.gui.app_settings import APPLICATION, ORGANISATION, AppSettings, user_settings
from workshopdesk.gui.error_report import ErrorReporter
from workshopdesk.gui.icons import app_icon
from workshopdesk.gui.main_window import MainWindow
from workshopdesk.paint.fonts import font, register_fonts


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


def run_window(path: Path | None) -> int:
    """Open ``path`` (or the start screen) in the main window and run until it closes."""
    app = make_application()
    window = MainWindow(AppSettings(user_settings()))
    ErrorReporter(window).install()  # our bugs: logged, one sentence, the window keeps running
    app.installEventFilter(FileOpenListener(window))
    if path is not None:
        window.open_file(Path(path))
    window.show()
    return int(app.exec())
