"""Phones speak the workshop's language: the page, its script, the server's refusals and its
not-found page. In the pseudo-language, no text on any phone state is left untranslated; a
workshop made with ``--lang sv`` is in Swedish on the phone (a real Chromium, a real
``workshopdesk serve``), and a change of language reaches open phones."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser import PHONE
from tests.pseudo_locale import untranslated, workshop_texts
from workshopdesk.app.timer import set_timer
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.timer import TimerState, system_clock
from workshopdesk.server.app import compact, script_source
from workshopdesk.server.words import translated_script
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import translator

from .helpers import BASE, OTHER_TOKEN, run, serving, serving_in_thread
from .phone_states import NOT_NOW, STATES, cli, dots_left, vote_name, walk
from .serve_process import Served
from .test_phone_browser import in_another_process, live

SCRIPT = compact(script_source(), css=False)
"""The page's script as the server sends it (before its texts are translated)."""
PSEUDO = translator("pseudo")
SWEDISH = translator("sv")

TEXTS = """() => {
  const texts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], option')) {
    texts.push(el.getAttribute('aria-label') || '', el.getAttribute('title') || '',
               el.getAttribute('placeholder') || '', el.tagName === 'OPTION' ? el.text : '');
  }
  return texts;
}"""


@pytest.fixture
def swedish_path(tmp_path: Path) -> Path:
    """The demo, made in Swedish from the command line."""
    path = tmp_path / "demo-sv.workshop"
    cli("new", path, "--demo", "--lang", "sv")
    return path


def test_every_text_in_the_script_is_marked_as_a_plain_literal() -> None:
    code = re.sub(r"function T[NP]?\(", "", SCRIPT)
    calls = re.findall(r"\bT[NP]?\(\s*(.)", code)
    assert len(calls) >= 50
    assert set(calls) == {'"'}  # T("…"), never T(variable) or T(`…`): the catalogue sees all
    pseudo = translated_script(SCRIPT, PSEUDO)
    literals = re.findall(
        r'\b(T[NP]?)\(\s*("(?:[^"\\]|\\.)*")(?:\s*,\s*("(?:[^"\\]|\\.)*"))?', pseudo
    )
    assert len(literals) == len(calls)
    for call, first, second in literals:
        shown = (first,) if call == "T" else (second,) if call == "TP" else (first, second)
        for literal in shown:
            assert json.loads(literal).startswith("⟦"), literal
    assert translated_script(SCRIPT, translator("en")).count("T(") == SCRIPT.count("T(")


def test_the_script_in_swedish_holds_swedish_only() -> None:
    swedish = translated_script(SCRIPT, SWEDISH)
    assert 'T("Gå med")' in swedish and 'T("Återansluter…")' in swedish
    assert 'TN("{n} röst", "{n} röster", s.votes)' in swedish
    assert "Take part from this phone" not in swedish and "Reconnecting" not in swedish


def test_a_swedish_workshop_is_served_in_swedish(swedish_path: Path) -> None:
    async def scenario() -> None:
        async with serving(swedish_path) as (client, _):
            board = await (await client.get(BASE)).text()
            assert board.startswith('<!doctype html>\n<html lang="sv">')
            assert 'data-language="sv"' in board
            assert "Live: ändringar syns av sig själva." in board
            assert "<b>5 av 10</b> lösta" in board
            pages = [await (await client.get(f"{BASE}/P/{n}")).text() for n in range(1, 11)]
            assert re.search(r"\b1 röst\b", "".join(pages))
            assert re.search(r"\b[2-9] röster\b", "".join(pages))
            problem = pages[2]
            assert re.search(r"\b\d{1,2} (februari|mars) 2027\b", "".join(pages))  # follow-ups
            assert "Lösningar" in problem and "‹ Hela problemväggen" in problem
            script = await (await client.get(f"{BASE}/A/PHONE.JS")).text()
            assert 'T("Delta från din mobil")' in script
            missing = await client.get(f"/J/{OTHER_TOKEN}")
            assert missing.status == 404
            assert '<html lang="sv">' in await missing.text()
            assert "Skanna QR-koden på väggen igen." in await missing.text()
            bad = await client.post(
                f"{BASE}/JOIN",
                data=b"[1]",
                headers={"Content-Type": "application/json", "Origin": str(client.make_url(""))},
            )
            assert bad.status == 400
            assert (await bad.json()) == {"error": "Begäran är felaktig."}
            query = await client.get(f"{BASE}?a=1&a=2")
            assert (
                query.status == 400 and await query.text() == "Adressen har en felaktig frågedel.\n"
            )

    run(scenario())


