"""A bug in the window's code: logged with its traceback, one sentence shown, the window
keeps running, and never a storm of message boxes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.gui.error_report import ErrorReporter

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def reporter(window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ErrorReporter]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    reporter = ErrorReporter(window)
    reporter.install()
    yield reporter
    reporter.uninstall()


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and "went wrong" in w.text()
    ]


def broken_slot() -> None:
    raise ZeroDivisionError("the board's column widths do not add up")


def test_a_slot_that_raises_shows_one_sentence_and_the_window_lives_on(
    qtbot, window, reporter, tmp_path: Path
) -> None:
    log = tmp_path / "data" / "WorkshopDesk" / "workshopdesk.log"
    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(0, broken_slot)  # a second one while the box is open: only logged
    qtbot.waitUntil(lambda: len(error_boxes()) == 1)
    qtbot.wait(50)
    (box,) = error_boxes()
    assert box.text() == (
        f"Something went wrong in WorkshopDesk. Your workshop is saved. The details are in {log}."
    )
    text = log.read_text(encoding="utf-8")
    assert text.count("unexpected error in the window") == 2
    assert "Traceback (most recent call last):" in text
    assert 'in broken_slot\n    raise ZeroDivisionError("the board' in text
    box.accept()
    qtbot.waitUntil(lambda: not error_boxes())

    assert window.isVisible() and window.document is not None  # still alive and working
    window.add_column_action.trigger()
    assert "New column" in [c.name for c in window.document.workshop.columns.values()]

    QTimer.singleShot(0, broken_slot)  # after the box is closed, the next error shows again
    qtbot.waitUntil(lambda: len(error_boxes()) == 1)
    error_boxes()[0].accept()


def test_an_error_in_the_phone_servers_thread_is_reported_in_the_window(
    qtbot, window, reporter, tmp_path: Path
) -> None:
    thread = threading.Thread(target=broken_slot, name="phone server")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(error_boxes()) == 1)
    log = (tmp_path / "data" / "WorkshopDesk" / "workshopdesk.log").read_text(encoding="utf-8")
    assert "unexpected error in the thread phone server" in log
    assert "ZeroDivisionError: the board's column widths do not add up" in log
    error_boxes()[0].accept()
