"""What a facilitator trips over in the window, each driven through the real widgets on
a fresh copy of the demo workshop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.gui.board_helpers import board, column_named, ws
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core.limits import TITLE_MAX
from workshopdesk.gui.preparation import GoalDialog

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_quick_add_warns_while_a_pasted_title_is_too_long(qtbot, window):
    wall = column_named(window, "On the wall")
    before = len(ws(window).problems)
    wall.quick_add.setFocus()
    QApplication.clipboard().setText("x" * 230)
    qtbot.keyClick(wall.quick_add, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert wall.quick_add.text() == "x" * 230, "nothing is cut behind the facilitator's back"
    note = wall.quick_add_note
    assert note.isVisible()
    assert "30 too many" in note.text()
    qtbot.keyClick(wall.quick_add, Qt.Key.Key_Return)
    assert len(ws(window).problems) == before, "not added while too long"
    assert not window.findChildren(QMessageBox), "no modal: the note under the field says it"
    qtbot.keyClick(wall.quick_add, Qt.Key.Key_Backspace)
    wall.quick_add.setText("y" * TITLE_MAX)
    assert note.isVisible() and note.text().startswith(f"{TITLE_MAX} / {TITLE_MAX}")
    qtbot.keyClick(wall.quick_add, Qt.Key.Key_Return)
    assert len(ws(window).problems) == before + 1
    assert not note.isVisible(), "the field is empty again, ready for the next one"


def test_a_short_title_shows_no_count(qtbot, window):
    wall = column_named(window, "On the wall")
    qtbot.keyClicks(wall.quick_add, "Quotes take two weeks")
    assert not wall.quick_add_note.isVisible()


def test_renaming_a_column_to_a_too_long_name_keeps_the_old_one(qtbot, window):
    wall = column_named(window, "On the wall")
    wall.start_rename()
    wall.name_edit.setText("z" * (TITLE_MAX + 5))
    assert wall.name_note.isVisible() and "5 too many" in wall.name_note.text()
    qtbot.keyClick(wall.name_edit, Qt.Key.Key_Return)
    assert wall.name_edit.isVisible(), "Enter does not leave a name that cannot be kept"
    qtbot.keyClick(wall.name_edit, Qt.Key.Key_Escape)
    assert not wall.name_edit.isVisible() and not wall.name_note.isVisible()
    assert column_named(window, "On the wall") is wall
    assert not window.findChildren(QMessageBox)


def test_goal_dialog_counts_the_title_while_typing(qtbot, window):
    window.edit_goal()
    dialog = window.dialog
    assert isinstance(dialog, GoalDialog)
    qtbot.waitExposed(dialog)
    dialog.venue.setText("v" * (TITLE_MAX + 12))
    note = dialog.length_notes[1]
    assert note.isVisible() and "12 too many" in note.text()
    assert dialog.venue.property("invalid") is True
    dialog.venue.setText("Ateljé Varvet")
    assert not note.isVisible() and dialog.venue.property("invalid") is False
    dialog.reject()
    board(window)
