"""The board paints first; the room's panels are built just after, or when asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from workshopdesk.gui.card_list import CardList


class CardsPainted(QObject):
    """Notes whether the room's panels were built when a card list first painted."""

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window = window
        self.docks_built_then: bool | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.docks_built_then is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched.parent(), CardList)
        ):
            self.docks_built_then = self.window.phone_docks.built
        return False


def test_the_board_paints_before_the_docks_are_built(
    qtbot: Any, window_settings: Any, prompts: Any, demo_path: Path
) -> None:
    from workshopdesk.gui.main_window import MainWindow

    window = MainWindow(window_settings, prompts)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    assert window.open_file(demo_path)
    assert not window.phone_docks.built
    painted = CardsPainted(window)
    QApplication.instance().installEventFilter(painted)
    try:
        window.show()
        qtbot.waitUntil(lambda: painted.docks_built_then is not None)
    finally:
        QApplication.instance().removeEventFilter(painted)
    assert painted.docks_built_then is False
    qtbot.waitUntil(lambda: window.phone_docks.built)  # just after, with nothing asked
    window.close()


def test_view_ideas_opens_the_dock_at_once_before_it_was_built(
    qtbot: Any, window_settings: Any, prompts: Any, demo_path: Path
) -> None:
    from workshopdesk.gui.main_window import MainWindow

    window = MainWindow(window_settings, prompts)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    assert window.open_file(demo_path)
    window.show()  # not yet painted: nothing is built
    assert not window.phone_docks.built
    window.phone_docks.ideas_action.trigger()
    assert window.phone_docks.built
    assert not window.phone_docks.ideas_dock.isHidden()
    assert window.phone_docks.ideas_action.isChecked()
    assert window.phone_docks.ideas.document is window.document
    window.phone_docks.ideas_dock.close()  # the dock's own close button unticks the entry
    assert not window.phone_docks.ideas_action.isChecked()
    window.close()


def test_the_round_shortcut_opens_its_dock(
    qtbot: Any, window_settings: Any, prompts: Any, demo_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from workshopdesk.gui.main_window import MainWindow

    window = MainWindow(window_settings, prompts)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    assert window.open_file(demo_path)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.keyClick(
        window.focusWidget() or window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.phone_docks.round_dock.isVisible())
    window.close()
