"""Wall mode in the facilitator's real main window, and ``workshopdesk shot`` of the wall."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk import cli
from workshopdesk.core import operations
from workshopdesk.paint.wall_scene import View

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_view_menu_opens_the_wall_and_the_clicker_steps_it_from_the_laptop(
    qtbot: QtBot, window: object
) -> None:
    wall = window.wall  # type: ignore[attr-defined]
    assert wall.action in window.view_menu.actions()  # type: ignore[attr-defined]
    document = window.document  # type: ignore[attr-defined]
    controller = wall.controller
    assert controller is not None

    wall.action.trigger()
    qtbot.waitUntil(lambda: controller.is_up)
    assert wall.dock.isVisible()
    window.activateWindow()  # type: ignore[attr-defined]
    order = [p.id for p in document.workshop.ordered_problems()]
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert (controller.view, controller.problem_id) == (View.SPOTLIGHT, order[1])
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert controller.problem_id == order[0]

    # An edit on the laptop reaches the wall's spotlight.
    wall_window = controller.window
    before = wall_window.grab().toImage()
    document.do(lambda ws: operations.edit_problem(ws, order[0], title="Sign-ups verified"))
    qtbot.waitUntil(lambda: wall_window.grab().toImage() != before)

    wall.action.trigger()  # F5 again: the wall closes
    qtbot.waitUntil(lambda: not controller.is_up)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert controller.problem_id == order[0]  # with the wall down the keys are the board's


def test_closing_the_workshop_closes_its_wall(qtbot: QtBot, window: object) -> None:
    wall = window.wall  # type: ignore[attr-defined]
    controller = wall.controller
    wall.action.trigger()
    qtbot.waitUntil(lambda: controller.is_up)
    window.close_file()  # type: ignore[attr-defined]
    assert not controller.is_up
    assert wall.controller is None
    assert not wall.action.isEnabled()


@pytest.mark.parametrize("view", ["wall", "spotlight", "rules"])
def test_shot_renders_the_wall_views_at_full_hd(
    view: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    out = tmp_path / f"{view}.png"
    assert (
        cli.main(["shot", str(demo_path), "-o", str(out), "--view", view, "--theme", "dark"]) == 0
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    assert f"view {view}" in capsys.readouterr().out


def test_shot_spotlights_the_problem_asked_for(
    demo_path: Path, tmp_path: Path, qapp: object
) -> None:
    four, five = tmp_path / "4.png", tmp_path / "5.png"
    base = ["shot", str(demo_path), "--view", "spotlight", "--size", "960x540"]
    assert cli.main([*base, "--problem", "4", "-o", str(four)]) == 0
    assert cli.main([*base, "--problem", "5", "-o", str(five)]) == 0
    assert QImage(str(four)).size().width() == 960
    assert QImage(str(four)) != QImage(str(five))
    assert cli.main([*base, "--problem", "42", "-o", str(four)]) == 1


def test_shot_refuses_a_theme_for_the_desktop_views(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "board.png"
    code = cli.main(["shot", str(demo_path), "-o", str(out), "--view", "board", "--theme", "dark"])
    assert code == 2
    assert "--theme is for the wall views" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as exit_:
        cli.main(["shot", str(demo_path), "-o", str(out), "--view", "wall", "--theme", "sepia"])
    assert exit_.value.code == 2


def test_shift_f5_spotlights_the_selected_card(qtbot: QtBot, window: object) -> None:
    wall = window.wall  # type: ignore[attr-defined]
    document = window.document  # type: ignore[attr-defined]
    board = window.page.board  # type: ignore[attr-defined]
    four = document.workshop.problem_by_number(4)
    assert four is not None
    window.activateWindow()  # type: ignore[attr-defined]
    assert board.select(four.id)
    qtbot.waitUntil(lambda: board.current_problem() == four.id)
    assert wall.spotlight_action.shortcut().toString() == "Shift+F5"
    wall.spotlight_action.trigger()
    controller = wall.controller
    assert controller.is_up
    assert (controller.view, controller.problem_id) == (View.SPOTLIGHT, four.id)
    controller.hide_wall()
