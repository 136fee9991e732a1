"""The check-in on the phones: while the facilitator shows it (on the wall or in the
window), phones with the link show what fell due since the last check-in and where each
follow-up stands, from the script and from the server alike; a key left from another day
shows nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from workshopdesk import starters
from workshopdesk.core import check_ins
from workshopdesk.core.check_ins import SHOWN_IN_WINDOW, SHOWN_ON_WALL
from workshopdesk.server.view import board_view
from workshopdesk.text import translator

from .serve_process import Served
from .test_phone_browser import in_another_process, live

TODAY = date.today()

WEEKS_LATER = f"""
from dataclasses import replace
from workshopdesk.core.entities import FollowUpStatus
ws = file.load()
day = "{(TODAY - timedelta(days=30)).isoformat()}"
file.write(op.edit_workshop(ws, starts_at=day + "T09:00:00+01:00",
                            ends_at=day + "T16:00:00+01:00").changes)
ws = file.load()
rows = sorted(ws.follow_ups.values(), key=lambda f: f.due or "")
file.write(op.edit_follow_up(ws, rows[0].id, due="{(TODAY - timedelta(days=10)).isoformat()}",
                             status=FollowUpStatus.DONE, outcome="Tenant IDs sent").changes)
ws = file.load()
due = "{(TODAY - timedelta(days=5)).isoformat()}"
file.write(op.edit_follow_up(ws, rows[1].id, due=due).changes)
"""


def test_the_board_carries_the_check_in_only_while_it_is_shown_today() -> None:
    ws = starters.demo()
    en = translator("en")
    assert board_view(ws, {}, 1, en)["check_in"] is None
    stale = (TODAY - timedelta(days=1)).isoformat()
    assert board_view(ws, {SHOWN_ON_WALL: stale}, 1, en)["check_in"] is None
    assert not check_ins.shown({SHOWN_IN_WINDOW: stale}, TODAY)
    for key in (SHOWN_ON_WALL, SHOWN_IN_WINDOW):
        shown = board_view(ws, {key: TODAY.isoformat()}, 1, en)["check_in"]
        assert shown is not None
        assert len(shown["follow_ups"]) == len(check_ins.due(ws, TODAY))


@pytest.mark.slow
def test_phones_show_the_check_in_while_the_facilitator_does(demo_path: Path, phone: Any) -> None:
    page = phone
    in_another_process(demo_path, WEEKS_LATER)
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url)
        live(page)
        assert page.locator("section.check-in").count() == 0
        revision = page.evaluate("document.body.dataset.revision")
        in_another_process(demo_path, f'file.set_settings({{"{SHOWN_ON_WALL}": "{TODAY}"}})')
        page.locator(f'body:not([data-revision="{revision}"])').wait_for(state="attached")
        section = page.locator("section.check-in")
        section.wait_for()
        assert section.locator("h2").inner_text() == "Check-in"
        assert section.locator(".since").inner_text().startswith("2 follow-ups due since ")
        done = section.locator("li.due.done")
        assert done.locator(".status").inner_text().upper() == "DONE"
        assert done.locator(".outcome").inner_text() == "Tenant IDs sent"
        assert section.locator("li.due.open").count() == 1
        # The goal comes first, then the check-in, then the board.
        order = page.evaluate(
            "[...document.querySelectorAll('main > *')].map(e => e.id || e.className)"
        )
        assert order.index("goal") < order.index("check-in") < order.index("c0")
        from_script = page.locator("main").inner_text()
        plain_context = page.context.browser.new_context(java_script_enabled=False)
        try:
            plain = plain_context.new_page()
            plain.goto(served.url)
            assert plain.locator("main").inner_text() == from_script
        finally:
            plain_context.close()
        revision = page.evaluate("document.body.dataset.revision")
        in_another_process(demo_path, f'file.set_settings({{"{SHOWN_ON_WALL}": None}})')
        page.locator(f'body:not([data-revision="{revision}"])').wait_for(state="attached")
        section.wait_for(state="detached")
        served.stop()
    assert page.console_errors == []
