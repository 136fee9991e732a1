"""Phones show which teams a problem's solutions came from, and mark a problem the room
solved together (its agreed solution involves every team), from the script and from the
server alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .serve_process import Served
from .test_phone_browser import live

pytestmark = pytest.mark.slow


def test_a_problem_solved_together_says_so_with_the_teams_behind_it(
    demo_path: Path, phone: Any
) -> None:
    page = phone
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url)
        live(page)
        assert page.locator("li.card.together").count() == 5  # 1, 2, 3, 6, 8
        card = page.locator("li.card.together").first
        assert card.locator(".together-mark").inner_text() == "Solved together"
        page.goto(served.url + "/P/2")
        live(page)
        assert page.locator(".badge.solved.together").inner_text().upper() == "SOLVED TOGETHER"
        assert page.locator(".from-teams .team").all_inner_texts() == ["Sales", "Development"]
        plain_context = page.context.browser.new_context(java_script_enabled=False)
        try:  # the server's own page, before any script runs, says the same
            plain = plain_context.new_page()
            plain.goto(served.url + "/P/2")
            assert plain.locator(".badge.solved.together").count() == 1
            assert plain.locator(".from-teams .team").all_inner_texts() == ["Sales", "Development"]
            plain.goto(served.url)
            assert plain.locator("li.card.together .together-mark").count() == 5
        finally:
            plain_context.close()
        page.goto(served.url + "/P/7")  # no solutions: nothing to say
        live(page)
        assert page.locator(".from-teams").count() == 0
        assert page.locator(".badge.open").count() == 1
        served.stop()
    assert page.console_errors == []
