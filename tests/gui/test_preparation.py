"""The preparation dialogs (goal & ground rules, teams & attendees, invitation), driven
through their real widgets on a real workshop file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QColorDialog, QComboBox, QDialog, QLineEdit, QWidget

from workshopdesk.core import operations
from workshopdesk.core.session import Session
from workshopdesk.gui.document import Document
from workshopdesk.gui.preparation import GoalDialog, InvitationDialog, PeopleDialog
from workshopdesk.gui.preparation.attendees_model import CONSENT, NAME, TEAM, AttendeesModel
from workshopdesk.gui.preparation.teams_model import COLOUR, TeamsModel
from workshopdesk.store.workshop_file import Mode, WorkshopFile

# The offscreen platform has no window manager: it warns that it cannot pass size hints,
# raise a window or grab the keyboard. Those are not faults of the dialogs.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def document(qtbot: object, demo_path: Path) -> Iterator[Document]:
    doc = Document(demo_path)
    yield doc
    doc.close()


def show(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def teams(document: Document) -> list[tuple[str, str]]:
    return [(t.name, t.color) for t in document.workshop.ordered_teams()]


def edit_cell(qtbot, view, index: QModelIndex, text: str) -> None:
    """Type into a table cell the way a facilitator does: select it, type, press Enter."""
    view.setCurrentIndex(index)
    view.setFocus()
    view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # commits queued


# -- teams & attendees -------------------------------------------------------------------------
def test_models_pass_the_model_tester_through_edits_undo_and_outside_changes(
    qtbot, qtmodeltester, document: Document, demo_path: Path
):
    teams_model = TeamsModel(document)
    attendees_model = AttendeesModel(document)
    qtmodeltester.check(teams_model)
    qtmodeltester.check(attendees_model)
    assert teams_model.rowCount() == 2 and attendees_model.rowCount() == 12

    assert teams_model.setData(teams_model.index(0, 0), "Sales & Marketing")
    assert teams_model.data(teams_model.index(0, 0)) == "Sales & Marketing"
    assert teams_model.setData(teams_model.index(1, COLOUR), QColor("#112233"))
    assert attendees_model.setData(attendees_model.index(0, NAME), "Annika L.")
    index = attendees_model.index(2, CONSENT)
    assert attendees_model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert attendees_model.setData(
        index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert attendees_model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    document.do(lambda ws: operations.add_team(ws, "Support", "#81b29a"))
    document.do(lambda ws: operations.delete_team(ws, next(iter(ws.teams))))
    assert attendees_model.rowCount() == 12
    for _ in range(6):
        document.undo()
    assert teams_model.data(teams_model.index(0, 0)) == "Sales"

    other = WorkshopFile.open(demo_path, Mode.WRITE)
    try:
        session = Session(other)
        session.do(operations.add_attendee(session.workshop, "Astrid from Support"))
    finally:
        other.close()
    qtbot.waitUntil(lambda: attendees_model.rowCount() == 13)
    last = attendees_model.index(12, NAME)
    assert attendees_model.data(last) == "Astrid from Support"
    assert attendees_model.data(attendees_model.index(12, TEAM)) == "No team"


def test_team_edits_are_each_undoable(qtbot, document: Document):
    dialog = show(qtbot, PeopleDialog(document))
    original = teams(document)

    qtbot.mouseClick(dialog.add_team_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()  # the new team's name is open for typing
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Support")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [n for n, _ in teams(document)] == ["Sales", "Development", "Support"])
    assert "Rename" not in dialog.undo_button.text()
    assert dialog.undo_button.text() == "Undo: Edit team 'Support'"

    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert [n for n, _ in teams(document)] == ["Sales", "Support", "Development"]

    dialog.teams_view.setCurrentIndex(dialog.teams_model.index(1, COLOUR))
    qtbot.keyClick(dialog.teams_view, Qt.Key.Key_Return)  # Enter on the colour opens the picker
    qtbot.waitUntil(lambda: dialog.findChild(QColorDialog) is not None)
    colour_dialog = dialog.findChild(QColorDialog)
    assert colour_dialog.isVisible()
    colour_dialog.setCurrentColor(QColor("#9c6ade"))
    colour_dialog.accept()
    assert dict(teams(document))["Support"] == "#9c6ade"

    qtbot.mouseClick(dialog.remove_team_button, Qt.MouseButton.LeftButton)
    assert teams(document) == original

    # Each was its own step: undo walks back through them one by one.
    document.undo()
    assert dict(teams(document))["Support"] == "#9c6ade"
    document.undo()
    assert dict(teams(document))["Support"] != "#9c6ade"
    document.undo()
    assert [n for n, _ in teams(document)] == ["Sales", "Development", "Support"]
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)  # the rename
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)  # the add
    assert teams(document) == original
    assert not dialog.undo_button.isEnabled()


def test_attendee_table_editing_and_consent(qtbot, document: Document):
    dialog = show(qtbot, PeopleDialog(document))
    view, model = dialog.attendees_view, dialog.attendees_model
    first = document.workshop.ordered_attendees()[0]

    edit_cell(qtbot, view, model.index(0, NAME), "Annika Lofgren-Berg")
    assert document.workshop.attendees[first.id].name == "Annika Lofgren-Berg"

    view.setCurrentIndex(model.index(0, TEAM))
    view.edit(model.index(0, TEAM))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Development"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    development = next(t.id for t in document.workshop.teams.values() if t.name == "Development")
    assert document.workshop.attendees[first.id].team_id == development

    third = document.workshop.ordered_attendees()[2]
    assert not third.consent_to_share
    view.setCurrentIndex(model.index(2, CONSENT))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # ticks "Shares contact"
    assert document.workshop.attendees[third.id].consent_to_share

    qtbot.mouseClick(dialog.add_attendee_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Astrid Holm")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert "Astrid Holm" in [a.name for a in document.workshop.attendees.values()]
    assert "13 attendees" in dialog.summary.text()

    view.setCurrentIndex(model.index(model.row_of(first.id), NAME))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # removes the selected attendee, undoably
    assert first.id not in document.workshop.attendees
    document.undo()
    for _ in range(5):  # name, team, consent, add, rename: five steps
        document.undo()
    assert document.workshop.attendees[first.id] == first
    assert document.workshop.attendees[third.id] == third
    assert len(document.workshop.attendees) == 12


def test_a_refused_edit_says_why_and_changes_nothing(qtbot, document: Document):
    dialog = show(qtbot, PeopleDialog(document))
    before = teams(document)
    edit_cell(qtbot, dialog.teams_view, dialog.teams_model.index(0, 0), "Development")
    assert "already a team called 'Development'" in dialog.banner.text()
    assert teams(document) == before
    edit_cell(qtbot, dialog.attendees_view, dialog.attendees_model.index(0, 3), "not-an-address")
    assert "does not look like an e-mail address" in dialog.banner.text()
    assert not document.history.can_undo


def test_read_only_people_cannot_be_edited(qtbot, document: Document, demo_path: Path):
    second = Document(demo_path)
    try:
        dialog = show(qtbot, PeopleDialog(second))
        assert "read-only" in dialog.banner.text()
        assert not dialog.add_team_button.isEnabled()
        assert not dialog.add_attendee_button.isEnabled()
        flags = dialog.attendees_model.flags(dialog.attendees_model.index(0, NAME))
        assert not flags & Qt.ItemFlag.ItemIsEditable
        assert not dialog.attendees_model.flags(dialog.attendees_model.index(0, CONSENT)) & (
            Qt.ItemFlag.ItemIsUserCheckable
        )
        dialog.close()
    finally:
        second.close()


def test_read_only_goal_and_invitation(qtbot, document: Document, demo_path: Path):
    second = Document(demo_path)
    try:
        goal = show(qtbot, GoalDialog(second))
        assert "read-only" in goal.banner.text()
        assert goal.title.isReadOnly() and not goal.ok_button.isEnabled()
        assert not goal.rules.add_button.isEnabled()
        goal.close()
        invitation = show(qtbot, InvitationDialog(second))
        assert invitation.text.isReadOnly() and not invitation.ok_button.isEnabled()
        assert invitation.copy_button.isEnabled()  # copying is still fine
        invitation.close()
    finally:
        second.close()


# -- goal & ground rules -----------------------------------------------------------------------
def test_goal_dialog_saves_everything_as_one_undo_step(qtbot, document: Document):
    before = document.workshop.info
    dialog = show(qtbot, GoalDialog(document))
    dialog.title.setText("Sales × Development, Malmö")
    dialog.venue.setText("Hotel Mäster Johan, Malmö")
    dialog.goal.setPlainText("Customers first — together.")
    rules = dialog.rules
    qtbot.mouseClick(rules.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Phones face down")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Phones face down" in rules.rules())
    rules.list.setCurrentRow(3)
    qtbot.mouseClick(rules.up_button, Qt.MouseButton.LeftButton)
    rules.list.setCurrentRow(0)
    qtbot.mouseClick(rules.remove_button, Qt.MouseButton.LeftButton)
    dialog.zone.setEditText("Europe/Helsinki")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    info = document.workshop.info
    assert info.title == "Sales × Development, Malmö"
    assert info.venue == "Hotel Mäster Johan, Malmö"
    assert info.goal == "Customers first — together."
    assert info.ground_rules == ("No judgments", "Phones face down", "Everyone's input is valued")
    assert info.timezone == "Europe/Helsinki"
    assert info.starts_at == "2027-02-11T09:00:00+02:00"  # 09:00 wall time in Helsinki

    document.undo()  # ONE step
    assert document.workshop.info == before
    assert not document.history.can_undo
    document.redo()
    assert document.workshop.info == info


def test_goal_dialog_cancel_validation_defaults_and_outside_changes(qtbot, document: Document):
    before = document.workshop.info
    dialog = show(qtbot, GoalDialog(document))
    dialog.goal.setPlainText("Something else")
    qtbot.keyClick(dialog.goal, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert document.workshop.info == before

    dialog = show(qtbot, GoalDialog(document))
    dialog.title.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "title cannot be empty" in dialog.banner.text()
    assert document.workshop.info == before

    dialog.title.setText(before.title)
    dialog.rules.set_rules(("Only one rule",))
    qtbot.mouseClick(dialog.rules.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.rules.rules() == before.ground_rules
    dialog.goal.setPlainText("Our own goal")
    document.do(lambda ws: operations.edit_workshop(ws, venue="Moved to the barn", goal="Theirs"))
    assert "changed elsewhere" in dialog.banner.text()
    assert dialog.venue.text() == "Moved to the barn"  # untouched: follows
    assert dialog.goal.toPlainText() == "Our own goal"  # typed: kept
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert document.workshop.info.goal == "Our own goal"
    assert document.workshop.info.venue == "Moved to the barn"


def test_goal_dialog_dates_on_a_blank_workshop(qtbot, blank_path: Path):
    document = Document(blank_path)
    try:
        dialog = show(qtbot, GoalDialog(document))
        assert not dialog.dated.isChecked() and not dialog.starts.isEnabled()
        assert dialog.rules.rules() == document.workshop.info.ground_rules  # template defaults
        dialog.dated.setChecked(True)
        dialog.zone.setEditText("Europe/Stockholm")
        from PySide6.QtCore import QDate, QDateTime, QTime

        dialog.starts.setDateTime(QDateTime(QDate(2027, 6, 3), QTime(9, 30)))
        dialog.ends.setDateTime(QDateTime(QDate(2027, 6, 3), QTime(16, 0)))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        info = document.workshop.info
        assert (info.starts_at, info.ends_at) == (
            "2027-06-03T09:30:00+02:00",
            "2027-06-03T16:00:00+02:00",
        )
    finally:
        document.close()


# -- invitation --------------------------------------------------------------------------------
def test_invitation_copy_has_venue_date_and_goal(qtbot, document: Document):
    dialog = show(qtbot, InvitationDialog(document))
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Hi everyone,")
    assert "When: Thursday 11 February 2027, 09:00–17:00 (Europe/Stockholm)" in copied
    assert "Where: Ateljé Varvet, Stora Varvsgatan 14, 211 19 Malmö" in copied
    assert "Deliver genuine, lasting value to our customers — together." in copied
    assert "Copied" in dialog.banner.text()


def test_invitation_says_when_the_date_or_venue_is_missing(qtbot, document: Document):
    dialog = show(qtbot, InvitationDialog(document))
    assert not dialog.missing.isVisible(), "the demo has a date and a venue"
    document.do(lambda ws: operations.edit_workshop(ws, venue="", starts_at=None, ends_at=None))
    qtbot.waitUntil(dialog.missing.isVisible)
    assert dialog.missing.text() == (
        "⚠ The invitation has no date and no venue yet: "
        "set them under Goal & Ground Rules before sending it."
    )
    document.undo()
    qtbot.waitUntil(lambda: not dialog.missing.isVisible())
    document.do(lambda ws: operations.edit_workshop(ws, venue=""))
    qtbot.waitUntil(dialog.missing.isVisible)
    assert "has no venue yet: set it under" in dialog.missing.text()


def test_invitation_edit_is_one_undo_step_and_cancel_keeps_it(qtbot, document: Document):
    before = document.workshop.info.invitation
    dialog = show(qtbot, InvitationDialog(document))
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    assert "not about finding fault" in dialog.text.toPlainText()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert document.workshop.info.invitation == before

    dialog = show(qtbot, InvitationDialog(document))
    dialog.text.setPlainText("Hi all, see you in Malmö!")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert document.workshop.info.invitation == "Hi all, see you in Malmö!"
    document.undo()
    assert document.workshop.info.invitation == before


def cut_off(dialog: QDialog) -> list[str]:
    """Buttons whose label does not fit, or that lie outside their dialog."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QScrollArea

    found = []
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog) or not button.text():
            continue
        if button.width() < button.sizeHint().width():
            found.append(f"{button.text()!r} is cut")
        scrolled = any(isinstance(p, QScrollArea) for p in _ancestors(button, dialog))
        where = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        if not scrolled and not dialog.rect().contains(where):
            found.append(f"{button.text()!r} is outside the dialog")
    return found


def _ancestors(widget: QWidget, top: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


def test_nothing_is_cut_off(qtbot, document: Document):
    """Run the tests with QT_SCALE_FACTOR=2 to check this on high-DPI screens too."""
    for dialog in (GoalDialog(document), PeopleDialog(document), InvitationDialog(document)):
        show(qtbot, dialog)
        assert cut_off(dialog) == [], type(dialog).__name__
        dialog.close()


def test_every_dialog_names_its_controls(qtbot, document: Document):
    for dialog in (GoalDialog(document), PeopleDialog(document), InvitationDialog(document)):
        show(qtbot, dialog)
        unnamed = [
            type(w).__name__
            for w in dialog.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and w.isVisibleTo(dialog)
            and not w.accessibleName()
            and type(w).__name__ not in ("QLineEdit", "QWidget")  # inner parts of combos
        ]
        assert unnamed == [], type(dialog).__name__
        dialog.close()
