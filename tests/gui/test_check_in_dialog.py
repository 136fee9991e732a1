"""The check-in dialog on a real file: the goal on top, what fell due, and recording it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.pseudo_locale import untranslated, widget_texts, workshop_texts

from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.gui.check_in_dialog import CheckInDialog
from workshopdesk.gui.document import Document
from workshopdesk.store.workshop_file import Mode, WorkshopFile

AFTER_THE_FIRST_WEEK = date(2027, 2, 20)
"""The demo workshop was on 11 February 2027; two follow-ups fall due on the 18th and 19th."""


@pytest.fixture
def document(qtbot: Any, demo_path: Path) -> Iterator[Document]:
    doc = Document(demo_path)
    yield doc
    doc.close()


def test_the_goal_comes_first_then_the_progress_then_what_fell_due(
    qtbot: Any, document: Document
) -> None:
    dialog = CheckInDialog(document, AFTER_THE_FIRST_WEEK)
    qtbot.addWidget(dialog)
    ws = document.workshop
    goal = dialog.findChild(type(dialog.due_caption), "checkInGoal")
    assert goal.text() == ws.info.goal.split("\n\n")[0]  # its first paragraph, as on the wall
    assert goal.toolTip() == ws.info.goal
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == [
        row.follow_up.text for row in dialog.rows
    ]
    assert "2 follow-ups due since the workshop on" in dialog.due_caption.text()


def test_recording_marks_the_follow_ups_saves_the_meeting_and_can_be_undone(
    qtbot: Any, document: Document, demo_path: Path
) -> None:
    dialog = CheckInDialog(document, AFTER_THE_FIRST_WEEK)
    qtbot.addWidget(dialog)
    first, second = (row.follow_up.id for row in dialog.rows)
    mark = dialog.table.cellWidget(0, 4)
    note = dialog.table.cellWidget(0, 5)
    assert isinstance(mark, QComboBox) and isinstance(note, QLineEdit)
    mark.setCurrentIndex(mark.findData(FollowUpStatus.DONE.value))
    qtbot.keyClicks(note, "Tenant list collected.")
    dialog.came.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.others, "Eva from finance, ")
    qtbot.keyClicks(dialog.notes, "Good start.")
    dialog.next_on.setDate(QDate(2027, 3, 6))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted

    with WorkshopFile.open(demo_path, Mode.READ) as file:
        saved = file.load()
    (check_in,) = saved.check_ins.values()
    assert check_in.held_on == "2027-02-20" and check_in.next_on == "2027-03-06"
    assert check_in.came == (saved.ordered_attendees()[0].name, "Eva from finance")
    assert check_in.reviewed == (first, second) and check_in.notes == "Good start."
    assert saved.follow_ups[first].status is FollowUpStatus.DONE
    assert saved.follow_ups[first].outcome == "Tenant list collected."
    assert saved.follow_ups[second].status is FollowUpStatus.OPEN

    document.undo()
    assert document.workshop.check_ins == {}
    assert document.workshop.follow_ups[first].status is FollowUpStatus.OPEN


def test_a_refused_check_in_keeps_the_dialog_open(qtbot: Any, document: Document) -> None:
    dialog = CheckInDialog(document, AFTER_THE_FIRST_WEEK)
    qtbot.addWidget(dialog)
    failures: list[str] = []
    document.failed.connect(failures.append)
    dialog.next_on.setDate(QDate(2027, 2, 1))  # before the check-in itself
    dialog.record()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert failures and "after this one" in failures[0]
    assert document.workshop.check_ins == {}


def test_every_word_of_the_check_in_is_translated(
    qtbot: Any, document: Document, interface_language: Any
) -> None:
    interface_language("pseudo")
    dialog = CheckInDialog(document, AFTER_THE_FIRST_WEEK)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [t for t in widget_texts(dialog) if t]
    qt_own = {  # Qt's own (a calendar popup's month names and arrows): Qt's translations
        text
        for child in dialog.findChildren(QWidget)
        if child.objectName().startswith("qt_")
        for text in widget_texts(child)
    }
    ws = document.workshop
    user = {*workshop_texts(ws), *(f"#{p.number} {p.title}" for p in ws.problems.values())}
    user |= {paragraph.strip() for paragraph in ws.info.goal.split("\n\n")}
    assert untranslated([t for t in texts if t not in qt_own], user) == []


def test_the_check_in_speaks_swedish(
    qtbot: Any, document: Document, interface_language: Any
) -> None:
    interface_language("sv")
    dialog = CheckInDialog(document, AFTER_THE_FIRST_WEEK)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Avstämning"
    assert dialog.due_caption.text().startswith("2 uppföljningar")
    assert "11 februari 2027" in dialog.due_caption.text()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_mark_reads_whole(
    qtbot: Any, document: Document, interface_language: Any, language: str
) -> None:
    """ "Still open" and "Dropped" never shrink to "Still op" in their column."""
    interface_language(language)
    dialog = CheckInDialog(document, date(2027, 3, 1))
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    for row in range(dialog.table.rowCount()):
        mark = dialog.table.cellWidget(row, 4)
        assert isinstance(mark, QComboBox)
        longest = max(mark.fontMetrics().horizontalAdvance(mark.itemText(i)) for i in range(3))
        assert mark.width() >= longest + 30  # the text, the arrow and the padding


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_opening_after_the_day_offers_a_check_in_that_starts_one(
    qtbot: Any, document: Document
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from workshopdesk.gui.check_in_commands import CheckInCommands

    window = QMainWindow()
    qtbot.addWidget(window)
    on_the_day = CheckInCommands(window, lambda: document, lambda: date(2027, 2, 11))
    assert not on_the_day.offer()
    commands = CheckInCommands(window, lambda: document, lambda: AFTER_THE_FIRST_WEEK)
    assert commands.offer()
    box = commands.offer_box
    assert box is not None and "8 follow-ups are still open" in box.text()
    start = next(b for b in box.buttons() if b.text() == "Start a check-in")
    opened: list[object] = []
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.findChildren(CheckInDialog)))
    opened.extend(window.findChildren(CheckInDialog))
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].reject()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_the_window_offers_a_check_in_for_a_workshop_whose_day_is_over(
    make_window: Any, demo_path: Path
) -> None:
    from workshopdesk.core import operations as ops
    from workshopdesk.core.session import Session

    with WorkshopFile.open(demo_path, Mode.EDIT) as file:
        session = Session(file)
        session.do(
            ops.edit_workshop(
                session.workshop,
                starts_at="2026-01-15T09:00:00+01:00",
                ends_at="2026-01-15T17:00:00+01:00",
            )
        )
    window = make_window(demo_path)
    box = window.check_ins.offer_box
    assert box is not None and box.isVisible()
    assert window.check_ins.action in window.workshop_menu.actions()
    assert window.check_ins.action.isEnabled()
    box.reject()
