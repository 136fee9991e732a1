"""Fixtures for driving the main window on real workshop files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# The offscreen platform has no window manager: it says so when a window asks to be
# raised, to pass size hints or to grab the keyboard. Those are not faults of the window.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"


@pytest.fixture
def window_settings(tmp_path: Path, qapp: object) -> object:
    from workshopdesk.gui.app import make_application
    from workshopdesk.gui.app_settings import AppSettings, isolated_settings

    make_application()
    folder = tmp_path / "settings"
    folder.mkdir()
    return AppSettings(isolated_settings(folder))


@pytest.fixture
def prompts() -> object:
    from workshopdesk.gui.file_prompts import FixedPrompts

    return FixedPrompts()


@pytest.fixture
def make_window(qtbot, window_settings, prompts) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from workshopdesk.gui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(path: Path | None = None) -> MainWindow:
        window = MainWindow(window_settings, prompts)
        qtbot.addWidget(window)
        if window_settings.geometry() is None:
            window.resize(1600, 1000)
        if path is not None:
            assert window.open_file(path)
        with qtbot.waitExposed(window):
            window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window, demo_path: Path):  # type: ignore[no-untyped-def]
    """The main window showing a fresh copy of the demo workshop."""
    return make_window(demo_path)
