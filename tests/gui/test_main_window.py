"""The main window as a desktop document app: files, recent list, settings, read-only,
outside changes, the start screen, the editor, keyboard reach and accessible names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QListView,
    QMessageBox,
    QToolButton,
)
from tests.gui.board_helpers import board, column_named, column_of, pid, shown_titles, ws
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core import operations as ops
from workshopdesk.core.session import Session
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_title_progress_and_recent_files(window, demo_path, window_settings):
    assert window.windowTitle() == f"{ws(window).info.title} — {demo_path.name}"
    assert window.progress_label.text() == "5 of 10 problems have an agreed solution"
    assert window.progress_label.isVisible()
    assert window.progress_bar.value() == 5 and window.progress_bar.maximum() == 10
    assert window_settings.recent_files() == [demo_path.resolve()]
    assert window_settings.last_file() == demo_path.resolve()
    window.close_action.trigger()
    assert window.document is None
    assert window.stack.currentWidget() is window.start
    assert window.start.recent.count() == 1
    assert demo_path.name in window.start.recent.item(0).text()
    assert not window.copy_action.isEnabled()
    window.start.recent.setCurrentRow(0)
    window.start.recent.itemActivated.emit(window.start.recent.item(0))
    assert window.document is not None and window.document.path == demo_path


def test_window_geometry_is_remembered(make_window, demo_path, window_settings):
    first = make_window(demo_path)
    first.resize(901, 577)  # the offscreen screen is small: stay within it
    first.close()
    assert window_settings.geometry() is not None
    second = make_window()
    # the offscreen screen is 800 px wide: the restored width is held at the minimum
    assert second.height() == 577
    assert second.width() < 1000


def test_the_docks_layout_is_remembered(make_window, demo_path, window_settings):
    first = make_window(demo_path)
    first.share.action.trigger()  # sharing ends with the workshop: its dock is not restored
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.wall.dock)
    first.wall.preview_action.trigger()
    assert first.wall.dock.isVisible() and first.share.dock.isVisible()
    first.close()
    assert window_settings.window_state() is not None
    second = make_window()
    assert second.wall.dock.isVisible()
    assert second.dockWidgetArea(second.wall.dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not second.share.dock.isVisible()
    second.open_file(demo_path)
    assert second.wall.dock.isVisible()
    assert second.wall.dock.widget() is not None and second.wall.controller is not None


def test_save_a_copy_keeps_working_in_the_open_file(window, demo_path, prompts, tmp_path):
    window.document.change_settings({"share.token": "THEPOSTERSLINK", "share.port": "8765"})
    copy = tmp_path / "copy.workshop"
    prompts.answers.append(copy)
    window.copy_action.trigger()
    assert copy.exists()
    with WorkshopFile.open(copy, Mode.READ) as file:
        assert len(file.load().problems) == 10
        assert file.settings() == {}, "the copy never opens for this workshop's phones"
    assert window.document.path == demo_path
    assert "still working in" in window.statusBar().currentMessage()
    # an edit after the copy goes to the open file only
    window.document.do(lambda w: ops.delete_problem(w, pid(window, 1)))
    with WorkshopFile.open(copy, Mode.READ) as file:
        assert len(file.load().problems) == 10


def test_new_from_template_creates_and_opens_the_file(window, prompts, tmp_path):
    target = tmp_path / "retro.workshop"
    prompts.answers.append(target)
    window.start.new_requested.emit("retrospective")
    assert target.exists()
    assert window.document.path == target
    assert len(board(window).columns) == len(ws(window).columns) > 0
    prompts.answers.append(None)  # cancelled: nothing happens
    window.new_action.trigger()
    assert window.document.path == target


def test_open_asks_for_a_file_and_a_bad_one_gets_a_sentence(window, prompts, tmp_path):
    junk = tmp_path / "junk.workshop"
    junk.write_text("not a workshop at all")
    prompts.answers.append(junk)
    window.open_action.trigger()
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible()
    assert "junk.workshop" in box.text()
    assert window.document is not None, "the open workshop stays open"
    box.accept()


def test_open_the_demo_from_the_start_screen(make_window, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = make_window()
    assert window.stack.currentWidget() is window.start
    window.start.demo_button.click()
    assert window.document is not None
    assert window.document.path.is_relative_to(tmp_path / "data")
    assert len(ws(window).problems) == 10


def test_a_workshop_open_elsewhere_opens_read_only(qtbot, make_window, demo_path):
    editing = make_window(demo_path)
    viewer = make_window(demo_path)
    assert not editing.document.read_only
    assert viewer.document.read_only
    assert viewer.page.banner.isVisible()
    assert "Another window is editing" in viewer.page.banner_text.text()
    assert viewer.windowTitle().endswith("(read-only)")
    assert not viewer.add_column_action.isEnabled()
    assert not viewer.undo_action.isEnabled()
    wall = column_named(viewer, "On the wall")
    assert not wall.quick_add.isVisibleTo(viewer)
    assert not wall.cards.dragEnabled()
    before = column_of(viewer, 7)
    assert board(viewer).select(pid(viewer, 7))
    qtbot.keyClick(wall.cards, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(wall.cards, Qt.Key.Key_Delete)
    assert column_of(viewer, 7) == before
    assert ws(viewer).problem_by_number(7) is not None
    # what the editing window changes shows up in the read-only one
    editing.document.do(lambda w: ops.rename_column(w, wall.column_id, "Parking lot"))
    qtbot.waitUntil(lambda: wall.name_label.text() == "Parking lot", timeout=3000)


def test_an_outside_commit_appears_without_losing_the_users_typing(qtbot, window, demo_path):
    wall = column_named(window, "On the wall")
    wall.quick_add.setFocus()
    qtbot.keyClicks(wall.quick_add, "Half-typed idea")
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:  # another program's connection
        session = Session(other)
        number_seven = session.workshop.problem_by_number(7)
        session.do(ops.edit_problem(session.workshop, number_seven.id, title="Tablets crash"))
        session.do(ops.add_problem(session.workshop, wall.column_id, "Imported from the CRM"))
    qtbot.waitUntil(lambda: "Imported from the CRM" in shown_titles(wall), timeout=3000)
    assert "Tablets crash" in shown_titles(wall)
    assert wall.quick_add.text() == "Half-typed idea"
    assert wall.quick_add.hasFocus()
    assert window.progress_label.text() == "5 of 11 problems have an agreed solution"


def test_undo_entries_changed_outside_are_dropped_with_a_message(qtbot, window, demo_path):
    wall = column_named(window, "On the wall")
    window.document.do(lambda w: ops.edit_problem(w, pid(window, 7), title="Mine"))
    assert window.undo_action.isEnabled()
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        session = Session(other)
        seven = session.workshop.problem_by_number(7)
        session.do(ops.edit_problem(session.workshop, seven.id, title="Theirs"))
    qtbot.waitUntil(lambda: "Theirs" in shown_titles(wall), timeout=3000)
    assert not window.undo_action.isEnabled()
    assert "dropped" in window.statusBar().currentMessage()


def test_editing_a_problem_through_the_editor_is_one_undo_step(qtbot, window):
    from workshopdesk.gui.problem_editor import ProblemEditor

    wall = column_named(window, "On the wall")
    assert board(window).select(pid(window, 7))
    qtbot.keyClick(wall.cards, Qt.Key.Key_Return)
    editor = window.dialog
    assert isinstance(editor, ProblemEditor)
    qtbot.waitExposed(editor)
    editor.title.setText("Warehouse tablets crash")
    editor.accept()
    assert shown_titles(wall)[0] == "Warehouse tablets crash"
    assert window.undo_action.text() == "Undo Edit problem 'Warehouse tablets crash'"
    window.undo_action.trigger()
    assert shown_titles(wall)[0].startswith("The app crashes")
    window.redo_action.trigger()
    assert shown_titles(wall)[0] == "Warehouse tablets crash"


def test_zoom_scales_the_columns_and_is_remembered(window, window_settings):
    wall = column_named(window, "On the wall")
    width = wall.width()
    window.zoom_in_action.trigger()
    assert wall.width() > width
    assert window_settings.zoom() > 1.0
    window.zoom_reset_action.trigger()
    assert wall.width() == width


def test_every_control_has_an_accessible_name_and_takes_the_keyboard(window):
    page = window.page
    controls = [
        w
        for kind in (QLineEdit, QComboBox, QAbstractButton, QListView)
        for w in page.findChildren(kind)
        if w.isVisibleTo(window) and w.objectName() != "qt_scrollarea_viewport"
    ]
    assert len(controls) > 15
    for control in controls:
        name = control.accessibleName() or (
            control.text() if isinstance(control, QAbstractButton) else ""
        )
        assert name, f"{type(control).__name__} {control.objectName()} has no name"
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()
    menus = [w for w in page.findChildren(QToolButton) if w.objectName() == "columnMenu"]
    assert all(m.accessibleName().startswith("Column ") for m in menus)


def test_tab_walks_through_every_column(qtbot, window):
    first = column_named(window, "On the wall")
    first.menu_button.setFocus()
    qtbot.waitUntil(first.menu_button.hasFocus)
    seen = set()
    for _ in range(20):
        focused = QApplication.focusWidget()
        seen.add(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    for column in board(window).columns.values():
        assert {column.menu_button, column.cards, column.quick_add} <= seen
    assert board(window).add_column_button in seen


def test_arrow_keys_walk_between_columns(qtbot, window):
    wall = column_named(window, "On the wall")
    assert board(window).select(pid(window, 9))  # second card
    qtbot.keyClick(wall.cards, Qt.Key.Key_Right)
    discussing = column_named(window, "Discussing")
    assert discussing.cards.hasFocus()
    assert discussing.cards.currentIndex().row() == 1


def test_closing_asks_nothing_and_releases_the_file(window, demo_path):
    window.close()
    with WorkshopFile.open(demo_path, Mode.EDIT) as file:
        assert not file.read_only


def test_the_window_uses_the_app_icon(window):
    from workshopdesk.gui.icons import APP_ICON
    from workshopdesk.resources import resource

    assert resource(*APP_ICON).read_text().startswith("<svg")
    icon = window.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(32, 4).alpha() > 0, "the wall fills the icon"


def test_the_workshop_menu_opens_the_preparation_dialogs(window):
    from workshopdesk.gui.preparation import GoalDialog, InvitationDialog, PeopleDialog

    for action, kind in (
        (window.goal_action, GoalDialog),
        (window.people_action, PeopleDialog),
        (window.invitation_action, InvitationDialog),
    ):
        action.trigger()
        assert isinstance(window.dialog, kind)
        window.dialog.reject()
        assert window.dialog is None


def test_a_renamed_team_shows_on_every_card_and_undo_restores_it(window):
    from workshopdesk.gui.card_model import CardRole

    sales = next(t for t in ws(window).teams.values() if t.name == "Sales")
    window.document.do(lambda w: ops.edit_team(w, sales.id, name="Sälj"))
    wall = column_named(window, "On the wall")
    card = wall.model.index(0).data(CardRole)
    assert [name for name, _ in card.teams] == ["Sälj", "Development"]
    assert window.page.filter_bar.team.findText("Sälj") >= 0
    assert window.undo_action.text() == "Undo Edit team 'Sälj'"
    window.undo_action.trigger()
    card = wall.model.index(0).data(CardRole)
    assert [name for name, _ in card.teams] == ["Sales", "Development"]


def test_editing_the_workshop_title_shows_in_the_window_title(window, demo_path):
    window.document.do(lambda w: ops.edit_workshop(w, title="Malmö, the second day"))
    assert window.windowTitle() == f"Malmö, the second day — {demo_path.name}"
    assert window.page.title.text() == "Malmö, the second day"
    window.undo_action.trigger()
    assert window.page.title.text().startswith("Sales × Development")


def test_run_window_opens_the_file_and_returns_when_closed(qapp, demo_path, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer

    from workshopdesk.gui import app as gui_app
    from workshopdesk.gui.app_settings import isolated_settings

    monkeypatch.setattr(gui_app, "user_settings", lambda: isolated_settings(tmp_path))
    seen: list[str] = []

    def look_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, gui_app.MainWindow) and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.close()

    QTimer.singleShot(300, look_and_close)
    assert gui_app.run_window(demo_path) == 0
    assert seen == [f"Sales × Development, Malmö, February — {demo_path.name}"]
    assert QApplication.font().family() == "Inter"


def test_a_file_the_system_asks_to_open_opens_in_the_window(make_window, blank_path):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from workshopdesk.gui.app import FileOpenListener

    window = make_window()
    QApplication.instance().installEventFilter(FileOpenListener(window))
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(blank_path)))
    assert window.document is not None and window.document.path == blank_path
