"""Phones show the check-in while the facilitator does: the wall's check-in view and the
window's check-in dialog each say so in the file's settings (today's date), and take it
back when they stop, so a phone server in this or another program follows."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.test_wall_window import T0, Clock

from workshopdesk.core.check_ins import SHOWN_IN_WINDOW, SHOWN_ON_WALL
from workshopdesk.gui.check_in_commands import CheckInCommands
from workshopdesk.gui.document import Document
from workshopdesk.gui.wall_controller import WallController
from workshopdesk.paint.wall_scene import View
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def document(demo_path: Path) -> Iterator[Document]:
    doc = Document(demo_path)
    yield doc
    doc.close()


def on_disk(path: Path, key: str) -> str | None:
    """What another program (``workshopdesk serve``) reads from the file."""
    with WorkshopFile.open(path, Mode.READ) as file:
        return file.setting(key)


def test_the_walls_check_in_view_is_shared_while_the_wall_is_up(
    qtbot: Any, document: Document, demo_path: Path
) -> None:
    wall = WallController(document, clock=Clock(), beep=lambda: None)
    try:
        wall.set_view(View.CHECK_IN)  # chosen before the wall is up: nothing shown yet
        assert on_disk(demo_path, SHOWN_ON_WALL) is None
        window = wall.show_wall()
        qtbot.waitUntil(window.isVisible)
        assert on_disk(demo_path, SHOWN_ON_WALL) == T0.date().isoformat()
        wall.show_board()
        assert on_disk(demo_path, SHOWN_ON_WALL) is None
        wall.set_view(View.CHECK_IN)
        assert on_disk(demo_path, SHOWN_ON_WALL) == T0.date().isoformat()
        with qtbot.waitSignal(wall.shownChanged):
            wall.hide_wall()
        assert on_disk(demo_path, SHOWN_ON_WALL) is None
        assert not document.history.can_undo  # not an edit anybody undoes
    finally:
        wall.close()


def test_the_wall_says_the_laptops_own_day_late_in_the_evening(
    qtbot: Any, document: Document, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 19:30 in New York it is already tomorrow in UTC; phones compare with the laptop's
    own calendar, so the wall must say the local day."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        clock = Clock()
        clock.moment = datetime(2027, 2, 12, 0, 30, tzinfo=UTC)  # 19:30 on the 11th there
        wall = WallController(document, clock=clock, beep=lambda: None)
        try:
            window = wall.show_wall()
            qtbot.waitUntil(window.isVisible)
            wall.set_view(View.CHECK_IN)
            assert on_disk(demo_path, SHOWN_ON_WALL) == "2027-02-11"
        finally:
            wall.close()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_the_check_in_dialog_is_shared_until_it_closes(
    qtbot: Any, document: Document, demo_path: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    commands = CheckInCommands(window, lambda: document, lambda: date(2027, 2, 20))
    dialog = commands.start()
    assert dialog is not None
    assert on_disk(demo_path, SHOWN_IN_WINDOW) == "2027-02-20"
    dialog.reject()
    qtbot.waitUntil(lambda: on_disk(demo_path, SHOWN_IN_WINDOW) is None)


def test_a_read_only_window_shares_nothing(qtbot: Any, document: Document, demo_path: Path) -> None:
    second = Document(demo_path)  # a second window on the same file only reads
    try:
        assert second.read_only
        wall = WallController(second, clock=Clock(), beep=lambda: None)
        window = wall.show_wall()
        qtbot.waitUntil(window.isVisible)
        wall.set_view(View.CHECK_IN)
        assert on_disk(demo_path, SHOWN_ON_WALL) is None
        wall.close()
    finally:
        second.close()
