"""Hostile and broken requests: the right 4xx, nothing written, everyone else served."""

from __future__ import annotations

import asyncio
from pathlib import Path

from workshopdesk.server.access import Access, MissPolicy
from workshopdesk.server.app import Limits
from workshopdesk.server.pages import NOT_FOUND

from .helpers import BASE, OTHER_TOKEN, TOKEN, fingerprint, raw, raw_get, run, serving


class RecordedSleep:
    """Stands in for asyncio.sleep in the miss slow-down: records, returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def test_no_wrong_or_partial_token_looks_like_a_page_that_does_not_exist(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            unknown = await client.get(f"{BASE}/NO-SUCH-PAGE")
            assert unknown.status == 404
            reference = (
                await unknown.read(),
                {k: v for k, v in unknown.headers.items() if k not in ("Date",)},
            )
            for target in (
                "/",
                "/J",
                "/J/",
                f"/J/{OTHER_TOKEN}",
                f"/J/{TOKEN[:-1]}",
                f"/J/{TOKEN}X",
                f"/J/{OTHER_TOKEN}/P/3",
                f"/J/{OTHER_TOKEN}/EVENTS",
                f"/J/{OTHER_TOKEN}/BOARD.JSON",
                f"/J/{OTHER_TOKEN}/A/PHONE.JS",
                f"/X/{TOKEN}",
                "/favicon.ico",
                "/J/TOKEN/P/3",
            ):
                response = await client.get(target)
                assert response.status == 404, target
                headers = {k: v for k, v in response.headers.items() if k not in ("Date",)}
                assert (await response.read(), headers) == reference, target
            assert reference[0].decode() == NOT_FOUND

    run(scenario())


def test_path_tricks_serve_nothing(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            port = client.port
            assert port is not None
            for target in (
                f"{BASE}/../{TOKEN}",
                f"{BASE}/A/../../../etc/passwd",
                f"{BASE}/A/%2e%2e/%2e%2e/app.py",
                f"{BASE}/A/%2E%2E%2Fhub.py",
                f"{BASE}/A/..%2f..%2fapp.py",
                f"{BASE}/A/..%5capp.py",
                f"{BASE}/A/phone.js%00.txt",
                f"{BASE}/A/./PHONE.JS",
                f"{BASE}//P/3",
                f"/J/%2E%2E/J/{TOKEN}",
                f"/J/{TOKEN}%2F..%2F",
                f"{BASE}/A/.hidden",
            ):
                status, body = await raw_get(port, target)
                assert status == 404, target
                assert b"import" not in body and b"root:" not in body
            # the real asset is still there for the right path
            status, body = await raw_get(port, f"{BASE}/A/PHONE.JS")
            assert status == 200 and b"EventSource" in body

    run(scenario())


def test_oversize_requests_are_refused(demo_path: Path) -> None:
    before = fingerprint(demo_path)

    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            port = client.port
            assert port is not None
            big_body = b"x" * 2_000_000
            head = (
                f"POST {BASE} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Content-Length: {len(big_body)}\r\n"
                "Connection: close\r\n\r\n"
            ).encode()
            status, _ = await raw(port, head + big_body[:1000])
            assert status == 413
            status, _ = await raw_get(port, f"{BASE}", "Content-Length: 10\r\n\r\n0123456789")
            assert status == 413
            status, _ = await raw_get(port, BASE + "/" + "A" * 5000)
            assert status in (400, 414)
            status, _ = await raw_get(port, BASE, "X-Huge: " + "y" * 20000 + "\r\n")
            assert status in (400, 431)
            many = "".join(f"X-H{i}: v\r\n" for i in range(200))
            status, _ = await raw_get(port, BASE, many)
            assert status in (400, 431)
            # and the board is still served to everyone else
            assert (await client.get(BASE)).status == 200

    run(scenario())
    assert fingerprint(demo_path) == before


def test_only_reading_and_the_phones_sends_are_allowed(demo_path: Path) -> None:
    before = fingerprint(demo_path)

    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            for method in ("PUT", "DELETE", "PATCH", "OPTIONS"):
                response = await client.request(method, f"{BASE}/P/3")
                assert response.status == 405, method
                assert response.headers["Allow"] == "GET, HEAD, POST"
                response = await client.request(method, f"/J/{OTHER_TOKEN}")
                assert response.status == 404, method
            origin = {"Origin": f"http://127.0.0.1:{client.port}"}
            response = await client.post(f"{BASE}/P/3", headers=origin)
            assert response.status == 403  # not joined: nothing to send
            response = await client.post(f"/J/{OTHER_TOKEN}/JOIN", headers=origin)
            assert response.status == 404

    run(scenario())
    assert fingerprint(demo_path) == before


def test_malformed_query_strings_are_refused(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, _):
            port = client.port
            assert port is not None
            for query in (
                "?%zz",
                "?a=%",
                "?a=%ff",
                "?since=1&since=2",
                "?a=<b>",
                "?" + "a" * 600,
                "?a=1&&b=2",
                "?=%0a",
                "?a=%00",
            ):
                status, _ = await raw_get(port, BASE + query)
                assert status == 400, query
            for query in ("?since=abc", "?since=-1", "?since=1e5", "?since=99999999999999999"):
                status, _ = await raw_get(port, f"{BASE}/EVENTS{query}")
                assert status == 400, query
            status, _ = await raw_get(port, f"{BASE}/EVENTS", "Last-Event-ID: x\r\n")
            assert status == 400
            # well-formed queries are fine
            assert (await client.get(f"{BASE}?V=1&utm_source=poster")).status == 200

    run(scenario())


def test_token_misses_are_slowed_per_address_and_valid_requests_never(demo_path: Path) -> None:
    sleep = RecordedSleep()
    access = Access(
        TOKEN, policy=MissPolicy(free_misses=3, first_delay=0.5, max_delay=4), sleep=sleep
    )

    async def scenario() -> None:
        async with serving(demo_path, access=access) as (client, _):
            for _ in range(8):
                assert (await client.get(f"/J/{OTHER_TOKEN}")).status == 404
            assert sleep.delays == [0.5, 1.0, 2.0, 4.0, 4.0]
            for _ in range(5):
                assert (await client.get(BASE)).status == 200
                assert (await client.get(f"{BASE}/NOPE")).status == 404  # not a miss
            assert sleep.delays == [0.5, 1.0, 2.0, 4.0, 4.0]
            assert access.misses_from("127.0.0.1") == 8
            assert access.misses_from("192.0.2.9") == 0

    run(scenario())


def test_misses_are_forgotten_after_a_quiet_while() -> None:
    now = [1000.0]
    sleep = RecordedSleep()
    access = Access(
        TOKEN, policy=MissPolicy(free_misses=1, forget_after=60), sleep=sleep, clock=lambda: now[0]
    )

    async def scenario() -> None:
        await access.miss("10.0.0.5")
        await access.miss("10.0.0.5")
        await access.miss("10.0.0.6")  # another address starts with free misses
        assert len(sleep.delays) == 1
        now[0] += 61
        await access.miss("10.0.0.5")
        assert len(sleep.delays) == 1

    run(scenario())


def test_a_flood_of_misses_gets_429_while_the_board_is_still_served(demo_path: Path) -> None:
    release = asyncio.Event()
    waited: list[float] = []

    async def held_sleep(delay: float) -> None:
        waited.append(delay)
        await release.wait()

    access = Access(TOKEN, policy=MissPolicy(free_misses=2, max_waiting=3), sleep=held_sleep)

    async def scenario() -> None:
        async with serving(demo_path, access=access) as (client, _):
            for _ in range(2):
                assert (await client.get("/J/WRONG")).status == 404
            held = [asyncio.ensure_future(client.get("/J/WRONG")) for _ in range(3)]
            while len(waited) < 3:
                await asyncio.sleep(0.01)
            statuses = [(await client.get("/J/WRONG")).status for _ in range(20)]
            assert statuses == [429] * 20
            # a phone with the link is served at once during the flood
            assert (await asyncio.wait_for(client.get(BASE), 2)).status == 200
            release.set()
            assert [(await r).status for r in held] == [404] * 3

    run(scenario())


def test_a_device_s_oldest_live_page_makes_way_for_its_newest(demo_path: Path) -> None:
    """A phone that slept without closing its feeds is never locked out by them."""

    async def scenario() -> None:
        async with serving(demo_path, limits=Limits(listeners_per_address=3)) as (client, app):
            feeds = [await client.get(f"{BASE}/EVENTS") for _ in range(3)]
            assert all(f.status == 200 for f in feeds)
            newest = await client.get(f"{BASE}/EVENTS")
            assert newest.status == 200
            await asyncio.wait_for(feeds[0].content.read(), 5)  # the oldest feed ends
            assert feeds[0].content.at_eof()
            assert app.hub.listening_from("127.0.0.1") == 3
            assert app.hub.phones() == 1
            assert (await client.get(BASE)).status == 200
            for feed in [*feeds, newest]:
                feed.close()

    run(scenario())


def test_the_slow_down_never_overflows() -> None:
    access = Access("TOKEN")
    delays = [access.delay_for(count) for count in (1, 10, 1100, 10**6)]
    assert delays == sorted(delays)
    assert delays[-1] == access.policy.max_delay


def test_too_many_phones_in_all_get_503(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path, limits=Limits(listeners_total=2)) as (client, _):
            feeds = [await client.get(f"{BASE}/EVENTS") for _ in range(2)]
            assert (await client.get(f"{BASE}/EVENTS")).status == 503
            for feed in feeds:
                feed.close()

    run(scenario())


def test_a_bad_path_with_the_right_token_is_not_counted_as_a_miss(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, app):
            port = client.server.port
            assert port is not None
            for path in (f"{BASE}//", f"{BASE}/P/%31", f"{BASE}/..%2F"):
                status, _ = await raw_get(port, path)
                assert status == 404, path
            assert app.access.misses_from("127.0.0.1") == 0
            assert (await client.get("/J/WRONGTOKEN")).status == 404
            assert app.access.misses_from("127.0.0.1") == 1

    run(scenario())
