"""Running the phone server in-process on a real port, and speaking raw HTTP to it."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from aiohttp.test_utils import TestClient, TestServer

from workshopdesk.app.bridge import Bridge
from workshopdesk.app.workspace import Workspace, follow_outside
from workshopdesk.server.access import Access
from workshopdesk.server.app import Limits, PhoneApp
from workshopdesk.server.hub import BoardHub
from workshopdesk.server.words import Speak, workshop_language
from workshopdesk.store.workshop_file import Mode, WorkshopFile

TOKEN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OTHER_TOKEN = "ZYXWVUTSRQPONMLKJIHGFEDCBA"
BASE = f"/J/{TOKEN}"
T = TypeVar("T")


def run(coroutine: Awaitable[T]) -> T:
    async def main() -> T:
        return await coroutine

    return asyncio.run(main())


async def no_wait(delay: float) -> None:
    """The miss slow-down without the waiting, so tests of other things stay fast."""


@contextlib.asynccontextmanager
async def serving(
    path: Path,
    *,
    access: Access | None = None,
    limits: Limits | None = None,
    poll_interval: float = 0.02,
    speak: Speak = workshop_language,
) -> AsyncIterator[tuple[TestClient[Any, Any], PhoneApp]]:
    """The phone app over the one writer of ``path``, as ``workshopdesk serve`` runs it:
    the test's own writes through other connections are another program's. ``speak``:
    the language phones read (the workshop's own unless a test says otherwise)."""
    workspace = Workspace.open(path, Mode.WRITE)
    hub = BoardHub(workspace.state(), speak)
    unsubscribe = workspace.subscribe(hub.apply)
    watch = asyncio.get_running_loop().create_task(follow_outside(workspace, poll_interval))
    await hub.start()
    bridge = Bridge(workspace, asyncio.get_running_loop().call_soon)
    phone_app = PhoneApp(
        hub, access or Access(TOKEN, sleep=no_wait), limits, bridge.submit, speak=speak
    )
    phone_app.workspace = workspace  # type: ignore[attr-defined]
    client: TestClient[Any, Any] = TestClient(TestServer(phone_app.application()))
    await client.start_server()
    phone_app.addresses.listen_on("127.0.0.1", client.port)
    try:
        yield client, phone_app
    finally:
        hub.disconnect_all()
        await client.close()
        await hub.close()
        watch.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watch
        unsubscribe()
        workspace.close()


async def raw(port: int, request: bytes, *, limit: int = 1 << 20) -> tuple[int, bytes]:
    """Send ``request`` as is (no client-side clean-up of the path) and return the
    status and the body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(limit), 10)
        while b"\r\n\r\n" not in data:
            more = await asyncio.wait_for(reader.read(limit), 10)
            if not more:
                break
            data += more
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, body


async def raw_get(port: int, target: str, extra: str = "") -> tuple[int, bytes]:
    host = f"127.0.0.1:{port}"
    request = f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{extra}\r\n"
    return await raw(port, request.encode("latin-1"))


def fingerprint(path: Path) -> tuple[int, str]:
    """The file's revision and a digest of its content (with its write-ahead log)."""
    with WorkshopFile.open(path, Mode.READ) as file:
        revision = file.revision()
    digest = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            digest.update(part.read_bytes())
    return revision, digest.hexdigest()


async def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@contextlib.contextmanager
def serving_in_thread(
    path: Path, **options: Any
) -> Iterator[tuple[str, PhoneApp, Callable[[Callable[[], None]], None]]]:
    """:func:`serving` on a thread of its own, for a browser driven from this one: the
    join URL, the phone app and a way to run a function on the server's loop."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    stop = asyncio.Event()
    found: list[tuple[str, PhoneApp]] = []

    async def main() -> None:
        async with serving(path, **options) as (client, phone_app):
            found.append((f"http://127.0.0.1:{client.port}{BASE}", phone_app))
            ready.set()
            await stop.wait()

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()

    def on_loop(function: Callable[[], None]) -> None:
        loop.call_soon_threadsafe(function)

    try:
        assert ready.wait(20), "the phone server did not start"
        yield found[0][0], found[0][1], on_loop
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(20)
        loop.close()
