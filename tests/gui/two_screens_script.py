"""The window on the laptop and the wall on the projector, on a real X server with two
monitors (run under Xvfb by test_wall_two_screens), then the projector's cable pulled:
the monitor goes away for real (``xrandr --delmonitor``), not by a made-up signal.

Prints one JSON line of what it saw.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from workshopdesk import starters
from workshopdesk.gui.app import make_application
from workshopdesk.gui.document import Document
from workshopdesk.gui.wall_controller import WallController
from workshopdesk.store.workshop_file import WorkshopFile

warnings: list[str] = []


def record(kind: QtMsgType, context: object, message: str) -> None:
    if kind != QtMsgType.QtDebugMsg:
        warnings.append(message)


def main() -> int:
    qInstallMessageHandler(record)
    app = make_application()
    path = Path(tempfile.mkdtemp(prefix="workshopdesk-screens-")) / "demo.workshop"
    WorkshopFile.create(path, starters.demo())
    document = Document(path)
    seen: dict[str, object] = {"screens": [s.name() for s in app.screens()]}
    laptop = app.primaryScreen()
    main_window = QMainWindow()
    main_window.setScreen(laptop)
    main_window.setGeometry(laptop.availableGeometry().adjusted(20, 40, -20, -20))
    main_window.show()
    QTest.qWaitForWindowExposed(main_window)
    wall = WallController(document)
    window = wall.show_wall()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(200)
    seen["window"] = main_window.screen().name()
    seen["wall"] = window.screen().name()
    seen["wall_geometry"] = list(window.geometry().getRect())
    seen["wall_grab"] = [window.grab().width(), window.grab().height()]
    removed: list[str] = []
    app.screenRemoved.connect(lambda screen: removed.append(screen.name()))
    subprocess.run(["xrandr", "--delmonitor", "Projector"], check=True)
    for _ in range(50):  # the X server tells us within moments
        if removed:
            break
        QTest.qWait(100)
    QTest.qWait(200)
    seen["removed"] = removed
    seen["screens_after"] = [s.name() for s in app.screens()]
    seen["wall_up"] = wall.is_up
    seen["window_visible"] = main_window.isVisible()
    seen["window_after"] = main_window.screen().name()
    window = wall.show_wall()  # back up when asked: on the one screen left
    QTest.qWaitForWindowExposed(window)
    seen["wall_again"] = [window.screen().name(), window.isFullScreen()]
    wall.close()
    document.close()
    seen["warnings"] = warnings
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
