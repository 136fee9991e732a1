"""Screenshots of the phone page for the docs, from Chromium at a phone's size.

    python -m tests.server.screenshots docs/screenshots

Writes phone-board.png and phone-problem.png: the demo workshop with a running timer,
served by a real ``workshopdesk serve`` on 127.0.0.1.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.server.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.server.serve_process import Served
from workshopdesk import starters
from workshopdesk.core.timer import TimerState, system_clock
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "demo.workshop"
        WorkshopFile.create(path, starters.demo())
        with WorkshopFile.open(path, Mode.WRITE) as file:
            timer = TimerState().set_minutes(15).start(system_clock())
            file.set_settings(timer.to_settings())
        with Served(path, "--host", "127.0.0.1", "--port", "0") as served, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(
                viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
            )
            page.goto(served.url)
            page.wait_for_selector("#live.on")
            page.screenshot(path=str(folder / "phone-board.png"))
            page.goto(served.url + "/P/3")
            page.wait_for_selector("#live.on")
            page.screenshot(path=str(folder / "phone-problem.png"))
            browser.close()
            served.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
