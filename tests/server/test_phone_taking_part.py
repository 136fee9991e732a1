"""Phones taking part, in Chromium: several phones (each a browser context with its own
cookies) on a real ``workshopdesk serve``, the facilitator deciding from the command line
as a script beside the server would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import OFFSCREEN_NOISE, make_window, prompts, window_settings

from .serve_process import Served

__all__ = ["make_window", "prompts", "window_settings"]  # the window's fixtures, used below

pytestmark = pytest.mark.slow

NOT_NOW = 10_000


def cli(*args: str | Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "workshopdesk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def join(page: Any, url: str, name: str | None, team: str | None = None) -> None:
    page.goto(url)
    page.wait_for_selector("#live.on", timeout=NOT_NOW)
    sheet = page.get_by_role("dialog", name="Take part from this phone")
    sheet.wait_for(timeout=NOT_NOW)
    if name is None:
        sheet.get_by_role("button", name="Stay anonymous").click()
    else:
        sheet.get_by_label("Your name").fill(name)
        if team is not None:
            sheet.get_by_label("Your team").select_option(label=team)
        sheet.get_by_role("button", name="Join").click()
    sheet.wait_for(state="detached", timeout=NOT_NOW)


def send_idea(page: Any, text: str) -> None:
    page.get_by_label("Your idea", exact=True).fill(text)
    page.get_by_role("button", name="Send").click()
    page.locator(".my-idea", has_text=text).wait_for(timeout=NOT_NOW)


def test_join_send_approve_and_another_phone_sees_it(demo_path: Path, phones: Any) -> None:
    ann, other = phones(), phones()
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        join(ann, served.url + "/P/1", "Ann", team="Sales")
        join(other, served.url + "/P/1", None)
        send_idea(ann, "Invoices in euros from March")
        mine = ann.locator(".my-idea", has_text="Invoices in euros from March")
        assert mine.locator(".state").inner_text() == "waiting"
        assert other.get_by_text("Invoices in euros from March").count() == 0
        listed = json.loads(cli("ideas", demo_path, "--json"))
        assert [(i["author"], i["team"], i["problem"]) for i in listed] == [("Ann", "Sales", 1)]
        assert (
            cli("ideas", demo_path, "--approve", "all")
            == f"Put on the wall: idea {listed[0]['number']}.\n"
        )
        other.locator("li.solution", has_text="Invoices in euros from March").wait_for(
            timeout=NOT_NOW
        )
        assert "by Ann" in other.locator("li.solution", has_text="Invoices in euros").inner_text()
        mine.locator(".state", has_text="on the wall").wait_for(timeout=NOT_NOW)
        served.stop()
    assert ann.console_errors == [] and other.console_errors == []


def test_a_vote_to_the_budget_and_im_done(demo_path: Path, phones: Any) -> None:
    ann = phones()
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        join(ann, served.url + "/P/1", "Ann")
        cli("round", demo_path, "start", "vote", "--problem", "1", "--dots", "1")
        votes = ann.get_by_role("button", name=re.compile("^Vote for "))
        votes.first.wait_for(timeout=NOT_NOW)
        assert votes.count() == 2  # problem 1's solutions, less the one set aside
        ann.get_by_text("1 of 1 dot left").wait_for(timeout=NOT_NOW)
        votes.nth(0).click()
        ann.get_by_text("0 of 1 dot left").wait_for(timeout=NOT_NOW)
        assert votes.nth(0).get_attribute("aria-pressed") == "true"
        votes.nth(1).click()
        alert = ann.get_by_role("alert").filter(has_text="You have used your 1 dot.")
        alert.wait_for(timeout=NOT_NOW)
        votes.nth(0).click()  # move the dot: take it back, then place it elsewhere
        ann.get_by_text("1 of 1 dot left").wait_for(timeout=NOT_NOW)
        votes.nth(1).click()
        ann.get_by_text("0 of 1 dot left").wait_for(timeout=NOT_NOW)
        assert votes.nth(1).get_attribute("aria-pressed") == "true"
        ann.get_by_role("button", name="I'm done").click()
        ann.get_by_role("button", name="Done ✓").wait_for(timeout=NOT_NOW)
        shown = json.loads(cli("round", demo_path, "--json"))
        assert (shown["kind"], shown["open"], shown["phones_joined"]) == ("vote", True, 1)
        assert (shown["done"], shown["votes"]) == (1, 1)
        cli("round", demo_path, "stop")
        votes.first.wait_for(state="detached", timeout=NOT_NOW)
        served.stop()


def test_silent_writing_then_the_reveal(demo_path: Path, phones: Any) -> None:
    ann, bob = phones(), phones()
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        join(ann, served.url + "/P/2", "Ann")
        join(bob, served.url + "/P/2", "Bob")
        cli("round", demo_path, "start", "write")
        ann.get_by_text("Silent writing").wait_for(timeout=NOT_NOW)
        send_idea(ann, "A quiet thought")
        private = ann.locator(".my-idea", has_text="A quiet thought").locator(".state")
        assert private.inner_text() == "private until the reveal"
        assert "No ideas are waiting." in cli("ideas", demo_path)
        assert "1 idea from the writing round" in cli("ideas", demo_path)
        assert bob.get_by_text("A quiet thought").count() == 0
        cli("round", demo_path, "reveal")
        ann.locator(".my-idea .state", has_text="waiting").wait_for(timeout=NOT_NOW)
        cli("ideas", demo_path, "--approve", "all")
        bob.locator("li.solution", has_text="A quiet thought").wait_for(timeout=NOT_NOW)
        served.stop()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_the_window_approves_what_a_phone_sent_and_another_phone_sees_it(
    qtbot: Any, make_window: Any, demo_path: Path, phones: Any
) -> None:
    """The window (offscreen) beside a real ``serve`` on the same workshop: a phone's idea
    appears in the window's Ideas panel, Enter puts it on the wall, and another phone's page
    shows it — through the file, from one program to the other."""
    from PySide6.QtCore import Qt

    ann, other = phones(), phones()
    window = make_window(demo_path)
    window.phone_docks.ideas_action.trigger()
    panel = window.phone_docks.ideas
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        join(ann, served.url + "/P/2", "Ann")
        join(other, served.url + "/P/2", None)
        send_idea(ann, "Publish the rounding rule on every invoice")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=NOT_NOW)
        assert panel.model.index(0, 3).data() == "Ann"
        panel.table.setFocus()
        panel.table.selectRow(0)
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
        assert panel.model.rowCount() == 0
        assert window.document.history.undo_label().msgid == "approve_idea"  # type: ignore[union-attr]
        solution = other.locator("li.solution", has_text="Publish the rounding rule")
        qtbot.waitUntil(lambda: solution.count() == 1, timeout=NOT_NOW)
        assert "by Ann" in solution.inner_text()
        state = ann.locator(".my-idea .state")
        qtbot.waitUntil(lambda: state.inner_text() == "on the wall", timeout=NOT_NOW)
        served.stop()
    window.close_file()


def test_a_vote_button_keeps_the_focus_when_others_vote(demo_path: Path, phones: Any) -> None:
    """Keyboard and screen-reader users don't lose their place each time anyone votes."""
    ann = phones()
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        join(ann, served.url + "/P/1", "Ann")
        cli("round", demo_path, "start", "vote", "--problem", "1", "--dots", "2")
        votes = ann.get_by_role("button", name=re.compile("^Vote for "))
        votes.first.wait_for(timeout=NOT_NOW)
        votes.nth(1).focus()
        which = "document.activeElement.closest('li[data-id]')?.dataset.id || ''"
        chosen = ann.evaluate(which)
        assert chosen
        revision = ann.evaluate("document.body.dataset.revision")
        cli("round", demo_path, "--json")  # reads only
        cli("ideas", demo_path, "--moderation", "off")  # a change every phone hears
        ann.locator(f'body:not([data-revision="{revision}"])').wait_for(
            state="attached", timeout=NOT_NOW
        )
        ann.wait_for_timeout(300)  # the page also fetches this phone's own view again
        assert ann.evaluate(which) == chosen
        assert ann.evaluate("document.activeElement.classList.contains('dot')")
        served.stop()


