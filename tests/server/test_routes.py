"""Every route of the phone server, in-process over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import re
from pathlib import Path

from workshopdesk.core.operations import add_problem, edit_attendee
from workshopdesk.core.timer import TimerState, system_clock
from workshopdesk.server.pages import ASSET_VERSION
from workshopdesk.store.workshop_file import Mode, WorkshopFile

from .helpers import BASE, TOKEN, run, serving


def _commit(path: Path, build) -> None:  # type: ignore[no-untyped-def]
    with WorkshopFile.open(path, Mode.WRITE) as file:
        ws = file.load()
        file.write(build(ws).changes)


def test_board_page_is_rendered_by_the_server(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            response = await client.get(BASE)
            assert response.status == 200
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
            page = await response.text()
            assert "Sales × Development" in page
            assert "5 of 10</b> solved" in page
            assert "Our shared goal" in page and "No judgments" in page
            for column in ("On the wall", "Discussing", "Solution agreed", "Follow-up"):
                assert f"{column} <span" in page
            assert f'href="{BASE}/P/3"' in page
            assert f'src="{BASE}/A/PHONE.JS?V={ASSET_VERSION}"' in page

    run(scenario())


def test_paths_are_case_insensitive(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            for target in (
                BASE.lower(),
                f"/j/{TOKEN}/",
                f"{BASE.lower()}/p/3",
                f"{BASE}/a/phone.css",
            ):
                response = await client.get(target)
                assert response.status == 200, target

    run(scenario())


def test_problem_page_shows_one_problem_with_its_solutions(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            page = await (await client.get(f"{BASE}/P/3")).text()
            assert "A custom export format was promised in the contract" in page
            assert "Why it stalled" in page and "Solutions" in page
            assert "Agreed</span>" in page
            assert "Whole board" in page
            for missing in ("/P/999", "/P/0", "/P/abc", "/P/3/4", "/P/99999999999"):
                assert (await client.get(BASE + missing)).status == 404, missing

    run(scenario())


def test_security_headers_on_every_token_page(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            for target in ("", "/P/3", "/BOARD.JSON", "/A/PHONE.JS", "/A/PHONE.CSS", "/NOPE"):
                response = await client.get(BASE + target)
                headers = response.headers
                assert headers["Cache-Control"] == "no-store", target
                assert headers["Referrer-Policy"] == "no-referrer"
                csp = headers["Content-Security-Policy"]
                assert "default-src 'none'" in csp and "script-src 'self'" in csp
                assert "unsafe-inline" not in csp
                assert headers["X-Content-Type-Options"] == "nosniff"
                assert "aiohttp" not in headers.get("Server", "")

    run(scenario())


def test_json_view_is_the_documented_board(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            response = await client.get(f"{BASE}/board.json")
            assert response.content_type == "application/json"
            view = json.loads(await response.text())
            assert view["revision"] == phone_app.hub.snapshot.revision
            assert view["progress"] == {"solved": 5, "total": 10}
            assert view["timer"] is None
            assert view["columns"][0]["name"] == "On the wall"
            problem = view["columns"][0]["problems"][0]
            assert set(problem) >= {"number", "title", "customer", "solved", "solutions"}

    run(scenario())


def test_assets_are_small_and_served_from_the_package(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            script = await client.get(f"{BASE}/A/PHONE.JS")
            assert script.content_type == "text/javascript"
            styles = await client.get(f"{BASE}/A/PHONE.CSS")
            assert styles.content_type == "text/css"
            text = await script.text() + await styles.text()
            assert "http://" not in text.lower() and "https://" not in text.lower()
            assert ".innerHTML" not in await script.text()

    run(scenario())


def test_attendees_contact_data_never_reaches_phones(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        ws = file.load()
        attendee = next(iter(ws.attendees.values()))
        step = edit_attendee(
            ws,
            attendee.id,
            email="karin.secret@example.com",
            phone="+46 70 123 45 67",
            consent_to_share=True,
        )
        file.write(step.changes)

    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            bodies = [phone_app.hub.snapshot.event.decode()]
            for target in ("", "/BOARD.JSON", *(f"/P/{n}" for n in range(1, 11))):
                bodies.append(await (await client.get(BASE + target)).text())
            everything = "\n".join(bodies)
            assert "karin.secret@example.com" not in everything
            assert "123 45 67" not in everything
            assert "@" not in json.dumps(phone_app.hub.snapshot.view)

    run(scenario())


def test_a_script_title_is_shown_as_text(demo_path: Path) -> None:
    def build(ws):  # type: ignore[no-untyped-def]
        column = ws.ordered_columns()[0]
        return add_problem(
            ws, column.id, "<script>alert(1)</script>", customer='"><img src=x onerror=alert(2)>'
        )

    _commit(demo_path, build)

    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            for target in ("", "/P/11"):
                page = await (await client.get(BASE + target)).text()
                assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
                assert "<script>alert" not in page
                assert "<img src=x" not in page
                assert page.count("<script") == 1  # only the page's own script file

    run(scenario())


def test_timer_is_shown_when_the_facilitator_runs_one(demo_path: Path) -> None:
    now = system_clock()
    running = TimerState().set_minutes(12).start(now)
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        file.set_settings(running.to_settings())

    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            view = json.loads(await (await client.get(f"{BASE}/BOARD.JSON")).text())
            timer = view["timer"]
            assert timer["running"] is True
            assert abs(timer["ends_at_ms"] - int(running.ends_at.timestamp() * 1000)) <= 1  # type: ignore[union-attr]
            page = await (await client.get(BASE)).text()
            assert 'class="timer running"' in page
            assert "11:5" in page or "12:00" in page  # counted down from the server's clock

    run(scenario())


def test_head_requests_are_answered(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            response = await client.head(BASE)
            assert response.status == 200

    run(scenario())


def test_the_script_and_styles_are_sent_without_comments_and_indentation() -> None:
    from importlib import resources

    from workshopdesk.server.app import compact, script_source

    web = resources.files("workshopdesk.server") / "web"
    script = script_source()  # its three parts, as the server joins them
    sent = compact(script, css=False)
    assert len(sent) < len(script) * 0.9
    lines = sent.splitlines()
    assert not any(line != line.strip() or line.startswith("//") for line in lines)
    assert not sent.startswith("/*") and "/*" not in sent, "the header comments are gone"
    # every function is still there, in order, and statements keep their own lines
    declared = re.findall(r"function (\w+)\(", script)
    assert re.findall(r"function (\w+)\(", sent) == declared and len(declared) > 20
    assert len(lines) >= script.count(";\n") * 0.9
    styles = compact((web / "phone.css").read_text(encoding="utf-8"), css=True)
    assert "/*" not in styles and "prefers-color-scheme" in styles
