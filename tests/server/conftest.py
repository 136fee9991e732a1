"""The phone page in a real browser: Debian's Chromium at a phone's size, driven by
Playwright. One browser per module; each phone is a context of its own (its own cookies)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser import PHONE


def open_phone(browser: Any) -> Any:
    """A new phone: a browser context of its own, at a phone's size."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.dialogs = []
    page.console_errors = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: (
            page.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    return page


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    page = open_phone(browser)
    yield page
    page.context.close()


@pytest.fixture
def phones(browser: Any) -> Iterator[Callable[[], Any]]:
    """Make as many phones as a test needs."""
    made: list[Any] = []

    def make() -> Any:
        made.append(open_phone(browser))
        return made[-1]

    yield make
    for page in made:
        page.context.close()