def test_a_phone_asks_for_its_own_view_only_when_it_may_have_changed(
    demo_path: Path, phones: Any
) -> None:
    """Other phones' dots change the board, not this phone's own view: it does not ask the
    laptop for it again at each of them (a room of 300 voting would flood the laptop)."""
    ann, bob = phones(), phones()
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        join(ann, served.url + "/P/1", "Ann")
        join(bob, served.url + "/P/1", "Bob")
        cli("round", demo_path, "start", "vote", "--problem", "1", "--dots", "2")
        votes = bob.get_by_role("button", name=re.compile("^Vote for "))
        votes.first.wait_for(timeout=NOT_NOW)
        ann.get_by_role("button", name=re.compile("^Vote for ")).first.wait_for(timeout=NOT_NOW)
        ann.wait_for_timeout(300)  # Ann's own view after the round started has arrived
        asked: list[str] = []
        ann.on("request", lambda r: asked.append(r.url) if r.url.endswith("/ME.JSON") else None)
        before = ann.evaluate("document.body.dataset.revision")
        votes.nth(0).click()
        bob.get_by_text("1 of 2 dots left").wait_for(timeout=NOT_NOW)
        votes.nth(1).click()
        bob.get_by_text("0 of 2 dots left").wait_for(timeout=NOT_NOW)
        ann.locator(f'body:not([data-revision="{before}"])').wait_for(
            state="attached", timeout=NOT_NOW
        )
        ann.wait_for_timeout(300)
        assert asked == [], "Bob's dots are not Ann's business"
        cli("round", demo_path, "stop")  # the round moved: now Ann's view may have changed
        ann.wait_for_timeout(500)
        assert len(asked) == 1
        served.stop()
