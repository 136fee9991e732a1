"""The server as the window runs it: on its own thread and event loop."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshopdesk.app.commands import Edit
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.operations import move_problem
from workshopdesk.server.hub import feed_revision
from workshopdesk.server.thread import ShareServer

from .helpers import OTHER_TOKEN, TOKEN


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def wait_until(predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


@pytest.fixture
def workspace(demo_path: Path) -> Iterator[Workspace]:
    with Workspace.open(demo_path) as opened:
        yield opened


def test_start_serve_stop(workspace: Workspace) -> None:
    server = ShareServer(workspace, TOKEN)
    url = server.start("127.0.0.1", 0)
    try:
        assert url == f"HTTP://127.0.0.1:{server.port}/J/{TOKEN}"
        assert status_of(url) == 200
        assert server.running
    finally:
        server.stop()
    assert not server.running
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)


def test_an_edit_in_this_process_reaches_phones_at_once(workspace: Workspace) -> None:
    server = ShareServer(workspace, TOKEN)  # nobody looks at the file: the writer tells
    url = server.start("127.0.0.1", 0)
    try:
        feed = urllib.request.urlopen(url + "/EVENTS", timeout=10)
        while feed.readline() != b"event: board\n":
            pass
        wait_until(lambda: server.phones() == 1)
        ws = workspace.workshop
        problem = ws.ordered_problems()[0]
        target = ws.ordered_columns()[2].id
        workspace.submit(
            Edit(lambda ws: move_problem(ws, problem.id, target, 0, agree="Agreed in the room"))
        )
        revision = feed_revision(workspace.revision, workspace.settings_revision)
        while (line := feed.readline()) != f"id: {revision}\n".encode():
            assert line, "the feed ended"
        feed.readline()
        data = json.loads(feed.readline().removeprefix(b"data: "))
        assert data["columns"][2]["problems"][0]["number"] == problem.number
        feed.close()
    finally:
        server.stop()


def test_new_link_cuts_off_old_phones(workspace: Workspace) -> None:
    server = ShareServer(workspace, TOKEN)
    old = server.start("127.0.0.1", 0)
    try:
        feed = urllib.request.urlopen(old + "/EVENTS", timeout=10)
        wait_until(lambda: server.phones() == 1)
        server.new_token(OTHER_TOKEN)
        assert feed.read() is not None  # the stream ends instead of hanging
        wait_until(lambda: server.phones() == 0)
        assert status_of(old) == 404
        assert server.url.endswith(OTHER_TOKEN)
        assert status_of(server.url) == 200
    finally:
        server.stop()


def test_a_port_in_use_is_a_sentence(workspace: Workspace) -> None:
    first = ShareServer(workspace, TOKEN)
    first.start("127.0.0.1", 0)
    second = ShareServer(workspace, TOKEN)
    try:
        with pytest.raises(WorkshopError, match="in use by another program"):
            second.start("127.0.0.1", first.port, fall_back=False)
        assert not second.running
        fallen_back = second.start("127.0.0.1", first.port, fall_back=True)
        assert second.port != first.port and status_of(fallen_back) == 200
    finally:
        second.stop()
        first.stop()


def test_an_error_in_a_server_task_reaches_the_windows_error_hook(workspace: Workspace) -> None:
    import gc
    import threading

    heard: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: heard.append(args.exc_value)  # type: ignore[assignment]
    server = ShareServer(workspace, TOKEN)
    server.start("127.0.0.1", 0)
    try:

        async def broken() -> None:
            raise ValueError("a bug in a server task")

        loop = server._loop
        assert loop is not None
        loop.call_soon_threadsafe(lambda: loop.create_task(broken()) and None)
        deadline = time.monotonic() + 5
        while not heard and time.monotonic() < deadline:
            gc.collect()  # a task that failed unobserved is reported when it is collected
            time.sleep(0.05)
    finally:
        server.stop()
        threading.excepthook = previous
    assert [str(e) for e in heard] == ["a bug in a server task"]