def test_english_stays_as_it_was(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            board = await (await client.get(BASE)).text()
            assert board.startswith('<!doctype html>\n<html lang="en">')
            assert "<b>5 of 10</b> solved" in board
            script = await (await client.get(f"{BASE}/A/PHONE.JS")).text()
            assert 'T("Take part from this phone")' in script

    run(scenario())


@pytest.mark.slow
def test_no_text_on_any_phone_state_escapes_translation(demo_path: Path, browser: Any) -> None:
    """Every state in the pseudo-language: what is not bracketed is the workshop's own."""
    with Workspace.open(demo_path) as workspace:
        set_timer(workspace, TimerState().set_minutes(15).start(system_clock()))
    page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    texts: dict[str, list[str]] = {}

    def look(state: str) -> None:
        texts[state] = [line for text in page.evaluate(TEXTS) for line in text.split("\n")]

    with serving_in_thread(demo_path, speak=lambda ws: PSEUDO) as (url, phone_app, on_loop):
        page.goto(url)
        live(page)
        sheet = page.get_by_role("dialog")
        sheet.get_by_role("button", name=PSEUDO.gettext("Join"), exact=True).click()
        page.locator("#join .error").wait_for(timeout=NOT_NOW)
        look("a join without a name")
        page.get_by_role("button", name=PSEUDO.gettext("Not now")).click()
        look("board, joining later")
        page.evaluate("sessionStorage.clear()")  # the join sheet comes back on the walk
        walk(page, url, demo_path, look, PSEUDO)
        page.goto(url + "/P/1")
        live(page)
        page.context.set_offline(True)
        page.wait_for_selector("#live.lost", timeout=NOT_NOW)
        look("reconnecting")
        page.context.set_offline(False)
        live(page)
        on_loop(lambda: phone_app.new_token(OTHER_TOKEN))
        page.wait_for_selector("#live.gone", timeout=NOT_NOW)
        look("dead link")
        page.goto(url)
        look("a link that leads nowhere")
        page.goto(url + "?a=1&a=2")
        look("a malformed address")
    page.context.close()
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        written = workshop_texts(file.load())
    # line by line, and as the styles show some of it (column names in capitals)
    own = {line for text in written for line in text.split("\n")}
    own |= {text.upper() for text in own}
    assert set(STATES) <= set(texts)
    left = {state: untranslated(found, own) for state, found in texts.items()}
    assert {state: found for state, found in left.items() if found} == {}
    assert all("⟦" in " ".join(found) for found in texts.values())


@pytest.mark.slow
def test_a_swedish_workshop_on_a_phone(swedish_path: Path, phone: Any) -> None:
    page = phone
    with Served(swedish_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url + "/P/1")
        live(page)
        assert page.evaluate("document.documentElement.lang") == "sv"
        assert page.locator(".progress-text").inner_text() == "5 av 10 lösta"
        sheet = page.get_by_role("dialog", name="Delta från din mobil")
        assert [sheet.locator("button").nth(i).inner_text() for i in range(3)] == [
            "Gå med",
            "Var anonym",
            "Inte nu",
        ]
        sheet.get_by_role("button", name="Var anonym").click()
        sheet.wait_for(state="detached", timeout=NOT_NOW)
        cli("round", swedish_path, "start", "vote", "--problem", "1", "--dots", "2")
        votes = page.get_by_role("button", name="Rösta på ", exact=False)
        votes.first.click()
        page.get_by_text("1 av 2 prickar kvar").wait_for(timeout=NOT_NOW)
        assert page.locator("#round button").inner_text() == "Jag är klar"
        assert dots_left(SWEDISH, 1, 2) == "1 av 2 prickar kvar"
        assert vote_name(SWEDISH) == "Rösta på "
        page.context.set_offline(True)
        page.wait_for_selector("#live.lost", timeout=NOT_NOW)
        assert page.locator("#live").inner_text() == "Återansluter…"
        page.context.set_offline(False)
        live(page)
        served.stop()
    assert page.console_errors == [] or all(
        "ERR_INTERNET_DISCONNECTED" in error for error in page.console_errors
    )


@pytest.mark.slow
@pytest.mark.parametrize("target", ["", "/P/3"])
def test_in_swedish_the_script_renders_the_same_page_as_the_server(
    swedish_path: Path, browser: Any, phone: Any, target: str
) -> None:
    page = phone
    with Served(swedish_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url + target)
        live(page)
        revision = page.evaluate("document.body.dataset.revision")
        in_another_process(swedish_path, 'file.set_settings({"share.unused": None})')
        page.locator(f'body:not([data-revision="{revision}"])').wait_for(state="attached")
        shown = "[...document.querySelectorAll('header.top, main')].map(e => e.innerText)"
        from_script = page.evaluate(shown)
        scriptless = browser.new_context(viewport=PHONE, java_script_enabled=False)
        try:
            plain = scriptless.new_page()
            plain.goto(served.url + target)
            from_server = plain.evaluate(shown)
        finally:
            scriptless.close()
        assert from_script == from_server
        assert "lösta" in from_server[0]
        served.stop()


@pytest.mark.slow
def test_open_phones_follow_a_change_of_language(demo_path: Path, phone: Any) -> None:
    page = phone
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        page.goto(served.url + "/P/1")
        live(page)
        page.get_by_role("button", name="Stay anonymous").click()
        page.get_by_label("Your idea", exact=True).fill("Half-typed, not sent yet")
        in_another_process(demo_path, 'file.write(op.edit_workshop(ws, language="sv").changes)')
        page.locator('html[lang="sv"]').wait_for(state="attached", timeout=NOT_NOW)
        live(page)
        assert page.locator("a.back").inner_text() == "‹ Hela problemväggen"
        assert page.get_by_label("Din idé", exact=True).input_value() == (
            "Half-typed, not sent yet"
        )
        in_another_process(demo_path, 'file.write(op.edit_workshop(ws, language="en").changes)')
        page.locator('html[lang="en"]').wait_for(state="attached", timeout=NOT_NOW)
        live(page)
        assert page.locator("a.back").inner_text() == "‹ Whole board"
        served.stop()
