"""Drag and drop of cards. The offscreen platform cannot run a real ``QDrag.exec()``, so
the tests start the drag (and check its MIME data), then deliver the drag-enter, drag-move
and drop events a real drag would send to the target column's view."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from tests.gui.board_helpers import board, column_named, column_of, pid, shown_titles, ws
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core.entities import SolutionStatus
from workshopdesk.gui.agree_dialog import AgreeDialog
from workshopdesk.gui.card_list import CardList
from workshopdesk.gui.card_model import MIME_TYPE
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def start_drag(window, number: int) -> QMimeData:  # type: ignore[no-untyped-def]
    assert board(window).select(pid(window, number))
    problem = ws(window).problem_by_number(number)
    cards = board(window).columns[problem.column_id].cards
    drag = cards.make_drag()
    assert drag is not None
    return drag.mimeData()


def deliver_drop(target: CardList, mime: QMimeData, point: QPoint) -> bool:
    viewport = target.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.MoveAction
    enter = QDragEnterEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(point), action, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_starting_a_drag_carries_the_card_in_our_mime_type(window):
    mime = start_drag(window, 4)
    assert mime.formats()[0] == MIME_TYPE
    payload = json.loads(bytes(mime.data(MIME_TYPE).data()))
    assert payload["problems"] == [pid(window, 4)]
    assert payload["from_column"] == column_named(window, "Discussing").column_id
    assert mime.text() == ws(window).problem_by_number(4).title


def test_drop_between_columns_puts_the_card_where_it_was_dropped(window):
    mime = start_drag(window, 7)  # On the wall, first
    discussing = column_named(window, "Discussing")  # #4, #5
    second = discussing.cards.visualRect(discussing.model.index(1))
    point = QPoint(second.center().x(), second.top() + 3)  # the top edge of #5
    assert deliver_drop(discussing.cards, mime, point)
    titles = shown_titles(discussing)
    assert titles[1] == ws(window).problem_by_number(7).title
    assert len(titles) == 3
    assert column_of(window, 7) == "Discussing"
    assert window.undo_action.text().startswith("Undo Move 'The app crashes")


def test_drop_past_the_done_column_asks_for_the_agreed_solution_too(window, demo_path):
    """#7 has no solution; Follow-up comes after the done column."""
    mime = start_drag(window, 7)
    follow_up = column_named(window, "Follow-up")  # #1, #6
    second = follow_up.cards.visualRect(follow_up.model.index(1))
    point = QPoint(second.center().x(), second.top() + 3)  # the top edge of #6
    deliver_drop(follow_up.cards, mime, point)
    dialog = board(window).pending
    assert isinstance(dialog, AgreeDialog), "dropped past Done without being asked"
    assert column_of(window, 7) == "On the wall", "nothing moves before the answer"
    dialog.new_text.setText("Ship the tablet fix to the warehouse first")
    dialog.ok_button.click()
    assert column_of(window, 7) == "Follow-up"
    assert shown_titles(follow_up)[1] == ws(window).problem_by_number(7).title
    solutions = ws(window).solutions_of(pid(window, 7))
    assert [(s.text, s.status) for s in solutions] == [
        ("Ship the tablet fix to the warehouse first", SolutionStatus.AGREED)
    ]
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        disk = file.load()
    assert disk.is_solved(pid(window, 7))
    assert disk.problems[pid(window, 7)].column_id == follow_up.column_id
    window.undo_action.trigger()  # one step: the agreement and the move
    assert column_of(window, 7) == "On the wall"
    assert ws(window).solutions_of(pid(window, 7)) == []
    assert not window.undo_action.isEnabled()


def test_drop_below_the_last_card_appends(window):
    mime = start_drag(window, 2)  # solved, in the done column
    follow_up = column_named(window, "Follow-up")
    point = QPoint(follow_up.cards.viewport().width() // 2, follow_up.cards.viewport().height() - 5)
    assert deliver_drop(follow_up.cards, mime, point)
    assert board(window).pending is None
    assert shown_titles(follow_up)[-1] == ws(window).problem_by_number(2).title


def test_drop_within_a_column_reorders(window):
    wall = column_named(window, "On the wall")
    before = shown_titles(wall)
    mime = start_drag(window, 10)  # the last card
    first = wall.cards.visualRect(wall.model.index(0))
    assert deliver_drop(wall.cards, mime, QPoint(first.center().x(), first.top() + 3))
    assert shown_titles(wall) == [before[2], before[0], before[1]]
    window.undo_action.trigger()
    assert shown_titles(wall) == before


def test_drop_into_the_done_column_asks_for_the_agreed_solution(window):
    mime = start_drag(window, 5)
    done = column_named(window, "Solution agreed")
    point = QPoint(done.cards.viewport().width() // 2, done.cards.viewport().height() - 5)
    deliver_drop(done.cards, mime, point)
    assert board(window).pending is not None
    assert column_of(window, 5) == "Discussing"
    board(window).pending.reject()


def test_foreign_drops_are_refused(window):
    mime = QMimeData()
    mime.setText("just some text")
    wall = column_named(window, "On the wall")
    assert not deliver_drop(wall.cards, mime, QPoint(20, 20))
    bad = QMimeData()
    bad.setData(MIME_TYPE, b"not json")
    assert not deliver_drop(wall.cards, bad, QPoint(20, 20))
    assert len(shown_titles(wall)) == 3
