"""The Follow-ups panel in the main window: every follow-up in one list, filtered, sorted
by date, overdue ones in red, status and outcome edited in place, each edit one undo step."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from tests.export.conftest import stable_demo
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.gui import style
from workshopdesk.gui.follow_ups_model import (
    DUE,
    OUTCOME,
    OVERDUE_ROLE,
    OWNER,
    STATUS,
    TEXT,
    FollowUpsFilter,
    FollowUpsModel,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
CHECK_IN_DAY = date(2027, 3, 1)
"""The short meeting weeks later: four follow-ups were due before it."""


@pytest.fixture
def panel(qtbot: Any, window: Any) -> Any:
    window.phone_docks.follow_ups_action.trigger()
    panel = window.phone_docks.follow_ups
    panel.model.today = lambda: CHECK_IN_DAY
    panel.refresh()
    qtbot.waitUntil(panel.isVisible)
    return panel


def shown(panel: Any, column: int) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_the_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    model = FollowUpsModel(edit=lambda _id, _fields: True, today=lambda: CHECK_IN_DAY)
    model.refresh(stable_demo())
    assert model.rowCount() == 8
    qtmodeltester.check(model, force_py=True)
    proxy = FollowUpsFilter()
    proxy.setSourceModel(model)
    proxy.set_owner("annika löfgren")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1


def test_every_follow_up_is_listed_soonest_first_with_overdue_ones_in_red(panel: Any) -> None:
    assert shown(panel, OWNER) == [
        "Jonas Öberg", "Annika Löfgren", "Sofie Bäckström", "Mikael Åberg",
        "Henrik Sjöström", "Leila Haddad", "Tomasz Kowalski", "Priya Raman",
    ]  # fmt: skip
    assert shown(panel, DUE)[:3] == ["18 Feb 2027", "19 Feb 2027", "25 Feb 2027"]
    assert shown(panel, STATUS) == ["Overdue"] * 4 + ["Open"] * 4
    first, later = panel.proxy.index(0, DUE), panel.proxy.index(5, DUE)
    assert first.data(OVERDUE_ROLE) and not later.data(OVERDUE_ROLE)
    assert first.data(Qt.ItemDataRole.ForegroundRole).color().name() == style.DANGER
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None
    assert panel.summary.text().startswith("8 follow-ups · 4 overdue")
    panel.table.horizontalHeader().setSortIndicator(DUE, Qt.SortOrder.DescendingOrder)
    assert shown(panel, DUE)[0] == "26 Mar 2027"


def edit_cell(qtbot: Any, panel: Any, row: int, column: int) -> Any:
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.proxy.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    return editor


def test_status_and_outcome_are_edited_in_place_one_undo_step_each(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    follow_up_id = panel.proxy.index(0, TEXT).data(Qt.ItemDataRole.UserRole + 1)

    combo = edit_cell(qtbot, panel, 0, STATUS)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Done"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.workshop.follow_ups[follow_up_id].status.value == "done")
    assert shown(panel, STATUS)[0] == "Done"
    assert panel.summary.text().startswith("8 follow-ups · 3 overdue")

    line = edit_cell(qtbot, panel, 0, OUTCOME)
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "SSO works for all three tenants.")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            document.workshop.follow_ups[follow_up_id].outcome == "SSO works for all three tenants."
        )
    )
    assert shown(panel, OUTCOME)[0] == "SSO works for all three tenants."

    window.undo_action.trigger()
    kept = document.workshop.follow_ups[follow_up_id]
    assert (kept.status.value, kept.outcome) == ("done", "")
    window.undo_action.trigger()
    assert document.workshop.follow_ups[follow_up_id].status is FollowUpStatus.OPEN
    assert shown(panel, STATUS)[0] == "Overdue"


def test_filters_by_owner_and_status(qtbot: Any, window: Any, panel: Any) -> None:
    from workshopdesk.core import operations as ops

    document = window.document
    annika = next(f for f in document.workshop.follow_ups.values() if f.due == "2027-02-19")
    document.do(lambda ws: ops.edit_follow_up(ws, annika.id, status="dropped"))
    panel.choose_owner("Annika Löfgren")
    assert shown(panel, OWNER) == ["Annika Löfgren"]
    assert panel.summary.text().startswith("1 of 8 shown")
    panel.choose_owner(None)
    panel.choose_status(FollowUpStatus.OPEN)
    assert len(shown(panel, OWNER)) == 7 and "Annika Löfgren" not in shown(panel, OWNER)
    panel.choose_status(FollowUpStatus.DROPPED)
    assert shown(panel, OWNER) == ["Annika Löfgren"]
    assert panel.owner_filter.accessibleName() and panel.status_filter.accessibleName()
    assert panel.table.accessibleName() == "Every follow-up of the workshop"
