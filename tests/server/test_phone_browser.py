"""The phone page in a real browser: Debian's Chromium at a phone's size, driven by
Playwright, against a real ``workshopdesk serve`` process on 127.0.0.1.

Only Chromium can run here; iOS Safari and Android Chrome are untested (docs/phones.md).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.browser import PHONE

from .serve_process import Served

pytestmark = pytest.mark.slow


def in_another_process(path: Path, body: str) -> None:
    """Commit an edit from a separate Python process (as the CLI or another app would)."""
    script = textwrap.dedent(
        """
        import sys
        from workshopdesk.core import operations as op
        from workshopdesk.store.workshop_file import Mode, WorkshopFile
        with WorkshopFile.open(sys.argv[1], Mode.WRITE) as file:
            ws = file.load()
            column = ws.ordered_columns()[0]
        """
    ) + textwrap.indent(textwrap.dedent(body), "    ")
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)


def live(page: Any) -> None:
    page.wait_for_selector("#live.on", timeout=10_000)


def test_the_board_is_on_the_phone(demo_path: Path, phone: Any) -> None:
    page = phone
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url)
        live(page)
        assert page.locator("h1.workshop").inner_text().startswith("Sales × Development")
        assert page.locator(".progress-text").inner_text() == "5 of 10 solved"
        assert page.locator("section.column").count() == 4
        assert page.locator("li.card").count() == 10
        assert page.locator("li.card.solved").count() == 5
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]  # nothing sideways on a phone
        page.locator("a.card-link").first.click()
        page.wait_for_url("**/P/7")
        live(page)
        assert "older Android tablets" in page.locator("article.problem h1").inner_text()
        served.stop()
    origin = served.url.lower().split("/j/")[0]
    assert requests and all(url.lower().startswith(origin) for url in requests)
    assert page.console_errors == []


def test_a_change_from_another_process_appears_without_reload(demo_path: Path, phone: Any) -> None:
    page = phone
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url)
        live(page)
        page.evaluate("window.stillTheSamePage = true")
        in_another_process(
            demo_path,
            """
            file.write(op.add_problem(ws, column.id, "Fresh from the other process").changes)
            """,
        )
        page.get_by_text("Fresh from the other process").wait_for(timeout=10_000)
        assert page.evaluate("window.stillTheSamePage") is True
        assert page.locator(".progress-text").inner_text() == "5 of 11 solved"
        served.stop()


def test_the_page_recovers_after_the_server_restarts(demo_path: Path, phone: Any) -> None:
    page = phone
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        port = served.port
        page.goto(served.url)
        live(page)
        page.evaluate("window.stillTheSamePage = true")
        served.stop()
    page.wait_for_selector("#live:not(.on)", timeout=10_000)
    in_another_process(
        demo_path,
        """
        file.write(op.add_problem(ws, column.id, "Added while the laptop slept").changes)
        """,
    )
    with Served(demo_path, "--host", "127.0.0.1", "--port", str(port)) as again:
        page.get_by_text("Added while the laptop slept").wait_for(timeout=20_000)
        live(page)
        assert page.evaluate("window.stillTheSamePage") is True
        again.stop()


def test_a_new_link_tells_old_phones_to_scan_again(demo_path: Path, phone: Any) -> None:
    from workshopdesk.app import sharing
    from workshopdesk.app.workspace import Workspace

    page = phone
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        port = served.port
        page.goto(served.url)
        live(page)
        served.stop()
    with Workspace.open(demo_path) as workspace:
        sharing.renew_link(workspace)
    with Served(demo_path, "--host", "127.0.0.1", "--port", str(port)) as again:
        page.wait_for_selector("#live.gone", timeout=20_000)
        assert "Scan the new QR code" in page.locator("#live").inner_text()
        again.stop()


def test_a_script_titled_problem_runs_no_script(demo_path: Path, phone: Any) -> None:
    page = phone
    in_another_process(
        demo_path,
        """
        file.write(op.add_problem(ws, column.id, "<script>alert(1)</script>",
                                  customer='"><img src=x onerror=alert(2)>').changes)
        """,
    )
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url)
        live(page)
        page.get_by_text("<script>alert(1)</script>").first.wait_for()
        # the same title arriving live goes through the page's script
        in_another_process(
            demo_path,
            """
            file.write(op.add_problem(ws, column.id, "<img src=y onerror=alert(3)>").changes)
            """,
        )
        page.get_by_text("<img src=y onerror=alert(3)>").wait_for(timeout=10_000)
        page.goto(served.url + "/P/11")
        live(page)
        assert page.locator("article.problem h1").inner_text() == "<script>alert(1)</script>"
        assert page.locator("img").count() == 0
        served.stop()
    assert page.dialogs == []


@pytest.mark.parametrize("target", ["", "/P/3"])
def test_the_script_renders_the_same_page_as_the_server(
    demo_path: Path, browser: Any, phone: Any, target: str
) -> None:
    page = phone
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url + target)
        live(page)
        revision = page.evaluate("document.body.dataset.revision")
        in_another_process(
            demo_path,
            """
            file.set_settings({"share.unused": None})  # a new revision, the same board
            """,
        )
        page.locator(f'body:not([data-revision="{revision}"])').wait_for(state="attached")
        from_script = page.locator("main").inner_text()
        scriptless = browser.new_context(viewport=PHONE, java_script_enabled=False)
        try:
            plain = scriptless.new_page()
            plain.goto(served.url + target)
            from_server = plain.locator("main").inner_text()
        finally:
            scriptless.close()
        assert from_script == from_server
        assert "No solution yet" in from_server or "SOLUTIONS" in from_server.upper()
        served.stop()
