"""Beneath the routes, on the real service and a real port: only requests that name this
laptop are answered, malformed requests get the product's page (never an echo), a refused
body closes the connection at once, and dropped feeds give their memory back."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path

import psutil
import pytest

from workshopdesk.app.workspace import Workspace
from workshopdesk.server.app import Limits
from workshopdesk.server.pages import NOT_FOUND
from workshopdesk.server.service import PhoneService

from .helpers import TOKEN, run
from .serve_process import Served

BASE = f"/J/{TOKEN}"


@contextlib.asynccontextmanager
async def service(path: Path, limits: Limits | None = None) -> AsyncIterator[PhoneService]:
    with Workspace.open(path) as workspace:
        served = PhoneService(workspace.state(), TOKEN, limits=limits)
        unsubscribe = workspace.subscribe(served.apply)
        await served.start("127.0.0.1", 0, fall_back=False)
        try:
            yield served
        finally:
            unsubscribe()
            await served.stop()


async def exchange(port: int, request: bytes, timeout: float = 5.0) -> tuple[bytes, float, bool]:
    """Send ``request``; return what came back, how long until the server closed the
    connection, and whether it did within ``timeout``."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    writer.write(request)
    await writer.drain()
    data, closed = b"", False
    with contextlib.suppress(TimeoutError, ConnectionError):
        while chunk := await asyncio.wait_for(reader.read(65536), timeout):
            data += chunk
        closed = True
    took = time.monotonic() - started
    writer.close()
    with contextlib.suppress(ConnectionError):
        await writer.wait_closed()
    return data, took, closed


def status_of(data: bytes) -> int:
    return int(data.split(b" ", 2)[1])


def test_requests_that_do_not_name_this_laptop_get_nothing(demo_path: Path) -> None:
    async def scenario() -> None:
        async with service(demo_path) as served:
            port, here = served.port, f"127.0.0.1:{served.port}"
            for target in (BASE, f"{BASE}/BOARD.JSON", f"{BASE}/EVENTS", f"{BASE}/P/1"):
                for headers in (
                    "Host: evil.example\r\n",  # a name pointed at the laptop (DNS rebinding)
                    f"Host: evil.example:{port}\r\n",
                    "Host: 127.0.0.1\r\n",  # the right address, the wrong port
                    f"Host: {here}\r\nOrigin: http://evil.example\r\n",  # another site's page
                    f"Host: {here}\r\nOrigin: https://{here}\r\n",
                ):
                    request = f"GET {target} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"
                    data, _, _ = await exchange(port, request.encode())
                    assert status_of(data) == 404, (target, headers)
                    assert b"Scan the QR code" in data
                    assert b"revision" not in data and "Malmö".encode() not in data
            for extra in ("", f"Origin: http://{here}\r\n"):
                request = f"GET {BASE}/BOARD.JSON HTTP/1.1\r\nHost: {here}\r\n{extra}"
                data, _, _ = await exchange(port, f"{request}Connection: close\r\n\r\n".encode())
                assert status_of(data) == 200 and b'"revision"' in data

    run(scenario())


@pytest.mark.parametrize(
    "request_line",
    [
        b"GARBAGE /<script>alert(1)</script> HTTP/1.1",
        b"GET /J/<script>alert(1)</script> HTTP/9.9",
        b"CONNECT evil.example:443 HTTP/1.1",
        b"GET\x00/ HTTP/1.1",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS greeting
    ],
)
def test_malformed_requests_get_the_products_page_without_an_echo(
    demo_path: Path, request_line: bytes
) -> None:
    async def scenario() -> None:
        async with service(demo_path) as served:
            host = f"Host: 127.0.0.1:{served.port}\r\n".encode()
            data, took, closed = await exchange(
                served.port, request_line + b"\r\n" + host + b"\r\n"
            )
            head, _, body = data.partition(b"\r\n\r\n")
            assert status_of(data) == 404
            assert b"Server: WorkshopDesk" in head and b"Content-Security-Policy:" in head
            assert body.decode() == NOT_FOUND
            assert b"script" not in body and b"evil" not in data and b"aiohttp" not in data
            assert closed and took < 1.0

    run(scenario())


def test_a_refused_body_closes_the_connection_at_once(demo_path: Path) -> None:
    async def scenario() -> None:
        async with service(demo_path) as served:
            request = (
                f"POST {BASE} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
                "Content-Length: 2000000\r\n\r\n"
            ).encode() + b"x" * 1000
            data, took, closed = await exchange(served.port, request)
            assert status_of(data) == 413
            assert closed and took < 1.0, f"held {took:.1f} s"

    run(scenario())


@pytest.mark.slow
def test_memory_returns_after_a_thousand_feeds_drop(demo_path: Path) -> None:
    """Measured on a real ``workshopdesk serve``: a crowd of 1,000 live pages comes and
    goes twice; after the second leaves, the server gives back what it took (the first
    crowd also loads what serving needs once)."""
    feeds = 1000
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        server = psutil.Process(served.process.pid)
        target = f"/J/{served.token}/EVENTS"

        async def open_feed(index: int) -> asyncio.StreamWriter:
            # each phone its own loopback address, as phones on the Wi-Fi have
            address = f"127.0.{1 + index // 250}.{1 + index % 250}"
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", served.port, local_addr=(address, 0)
            )
            request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n\r\n"
            writer.write(request.encode())
            await writer.drain()
            await reader.readuntil(b"event: board\n")
            return writer

        async def crowd() -> tuple[int, int, int]:
            before = server.memory_info().rss
            writers = await asyncio.gather(*(open_feed(i) for i in range(feeds)))
            await asyncio.sleep(0.5)
            loaded = server.memory_info().rss
            for writer in writers:
                writer.transport.abort()  # phones vanish without a goodbye
            await asyncio.sleep(2.5)
            return before, loaded, server.memory_info().rss

        run(crowd())
        before, loaded, after = run(crowd())
        grown, kept = (loaded - before) / 1e6, (after - before) / 1e6
        assert grown > 5, f"{feeds} feeds took only {grown:.1f} MB: nothing to give back"
        assert kept < grown * 0.25, f"{feeds} feeds took {grown:.1f} MB; {kept:.1f} MB stayed"
        code, _ = served.stop()
        assert code == 0
