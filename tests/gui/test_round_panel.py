"""The Round and phones panel in the main window, on the real demo workshop: rounds run
from the panel, phones join, say they are done, vote, and one is paused."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.phone_helpers import done, dot, first_problem, join, send

from workshopdesk.core.entities import RoundKind
from workshopdesk.core.participation import latest_round, open_round, waiting_ideas

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def panel(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    window.phone_docks.round_action.trigger()
    panel = window.phone_docks.round
    qtbot.waitUntil(panel.isVisible)
    return panel


def press(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.text()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def choose(combo: Any, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_a_writing_round_starts_counts_phones_done_reveals_and_stops(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    assert panel.status_label.text() == "No round yet."
    phones = [join(document, name) for name in ("Ann", "Bo", "Cai")]
    assert panel.phones_label.text() == "Not sharing · 3 joined"
    choose(panel.kind, RoundKind.WRITE.value)
    assert not panel.dots.isVisible()
    press(qtbot, panel.start_button)
    assert open_round(document.workshop).round_kind is RoundKind.WRITE
    assert window.undo_action.text().replace("&", "") == "Undo Start a write round"
    assert not panel.start_button.isEnabled()
    send(document, phones[0], first_problem(document), "A quiet idea")
    done(document, phones[0])
    done(document, phones[1])
    assert panel.status_label.text() == "Silent writing, running: 2 of 3 phones done."
    assert panel.detail_label.text() == "1 idea written, private until you reveal them."
    names = {panel.devices.index(r, 0).data() for r in range(3)}
    assert names == {"Ann  ✓ done", "Bo  ✓ done", "Cai"}
    press(qtbot, panel.reveal_button)
    assert len(waiting_ideas(document.workshop)) == 1
    assert not panel.reveal_button.isEnabled()
    press(qtbot, panel.stop_button)
    assert open_round(document.workshop) is None
    assert panel.status_label.text() == "Silent writing, ended: 2 of 3 phones done."
    assert panel.start_button.isEnabled()
    assert {panel.devices.index(r, 0).data() for r in range(3)} == {"Ann", "Bo", "Cai"}


def test_a_hidden_vote_on_one_problem_then_its_results_ranked(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    problem = next(
        p
        for p in document.workshop.ordered_problems()
        if len(document.workshop.solutions_of(p.id)) > 1
    )
    solutions = document.workshop.solutions_of(problem.id)
    choose(panel.kind, RoundKind.VOTE.value)
    choose(panel.scope, problem.id)
    assert panel.dots.isVisible() and panel.hidden.isVisible()
    panel.dots.setFocus()
    panel.dots.selectAll()
    qtbot.keyClicks(panel.dots, "2")
    panel.hidden.setFocus()
    qtbot.keyClick(panel.hidden, Qt.Key.Key_Space)
    press(qtbot, panel.start_button)
    round_ = open_round(document.workshop)
    assert (round_.round_kind, round_.problem_id, round_.dots, round_.hidden) == (
        RoundKind.VOTE,
        problem.id,
        2,
        True,
    )
    assert not panel.results.isVisible()
    phones = [join(document, "Ann"), join(document)]
    dot(document, phones[0], solutions[1].id)
    dot(document, phones[1], solutions[1].id)
    dot(document, phones[1], solutions[0].id)
    assert panel.detail_label.text() == (
        "3 dots cast, 2 per phone. Counts stay hidden until the vote ends."
    )
    assert (
        panel.status_label.text()
        == f"Vote on problem {problem.number}, running: 0 of 2 phones done."
    )
    press(qtbot, panel.stop_button)
    assert latest_round(document.workshop).ended_at is not None
    assert panel.results.isVisible()
    rows = [
        (panel.results.topLevelItem(i).text(0).strip(), panel.results.topLevelItem(i).text(1))
        for i in range(panel.results.topLevelItemCount())
    ]
    assert rows[0] == (f"{problem.number} · {problem.title}", "")
    assert rows[1] == (solutions[1].text, "2")
    assert rows[2] == (solutions[0].text, "1")
    assert len(rows) == 3  # only what got dots, as on the command line


def test_pausing_a_phone_drops_its_ideas_and_dots_and_undo_brings_it_back(
    qtbot: Any, window: Any, panel: Any
) -> None:
    document = window.document
    problem = next(
        p for p in document.workshop.ordered_problems() if document.workshop.solutions_of(p.id)
    )
    solution = document.workshop.solutions_of(problem.id)[0]
    calm, noisy = join(document, "Calm"), join(document, "Noisy")
    send(document, noisy, problem, "spam")
    send(document, calm, problem, "a real idea")
    choose(panel.kind, RoundKind.VOTE.value)
    press(qtbot, panel.start_button)
    dot(document, noisy, solution.id)
    names = [panel.devices.index(r, 0).data() for r in range(panel.devices.rowCount())]
    assert sorted(names) == ["Calm", "Noisy"]  # in the order they joined (the same second)
    panel.device_list.setFocus()
    qtbot.keyClick(panel.device_list, Qt.Key.Key_Home)
    for _ in range(names.index("Noisy")):
        qtbot.keyClick(panel.device_list, Qt.Key.Key_Down)
    assert panel.device_list.currentIndex().data() == "Noisy"
    press(qtbot, panel.pause_button)
    ws = document.workshop
    assert ws.devices[noisy].blocked
    assert [i.text for i in waiting_ideas(ws)] == ["a real idea"]
    assert not ws.dots
    assert panel.devices.rowCount() == 1
    assert window.undo_action.text().replace("&", "") == "Undo Pause Noisy's phone"
    window.undo_action.trigger()
    assert not document.workshop.devices[noisy].blocked
    assert len(document.workshop.dots) == 1
    assert panel.devices.rowCount() == 2


def test_the_phones_model_passes_the_model_tester(
    qtmodeltester: Any, window: Any, panel: Any
) -> None:
    document = window.document
    phones = [join(document, "Ann"), join(document), join(document, "Cai")]
    qtmodeltester.check(panel.devices, force_py=True)
    names = {panel.devices.index(r, 0).data() for r in range(3)}
    assert names == {"Ann", "anonymous phone", "Cai"}
    choose(panel.kind, RoundKind.WRITE.value)
    panel.start()
    done(document, phones[2])
    assert "Cai  ✓ done" in {panel.devices.index(r, 0).data() for r in range(3)}
    from workshopdesk.core import operations as ops

    document.do(lambda ws: ops.block_device(ws, phones[1]))
    join(document, "Dee")
    assert sorted(r.name for r in panel.devices.rows) == ["Ann", "Cai", "Dee"]


def test_connected_phones_come_from_the_share_server(qtbot: Any, window: Any, panel: Any) -> None:
    join(window.document, "Ann")
    share = window.share.panel
    share.start()
    try:
        qtbot.waitUntil(lambda: panel.phones_label.text() == "0 phones connected · 1 joined")
    finally:
        share.stop()
    qtbot.waitUntil(lambda: panel.phones_label.text() == "Not sharing · 1 joined")


def test_every_control_of_the_panels_has_an_accessible_name(window: Any) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QWidget,
    )

    def inner(widget: Any) -> bool:
        """Part of another control: a view's header or scroll button, a combo's popup."""
        parent = widget.parent()
        while parent is not None:
            if isinstance(parent, (QAbstractItemView, QComboBox)):
                return True
            parent = parent.parent()
        return False

    docks = window.phone_docks
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox)
    controls = [
        w
        for panel in (docks.ideas, docks.round, docks.activity)
        for w in panel.findChildren(QWidget)
        if isinstance(w, kinds) and not inner(w)
    ]
    assert len(controls) >= 14
    assert [w for w in controls if not w.accessibleName()] == []
