"""Workshop › Exchange Contacts: the facilitator opens and closes the exchange from the
window; the file says so for any phone server, another program's change shows in the
menu, and a window that only reads cannot open it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core import operations as ops
from workshopdesk.core.contact_exchange import EXCHANGE_KEY
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def on_disk(path: Path) -> str | None:
    with WorkshopFile.open(path, Mode.READ) as file:
        return file.setting(EXCHANGE_KEY)


def test_the_menu_opens_and_closes_the_exchange(window: Any, demo_path: Path) -> None:
    action = window.contacts.action
    assert action.isEnabled() and action.isCheckable() and not action.isChecked()
    workshop_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Workshop")
    assert action in workshop_menu.actions()
    action.trigger()
    assert action.isChecked() and on_disk(demo_path)
    assert window.statusBar().currentMessage() == (
        "Contact exchange open: phones on the board can share their cards."
    )
    # A phone shares a card meanwhile; closing says how many were shared.
    device = "aaaaaaaa-0000-4000-8000-000000000001"
    window.document.do(lambda ws: ops.join(ws, device, "2027-02-11T16:00:00+01:00"))
    window.document.do(lambda ws: ops.share_card(ws, device, name="Cy", email="cy@example.se"))
    action.trigger()
    assert not action.isChecked() and on_disk(demo_path) is None
    assert window.statusBar().currentMessage() == "Contact exchange closed: 1 card was shared."


def test_opened_by_another_program_the_menu_shows_it(
    qtbot: Any, window: Any, demo_path: Path
) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        file.set_settings({EXCHANGE_KEY: date.today().isoformat()})
    qtbot.waitUntil(window.contacts.action.isChecked, timeout=5000)


def test_closing_the_workshop_closes_the_exchange(window: Any, demo_path: Path) -> None:
    window.contacts.action.trigger()
    assert on_disk(demo_path) == date.today().isoformat()
    window.close_file()
    assert on_disk(demo_path) is None


def test_a_read_only_window_cannot_open_it(make_window: Any, window: Any, demo_path: Path) -> None:
    second = make_window(demo_path)
    assert second.document.read_only
    assert not second.contacts.action.isEnabled()
