"""The board driven through its real widgets: keyboard moves, the done column, quick-add,
delete with undo, columns, search and filter. Every change is read back from the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.gui.board_helpers import board, column_named, column_of, pid, shown_titles, ws
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core.entities import SolutionStatus
from workshopdesk.gui.agree_dialog import AgreeDialog
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def on_disk(path: Path):  # type: ignore[no-untyped-def]
    with WorkshopFile.open(path, Mode.READ) as file:
        return file.load()


def focus_card(qtbot, window, number: int):  # type: ignore[no-untyped-def]
    assert board(window).select(pid(window, number))
    column = board(window).columns[ws(window).problem_by_number(number).column_id]
    qtbot.waitUntil(column.cards.hasFocus)
    return column.cards


def test_keyboard_moves_a_card_to_the_next_column_and_back(qtbot, window, demo_path):
    cards = focus_card(qtbot, window, 7)  # first card in "On the wall"
    qtbot.keyClick(cards, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert column_of(window, 7) == "Discussing"
    discussing = column_named(window, "Discussing")
    assert shown_titles(discussing)[0].startswith("The app crashes")
    assert discussing.cards.hasFocus(), "the focus follows the card"
    assert discussing.cards.current_id() == pid(window, 7)
    problem = on_disk(demo_path).problem_by_number(7)
    assert on_disk(demo_path).columns[problem.column_id].name == "Discussing"
    assert (
        window.undo_action.text()
        == "Undo Move 'The app crashes on older Android tablets in the warehouse' to Discussing"
    )

    qtbot.keyClick(discussing.cards, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert column_of(window, 7) == "On the wall"


def test_keyboard_reorders_within_a_column_with_undo_and_redo(qtbot, window, demo_path):
    cards = focus_card(qtbot, window, 7)
    wall = column_named(window, "On the wall")
    before = shown_titles(wall)
    qtbot.keyClick(cards, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    after = shown_titles(wall)
    assert after == [before[1], before[0], before[2]]
    qtbot.keyClick(cards, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert shown_titles(wall) == [before[1], before[2], before[0]]
    assert cards.current_id() == pid(window, 7)
    qtbot.keyClick(cards, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # at the end
    assert shown_titles(wall) == [before[1], before[2], before[0]]
    titles_on_disk = [p.title for p in on_disk(demo_path).problems_in(wall.column_id)]
    assert titles_on_disk == [before[1], before[2], before[0]]

    window.undo_action.trigger()
    window.undo_action.trigger()
    assert shown_titles(wall) == before
    assert [p.title for p in on_disk(demo_path).problems_in(wall.column_id)] == before
    window.redo_action.trigger()
    assert shown_titles(wall) == after


def test_moving_an_unsolved_card_into_the_done_column_asks_which_solution(qtbot, window, demo_path):
    # #4 sits in Discussing with two proposed solutions and none agreed.
    assert not ws(window).is_solved(pid(window, 4))
    cards = focus_card(qtbot, window, 4)
    qtbot.keyClick(cards, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    dialog = board(window).pending
    assert isinstance(dialog, AgreeDialog)
    assert column_of(window, 4) == "Discussing", "nothing moves before the answer"
    assert dialog.choices.count() == 2
    dialog.choices.setCurrentRow(1)
    chosen = dialog.chosen_solution()
    dialog.ok_button.click()
    assert column_of(window, 4) == "Solution agreed"
    assert ws(window).solutions[chosen].status is SolutionStatus.AGREED
    disk = on_disk(demo_path)
    assert disk.solutions[chosen].status is SolutionStatus.AGREED
    assert disk.is_solved(pid(window, 4))

    window.undo_action.trigger()  # one step: the move and the agreement
    assert column_of(window, 4) == "Discussing"
    assert ws(window).solutions[chosen].status is SolutionStatus.PROPOSED


def test_cancelling_the_question_leaves_the_card_where_it_was(qtbot, window):
    cards = focus_card(qtbot, window, 7)  # #7 has no solutions at all
    board(window).move_problem(pid(window, 7), column_named(window, "Solution agreed").column_id, 0)
    dialog = board(window).pending
    assert isinstance(dialog, AgreeDialog)
    assert not dialog.choices.isVisibleTo(dialog)
    ok = dialog.ok_button
    assert not ok.isEnabled(), "nothing to agree on until it is written down"
    dialog.reject()
    assert column_of(window, 7) == "On the wall"
    assert not window.undo_action.isEnabled()
    assert cards is not None


def test_writing_the_agreed_solution_while_moving(qtbot, window):
    board(window).move_problem(
        pid(window, 7), column_named(window, "Solution agreed").column_id, None
    )
    dialog = board(window).pending
    qtbot.keyClicks(dialog.new_text, "Ship the fix to the warehouse tablets first")
    dialog.ok_button.click()
    assert column_of(window, 7) == "Solution agreed"
    solutions = ws(window).solutions_of(pid(window, 7))
    assert [(s.text, s.status) for s in solutions] == [
        ("Ship the fix to the warehouse tablets first", SolutionStatus.AGREED)
    ]
    assert window.progress_label.text() == "6 of 10 problems have an agreed solution"


def test_quick_add_then_delete_with_undo(qtbot, window, demo_path):
    wall = column_named(window, "On the wall")
    wall.quick_add.setFocus()
    qtbot.keyClicks(wall.quick_add, "Quotes take two weeks to approve")
    qtbot.keyClick(wall.quick_add, Qt.Key.Key_Return)
    assert shown_titles(wall)[-1] == "Quotes take two weeks to approve"
    assert wall.quick_add.text() == "", "ready for the next one"
    assert window.progress_label.text() == "5 of 11 problems have an agreed solution"
    added = ws(window).problem_by_number(11)
    assert added is not None and added.title == "Quotes take two weeks to approve"

    assert board(window).select(added.id)
    qtbot.keyClick(wall.cards, Qt.Key.Key_Delete)
    assert "Quotes take two weeks to approve" not in shown_titles(wall)
    assert on_disk(demo_path).problem_by_number(11) is None
    assert "Undo" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert shown_titles(wall)[-1] == "Quotes take two weeks to approve"
    assert on_disk(demo_path).problem_by_number(11) is not None


def test_deleting_a_problem_with_solutions_comes_back_whole(qtbot, window):
    number = 2
    solutions = len(ws(window).solutions_of(pid(window, number)))
    assert solutions == 2
    cards = focus_card(qtbot, window, number)
    qtbot.keyClick(cards, Qt.Key.Key_Delete)
    assert ws(window).problem_by_number(number) is None
    window.undo_action.trigger()
    assert len(ws(window).solutions_of(pid(window, number))) == solutions


def test_add_rename_move_and_delete_an_empty_column(qtbot, window):
    the_board = board(window)
    window.add_column_action.trigger()
    names = [c.name for c in ws(window).ordered_columns()]
    assert names[-1] == "New column"
    new = column_named(window, "New column")
    qtbot.waitUntil(new.name_edit.hasFocus)
    new.name_edit.selectAll()
    qtbot.keyClicks(new.name_edit, "Parking lot")
    qtbot.keyClick(new.name_edit, Qt.Key.Key_Return)
    assert [c.name for c in ws(window).ordered_columns()][-1] == "Parking lot"
    assert new.name_label.text() == "Parking lot"

    new.move_left_action.trigger()
    assert [c.name for c in ws(window).ordered_columns()][-2] == "Parking lot"
    layout_order = [the_board.row.itemAt(i).widget() for i in range(len(the_board.columns))]
    assert layout_order.index(new) == len(the_board.columns) - 2, "the widgets follow"

    new.delete_action.trigger()  # empty: no question
    assert the_board.pending is None
    assert "Parking lot" not in [c.name for c in ws(window).ordered_columns()]
    names = lambda: [c.name for c in ws(window).ordered_columns()]  # noqa: E731
    window.undo_action.trigger()
    assert names()[-2] == "Parking lot", "undo brings the deleted column back in its place"
    window.undo_action.trigger()
    assert names()[-1] == "Parking lot"
    window.undo_action.trigger()
    assert names()[-1] == "New column"
    window.undo_action.trigger()
    assert names() == ["On the wall", "Discussing", "Solution agreed", "Follow-up"]
    assert len(the_board.columns) == 4


def test_undo_labels_name_each_column_edit(qtbot, window):
    window.add_column_action.trigger()
    assert window.undo_action.text() == "Undo Add column 'New column'"
    new = column_named(window, "New column")
    new.name_edit.setText("Parking lot")
    new.finish_rename()
    assert window.undo_action.text() == "Undo Rename column 'New column' to 'Parking lot'"
    new.move_left_action.trigger()
    assert window.undo_action.text() == "Undo Move column 'Parking lot'"
    new.done_action.trigger()
    assert window.undo_action.text() == "Undo Make 'Parking lot' the done column"
    assert new.done_badge.isVisibleTo(new)
    assert not column_named(window, "Solution agreed").done_badge.isVisibleTo(new)
    window.undo_action.trigger()
    assert column_named(window, "Solution agreed").done_badge.isVisibleTo(window)
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [c.name for c in ws(window).ordered_columns()] == [
        "On the wall",
        "Discussing",
        "Solution agreed",
        "Follow-up",
    ]
    assert len(board(window).columns) == 4
    assert window.redo_action.text() == "Redo Add column 'New column'"


@pytest.mark.parametrize("answer", ["deleteProblems", "moveProblems", "cancel"])
def test_deleting_a_column_that_holds_problems_asks_first(qtbot, window, demo_path, answer):
    discussing = column_named(window, "Discussing")
    held = [p.id for p in ws(window).problems_in(discussing.column_id)]
    assert len(held) == 2
    discussing.delete_action.trigger()
    box = board(window).pending
    assert isinstance(box, QMessageBox)
    assert "still holds 2 problems" in box.text()
    assert "Discussing" in [c.name for c in ws(window).ordered_columns()], "asked first"
    if answer == "cancel":
        box.button(QMessageBox.StandardButton.Cancel).click()
        assert "Discussing" in [c.name for c in ws(window).ordered_columns()]
        return
    box.findChild(type(box.buttons()[0]), answer).click()
    names = [c.name for c in on_disk(demo_path).ordered_columns()]
    assert "Discussing" not in names
    if answer == "deleteProblems":
        assert all(p not in ws(window).problems for p in held)
    else:
        assert all(column_of(window, ws(window).problems[p].number) == "On the wall" for p in held)
    window.undo_action.trigger()
    assert [c.name for c in on_disk(demo_path).ordered_columns()][1] == "Discussing"
    assert shown_titles(column_named(window, "Discussing")) == [
        ws(window).problems[p].title for p in held
    ]


def test_search_and_filters_narrow_the_board(qtbot, window):
    bar = window.page.filter_bar
    window.find_action.trigger()
    qtbot.waitUntil(bar.search.hasFocus)
    qtbot.keyClicks(bar.search, "rounding")
    shown = [t for c in board(window).columns.values() for t in shown_titles(c)]
    assert shown == ["Invoice totals are off by one öre after the rounding change"]
    assert column_named(window, "Discussing").count_label.text() == "1 of 2"
    bar.clear()
    tag_index = bar.tag.findData("security")
    bar.tag.setCurrentIndex(tag_index)
    shown = {t for c in board(window).columns.values() for t in shown_titles(c)}
    assert shown == {p.title for p in ws(window).problems.values() if "security" in p.tags}
    bar.clear()
    assert sum(c.model.rowCount() for c in board(window).columns.values()) == 10


def test_keyboard_move_with_a_filter_keeps_hidden_cards_in_place(qtbot, window):
    bar = window.page.filter_bar
    bar.tag.setCurrentIndex(bar.tag.findData("contracts"))  # #9 in On the wall, #3 in done
    wall = column_named(window, "On the wall")
    assert shown_titles(wall) == [ws(window).problem_by_number(9).title]
    cards = focus_card(qtbot, window, 9)
    qtbot.keyClick(cards, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert column_of(window, 9) == "Discussing"
    bar.clear()
    assert len(shown_titles(wall)) == 2


def test_f2_renames_a_column_and_escape_cancels(qtbot, window):
    wall = column_named(window, "On the wall")
    assert board(window).select(pid(window, 7))
    qtbot.keyClick(wall.cards, Qt.Key.Key_F2)
    assert wall.name_edit.isVisibleTo(window)
    qtbot.keyClicks(wall.name_edit, "Nope")
    qtbot.keyClick(wall.name_edit, Qt.Key.Key_Escape)
    assert wall.name_label.text() == "On the wall"
    assert not window.undo_action.isEnabled()
    qtbot.keyClick(wall.cards, Qt.Key.Key_F2)
    qtbot.keyClicks(wall.name_edit, "Posters")
    qtbot.keyClick(wall.name_edit, Qt.Key.Key_Return)
    assert next(c.name for c in ws(window).ordered_columns()) == "Posters"


def test_a_cards_context_menu_moves_and_deletes(qtbot, window):
    wall = column_named(window, "On the wall")
    assert board(window).select(pid(window, 7))
    rect = wall.cards.visualRect(wall.model.index(0))
    from PySide6.QtGui import QContextMenuEvent

    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, rect.center(), wall.cards.mapToGlobal(rect.center())
    )
    QApplication.sendEvent(wall.cards.viewport(), event)
    menu = board(window).pending_menu
    assert menu is not None
    move_to = next(a.menu() for a in menu.actions() if a.text() == "Move to")
    targets = {a.text(): a for a in move_to.actions()}
    assert not targets["On the wall"].isEnabled()
    targets["Follow-up"].trigger()  # past the done column: asked first
    dialog = board(window).pending
    assert isinstance(dialog, AgreeDialog)
    assert column_of(window, 7) == "On the wall"
    dialog.reject()
    targets["Discussing"].trigger()
    assert column_of(window, 7) == "Discussing"
    menu.close()


def test_closing_the_file_with_a_question_open_leaves_nothing_behind(window, demo_path):
    board(window).move_problem(pid(window, 7), column_named(window, "Solution agreed").column_id, 0)
    dialog = board(window).pending
    assert dialog is not None and dialog.isVisible()
    window.close_action.trigger()
    assert not dialog.isVisible()
    assert window.document is None


def test_ctrl_shift_arrows_move_the_column_under_the_keyboard(qtbot, window):
    wall = column_named(window, "On the wall")
    assert board(window).select(pid(window, 7))
    qtbot.keyClick(
        wall.cards,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    names = [c.name for c in ws(window).ordered_columns()]
    assert names == ["Discussing", "On the wall", "Solution agreed", "Follow-up"]
    assert wall.cards.hasFocus()
    assert column_of(window, 7) == "On the wall", "the card went along with its column"
    assert window.undo_action.text() == "Undo Move column 'On the wall'"


def test_a_column_of_unsolved_cards_stays_before_the_done_column(qtbot, window, demo_path):
    discussing = column_named(window, "Discussing")  # #4 and #5, neither agreed
    assert board(window).select(pid(window, 4))
    qtbot.keyClick(
        discussing.cards,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    order = ["On the wall", "Discussing", "Solution agreed", "Follow-up"]
    assert [c.name for c in ws(window).ordered_columns()] == order
    assert [c.name for c in on_disk(demo_path).ordered_columns()] == order
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.text() == (
        "Moving the column 'Discussing' would leave 2 problems without an agreed solution "
        "in or past the done column."
    )
    box.close()
    assert not window.undo_action.isEnabled()


def test_keyboard_move_past_done_asks_and_agrees_a_proposed_solution(qtbot, window, demo_path):
    """#2 is agreed and moves on freely; #4 (Discussing) needs its agreement first."""
    cards = focus_card(qtbot, window, 2)
    qtbot.keyClick(cards, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert board(window).pending is None
    assert column_of(window, 2) == "Follow-up"
    board(window).move_problem(pid(window, 4), column_named(window, "Follow-up").column_id, 0)
    dialog = board(window).pending
    assert isinstance(dialog, AgreeDialog)
    dialog.choices.setCurrentRow(0)
    chosen = dialog.chosen_solution()
    dialog.ok_button.click()
    follow_up = column_named(window, "Follow-up").column_id
    assert ws(window).problems_in(follow_up)[0].number == 4
    assert on_disk(demo_path).solutions[chosen].status is SolutionStatus.AGREED
    window.undo_action.trigger()
    assert column_of(window, 4) == "Discussing"
    assert ws(window).solutions[chosen].status is SolutionStatus.PROPOSED
    assert column_of(window, 2) == "Follow-up", "only the last move was undone"


def test_deleting_the_done_column_offers_the_column_after_it(qtbot, window, demo_path):
    done = column_named(window, "Solution agreed")
    held = [p.id for p in ws(window).problems_in(done.column_id)]
    done.delete_action.trigger()
    box = board(window).pending
    assert isinstance(box, QMessageBox)
    move = box.findChild(type(box.buttons()[0]), "moveProblems")
    assert move.text() == "Move them to “Follow-up”"
    move.click()
    disk = on_disk(demo_path)
    assert [c.name for c in disk.ordered_columns()] == ["On the wall", "Discussing", "Follow-up"]
    assert disk.done_column() is not None and disk.done_column().name == "Follow-up"
    assert all(column_of(window, ws(window).problems[p].number) == "Follow-up" for p in held)
    assert column_named(window, "Follow-up").done_badge.isVisibleTo(window)
    assert window.progress_label.text() == "5 of 10 problems have an agreed solution"
    window.undo_action.trigger()
    assert on_disk(demo_path).done_column().name == "Solution agreed"
    assert [p.id for p in ws(window).problems_in(done.column_id)] == held
