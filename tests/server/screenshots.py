"""Screenshots of the phone page for the docs, from Chromium at a phone's size.

    python -m tests.server.screenshots docs/screenshots            # English, light and dark
    python -m tests.server.screenshots docs/screenshots --lang sv  # the demo in Swedish

Writes phone-board.png and phone-problem.png (the demo workshop with a running timer), and
the states of a phone taking part: phone-join.png (the join sheet), phone-idea.png (an idea
sent, waiting), phone-vote.png (a vote with one dot placed), phone-writing.png (silent
writing, an idea kept private); each again as the phone shows it in dark mode, named
``*-dark.png``. In Swedish (the demo made with ``--lang sv``): phone-sv.png (the board),
phone-join-sv.png and phone-vote-sv.png. Served by a real ``workshopdesk serve`` on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.server.phone_states import dots_left, vote_name
from tests.server.serve_process import Served
from workshopdesk import starters
from workshopdesk.app.timer import set_timer
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.timer import TimerState, system_clock
from workshopdesk.store.workshop_file import WorkshopFile
from workshopdesk.text import translator


def cli(*args: str | Path) -> None:
    subprocess.run([sys.executable, "-m", "workshopdesk", *map(str, args)], check=True)


def main(folder: Path, language: str = "en") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if language == "en":
        shoot(folder, "light", "")
        shoot(folder, "dark", "-dark")
        shoot_weeks_later(folder)
    else:
        shoot_in(folder, language)


def phone_page(browser: Any, scheme: str = "light") -> Any:
    return browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, color_scheme=scheme
    ).new_page()


def shoot_in(folder: Path, language: str) -> None:
    """The board, the join sheet and a vote, in ``language``."""
    tr = translator(language)
    _ = tr.gettext
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "demo.workshop"
        WorkshopFile.create(path, starters.demo(language))
        with Workspace.open(path) as workspace:
            set_timer(workspace, TimerState().set_minutes(15).start(system_clock()))
        with Served(path, "--host", "127.0.0.1", "--port", "0") as served, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = phone_page(browser)
            page.goto(served.url)
            page.wait_for_selector("#live.on")
            page.get_by_role("button", name=_("Not now")).click()
            page.screenshot(path=str(folder / f"phone-{language}.png"))

            phone = phone_page(browser)
            phone.goto(served.url + "/P/1")
            phone.wait_for_selector("#live.on")
            phone.get_by_label(_("Your name")).fill("Ann")
            phone.get_by_label(_("Your team")).select_option(index=1)
            phone.screenshot(path=str(folder / f"phone-join-{language}.png"))
            phone.get_by_role("button", name=_("Join"), exact=True).click()
            cli("round", path, "start", "vote", "--problem", "1", "--dots", "2")
            vote = phone.get_by_role("button", name=vote_name(tr), exact=False)
            vote.first.wait_for()
            vote.first.click()
            phone.get_by_text(dots_left(tr, 1, 2)).wait_for()
            phone.evaluate(
                "document.querySelector('button.dot.on').scrollIntoView({block: 'center'})"
            )
            phone.screenshot(path=str(folder / f"phone-vote-{language}.png"))
            cli("round", path, "stop")
            browser.close()
            served.stop()


def shoot(folder: Path, scheme: str, suffix: str) -> None:
    phone_size = {
        "viewport": PHONE,
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "color_scheme": scheme,
    }
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "demo.workshop"
        WorkshopFile.create(path, starters.demo())
        with Workspace.open(path) as workspace:
            set_timer(workspace, TimerState().set_minutes(15).start(system_clock()))
        with Served(path, "--host", "127.0.0.1", "--port", "0") as served, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(**phone_size)
            page = context.new_page()
            page.goto(served.url)
            page.wait_for_selector("#live.on")
            page.get_by_role("button", name="Not now").click()
            page.screenshot(path=str(folder / f"phone-board{suffix}.png"))
            page.goto(served.url + "/P/3")
            page.wait_for_selector("#live.on")
            page.screenshot(path=str(folder / f"phone-problem{suffix}.png"))

            fresh = browser.new_context(**phone_size)
            phone = fresh.new_page()
            phone.goto(served.url + "/P/1")
            phone.wait_for_selector("#live.on")
            phone.get_by_label("Your name").fill("Ann")
            phone.get_by_label("Your team").select_option(label="Sales")
            phone.screenshot(path=str(folder / f"phone-join{suffix}.png"))
            phone.get_by_role("button", name="Join").click()
            phone.get_by_label("Your idea", exact=True).fill(
                "Ask Baltvik which country each depot bills from, and price per depot."
            )
            phone.get_by_role("button", name="Send").click()
            phone.locator(".my-idea").first.wait_for()
            phone.evaluate("document.getElementById('ideas').scrollIntoView({block: 'end'})")
            phone.screenshot(path=str(folder / f"phone-idea{suffix}.png"))

            cli("round", path, "start", "vote", "--problem", "1", "--dots", "2")
            vote = phone.get_by_role("button", name="Vote for Let's focus", exact=False)
            vote.first.wait_for()
            vote.first.click()
            phone.get_by_text("1 of 2 dots left").wait_for()
            phone.evaluate(
                "document.querySelector('button.dot.on').scrollIntoView({block: 'center'})"
            )
            phone.screenshot(path=str(folder / f"phone-vote{suffix}.png"))
            cli("round", path, "stop")

            cli("round", path, "start", "write")
            phone.goto(served.url + "/P/4")
            phone.get_by_text("Silent writing").wait_for()
            phone.get_by_label("Your idea", exact=True).fill(
                "Round totals per line, not per invoice."
            )
            phone.get_by_role("button", name="Send").click()
            phone.locator(".my-idea").first.wait_for()
            phone.evaluate("document.getElementById('ideas').scrollIntoView({block: 'end'})")
            phone.screenshot(path=str(folder / f"phone-writing{suffix}.png"))
            browser.close()
            served.stop()


def weeks_later(path: Path) -> None:
    """The demo a month after its day: one follow-up done since, one overdue."""
    from dataclasses import replace

    from workshopdesk.core import operations as ops
    from workshopdesk.core.entities import FollowUpStatus

    today = date.today()
    day = (today - timedelta(days=30)).isoformat()
    with WorkshopFile.open(path) as file:
        ws = file.load()
        info = replace(ws.info, starts_at=f"{day}T09:00:00+01:00", ends_at=f"{day}T16:00:00+01:00")
        file.write(ops.edit_workshop(ws, starts_at=info.starts_at, ends_at=info.ends_at).changes)
        ws = file.load()
        rows = sorted(ws.follow_ups.values(), key=lambda f: f.due or "")
        done = (today - timedelta(days=10)).isoformat()
        file.write(
            ops.edit_follow_up(
                ws, rows[0].id, due=done, status=FollowUpStatus.DONE,
                outcome="New SSO connection tested with their IT on the call.",
            ).changes
        )  # fmt: skip
        ws = file.load()
        overdue = (today - timedelta(days=4)).isoformat()
        file.write(ops.edit_follow_up(ws, rows[1].id, due=overdue).changes)


def shoot_weeks_later(folder: Path) -> None:
    """phone-check-in.png: the check-in a month later, as the wall shows it;
    phone-contacts.png and phone-contacts-shared.png: the contact exchange, a card typed,
    then shared with the download of everyone who shared."""
    from workshopdesk.core.check_ins import SHOWN_ON_WALL
    from workshopdesk.core.contact_exchange import EXCHANGE_KEY

    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "demo.workshop"
        WorkshopFile.create(path, starters.demo())
        weeks_later(path)
        with WorkshopFile.open(path) as file:
            file.set_settings({SHOWN_ON_WALL: date.today().isoformat()})
        with Served(path, "--host", "127.0.0.1", "--port", "0") as served, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = phone_page(browser)
            page.goto(served.url)
            page.wait_for_selector("#live.on")
            page.get_by_role("button", name="Not now").click()
            page.locator("section.check-in").scroll_into_view_if_needed()
            page.evaluate("document.getElementById('goal').scrollIntoView()")
            page.screenshot(path=str(folder / "phone-check-in.png"))

            with WorkshopFile.open(path) as file:
                file.set_settings({SHOWN_ON_WALL: None, EXCHANGE_KEY: date.today().isoformat()})
            others = phone_page(browser)
            others.goto(served.url)
            others.wait_for_selector("#live.on")
            others.get_by_role("button", name="Not now").click()
            box = others.locator("section#contacts")
            box.get_by_label("Your name").fill("Leila Haddad")
            box.get_by_label("E-mail").fill("leila.haddad@example.se")
            box.get_by_role("button", name="Share my card").click()
            box.get_by_text("Your card is shared.").wait_for()

            box = page.locator("section#contacts")
            box.wait_for()
            box.get_by_label("Your name").fill("Jonas Öberg")
            box.get_by_label("E-mail").fill("jonas.oberg@example.se")
            box.get_by_label("Phone").fill("+46 70 555 01 34")
            box.get_by_label("Role").fill("Backend developer")
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(folder / "phone-contacts.png"))
            box.get_by_role("button", name="Share my card").click()
            box.get_by_text("Your card is shared.").wait_for()
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(folder / "phone-contacts-shared.png"))
            browser.close()
            served.stop()


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description="Screenshots of the phone page.")
    arguments.add_argument("folder", nargs="?", type=Path, default=Path("docs/screenshots"))
    arguments.add_argument("--lang", choices=["en", "sv"], default="en")
    options = arguments.parse_args()
    main(options.folder, options.lang)
