"""The problem editor, driven through its real widgets on a real workshop file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from workshopdesk.core import operations
from workshopdesk.core.entities import SolutionStatus
from workshopdesk.core.session import Session
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_drafts import EditorState, SolutionDraft, builders, rebase
from workshopdesk.gui.problem_editor import ProblemEditor
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import render

# The offscreen platform has no window manager: it warns that it cannot pass size hints,
# raise a window or grab the keyboard. Those are not faults of the editor.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def document(qtbot: object, demo_path: Path) -> Iterator[Document]:
    doc = Document(demo_path)
    yield doc
    doc.close()


def problem_id(document: Document, number: int = 1) -> str:
    problem = document.workshop.problem_by_number(number)
    assert problem is not None
    return problem.id


def open_editor(qtbot, document: Document, number: int = 1) -> ProblemEditor:
    editor = ProblemEditor(document, problem_id(document, number))
    qtbot.addWidget(editor)
    with qtbot.waitExposed(editor):
        editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def type_into(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def team(document: Document, name: str) -> str:
    return next(t.id for t in document.workshop.teams.values() if t.name == name)


def person(document: Document, name: str) -> str:
    return next(a.id for a in document.workshop.attendees.values() if a.name == name)


def test_ok_applies_every_edit_as_one_undo_step(qtbot, document: Document, demo_path: Path):
    pid = problem_id(document)
    before = EditorState.of(document.workshop, pid)
    editor = open_editor(qtbot, document)

    type_into(qtbot, editor.title, "Sign-up country cannot be verified")
    type_into(qtbot, editor.customer, "Baltvik Logistik AB")
    type_into(qtbot, editor.description, "Renewal on hold.")
    qtbot.mouseClick(editor.stake.chip(team(document, "Sales")), Qt.MouseButton.LeftButton)
    type_into(qtbot, editor.tags, "pricing, EU data")
    editor.colour.set_value("#bfdbfe")

    first, second, third = editor.solutions.cards()
    type_into(qtbot, first.text, "Use the billing address and the VAT number.")
    qtbot.mouseClick(third.status_buttons[SolutionStatus.AGREED], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(third.vote_buttons[1], Qt.MouseButton.LeftButton)
    third.proposer.set_person_id(None)
    qtbot.mouseClick(second.remove, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(editor.add_solution_button, Qt.MouseButton.LeftButton)
    added = editor.solutions.cards()[-1]
    assert editor.focusWidget() is added.text
    qtbot.keyClicks(added.text, "Ask Baltvik's IT for their country list.")
    added.proposer.set_person_id(person(document, "Annika Löfgren"))
    qtbot.mouseClick(added.teams.chip(team(document, "Development")), Qt.MouseButton.LeftButton)

    follow_up = editor.follow_ups.cards()[0]
    type_into(qtbot, follow_up.text, "Demo the VAT check to Baltvik.")
    follow_up.due.check.setChecked(False)
    qtbot.mouseClick(editor.add_follow_up_button, Qt.MouseButton.LeftButton)
    new_follow_up = editor.follow_ups.cards()[-1]
    qtbot.keyClicks(new_follow_up.text, "Check in with Baltvik after the renewal.")
    new_follow_up.owner.set_person_id(person(document, "Annika Löfgren"))
    new_follow_up.check_in.set_value("2027-04-30")

    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted

    ws = document.workshop
    problem = ws.problems[pid]
    assert problem.title == "Sign-up country cannot be verified"
    assert problem.customer == "Baltvik Logistik AB"
    assert problem.description == "Renewal on hold."
    assert problem.team_ids == (team(document, "Development"),)
    assert problem.tags == ("pricing", "EU data")
    assert problem.color == "#bfdbfe"
    solutions = ws.solutions_of(pid)
    assert [s.text for s in solutions] == [
        "Use the billing address and the VAT number.",
        before.solutions[2].text,
        "Ask Baltvik's IT for their country list.",
    ]
    assert solutions[1].status is SolutionStatus.AGREED
    assert solutions[1].votes == before.solutions[2].votes + 1
    assert solutions[1].proposer_id is None
    assert solutions[2].proposer_id == person(document, "Annika Löfgren")
    assert solutions[2].team_ids == (team(document, "Development"),)
    follow_ups = ws.follow_ups_of(pid)
    assert follow_ups[0].text == "Demo the VAT check to Baltvik." and follow_ups[0].due is None
    assert follow_ups[-1].check_in == "2027-04-30" and follow_ups[-1].due is None
    after = EditorState.of(ws, pid)

    history = document.history
    assert history.undo_label() is not None
    assert "Sign-up country cannot be verified" in render(history.undo_label())  # type: ignore[arg-type]

    document.undo()  # ONE undo restores everything
    assert EditorState.of(document.workshop, pid) == before
    assert not document.history.can_undo
    document.redo()
    assert EditorState.of(document.workshop, pid) == after

    # What the window shows is what the file holds.
    reader = WorkshopFile.open(demo_path, Mode.READ)
    try:
        assert EditorState.of(reader.load(), pid) == after
    finally:
        reader.close()


def test_cancel_and_escape_change_nothing(qtbot, document: Document):
    pid = problem_id(document)
    before = EditorState.of(document.workshop, pid)
    editor = open_editor(qtbot, document)
    type_into(qtbot, editor.title, "Something else")
    qtbot.mouseClick(editor.add_solution_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.solutions.cards()[-1].text, "An idea")
    qtbot.keyClick(editor.solutions.cards()[-1].text, Qt.Key.Key_Escape)
    assert editor.result() == QDialog.DialogCode.Rejected
    assert not editor.isVisible()
    assert EditorState.of(document.workshop, pid) == before
    assert not document.history.can_undo

    editor = open_editor(qtbot, document)
    type_into(qtbot, editor.customer, "Nobody")
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert EditorState.of(document.workshop, pid) == before
    assert not document.history.can_undo


def test_ctrl_enter_saves_from_inside_a_text_box(qtbot, document: Document):
    pid = problem_id(document)
    editor = open_editor(qtbot, document)
    editor.stalled.setFocus()
    editor.stalled.moveCursor(editor.stalled.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.stalled, " Nobody owned it.")
    qtbot.keyClick(editor.stalled, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert document.workshop.problems[pid].stalled_because.endswith("Nobody owned it.")


def test_nothing_changed_means_no_undo_step(qtbot, document: Document):
    editor = open_editor(qtbot, document)
    qtbot.mouseClick(editor.add_solution_button, Qt.MouseButton.LeftButton)  # left empty
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert not document.history.can_undo


def test_a_change_elsewhere_keeps_my_text_and_says_so(qtbot, document: Document, demo_path: Path):
    pid = problem_id(document)
    editor = open_editor(qtbot, document)
    type_into(qtbot, editor.title, "My better title")
    first = editor.solutions.cards()[0]
    type_into(qtbot, first.text, "My wording of the agreed solution.")
    solution_ids = [s.id for s in document.workshop.solutions_of(pid)]

    # Another process (the CLI, the phone server) commits to the same file.
    other = WorkshopFile.open(demo_path, Mode.WRITE)
    try:
        session = Session(other)
        session.do(
            operations.edit_problem(
                session.workshop, pid, title="Their title", customer="Baltvik AB"
            )
        )
        session.do(operations.vote_solution(session.workshop, solution_ids[0], 3))
        session.do(operations.vote_solution(session.workshop, solution_ids[1], 1))
        session.do(operations.add_solution(session.workshop, pid, "An idea from a phone"))
    finally:
        other.close()

    qtbot.mouseClick(editor.add_follow_up_button, Qt.MouseButton.LeftButton)  # not typed in yet
    qtbot.waitUntil(lambda: "changed elsewhere" in editor.banner.text())
    assert len(editor.follow_ups.cards()) == 3  # the empty new card stays
    assert editor.title.text() == "My better title"  # my text is kept
    assert editor.customer.text() == "Baltvik AB"  # what I did not touch follows
    cards = editor.solutions.cards()
    assert cards[0].text.toPlainText() == "My wording of the agreed solution."
    assert cards[0].votes.value() == 12 and cards[1].votes.value() == 2
    assert cards[-1].text.toPlainText() == "An idea from a phone"

    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted
    problem = document.workshop.problems[pid]
    assert (problem.title, problem.customer) == ("My better title", "Baltvik AB")
    solutions = document.workshop.solutions_of(pid)
    assert solutions[0].text == "My wording of the agreed solution."
    assert solutions[0].votes == 12
    assert solutions[-1].text == "An idea from a phone"
    document.undo()  # undoes my edit only: their changes stay
    assert document.workshop.problems[pid].title == "Their title"
    assert document.workshop.solutions_of(pid)[0].votes == 12


def test_deleted_elsewhere_blocks_ok_and_says_so(qtbot, document: Document):
    pid = problem_id(document)
    editor = open_editor(qtbot, document)
    type_into(qtbot, editor.title, "Still typing")
    document.do(lambda ws: operations.delete_problem(ws, pid))
    assert "deleted elsewhere" in editor.banner.text()
    assert not editor.ok_button.isEnabled()
    assert editor.title.text() == "Still typing"
    document.undo()
    assert editor.ok_button.isEnabled()


def test_validation_is_shown_inline_and_nothing_is_saved(qtbot, document: Document):
    pid = problem_id(document)
    before = EditorState.of(document.workshop, pid)
    editor = open_editor(qtbot, document)

    editor.title.clear()
    assert editor.title_error.isVisible()
    assert "cannot be empty" in editor.title_error.text()
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.focusWidget() is editor.title

    editor.title.setText("x" * 201)
    assert "too long" in editor.title_error.text()
    editor.title.setText("A fine title")
    assert not editor.title_error.isVisible()

    editor.solutions.cards()[0].text.clear()  # an existing solution emptied
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "The solution cannot be empty." in editor.banner.text()
    assert EditorState.of(document.workshop, pid) == before
    assert not document.history.can_undo


def test_any_card_colour_from_the_colour_dialog(qtbot, document: Document):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    pid = problem_id(document)
    editor = open_editor(qtbot, document)
    editor.colour.pick()
    picker = editor.findChild(QColorDialog)
    assert picker is not None and picker.isVisible()
    picker.setCurrentColor(QColor("#123456"))
    picker.accept()
    assert editor.colour.value() == "#123456"
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert document.workshop.problems[pid].color == "#123456"


def test_tags_complete_the_tag_being_typed(qtbot, document: Document):
    editor = open_editor(qtbot, document, 2)
    editor.tags.setText("")
    qtbot.keyClicks(editor.tags, "pricing, secu")
    completer = editor.tags.completer()
    assert completer.currentCompletion() == "pricing, security"  # the earlier tag is kept


def test_read_only_workshop_opens_read_only(qtbot, document: Document, demo_path: Path):
    second = Document(demo_path)  # the first window holds the editing lock
    try:
        assert second.read_only
        editor = ProblemEditor(second, problem_id(second))
        qtbot.addWidget(editor)
        editor.show()
        assert "read-only" in editor.banner.text()
        assert editor.title.isReadOnly() and editor.description.isReadOnly()
        assert not editor.ok_button.isEnabled()
        assert not editor.add_solution_button.isEnabled()
        assert not editor.solutions.cards()[0].status_buttons[SolutionStatus.AGREED].isEnabled()
    finally:
        second.close()


def test_every_control_has_an_accessible_name_and_tab_order_follows_the_form(qtbot, document):
    editor = open_editor(qtbot, document)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in editor.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and type(w).__name__ not in ("QLineEdit", "QCalendarWidget", "QWidget", "QListView")
        and not (type(w).__name__ == "QLabel" and w.parent() is editor.banner)  # inner parts
    ]
    assert unnamed == []
    order = []
    widget = editor.title
    for _ in range(5):
        order.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
    assert order[:4] == ["Title", "Customer", "Description and impact", "Why it stalled"]
    assert "has a stake" in order[4]


def test_nothing_is_cut_off_in_the_editor(qtbot, document: Document):
    from tests.gui.test_preparation import cut_off

    editor = open_editor(qtbot, document)
    assert cut_off(editor) == []


def test_rebase_keeps_mine_and_takes_theirs_elsewhere(document: Document):
    pid = problem_id(document)
    # Back before the done column, #1 may lose its only agreed solution (deleted below).
    discussing = next(c.id for c in document.workshop.columns.values() if c.name == "Discussing")
    assert document.do(lambda ws: operations.move_problem(ws, pid, discussing))
    old = EditorState.of(document.workshop, pid)
    mine_solutions = (
        SolutionDraft(**{**_fields(old.solutions[0]), "text": "mine"}),
        old.solutions[1],
        SolutionDraft(key="new-x", text="brand new"),
    )  # removed the third one
    mine = EditorState(pid, old.problem, mine_solutions, old.follow_ups)
    first_id, second_id, third_id = (s.id for s in old.solutions)
    document.do(lambda ws: operations.delete_solution(ws, first_id))
    document.do(lambda ws: operations.vote_solution(ws, second_id, 5))
    document.do(lambda ws: operations.edit_solution(ws, third_id, text="theirs"))
    new = EditorState.of(document.workshop, pid)
    merged = rebase(old, new, mine)
    texts = [(s.id, s.text) for s in merged.solutions]
    assert texts == [(None, "mine"), (second_id, old.solutions[1].text), (None, "brand new")]
    assert merged.solutions[1].votes == old.solutions[1].votes + 5
    label_count = len(builders(new, merged))
    assert label_count == 3  # delete the third, add two back
    document.do_all(operations.edit_problem(document.workshop, pid).label, builders(new, merged))
    assert [s.text for s in document.workshop.solutions_of(pid)] == [
        old.solutions[1].text,
        "mine",
        "brand new",
    ]


def _fields(draft: SolutionDraft) -> dict[str, object]:
    return {name: getattr(draft, name) for name in SolutionDraft.__dataclass_fields__}


def test_a_card_in_done_can_change_which_solution_was_agreed_but_not_lose_it(
    qtbot, document: Document
):
    """#2 sits in the done column with one agreed solution and one proposed."""
    pid = problem_id(document, 2)
    ws = document.workshop
    was = [s.status for s in ws.solutions_of(pid)]
    assert was.count(SolutionStatus.AGREED) == 1
    agreed_row = was.index(SolutionStatus.AGREED)
    other_row = 1 - agreed_row
    editor = open_editor(qtbot, document, 2)
    cards = editor.solutions.cards()
    rejected = SolutionStatus.REJECTED
    qtbot.mouseClick(cards[agreed_row].status_buttons[rejected], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible(), "refused: the card would sit in Done without an agreement"
    assert "keeps an agreed solution" in editor.banner.text()
    assert [s.status for s in ws.solutions_of(pid)] == was

    agreed = SolutionStatus.AGREED
    qtbot.mouseClick(cards[other_row].status_buttons[agreed], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted
    now = [s.status for s in ws.solutions_of(pid)]
    assert (now[agreed_row], now[other_row]) == (rejected, agreed)
    document.undo()
    assert [s.status for s in ws.solutions_of(pid)] == was


def test_the_editor_names_the_teams_its_solutions_came_from(qtbot, document: Document):
    bridged = open_editor(qtbot, document, 2)
    assert bridged.solutions_from.isVisible()
    assert bridged.solutions_from.text() == (
        "Solutions from: Sales, Development · Agreed by both teams"
    )
    bridged.reject()
    without = open_editor(qtbot, document, 7)  # no solutions yet
    assert document.workshop.solutions_of(problem_id(document, 7)) == []
    assert not without.solutions_from.isVisible()
