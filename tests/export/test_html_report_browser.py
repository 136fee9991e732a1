"""The HTML report in a real browser (Debian's Chromium, driven by Playwright), in English
and Swedish: it fits a phone's screen, it prints without a heading stranded at the foot of a
page, and it is set in the shipped font, carried inside the file."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from benchmarks.workload import big_workshop
from pypdf import PdfReader

from tests.browser import PHONE
from tests.export.test_golden import weeks_later
from workshopdesk import starters
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import html_report

pytestmark = pytest.mark.slow
LANGUAGES = ["en", "sv"]


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized page that may load nothing from anywhere (every request is refused
    and recorded in ``page.requests``)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.requests = []

    def refuse(route: Any) -> None:
        page.requests.append(route.request.url)
        route.abort()

    page.route("**/*", refuse)
    yield page
    context.close()


def report(language: str) -> Workshop:
    """The demo weeks later, with a long title and a word longer than any screen."""
    ws = weeks_later(starters.demo(language))
    problem = min(ws.problems.values(), key=lambda p: p.number)
    ws.problems[problem.id] = replace(
        problem,
        title=problem.title + " and a title long enough to wrap twice on a phone",
        description="x" * 300 + "\n\n" + problem.description,
    )
    return ws


def show(page: Any, ws: Workshop) -> None:
    page.set_content(html_report.render(ws), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_wider_than_a_phone(phone: Any, language: str) -> None:
    show(phone, report(language))
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    too_wide = phone.evaluate(
        """w => [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > w)
                .map(e => e.tagName + ' ' + e.textContent.slice(0, 40))""",
        PHONE["width"],
    )
    assert too_wide == []
    # the attendance table's rows stack: each cell on its own line, labelled
    cells = phone.evaluate(
        """[...document.querySelectorAll('table.grid td')].map(td => [
               getComputedStyle(td).display,
               getComputedStyle(td, '::before').content])"""
    )
    assert cells and all(display == "block" for display, _ in cells)
    assert any("Solutions proposed" in c or "Föreslagna lösningar" in c for _, c in cells)
    assert phone.requests == []


@pytest.mark.parametrize("which", ["demo-en", "demo-sv", "big"])
def test_printing_keeps_every_heading_with_what_follows(phone: Any, which: str) -> None:
    ws = big_workshop(40, 2) if which == "big" else weeks_later(starters.demo(which[-2:]))
    show(phone, ws)
    headings = {
        " ".join(text.split())
        for text in phone.evaluate(
            "[...document.querySelectorAll('h1, h2, h3, h4')].map(h => h.innerText)"
        )
    }
    reader = PdfReader(io.BytesIO(phone.pdf(format="A4")))
    assert len(reader.pages) >= 6
    for number, page in enumerate(reader.pages, start=1):
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        last = [line for line in lines if line][-1]
        stranded = last in headings or any(
            heading.endswith(last) and len(last) > 10 for heading in headings
        )
        assert not stranded, f"page {number} ends with the heading {last!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_is_set_in_the_shipped_font(phone: Any, language: str) -> None:
    show(phone, report(language))
    faces = phone.evaluate("[...document.fonts].map(f => [f.family, f.weight, f.status])")
    assert sorted(faces) == [["Inter", "400", "loaded"], ["Inter", "700", "loaded"]]
    session = phone.context.new_cdp_session(phone)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("h1", "main p", ".badge", "table.grid td"):
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})
        used = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        assert used and all(f["familyName"] == "Inter" and f["isCustomFont"] for f in used), (
            selector,
            used,
        )
    assert phone.requests == []
