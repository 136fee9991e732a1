"""What a facilitator trips over in the window, each driven through the real widgets on
a fresh copy of the demo workshop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
)
from tests.gui.board_helpers import board, column_named, ws
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core.limits import TITLE_MAX
from workshopdesk.gui.agree_dialog import AgreeDialog
from workshopdesk.gui.card_model import ProblemIdRole
from workshopdesk.gui.export_dialog import ExportDialog
from workshopdesk.gui.import_dialog import ImportDialog
from workshopdesk.gui.preparation import GoalDialog, PeopleDialog
from workshopdesk.gui.preparation.teams_model import COLOUR, colour_name

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


def test_a_read_only_window_opens_goal_and_people_to_read(qtbot, make_window, demo_path):
    make_window(demo_path)
    viewer = make_window(demo_path)
    assert viewer.document.read_only
    for key, action in (("goal", viewer.goal_action), ("people", viewer.people_action)):
        assert action.isEnabled()
        assert viewer.toolbar_actions[key].isEnabled()
    assert not viewer.toolbar_actions["problem"].isEnabled()
    viewer.toolbar_actions["goal"].trigger()
    goal = viewer.dialog
    assert isinstance(goal, GoalDialog)
    qtbot.waitExposed(goal)
    assert goal.title.text() == ws(viewer).info.title
    assert goal.title.isReadOnly()
    goal.reject()
    viewer.toolbar_actions["people"].trigger()
    people = viewer.dialog
    assert isinstance(people, PeopleDialog)
    qtbot.waitExposed(people)
    assert people.teams_model.rowCount() == len(ws(viewer).teams)
    assert not people.add_team_button.isEnabled()
    assert not people.undo_button.isEnabled()
    people.reject()


def test_people_undo_offers_only_what_the_dialog_did(qtbot, window):
    wall = column_named(window, "On the wall")
    qtbot.keyClicks(wall.quick_add, "Quotes take two weeks")
    qtbot.keyClick(wall.quick_add, Qt.Key.Key_Return)
    assert window.document.history.can_undo  # a board step the dialog must not offer
    window.edit_people()
    people = window.dialog
    assert isinstance(people, PeopleDialog)
    qtbot.waitExposed(people)
    assert not people.undo_button.isEnabled()
    assert people.undo_button.text() == "Undo"
    qtbot.keyClick(people, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert any(p.title == "Quotes take two weeks" for p in ws(window).problems.values())
    teams = len(ws(window).teams)
    qtbot.mouseClick(people.add_team_button, Qt.MouseButton.LeftButton)
    people.teams_view.closePersistentEditor(people.teams_view.currentIndex())
    assert len(ws(window).teams) == teams + 1
    assert people.undo_button.isEnabled()
    assert people.undo_button.text().startswith("Undo: ")
    assert "problem" not in people.undo_button.text()
    qtbot.mouseClick(people.undo_button, Qt.MouseButton.LeftButton)
    assert len(ws(window).teams) == teams
    assert not people.undo_button.isEnabled(), "what is left to undo is the board's"
    people.reject()
    assert any(p.title == "Quotes take two weeks" for p in ws(window).problems.values())


def test_ctrl_s_says_every_change_is_saved_and_closing_clears_old_news(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Saved automatically")
    window.statusBar().showMessage("Saved a copy as elsewhere.workshop")
    window.close_action.trigger()
    assert window.document is None
    assert window.statusBar().currentMessage() == ""


def _settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(50)
    QApplication.processEvents()


def test_the_board_fits_a_1440_pixel_window(qtbot, window):
    window.resize(1440, 900)
    _settle(qtbot, window)
    page = window.page
    scroll = board(window).scroll
    assert scroll.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    button = board(window).add_column_button
    right = button.mapTo(scroll.viewport(), button.rect().topRight()).x()
    assert right <= scroll.viewport().width()
    assert button.text() == "+  Add column"
    for column in board(window).columns.values():
        assert not column.name_label.is_elided(), column.column_name
    assert not page.title.is_elided() and not page.meta.is_elided()


def test_cut_short_text_can_still_be_read(qtbot, window):
    window.resize(1440, 900)
    _settle(qtbot, window)
    page = window.page
    assert page.goal.is_elided()
    assert " ".join(page.goal.shown_tip().split()) == " ".join(ws(window).info.goal.split())
    window.resize(900, 700)
    _settle(qtbot, window)
    title = page.title
    assert title.is_elided() or title.shown_tip() == ""
    if title.is_elided():
        assert title.shown_tip() == ws(window).info.title
    wall = column_named(window, "On the wall")
    card = wall.cards.model().index(0, 0)
    problem = ws(window).problems[wall.cards.model().data(card, ProblemIdRole)]
    tip = wall.cards.model().data(card, Qt.ItemDataRole.ToolTipRole)
    assert problem.customer and problem.customer in tip


def test_wall_controls_leave_the_board_its_columns_and_header(qtbot, window):
    window.resize(1440, 900)
    window.wall.dock.show()
    _settle(qtbot, window)
    assert window.wall.dock.width() <= 300
    for column in board(window).columns.values():
        viewport = board(window).scroll.viewport()
        right = column.mapTo(viewport, column.rect().topRight()).x()
        assert right <= viewport.width(), f"{column.column_name} is whole on screen"
    page = window.page
    qtbot.waitUntil(lambda: not page.title.is_elided() and not page.meta.is_elided())
    assert board(window).add_column_button.toolTip() == "Add a column"
    preview = window.wall.dock.widget()
    for combo in (preview.screen_box, preview.theme_box):
        assert combo.geometry().right() <= preview.width()


def test_combo_arrows_are_whole(qtbot, window):
    window.wall.dock.show()
    _settle(qtbot, window)
    preview = window.wall.dock.widget()
    boxes = [*window.page.filter_bar.findChildren(QComboBox), preview.screen_box]
    for box in (*boxes, preview.theme_box):
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        arrow = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, box
        )
        assert box.rect().contains(arrow), box.accessibleName()
        assert arrow.width() >= 20 and arrow.right() < box.width() - 1


def test_export_shows_only_the_options_the_format_takes(qtbot, window):
    window.export()
    dialog = window.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    dialog.select("csv")
    assert dialog.excel.isVisible()
    assert not dialog.paper.isVisible() and not dialog.private.isVisible()
    assert not dialog.invitation.isVisible()
    dialog.select("pdf")
    assert dialog.paper.isVisible() and not dialog.excel.isVisible()
    assert dialog.export_button.property("primary") is True
    assert "QComboBox::drop-down" in dialog.styleSheet(), "the house style, arrows drawn whole"
    dialog.reject()


def test_import_wears_the_house_style(qtbot, window):
    window.import_rows()
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    assert "QComboBox::drop-down" in dialog.styleSheet()
    assert dialog.import_button.property("primary") is True
    dialog.reject()


def test_agreeing_on_a_problem_without_solutions_asks_to_write_it(qtbot, window):
    number = 7  # no solutions at all
    problem = ws(window).problem_by_number(number)
    board(window).move_problem(problem.id, column_named(window, "Solution agreed").column_id, 0)
    dialog = board(window).pending
    assert isinstance(dialog, AgreeDialog)
    intro = dialog.findChildren(QLabel)[0].text()
    assert "write down the solution the room agreed on" in intro
    assert "pick" not in intro
    assert not dialog.choices.isVisible()
    assert not dialog.findChildren(QDialogButtonBox)
    assert all(button.icon().isNull() for button in dialog.findChildren(QPushButton))
    assert not dialog.ok_button.isEnabled()
    dialog.new_text.setText("Ship the fix for Android 9 tablets")
    dialog.ok_button.click()
    assert column_named(window, "Solution agreed").column_id == (
        ws(window).problem_by_number(number).column_id
    )


def test_team_colours_are_named_not_coded(qtbot, window):
    window.edit_people()
    dialog = window.dialog
    assert isinstance(dialog, PeopleDialog)
    qtbot.waitExposed(dialog)
    model = dialog.teams_model
    for row in range(model.rowCount()):
        index = model.index(row, COLOUR)
        shown = model.data(index, Qt.ItemDataRole.DisplayRole)
        assert not shown.startswith("#")
        assert shown.lower() in model.data(index, Qt.ItemDataRole.AccessibleTextRole)
        assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert colour_name("#e07a5f") == "Orange"
    assert colour_name("#3d5a80") == "Blue"
    assert colour_name("#ffffff") == "White"
    dialog.reject()


def test_recent_workshops_show_title_and_date_and_never_write(qtbot, make_window, demo_path):
    missing = demo_path.with_name("gone.workshop")
    broken = demo_path.with_name("broken.workshop")
    broken.write_bytes(b"not a workshop at all")
    window = make_window(demo_path)
    for path in (broken, missing):
        window.settings.add_recent(path)
    window.close_action.trigger()
    before = {p: p.read_bytes() for p in (demo_path, broken)}
    window.show_start()
    recent = window.start.recent
    texts = [recent.item(row).text() for row in range(recent.count())]
    title = ws_title(demo_path)
    assert any(text.startswith(title) and "Feb 11, 2027" in text for text in texts)
    assert not any(text.startswith("gone.workshop") for text in texts), "missing: left out"
    assert any(text.startswith("broken.workshop\nCannot be read") for text in texts)
    assert {p: p.read_bytes() for p in (demo_path, broken)} == before


def ws_title(path):  # type: ignore[no-untyped-def]
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    with WorkshopFile.open(path, Mode.READ) as file:
        return file.load().info.title
