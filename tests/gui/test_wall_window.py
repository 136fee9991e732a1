"""Wall mode in the window: the wall follows every edit, the spotlight steps from any
window, the timer runs on a clock the test controls, themes switch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QWidget
from pytestqt.qtbot import QtBot
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.app.timer import timer_of
from workshopdesk.core import operations
from workshopdesk.core.timer import Phase
from workshopdesk.gui.document import Document
from workshopdesk.gui.wall_controller import WallController
from workshopdesk.gui.wall_menu import WallMode
from workshopdesk.gui.wall_preview import WallPreview
from workshopdesk.paint.wall_scene import View
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

T0 = datetime(2027, 2, 11, 9, 0, tzinfo=UTC)


class Clock:
    """Time that passes only when the test says so."""

    def __init__(self) -> None:
        self.moment = T0

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def document(demo_path: Path) -> Iterator[Document]:
    doc = Document(demo_path)
    yield doc
    doc.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def beeps() -> list[int]:
    return []


@pytest.fixture
def wall(
    document: Document, clock: Clock, beeps: list[int], tmp_path: Path
) -> Iterator[WallController]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = WallController(
        document, settings=settings, clock=clock, beep=lambda: beeps.append(1)
    )
    yield controller
    controller.close()


def snapshot(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def test_the_wall_opens_full_screen_and_esc_leaves(qtbot: QtBot, wall: WallController) -> None:
    window = wall.show_wall()
    qtbot.waitUntil(window.isVisible)
    assert window.isFullScreen()
    assert wall.view is View.RULES  # it opens on the goal and the ground rules
    assert wall.is_up
    assert wall.awake is not None
    with qtbot.waitSignal(wall.shownChanged) as closed:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert closed.args == [False]
    assert not wall.is_up


def test_unplugging_the_projector_takes_the_wall_down(qtbot: QtBot, wall: WallController) -> None:
    from PySide6.QtGui import QGuiApplication

    window = wall.show_wall()
    qtbot.waitExposed(window)
    others = [s for s in QGuiApplication.screens() if s is not window.screen()]
    for screen in others:
        wall.screen_removed(screen)
    assert wall.is_up  # another screen went: the wall stays
    wall.screen_removed(window.screen())
    assert not wall.is_up


def test_the_wall_follows_an_edit_on_the_laptop(
    qtbot: QtBot, wall: WallController, document: Document
) -> None:
    window = wall.show_wall()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_W)  # from the opening slide to the whole wall
    before = snapshot(window)
    problem = document.workshop.problem_by_number(7)
    assert problem is not None
    document.do(lambda ws: operations.edit_problem(ws, problem.id, title="Tablets fixed at last"))
    qtbot.waitUntil(lambda: snapshot(window) != before)
    assert wall.scene().workshop.problems[problem.id].title == "Tablets fixed at last"


def test_the_wall_speaks_the_workshops_language_once_it_is_changed(
    qtbot: QtBot,
    wall: WallController,
    document: Document,
    interface_language: Callable[[str], object],
) -> None:
    interface_language("pseudo")  # the window's language is not the wall's
    window = wall.show_wall()
    qtbot.waitExposed(window)
    assert wall.scene().words.language == "en"
    before = snapshot(window)
    document.do(lambda ws: operations.edit_workshop(ws, language="sv"))
    qtbot.waitUntil(lambda: snapshot(window) != before)
    assert wall.scene().words.language == "sv"
    assert wall.scene().words.gettext("Ground rules") == "Spelregler"
    assert window.windowTitle().startswith("⟦")  # the window's own title: the window's


def test_the_wall_follows_a_change_made_by_another_program(
    qtbot: QtBot, wall: WallController, document: Document, demo_path: Path
) -> None:
    window = wall.show_wall()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_W)  # from the opening slide to the whole wall
    before = snapshot(window)
    problem = document.workshop.problem_by_number(9)
    assert problem is not None
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        from workshopdesk.core.session import Session

        outside = Session(other)
        outside.do(operations.delete_problem(outside.workshop, problem.id))
    qtbot.waitUntil(lambda: problem.id not in wall.scene().workshop.problems)
    qtbot.waitUntil(lambda: snapshot(window) != before)


def test_page_keys_sent_to_the_main_window_step_the_spotlight(
    qtbot: QtBot, wall: WallController, document: Document
) -> None:
    main = QMainWindow()
    editor = QLineEdit(main)
    qtbot.addWidget(main)
    main.setCentralWidget(editor)
    main.show()
    qtbot.keyClick(main, Qt.Key.Key_PageDown)
    assert wall.view is View.RULES  # the wall is not up: the keys are the window's own

    wall.show_wall()
    order = [p.id for p in document.workshop.ordered_problems()]
    qtbot.keyClick(main, Qt.Key.Key_PageDown)
    assert wall.view is View.SPOTLIGHT
    assert wall.problem_id == order[0]
    qtbot.keyClick(main, Qt.Key.Key_PageDown)
    qtbot.keyClick(main, Qt.Key.Key_PageDown)
    assert wall.problem_id == order[2]
    qtbot.keyClick(main, Qt.Key.Key_PageUp)
    assert wall.problem_id == order[1]

    main.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_PageDown)  # typing: the key belongs to the field
    assert wall.problem_id == order[1]


def test_wall_window_keys_step_and_return_to_the_whole_wall(
    qtbot: QtBot, wall: WallController, document: Document
) -> None:
    window = wall.show_wall()
    qtbot.waitExposed(window)
    order = [p.id for p in document.workshop.ordered_problems()]
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert (wall.view, wall.problem_id) == (View.SPOTLIGHT, order[1])
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert wall.problem_id == order[0]
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # handled once, not twice
    assert wall.problem_id == order[1]
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert wall.view is View.WALL
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert wall.view is View.RULES
    qtbot.keyClick(window, Qt.Key.Key_Q)  # no sharing: no QR view
    assert wall.view is View.RULES
    qtbot.keyClick(window, Qt.Key.Key_Left)  # into the spotlight from the end
    assert wall.problem_id == order[-1]
    qtbot.keyClick(window, Qt.Key.Key_Right)  # past the end: the whole wall again
    assert wall.view is View.WALL


def test_full_columns_turn_their_pages_by_themselves(qtbot: QtBot, wall: WallController) -> None:
    assert wall._pages.isActive()
    assert wall._pages.interval() == 8000
    with qtbot.waitSignal(wall.sceneChanged):
        wall._pages.timeout.emit()
    assert wall.scene().page_tick == 1


def test_the_spotlight_moves_on_when_its_problem_is_deleted(
    wall: WallController, document: Document
) -> None:
    wall.step(1)
    first = wall.problem_id
    assert first is not None
    document.do(lambda ws: operations.delete_problem(ws, first))
    assert wall.problem_id != first
    assert wall.problem_id in document.workshop.problems


def test_the_timer_counts_down_and_signals_at_zero(
    qtbot: QtBot, wall: WallController, clock: Clock, beeps: list[int], demo_path: Path
) -> None:
    timer = wall.timer
    timer.set_minutes(2)
    timer.start()
    assert wall.scene().timer_face is not None
    assert wall.scene().timer_face.text == "2:00"
    clock.advance(30)
    assert wall.scene().timer_face.text == "1:30"
    timer.pause()
    clock.advance(600)
    assert timer.remaining() == 90_000
    timer.start()
    timer.add_minute()
    assert timer.remaining() == 150_000
    with WorkshopFile.open(demo_path, Mode.READ) as reader:  # the phones read the same
        assert timer_of(reader.settings()) == timer.state
    assert not document_has_undo(wall)

    clock.advance(150)
    with qtbot.waitSignal(timer.finished, timeout=2000):
        pass
    assert beeps == [1]
    face = wall.scene().timer_face
    assert face is not None and face.finished
    qtbot.waitUntil(lambda: not wall.flash)  # the signal blinks
    qtbot.waitUntil(lambda: wall.flash)

    timer.reset()
    assert timer.state.phase is Phase.STOPPED
    assert timer.remaining() == 120_000
    assert wall.scene().timer_face is None
    assert wall.flash


def test_no_beep_when_the_facilitator_turned_it_off(
    qtbot: QtBot, wall: WallController, clock: Clock, beeps: list[int]
) -> None:
    wall.set_beep(False)
    wall.timer.set_minutes(1)
    wall.timer.start()
    clock.advance(61)
    with qtbot.waitSignal(wall.timer.finished, timeout=2000):
        pass
    assert beeps == []


def test_a_timer_started_elsewhere_shows_on_this_wall(
    qtbot: QtBot, wall: WallController, clock: Clock, demo_path: Path
) -> None:
    from workshopdesk.core.timer import TimerState

    with WorkshopFile.open(demo_path, Mode.WRITE) as other:  # another program
        other.set_settings(TimerState().set_minutes(5).start(T0).to_settings())
    qtbot.waitUntil(lambda: wall.timer.state.running)
    clock.advance(60)
    assert wall.scene().timer_face.text == "4:00"


def test_themes_switch_and_are_remembered(
    qtbot: QtBot, wall: WallController, document: Document, tmp_path: Path
) -> None:
    window = wall.show_wall()
    qtbot.waitExposed(window)
    light = snapshot(window)
    with qtbot.waitSignal(wall.sceneChanged):
        wall.set_theme("dark")
    qtbot.waitUntil(lambda: snapshot(window) != light)
    assert wall.scene().theme.name == "dark"
    wall.set_theme("sepia")  # unknown: ignored
    assert wall.theme.name == "dark"
    again = WallController(document, settings=wall.settings)
    assert again.theme.name == "dark"
    again.close()


def test_the_preview_shows_the_wall_and_drives_the_timer(
    qtbot: QtBot, wall: WallController, clock: Clock
) -> None:
    preview = WallPreview(wall)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    preview.minutes.setValue(3)
    qtbot.mouseClick(preview.minutes_set_button, Qt.MouseButton.LeftButton)
    assert wall.timer.state.duration_ms == 180_000
    qtbot.mouseClick(preview.start_button, Qt.MouseButton.LeftButton)
    assert wall.timer.state.running
    assert preview.start_button.text() == "Pause"
    clock.advance(65)
    qtbot.waitUntil(lambda: preview.clock_label.text() == "1:55")
    qtbot.mouseClick(preview.plus_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.clock_label.text() == "2:55")
    qtbot.mouseClick(preview.start_button, Qt.MouseButton.LeftButton)
    assert wall.timer.state.phase is Phase.PAUSED
    qtbot.mouseClick(preview.reset_button, Qt.MouseButton.LeftButton)
    assert preview.clock_label.text() == "3:00"

    preview.theme_box.setCurrentIndex(preview.theme_box.findData("contrast"))
    preview.theme_box.activated.emit(preview.theme_box.currentIndex())
    assert wall.theme.name == "contrast"
    qtbot.mouseClick(preview.view_buttons[View.RULES], Qt.MouseButton.LeftButton)
    assert wall.view is View.RULES
    assert not preview.view_buttons[View.JOIN].isEnabled()
    qtbot.mouseClick(preview.show_button, Qt.MouseButton.LeftButton)
    assert wall.is_up
    wall.hide_wall()
    qtbot.waitUntil(lambda: not preview.show_button.isChecked())


def test_the_join_code_shows_only_while_sharing(qtbot: QtBot, wall: WallController) -> None:
    window = wall.show_wall()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_W)
    wall.set_view(View.JOIN)
    assert wall.view is View.WALL
    wall.set_join_url("HTTP://192.168.1.23:8765/J/ABCDEFGH")
    assert wall.scene().join is not None
    qtbot.keyClick(window, Qt.Key.Key_Q)
    assert wall.scene().view is View.JOIN
    wall.set_join_url(None)
    assert wall.scene().view is View.WALL
    assert wall.scene().join is None


def test_view_menu_wall_mode_toggles_the_wall(
    qtbot: QtBot, document: Document, tmp_path: Path
) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.setCentralWidget(QWidget())
    menu = QMenu("&View", main)
    main.menuBar().addMenu(menu)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    mode = WallMode(main, menu, settings)
    main.show()
    assert mode.action in menu.actions()
    assert [s.toString() for s in mode.action.shortcuts()] == ["F5", "Ctrl+Shift+W"]
    assert not mode.action.isEnabled()  # no workshop open
    mode.attach(document)
    controller = mode.controller
    assert controller is not None
    mode.action.trigger()
    assert controller.is_up
    assert mode.dock.isVisible()
    assert controller.window is not None
    qtbot.keyClick(controller.window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not mode.action.isChecked())
    mode.set_join_url("HTTP://10.0.0.5:8765/J/TOKEN")
    assert controller.join is not None
    mode.action.trigger()
    assert controller.is_up
    mode.detach()  # the workshop closes: so does its wall
    assert not controller.is_up
    assert not mode.action.isChecked()
    assert not mode.action.isEnabled()


def document_has_undo(wall: WallController) -> bool:
    return wall.document.history.can_undo


SCREENS = {
    "screens": [
        {
            "name": "Laptop",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "Projector",
            "x": 1366,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}

TWO_SCREENS_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.wall_controller import WallController
    document = Document(Path(sys.argv[1]))
    wall = WallController(document)
    window = wall.show_wall()
    app.processEvents()
    print(len(app.screens()), window.screen().name(), window.geometry().x(),
          window.geometry().width(), window.isFullScreen())
    wall.choose_screen(app.screens()[0])  # the facilitator picks the laptop's own screen
    app.processEvents()
    print(wall.window.screen().name(), wall.window.geometry().width())
    wall.close()
    document.close()
    """
)


