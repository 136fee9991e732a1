"""Phones taking part, over real HTTP on loopback, through the one writer into the file:
joining, ideas and moderation, silent writing, dot voting, "I'm done", and every
refusal a phone can meet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workshopdesk.app.commands import Edit
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import IdeaState
from workshopdesk.server.participate import COOKIE, device_id
from workshopdesk.store.workshop_file import Mode, WorkshopFile

from .helpers import BASE, run, serving

NOW = "2027-02-11T10:00:00+01:00"


class Phone:
    """One phone: its own cookie, the board's origin."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.cookie: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {"Origin": f"http://127.0.0.1:{self.client.port}"}
        if self.cookie:
            headers["Cookie"] = f"{COOKIE}={self.cookie}"
        return headers

    async def post(self, path: str, body: Any = None) -> tuple[int, Any]:
        response = await self.client.post(
            f"{BASE}/{path}",
            data=json.dumps(body or {}),
            headers={**self.headers(), "Content-Type": "application/json"},
        )
        morsel = response.cookies.get(COOKIE)
        if morsel is not None:
            self.cookie = morsel.value
        self.client.session.cookie_jar.clear()  # each phone keeps its own cookie
        return response.status, await response.json()

    async def me(self) -> Any:
        response = await self.client.get(f"{BASE}/ME.JSON", headers=self.headers())
        return await response.json()


async def board(client: Any) -> Any:
    return await (await client.get(f"{BASE}/BOARD.JSON")).json()


def problem_with_solutions(client_board: Any) -> Any:
    problems = [p for c in client_board["columns"] for p in c["problems"]]
    return max(problems, key=lambda p: len(p["solutions"]))


def read(path: Path) -> Any:
    with WorkshopFile.open(path, Mode.READ) as file:
        return file.load()


def test_joining_sets_a_private_cookie_and_keeps_no_name_for_the_anonymous(
    demo_path: Path,
) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            ann, anon = Phone(client), Phone(client)
            team = (await board(client))["teams"][0]["id"]
            response = await client.post(
                f"{BASE}/JOIN",
                data=json.dumps({"name": "Ann", "team": team}),
                headers={**ann.headers(), "Content-Type": "application/json"},
            )
            assert response.status == 200
            cookie = response.headers["Set-Cookie"]
            assert f"Path={BASE}" in cookie and "HttpOnly" in cookie
            assert "SameSite=Strict" in cookie
            ann.cookie = response.cookies[COOKIE].value
            client.session.cookie_jar.clear()
            me = await ann.me()
            assert (me["joined"], me["name"], me["team"]) == (True, "Ann", team)
            status, me = await anon.post("JOIN", {})
            assert status == 200 and me["name"] == "" and me["team"] is None
            assert anon.cookie and anon.cookie != ann.cookie
            assert (await Phone(client).me())["joined"] is False
            ws = phone_app.workspace.workshop
            assert set(ws.devices) == {device_id(ann.cookie), device_id(anon.cookie)}
            assert ws.devices[device_id(anon.cookie)].name == ""
            assert ann.cookie not in json.dumps([d.id for d in ws.devices.values()])

    run(scenario())
    stored = read(demo_path).devices
    assert sorted(d.name for d in stored.values()) == ["", "Ann"]


def test_an_idea_waits_then_goes_on_the_wall_and_only_its_phone_sees_it_waiting(
    demo_path: Path,
) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            ann, other = Phone(client), Phone(client)
            await ann.post("JOIN", {"name": "Ann"})
            await other.post("JOIN", {})
            number = problem_with_solutions(await board(client))["number"]
            idea = {"text": "Invoices in euros", "request": "r-1"}
            status, me = await ann.post(f"P/{number}/IDEAS", idea)
            assert status == 200
            assert [(i["text"], i["state"]) for i in me["ideas"]] == [
                ("Invoices in euros", "waiting")
            ]
            status, me = await ann.post(f"P/{number}/IDEAS", idea)  # a retry
            assert status == 200 and len(me["ideas"]) == 1
            assert "Invoices in euros" not in json.dumps(await board(client))
            assert (await other.me())["ideas"] == []
            workspace = phone_app.workspace
            workspace.submit(Edit(lambda ws: ops.approve_idea(ws, 1)))
            texts = [s["text"] for s in problem_with_solutions(await board(client))["solutions"]]
            on_wall = [
                s
                for c in (await board(client))["columns"]
                for p in c["problems"]
                for s in p["solutions"]
                if s["text"] == "Invoices in euros"
            ]
            assert on_wall and on_wall[0]["proposer"] == "Ann", texts
            assert (await ann.me())["ideas"][0]["state"] == "on the wall"

    run(scenario())
    [stored] = read(demo_path).ideas.values()
    assert stored.state is IdeaState.APPROVED


