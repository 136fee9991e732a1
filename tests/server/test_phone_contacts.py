"""The contact exchange on real phones (Chromium at a phone's size) against a real
``workshopdesk serve``: a phone types and shares its own card, downloads everyone who
shared as one vCard file; a phone that did not share gets nothing; closing the exchange
takes it off every phone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.browser import PHONE
from workshopdesk.core.contact_exchange import EXCHANGE_KEY, shared_cards
from workshopdesk.store.workshop_file import Mode, WorkshopFile

from .serve_process import Served
from .test_phone_browser import in_another_process, live

pytestmark = pytest.mark.slow

OPEN = f'file.set_settings({{"{EXCHANGE_KEY}": "{date.today().isoformat()}"}})'
CLOSE = f'file.set_settings({{"{EXCHANGE_KEY}": None}})'


def share(page: Any, name: str, email: str = "", phone: str = "") -> None:
    box = page.locator("section#contacts")
    box.wait_for()
    box.get_by_label("Your name").fill(name)
    box.get_by_label("E-mail").fill(email)
    box.get_by_label("Phone").fill(phone)
    box.get_by_role("button", name="Share my card").click()
    box.get_by_text("Your card is shared.").wait_for()


def test_a_phone_shares_its_card_and_downloads_everyone_who_shared(
    demo_path: Path, phones: Callable[[], Any], tmp_path: Path
) -> None:
    in_another_process(demo_path, OPEN)
    first, second, third = phones(), phones(), phones()
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        for page in (first, second, third):
            page.goto(served.url)
            live(page)
            page.get_by_role("button", name="Not now").click()  # the join sheet
        share(first, "Cy Berg", email="cy@example.se")
        share(second, "Di Ek", phone="+46 70 555 01 99")

        box = first.locator("section#contacts")
        link = box.get_by_role("link", name="Download all 2 cards")
        link.wait_for()
        with first.expect_download() as caught:
            link.click()
        saved = tmp_path / "contacts.vcf"
        caught.value.save_as(saved)
        assert caught.value.suggested_filename == "contacts.vcf"
        text = saved.read_text(encoding="utf-8")
        assert text.count("BEGIN:VCARD") == 2
        assert "FN:Cy Berg" in text and "FN:Di Ek" in text

        # The third phone shared nothing: the form, and a refusal at the file's address.
        assert third.locator("section#contacts form").is_visible()
        status = third.evaluate(
            "fetch(document.body.dataset.base + '/CONTACTS.VCF', {credentials: 'same-origin'})"
            ".then(r => r.status)"
        )
        assert status == 403
        assert third.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        in_another_process(demo_path, CLOSE)
        for page in (first, second, third):
            page.locator("section#contacts").wait_for(state="detached")
        served.stop()
    assert first.console_errors == [] and second.console_errors == []
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        names = [a.name for a in shared_cards(file.load())]
    assert names == ["Cy Berg", "Di Ek"]
