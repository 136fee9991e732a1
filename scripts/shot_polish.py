"""Screenshots of the dialogs and board states a facilitator meets first.

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/shot_polish.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from workshopdesk import starters
from workshopdesk.gui.app import make_application
from workshopdesk.gui.app_settings import AppSettings, isolated_settings
from workshopdesk.gui.file_prompts import FixedPrompts
from workshopdesk.gui.main_window import MainWindow
from workshopdesk.gui.shots import settle
from workshopdesk.store.workshop_file import WorkshopFile


def main(out: Path) -> None:
    make_application()
    folder = Path(tempfile.mkdtemp())
    demo = folder / "malmo-2027.workshop"
    WorkshopFile.create(demo, starters.demo())
    (folder / "broken.workshop").write_bytes(b"not a workshop")
    (folder / "settings").mkdir()
    settings = AppSettings(isolated_settings(folder / "settings"))
    settings.add_recent(folder / "broken.workshop")
    window = MainWindow(settings, FixedPrompts())
    window.resize(1440, 900)
    window.open_file(demo)
    window.show()
    settle(200)
    window.grab().save(str(out / "board-1440.png"))
    column = next(iter(window.page.board.columns.values()))
    column.quick_add.setText("x" * 230)
    settle()
    column.grab().save(str(out / "quick-add-too-long.png"))
    column.quick_add.clear()
    window.wall.dock.show()
    settle(300)
    window.grab().save(str(out / "board-with-wall-panel.png"))
    window.wall.dock.hide()
    for name, opener in (
        ("goal-dialog", window.edit_goal),
        ("people-dialog", window.edit_people),
        ("export-dialog-csv", window.export),
        ("import-dialog", window.import_rows),
    ):
        opener()
        dialog = window.dialog
        settle(200)
        if name == "goal-dialog":
            dialog.venue.setText("v" * 212)
            name = "goal-dialog-too-long"
        if name == "export-dialog-csv":
            dialog.select("csv")
        settle(200)
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.reject()
        settle()
    board = window.page.board
    problem = window.document.workshop.problem_by_number(7)
    done = next(c for c in board.columns.values() if c.done_badge.isVisibleTo(c))
    board.move_problem(problem.id, done.column_id, 0)
    settle(200)
    board.pending.grab().save(str(out / "agree-dialog-no-solutions.png"))
    board.pending.reject()
    window.close_file()
    settle(200)
    window.grab().save(str(out / "start-recent.png"))
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
