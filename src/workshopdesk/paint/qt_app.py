"""A Qt application for the exports that draw (PDF, posters, PNG), also without a screen.

The command line has no window: it gets an offscreen ``QGuiApplication`` of its own. In
the window's process the running application is used.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QCoreApplication | None = None


def ensure_gui_app() -> None:
    """Make sure a ``QGuiApplication`` exists (offscreen unless a platform was chosen)."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("drawing exports need a QGuiApplication")
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["workshopdesk"])
