"""The live feed: Server-Sent Events, catch-up by revision, one serialisation for all."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientResponse

from workshopdesk.core.operations import move_problem
from workshopdesk.server import hub as hub_module
from workshopdesk.store.workshop_file import Mode, WorkshopFile

from .helpers import BASE, OTHER_TOKEN, run, serving, wait_for


async def next_event(response: ClientResponse, kind: str = "board") -> dict[str, str]:
    """The next event of ``kind`` on the feed, as its fields."""
    while True:
        block = await asyncio.wait_for(response.content.readuntil(b"\n\n"), 5)
        fields: dict[str, str] = {}
        for line in block.decode().strip().split("\n"):
            name, _, value = line.partition(": ")
            fields[name] = value
        if fields.get("event") == kind:
            return fields


def move_first_problem(path: Path) -> int:
    """Commit an edit through another connection (as the CLI or another window would)."""
    with WorkshopFile.open(path, Mode.WRITE) as file:
        ws = file.load()
        problem = ws.ordered_problems()[0]
        target = ws.ordered_columns()[1]
        return file.write(move_problem(ws, problem.id, target.id, 0).changes)


def test_a_new_phone_gets_the_board_then_changes(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            feed = await client.get(f"{BASE}/EVENTS")
            assert feed.status == 200
            assert feed.headers["Content-Type"] == "text/event-stream; charset=utf-8"
            assert feed.headers["Cache-Control"] == "no-store"
            first = await next_event(feed)
            revision = phone_app.hub.snapshot.revision
            assert first["id"] == str(revision)
            assert json.loads(first["data"])["revision"] == revision
            new_revision = move_first_problem(demo_path)
            changed = await next_event(feed)
            assert changed["id"] == str(new_revision)
            view = json.loads(changed["data"])
            assert view["columns"][1]["problems"][0]["number"] == 7
            feed.close()

    run(scenario())


def test_a_phone_that_is_up_to_date_gets_no_board_until_something_changes(
    demo_path: Path,
) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            current = phone_app.hub.snapshot.revision
            by_query = await client.get(f"{BASE}/EVENTS?since={current}")
            by_header = await client.get(
                f"{BASE}/EVENTS?since=0", headers={"Last-Event-ID": str(current)}
            )
            for feed in (by_query, by_header):
                opening = await asyncio.wait_for(feed.content.readuntil(b"\n\n"), 5)
                assert opening == b"retry: 2000\n\n"
                clock = await next_event(feed, "now")
                assert int(clock["data"]) > 1_700_000_000_000
            await wait_for(lambda: len(phone_app.hub.listeners) == 2)
            assert all(listener.pending is None for listener in phone_app.hub.listeners)
            move_first_problem(demo_path)
            for feed in (by_query, by_header):
                event = await next_event(feed)
                assert int(event["id"]) == current + 1
                feed.close()

    run(scenario())


def test_a_phone_that_missed_changes_catches_up_at_once(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            old = phone_app.hub.snapshot.revision
            move_first_problem(demo_path)
            await wait_for(lambda: phone_app.hub.snapshot.revision == old + 1)
            feed = await client.get(f"{BASE}/EVENTS", headers={"Last-Event-ID": str(old)})
            event = await next_event(feed)
            assert int(event["id"]) == old + 1
            feed.close()

    run(scenario())


def test_every_phone_gets_the_same_serialised_board(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path, poll_interval=3600) as (client, phone_app):
            hub = phone_app.hub
            feeds = [
                await client.get(f"{BASE}/EVENTS?since={hub.snapshot.revision}") for _ in range(5)
            ]
            await wait_for(lambda: len(hub.listeners) == 5)
            move_first_problem(demo_path)
            assert phone_app.workspace.check_outside() is True
            offered = {id(listener.pending) for listener in hub.listeners}
            assert offered == {id(hub.snapshot.event)}
            received = {(await next_event(feed))["data"] for feed in feeds}
            assert len(received) == 1
            for feed in feeds:
                feed.close()

    run(scenario())


def test_an_unchanged_file_costs_no_table_reads(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path, poll_interval=3600) as (_, phone_app):
            hub = phone_app.hub
            statements: list[str] = []
            workspace = phone_app.workspace
            workspace.file._connection.set_trace_callback(statements.append)
            snapshot = hub.snapshot
            for _ in range(20):
                assert workspace.check_outside() is False
            assert hub.snapshot is snapshot
            assert statements and all(s.strip().upper().startswith("PRAGMA") for s in statements)

    run(scenario())


def test_settings_changes_reach_phones_too(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            feed = await client.get(f"{BASE}/EVENTS?since={phone_app.hub.snapshot.revision}")
            with WorkshopFile.open(demo_path, Mode.WRITE) as file:
                file.set_settings(
                    {
                        "timer.state": "paused",
                        "timer.remaining_ms": "90000",
                        "timer.duration_ms": "600000",
                    }
                )
            view = json.loads((await next_event(feed))["data"])
            assert view["timer"]["running"] is False
            assert view["timer"]["remaining_ms"] == 90000
            feed.close()

    run(scenario())


def test_a_new_link_cuts_off_every_open_page(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            feeds = [await client.get(f"{BASE}/EVENTS") for _ in range(3)]
            await wait_for(lambda: len(phone_app.hub.listeners) == 3)
            phone_app.new_token(OTHER_TOKEN)
            for feed in feeds:
                await asyncio.wait_for(feed.content.read(), 5)  # the stream ends
                assert feed.content.at_eof()
            await wait_for(lambda: phone_app.hub.phones() == 0)
            assert (await client.get(BASE)).status == 404
            assert (await client.get(f"{BASE}/EVENTS")).status == 404
            assert (await client.get(f"/J/{OTHER_TOKEN}")).status == 200

    run(scenario())


def test_quiet_feeds_get_a_heartbeat_with_the_servers_clock(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hub_module, "HEARTBEAT", 0.05)

    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            feed = await client.get(f"{BASE}/EVENTS?since={phone_app.hub.snapshot.revision}")
            stamps: list[Any] = []
            for _ in range(3):
                stamps.append(int((await next_event(feed, "now"))["data"]))
            assert stamps == sorted(stamps)
            feed.close()

    run(scenario())


def test_a_phone_that_leaves_is_no_longer_counted(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            feed = await client.get(f"{BASE}/EVENTS")
            await wait_for(lambda: phone_app.hub.phones() == 1)
            feed.close()
            move_first_problem(demo_path)  # the next write notices the closed connection
            await wait_for(lambda: phone_app.hub.phones() == 0)

    run(scenario())
