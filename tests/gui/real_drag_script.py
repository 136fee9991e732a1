"""A real mouse drag of a card, for a real X server (run under Xvfb by test_real_drag).

Presses on the first card of "On the wall", moves the mouse past the drag distance (Qt
starts a real QDrag), then, inside the drag's own event loop, carries the pointer to the
top edge of the second card of "Discussing" and releases (before the done column: no
agreed solution is asked for). Prints where the card landed.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest

from workshopdesk import starters
from workshopdesk.gui.app import make_application
from workshopdesk.gui.app_settings import AppSettings, isolated_settings
from workshopdesk.gui.main_window import MainWindow
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def main() -> int:
    app = make_application()
    folder = Path(tempfile.mkdtemp(prefix="workshopdesk-drag-"))
    path = folder / "demo.workshop"
    WorkshopFile.create(path, starters.demo())
    window = MainWindow(AppSettings(isolated_settings(folder)))
    window.resize(1400, 900)
    window.open_file(path)
    window.show()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(300)
    board = window.page.board
    names = {window.document.workshop.columns[c].name: v for c, v in board.columns.items()}
    wall, discussing = names["On the wall"], names["Discussing"]
    handle = window.windowHandle()

    def at(view, row: int, dy: int) -> QPoint:  # type: ignore[no-untyped-def]
        rect = view.visualRect(view.model().index(row, 0))
        return view.viewport().mapTo(window, QPoint(rect.center().x(), rect.top() + dy))

    start, target = at(wall.cards, 0, 20), at(discussing.cards, 1, 3)
    dragged = wall.model.ids()[0]

    def carry_and_release() -> None:  # runs inside QDrag.exec()'s event loop
        for step in range(1, 11):
            QTest.mouseMove(handle, start + (target - start) * (step / 10))
            QTest.qWait(10)
        QTest.mouseRelease(
            handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target
        )

    QTimer.singleShot(300, carry_and_release)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 8):
        QTest.mouseMove(handle, start + QPoint(0, 5 * step))
        QTest.qWait(10)
    QTest.qWait(800)
    window.close()
    with WorkshopFile.open(path, Mode.READ) as file:
        ws = file.load()
    problem = ws.problems[dragged]
    column = ws.columns[problem.column_id]
    order = [p.id for p in ws.problems_in(column.id)]
    print(json.dumps({"column": column.name, "row": order.index(dragged)}))
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
