"""The Activity panel in the main window: every change, who made it, newest first."""

from __future__ import annotations

from typing import Any

import pytest
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.phone_helpers import first_problem, join, send

from workshopdesk.app.commands import Edit
from workshopdesk.app.origin import imported
from workshopdesk.core import operations as ops
from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Label
from workshopdesk.gui.activity_model import SOURCE_ROLE, ActivityModel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def panel(qtbot: Any, window: Any) -> Any:
    window.phone_docks.activity_action.trigger()
    panel = window.phone_docks.activity
    qtbot.waitUntil(panel.isVisible)
    return panel


def lines(panel: Any, count: int) -> list[tuple[str, str]]:
    model = panel.model
    return [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(count)]


def test_changes_show_with_their_origin_newest_first(qtbot: Any, window: Any, panel: Any) -> None:
    document = window.document
    problem = first_problem(document)
    anna = join(document, "Anna")
    send(document, anna, problem, "An idea")
    send(document, join(document), problem, "A shy idea")
    document.do(lambda ws: ops.approve_idea(ws, 1))
    column = document.workshop.ordered_columns()[0].id
    document.workspace.submit(
        Edit(lambda ws: ops.add_problem(ws, column, "From the CRM")), imported("crm.csv")
    )
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 7)
    assert lines(panel, 7) == [
        ("Facilitator", "Undo: Put idea 1 on the wall"),
        ("Import from crm.csv", "Add problem 'From the CRM'"),
        ("Facilitator", "Put idea 1 on the wall"),
        ("anonymous phone", f"anonymous phone sent an idea for '{problem.title}'"),
        ("anonymous phone", "anonymous phone joined"),
        ("Anna", f"Anna sent an idea for '{problem.title}'"),
        ("Anna", "Anna joined"),
    ]
    assert panel.model.index(0, 0).data(SOURCE_ROLE) == "facilitator"
    time = panel.model.index(0, 0).data()
    assert len(time) == 8 and time.count(":") == 2


def test_a_hidden_panel_catches_up_when_shown(qtbot: Any, window: Any, panel: Any) -> None:
    window.phone_docks.activity_action.trigger()
    qtbot.waitUntil(lambda: not panel.isVisible())
    join(window.document, "Late")
    window.phone_docks.activity_action.trigger()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and lines(panel, 1)[0][0] == "Late")


def entry(n: int, source: str = "phone") -> ActivityEntry:
    return ActivityEntry(
        f"2026-05-04T10:00:{n:02d}+02:00", source, Label("join", {"name": f"P{n}"}), None, f"P{n}"
    )


def test_the_model_passes_the_model_tester_and_adds_lines_on_top(qtmodeltester: Any) -> None:
    model = ActivityModel()
    model.update([entry(2), entry(1)])
    qtmodeltester.check(model, force_py=True)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.update([entry(4), entry(3), entry(2), entry(1)])
    assert inserted == [(0, 1)]
    assert [model.index(r, 1).data() for r in range(4)] == ["P4", "P3", "P2", "P1"]
    model.update([entry(5), entry(4), entry(3)])  # the oldest line past the limit leaves
    assert [model.index(r, 1).data() for r in range(3)] == ["P5", "P4", "P3"]
    model.update([entry(9, "outside")])  # not a continuation: read afresh
    assert model.index(0, 1).data() == "Another program"
    model.update([])
    assert model.rowCount() == 0


def test_the_view_menu_has_the_panels_with_shortcuts(
    qtbot: Any, make_window: Any, demo_path: Any
) -> None:
    window = make_window()
    docks = window.phone_docks
    menu = [a.text() for a in window.view_menu.actions()]
    for action, keys in (
        (docks.ideas_action, "Ctrl+Shift+D"),
        (docks.round_action, "Ctrl+Shift+R"),
        (docks.activity_action, "Ctrl+Shift+L"),
        (docks.follow_ups_action, "Ctrl+Shift+U"),
    ):
        assert action.text() in menu
        assert action.shortcut().toString() == keys
        assert not action.isEnabled()  # no workshop open
    assert window.open_file(demo_path)
    assert all(a.isEnabled() for a in docks.actions)
    window.close_file()
    assert not docks.ideas_dock.isVisible() and not docks.ideas_action.isEnabled()
