"""Starting the window: the application object, fonts, icon, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workshopdesk.gui.app_settings import APPLICATION, ORGANISATION, AppSettings, user_settings
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


def run_window(path: Path | None) -> int:
    """Open ``path`` (or the start screen) in the main window and run until it closes."""
    app = make_application()
    window = MainWindow(AppSettings(user_settings()))
    if path is not None:
        window.open_file(Path(path))
    window.show()
    return int(app.exec())