def test_silent_writing_is_private_until_revealed(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            workspace = phone_app.workspace
            ann, bob = Phone(client), Phone(client)
            await ann.post("JOIN", {"name": "Ann"})
            await bob.post("JOIN", {"name": "Bob"})
            workspace.submit(Edit(lambda ws: ops.start_round(ws, "write", NOW)))
            number = problem_with_solutions(await board(client))["number"]
            await ann.post(f"P/{number}/IDEAS", {"text": "Secret plan"})
            view = await board(client)
            assert view["round"]["kind"] == "write" and view["round"]["open"]
            assert "Secret plan" not in json.dumps(view)
            assert "Secret plan" not in json.dumps(await bob.me())
            assert (await ann.me())["ideas"][0]["private"] is True
            status, me = await ann.post("DONE")
            assert status == 200 and me["done"] is True
            assert (await board(client))["round"]["done"] == 1
            assert (await board(client))["round"]["joined"] == 2
            workspace.submit(Edit(lambda ws: ops.reveal_round(ws)))
            assert (await ann.me())["ideas"][0]["private"] is False

    run(scenario())


def test_dot_voting_to_the_budget_and_its_refusals(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            workspace = phone_app.workspace
            ann = Phone(client)
            await ann.post("JOIN", {"name": "Ann"})
            problem = problem_with_solutions(await board(client))
            candidates = [s["id"] for s in problem["solutions"] if s["status"] != "rejected"]
            status, answer = await ann.post("DOTS", {"solution": candidates[0], "on": True})
            assert (status, answer) == (409, {"error": "There is no vote right now."})
            workspace.submit(Edit(lambda ws: ops.start_round(ws, "vote", NOW, dots=1)))
            status, me = await ann.post("DOTS", {"solution": candidates[0], "on": True})
            assert status == 200 and me["dots"] == [candidates[0]] and me["dots_left"] == 0
            status, me = await ann.post("DOTS", {"solution": candidates[0], "on": True})
            assert status == 200 and me["dots_left"] == 0, "a retry spends nothing"
            status, answer = await ann.post("DOTS", {"solution": candidates[1], "on": True})
            assert (status, answer) == (409, {"error": "You have used your 1 dot."})
            shown = problem_with_solutions(await board(client))["solutions"]
            assert {s["id"]: s["dots"] for s in shown}[candidates[0]] == 1
            workspace.submit(Edit(lambda ws: ops.stop_round(ws, NOW)))
            status, answer = await ann.post("DOTS", {"solution": candidates[0], "on": False})
            assert (status, answer) == (409, {"error": "Voting has ended."})

    run(scenario())
    assert len(read(demo_path).dots) == 1


def test_hidden_counts_stay_hidden_until_the_vote_ends(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            workspace = phone_app.workspace
            ann = Phone(client)
            await ann.post("JOIN", {})
            workspace.submit(Edit(lambda ws: ops.start_round(ws, "vote", NOW, hidden=True)))
            solution = problem_with_solutions(await board(client))["solutions"][0]["id"]
            await ann.post("DOTS", {"solution": solution, "on": True})
            shown = problem_with_solutions(await board(client))["solutions"]
            assert all(s["dots"] is None for s in shown)
            workspace.submit(Edit(lambda ws: ops.stop_round(ws, NOW)))
            shown = problem_with_solutions(await board(client))["solutions"]
            assert {s["id"]: s["dots"] for s in shown}[solution] == 1

    run(scenario())


def test_hostile_sends_are_refused_and_write_nothing(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            ann = Phone(client)
            here = f"http://127.0.0.1:{client.port}"
            number = problem_with_solutions(await board(client))["number"]

            async def send(path: str, data: str | bytes, **headers: str) -> int:
                response = await client.post(f"{BASE}/{path}", data=data, headers=headers)
                return response.status

            json_type = "application/json"
            # not joined, no cookie, a made-up cookie
            assert (
                await send(f"P/{number}/IDEAS", "{}", Origin=here, **{"Content-Type": json_type})
                == 403
            )
            fake = {"Cookie": f"{COOKIE}={'A' * 26}", "Origin": here, "Content-Type": json_type}
            assert await send(f"P/{number}/IDEAS", '{"text": "x"}', **fake) == 403
            await ann.post("JOIN", {"name": "Ann"})
            good = {**ann.headers(), "Content-Type": json_type}
            # another site's page, no Origin at all, a cross-site fetch
            assert await send("DONE", "{}", **{**good, "Origin": "http://evil.example"}) == 404
            without = {k: v for k, v in good.items() if k != "Origin"}
            assert await send("DONE", "{}", **without) == 403
            assert await send("DONE", "{}", **{**good, "Sec-Fetch-Site": "cross-site"}) == 403
            # malformed bodies
            for body in ("not json", "[1, 2]", '{"text": 5}', "\xff"):
                assert await send(f"P/{number}/IDEAS", body, **good) == 400, body
            assert (
                await send(
                    f"P/{number}/IDEAS",
                    "text=x",
                    **{**good, "Content-Type": "application/x-www-form-urlencoded"},
                )
                == 400
            )
            # too long for the core's limits, too big for the server
            status, answer = await ann.post(f"P/{number}/IDEAS", {"text": "x" * 1001})
            assert status == 409 and "too long" in answer["error"]
            assert await send(f"P/{number}/IDEAS", json.dumps({"text": "y" * 5000}), **good) == 413
            # a script as an idea stays text
            status, _ = await ann.post(f"P/{number}/IDEAS", {"text": "<script>alert(1)</script>"})
            assert status == 200
            assert await send("P/999999/IDEAS", '{"text": "x"}', **good) == 404
            assert await send("NOWHERE", "{}", **good) == 404
            assert len(phone_app.workspace.workshop.ideas) == 1

    run(scenario())


def test_a_flood_of_ideas_is_told_to_wait(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            ann = Phone(client)
            await ann.post("JOIN", {})
            number = problem_with_solutions(await board(client))["number"]
            statuses = [
                (await ann.post(f"P/{number}/IDEAS", {"text": f"Idea {i}"}))[0] for i in range(15)
            ]
            assert statuses[:10] == [200] * 10 and set(statuses[10:]) == {429}
            status, answer = await ann.post(f"P/{number}/IDEAS", {"text": "One more"})
            assert status == 429 and "wait a moment" in answer["error"]
            assert len(phone_app.workspace.workshop.ideas) == 10

    run(scenario())


def test_a_blocked_phone_is_told_so(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            ann = Phone(client)
            await ann.post("JOIN", {"name": "Ann"})
            number = problem_with_solutions(await board(client))["number"]
            await ann.post(f"P/{number}/IDEAS", {"text": "Before"})
            device = device_id(ann.cookie or "")
            phone_app.workspace.submit(Edit(lambda ws: ops.block_device(ws, device)))
            status, answer = await ann.post(f"P/{number}/IDEAS", {"text": "After"})
            assert (status, answer) == (409, {"error": "The facilitator has paused this phone."})
            assert (await ann.me())["ideas"] == []

    run(scenario())


def test_a_body_in_several_packets_is_read_whole(demo_path: Path) -> None:
    """A long idea (up to 1,000 characters, more bytes in UTF-8) arrives in pieces."""
    import asyncio

    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            port = client.port
            text = "Идея для всех " * 70  # 980 characters, about 1.8 KB in UTF-8
            body = json.dumps({"name": "Анна"}, ensure_ascii=False).encode()
            head = (
                f"POST {BASE}/JOIN HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Origin: http://127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(head + body[:5])
            await writer.drain()
            await asyncio.sleep(0.1)
            writer.write(body[5:])
            await writer.drain()
            answer = await reader.read()
            writer.close()
            assert answer.startswith(b"HTTP/1.1 200"), answer[:80]
            cookie = answer.split(b"WD_PHONE=", 1)[1].split(b";", 1)[0].decode()
            number = problem_with_solutions(await board(client))["number"]
            payload = json.dumps({"text": text, "request": "long-1"}, ensure_ascii=False).encode()
            head = (
                f"POST {BASE}/P/{number}/IDEAS HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Origin: http://127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                f"Cookie: {COOKIE}={cookie}\r\n"
                f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
            ).encode()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            for start in range(0, len(payload), 500):
                writer.write((head if start == 0 else b"") + payload[start : start + 500])
                await writer.drain()
                await asyncio.sleep(0.05)
            answer = await reader.read()
            writer.close()
            assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
            [idea] = phone_app.workspace.workshop.ideas.values()
            assert idea.text == text.strip()
            assert [d.name for d in phone_app.workspace.workshop.devices.values()] == ["Анна"]

    run(scenario())
