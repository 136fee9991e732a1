"""Test-wide setup: a quiet, isolated environment for Qt, and workshop fixtures."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Qt reads these when it starts: set them before anything imports PySide6.
_RUNTIME = tempfile.mkdtemp(prefix="workshopdesk-xdg-runtime-")
os.chmod(_RUNTIME, 0o700)
os.environ["XDG_RUNTIME_DIR"] = _RUNTIME
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR", "1")
os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, for the tests of one module."""
    from tests.browser import launched

    yield from launched()


def pytest_configure(config: pytest.Config) -> None:
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A fresh copy of the demo workshop on disk."""
    from workshopdesk import starters
    from workshopdesk.store.workshop_file import WorkshopFile

    path = tmp_path / "demo.workshop"
    WorkshopFile.create(path, starters.demo())
    return path


@pytest.fixture
def blank_path(tmp_path: Path) -> Path:
    from workshopdesk import starters
    from workshopdesk.store.workshop_file import WorkshopFile

    path = tmp_path / "blank.workshop"
    WorkshopFile.create(path, starters.template("blank"))
    return path


@pytest.fixture
def session(demo_path: Path) -> Iterator[object]:
    """An editing session on the demo workshop (the window's way of editing)."""
    from workshopdesk.core.session import Session
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    file = WorkshopFile.open(demo_path, Mode.EDIT)
    try:
        yield Session(file)
    finally:
        file.close()


@pytest.fixture
def interface_language() -> Iterator[object]:
    """Speak another language in the window and on the command line for one test:
    ``interface_language("sv")``; English again afterwards."""
    from workshopdesk.text import ui

    def use(language: str) -> object:
        return ui.use(language)

    yield use
    ui.use("en")
