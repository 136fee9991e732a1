"""The Ideas panel in the main window, on the real demo workshop: phones send ideas
through the one writer, the facilitator decides with the keyboard."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.phone_helpers import first_problem, join, send

from workshopdesk.app.commands import Edit
from workshopdesk.app.moderation import MODERATION_KEY
from workshopdesk.app.workspace import now
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import IdeaState, RoundKind
from workshopdesk.gui.ideas_model import IdeasModel, idea_rows

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def panel(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    window.phone_docks.ideas_action.trigger()
    panel = window.phone_docks.ideas
    qtbot.waitUntil(panel.isVisible)
    return panel


def keys(
    qtbot: Any, panel: Any, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    panel.table.setFocus()
    qtbot.keyClick(panel.table, key, modifier)


def test_a_waiting_idea_shows_its_problem_author_and_time(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    problem = first_problem(document)
    team = document.workshop.ordered_teams()[0]
    anna = join(document, "Anna", team.id)
    send(document, anna, problem, "Call the customer back within a day")
    assert panel.model.rowCount() == 1
    row = [panel.model.index(0, c).data() for c in range(panel.model.columnCount())]
    assert row[0] == "1"
    assert row[1] == f"{problem.number} · {problem.title}"
    assert row[2] == "Call the customer back within a day"
    assert row[3] == f"Anna · {team.name}"
    assert len(row[4]) == 5 and row[4][2] == ":"  # the clock: 14:03
    anonymous = join(document)
    send(document, anonymous, problem, "Fewer meetings")
    assert panel.model.index(1, 3).data() == "anonymous phone"
    assert not panel.empty_label.isVisible()


def test_enter_puts_the_idea_on_the_wall_credited_to_its_author_and_undo_takes_it_back(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    problem = first_problem(document)
    anna = join(document, "Anna Lindqvist")
    send(document, anna, problem, "A shared inbox for quotes")
    before = len(document.workshop.solutions_of(problem.id))
    keys(qtbot, panel, Qt.Key.Key_Return)
    solutions = document.workshop.solutions_of(problem.id)
    assert len(solutions) == before + 1
    added = next(s for s in solutions if s.text == "A shared inbox for quotes")
    assert document.workshop.attendees[added.proposer_id].name == "Anna Lindqvist"
    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisible()
    assert window.undo_action.text().replace("&", "") == "Undo Put idea 1 on the wall"
    window.undo_action.trigger()
    assert len(document.workshop.solutions_of(problem.id)) == before
    assert panel.model.rowCount() == 1


def test_delete_sets_the_idea_aside_and_the_next_one_is_selected(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    problem = first_problem(document)
    phone = join(document, "Bo")
    for text in ("first", "second", "third"):
        send(document, phone, problem, text)
    panel.select(2)
    keys(qtbot, panel, Qt.Key.Key_Delete)
    ideas = {i.text: i for i in document.workshop.ideas.values()}
    assert ideas["second"].state is IdeaState.REJECTED
    assert [r.idea.text for r in panel.model.rows] == ["first", "third"]
    assert panel.current_idea().text == "third"
    assert panel.table.selectionModel().isRowSelected(1)
    assert window.undo_action.text().replace("&", "") == "Undo Not use idea 2"


def test_f2_edits_the_wording_then_puts_it_on_the_wall(qtbot: Any, window: Any, panel: Any) -> None:
    document = window.document
    problem = first_problem(document)
    send(document, join(document, "Cai"), problem, "quotes faster pls")
    keys(qtbot, panel, Qt.Key.Key_F2)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.text, "Send every quote within two days")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    texts = [s.text for s in document.workshop.solutions_of(problem.id)]
    assert "Send every quote within two days" in texts
    assert "quotes faster pls" not in texts
    assert panel.dialog is None


def test_ctrl_m_merges_into_a_solution_of_the_same_problem(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    problem = next(
        p for p in document.workshop.ordered_problems() if document.workshop.solutions_of(p.id)
    )
    solutions = document.workshop.solutions_of(problem.id)
    count = len(solutions)
    send(document, join(document, "Dee"), problem, "same as the first one")
    assert panel.merge_button.isEnabled()
    keys(qtbot, panel, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.dialog
    assert dialog is not None and dialog.solutions.count() == count
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    if count > 1:
        qtbot.keyClick(dialog.solutions, Qt.Key.Key_Down)
    target = dialog.solution_id()
    qtbot.keyClick(dialog.solutions, Qt.Key.Key_Return)
    idea = next(iter(document.workshop.ideas.values()))
    assert idea.state is IdeaState.APPROVED and idea.solution_id == target
    assert len(document.workshop.solutions_of(problem.id)) == count
    assert window.undo_action.text().replace("&", "") == "Undo Merge idea 1 into a solution"


def test_merge_is_off_for_a_problem_without_solutions(qtbot: Any, window: Any, panel: Any) -> None:
    document = window.document
    column = document.workshop.ordered_columns()[0].id
    document.do(lambda ws: ops.add_problem(ws, column, "Brand new"))
    problem = next(p for p in document.workshop.problems.values() if p.title == "Brand new")
    send(document, join(document), problem, "an idea")
    assert panel.approve_button.isEnabled()
    assert not panel.merge_button.isEnabled()


def test_the_moderation_switch_is_a_setting_and_follows_other_programs(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    assert panel.moderation.isChecked()
    panel.moderation.setFocus()
    qtbot.keyClick(panel.moderation, Qt.Key.Key_Space)
    assert document.workspace.setting(MODERATION_KEY) == "off"
    problem = first_problem(document)
    send(document, join(document, "Eve"), problem, "Straight to the wall")
    assert panel.model.rowCount() == 0
    assert "Straight to the wall" in [s.text for s in document.workshop.solutions_of(problem.id)]
    document.change_settings({MODERATION_KEY: "on"})
    assert panel.moderation.isChecked()


def test_a_writing_round_keeps_ideas_private_until_revealed(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    document.do(lambda ws: ops.start_round(ws, RoundKind.WRITE, now()))
    problem = first_problem(document)
    phone = join(document, "Fay")
    send(document, phone, problem, "one")
    send(document, phone, problem, "two")
    assert panel.model.rowCount() == 0
    assert panel.private_label.isVisible()
    assert panel.private_label.text() == "2 ideas written, private until you reveal them."
    document.do(lambda ws: ops.reveal_round(ws))
    assert panel.model.rowCount() == 2
    assert not panel.private_label.isVisible()


def test_the_model_passes_the_model_tester(qtmodeltester: Any, window: Any, panel: Any) -> None:
    document = window.document
    problem = first_problem(document)
    phone = join(document, "Gus")
    for text in ("a", "b", "c"):
        send(document, phone, problem, text)
    qtmodeltester.check(panel.model, force_py=True)  # and it watches what follows:
    document.do(lambda ws: ops.approve_idea(ws, 2))
    send(document, phone, problem, "d")
    document.do(lambda ws: ops.reject_idea(ws, 1))
    assert [r.idea.text for r in panel.model.rows] == ["c", "d"]


def test_a_thousand_ideas_refresh_smoothly_and_keep_the_selection(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    problems = document.workshop.ordered_problems()
    phone = join(document, "Hal")

    def thousand(ws: Any) -> Step:  # one commit, not a thousand
        steps = []
        for n in range(1000):
            step = ops.send_idea(ws, phone, problems[n % len(problems)].id, f"idea {n}", now())
            ws.apply_all(step.changes)
            steps.append(step)
        for step in reversed(steps):
            ws.apply_all(c.inverted() for c in reversed(step.changes))
        return Step(steps[0].label, tuple(c for s in steps for c in s.changes))

    document.workspace.submit(Edit(thousand))
    assert panel.model.rowCount() == 1000
    panel.select(500)
    started = time.perf_counter()
    panel.refresh()
    refresh = time.perf_counter() - started
    assert panel.current_idea().number == 500
    document.do(lambda ws: ops.approve_idea(ws, 10))
    assert panel.model.rowCount() == 999
    assert panel.current_idea().number == 500
    model = IdeasModel()
    started = time.perf_counter()
    model.update(idea_rows(document.workshop))
    build = time.perf_counter() - started
    print(f"\n1,000 waiting ideas: build {build * 1000:.1f} ms, refresh {refresh * 1000:.1f} ms")
