"""A phone walking through every state of the phone page, for checks that look at each one
(the accessibility audit, tap targets, narrow screens): the join sheet, an idea sent, a vote
running with a dot placed, silent writing, the board, a problem, the check-in with the
contact exchange open, and a card shared — on a real
``workshopdesk serve`` of the demo workshop with a running timer."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from workshopdesk.app.timer import set_timer
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.check_ins import SHOWN_ON_WALL
from workshopdesk.core.contact_exchange import EXCHANGE_KEY
from workshopdesk.core.timer import TimerState, system_clock
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import Translator, translator

from .serve_process import Served

NOT_NOW = 10_000
STATES = (
    "join sheet",
    "idea sent",
    "vote running",
    "silent writing",
    "board",
    "problem",
    "check-in and contact exchange",
    "card shared",
)


def cli(*args: str | Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "workshopdesk", *map(str, args)],
        check=True,
        capture_output=True,
        timeout=60,
    )


@contextmanager
def served_with_timer(path: Path) -> Iterator[Served]:
    with Workspace.open(path) as workspace:
        set_timer(workspace, TimerState().set_minutes(15).start(system_clock()))
    with Served(path, "--host", "127.0.0.1", "--port", "0") as served:
        yield served
        served.stop()


def vote_name(tr: Translator) -> str:
    """How a vote button's name starts ("Vote for "), in ``tr``'s language."""
    vote = tr.pgettext("button", "Vote")
    return vote + " " + tr.gettext("for {solution}").split("{solution}")[0]


def dots_left(tr: Translator, left: int, dots: int) -> str:
    """The round bar during a vote: "1 of 2 dots left"."""
    text = tr.ngettext("{left} of {n} dot left", "{left} of {n} dots left", dots)
    return text.format(left=left, n=dots)


def walk(
    page: Any,
    url: str,
    path: Path,
    look: Callable[[str], None],
    tr: Translator | None = None,
) -> None:
    """Take ``page`` through every state, calling ``look(state)`` in each; the page
    speaks ``tr``'s language (English unless said)."""
    tr = tr or translator("en")
    _ = tr.gettext

    def live() -> None:
        page.wait_for_selector("#live.on", timeout=NOT_NOW)

    def send(text: str) -> None:
        page.get_by_label(_("Your idea"), exact=True).fill(text)
        page.get_by_role("button", name=_("Send")).click()
        page.locator(".my-idea", has_text=text).wait_for(timeout=NOT_NOW)

    page.goto(url + "/P/1")
    live()
    sheet = page.get_by_role("dialog", name=_("Take part from this phone"))
    sheet.wait_for(timeout=NOT_NOW)
    look("join sheet")
    sheet.get_by_label(_("Your name")).fill("Ann")
    sheet.get_by_label(_("Your team")).select_option(index=1)
    sheet.get_by_role("button", name=_("Join"), exact=True).click()
    sheet.wait_for(state="detached", timeout=NOT_NOW)
    send("Ask Baltvik which country each depot bills from")
    look("idea sent")
    cli("round", path, "start", "vote", "--problem", "1", "--dots", "2")
    votes = page.get_by_role("button", name=vote_name(tr), exact=False)
    votes.first.wait_for(timeout=NOT_NOW)
    votes.first.click()
    page.get_by_text(dots_left(tr, 1, 2)).wait_for(timeout=NOT_NOW)
    look("vote running")
    cli("round", path, "stop")
    votes.first.wait_for(state="detached", timeout=NOT_NOW)
    cli("round", path, "start", "write")
    page.goto(url + "/P/4")
    live()
    writing = _("Silent writing: your ideas stay private until the facilitator reveals them.")
    page.get_by_text(writing).wait_for(timeout=NOT_NOW)
    send("Round totals per line, not per invoice.")
    look("silent writing")
    cli("round", path, "stop")
    page.goto(url)
    live()
    page.locator("#round").wait_for(state="hidden", timeout=NOT_NOW)
    look("board")
    page.goto(url + "/P/3")
    live()
    look("problem")
    today = date.today().isoformat()
    with WorkshopFile.open(path, Mode.WRITE) as file:
        file.set_settings({SHOWN_ON_WALL: today, EXCHANGE_KEY: today})
    page.goto(url)
    live()
    box = page.locator("section#contacts")
    box.wait_for(timeout=NOT_NOW)
    page.locator("section.check-in").wait_for(timeout=NOT_NOW)
    look("check-in and contact exchange")
    box.get_by_label(_("E-mail")).fill("ann@example.se")
    box.get_by_role("button", name=_("Share my card")).click()
    box.get_by_text(_("Your card is shared.")).wait_for(timeout=NOT_NOW)
    look("card shared")