def test_with_two_screens_the_wall_opens_on_the_second(demo_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", TWO_SCREENS_SCRIPT, str(demo_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "Projector", "1366", "1920", "True", "Laptop", "1366"]


def test_a_read_only_workshop_says_why_the_timer_cannot_start(
    qtbot: QtBot, document: Document, demo_path: Path, clock: Clock
) -> None:
    second = Document(demo_path)  # the file is open for editing in the first window
    try:
        assert second.read_only
        wall = WallController(second, clock=clock)
        with qtbot.waitSignal(second.failed) as failed:
            wall.timer.start()
        assert failed.args[0]
        assert not wall.timer.state.running
        wall.close()
    finally:
        second.close()


def test_n_and_p_page_the_board_by_hand(qtbot: QtBot, wall: WallController) -> None:
    window = wall.show_wall()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_N)  # from the opening slide: the board, next page
    assert (wall.view, wall.scene().page_tick) == (View.WALL, 1)
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert wall.scene().page_tick == 0
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert wall.scene().page_tick == -1
    assert wall._pages.isActive()
    assert wall._pages.remainingTime() > 7000  # the page chosen by hand stays up


WALL_AND_WINDOW_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QMainWindow
    warnings = []
    def record(kind, context, message):
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            warnings.append(message)
    qInstallMessageHandler(record)
    app = QApplication([])
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.wall_controller import WallController
    document = Document(Path(sys.argv[1]))
    laptop, projector = app.screens()
    main = QMainWindow()
    main.setScreen(laptop)
    main.setGeometry(laptop.availableGeometry().adjusted(20, 40, -20, -20))
    main.show()
    wall = WallController(document)
    window = wall.show_wall()
    app.processEvents()
    print(main.screen().name(), window.screen().name(), window.geometry().x(),
          window.isFullScreen())
    # The offscreen platform cannot drop a screen from Python (its setConfiguration is
    # C++ only): the signal stands in here; test_wall_two_screens unplugs one on Xvfb.
    app.screenRemoved.emit(projector)  # the projector's cable is pulled
    app.processEvents()
    app.processEvents()
    print(wall.is_up, main.isVisible(), main.screen().name())
    window = wall.show_wall(laptop)  # back up, on the laptop, when asked
    app.processEvents()
    print(window.screen().name(), window.isFullScreen())
    wall.close()
    document.close()
    print(len(warnings), *warnings)
    """
)


def test_the_window_on_the_first_screen_and_the_wall_on_the_second(
    demo_path: Path, tmp_path: Path
) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", WALL_AND_WINDOW_SCRIPT, str(demo_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Laptop", "Projector", "1366", "True"]
    assert lines[1].split() == ["False", "True", "Laptop"]  # the wall left; the window stays
    assert lines[2].split() == ["Laptop", "True"]
    assert lines[3] == "0"  # no Qt warning on the way
