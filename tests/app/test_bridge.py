"""A phone's command from the server's thread reaches the workspace on its own thread."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from workshopdesk.app.bridge import Bridge
from workshopdesk.app.commands import Edit
from workshopdesk.app.origin import Source, phone
from workshopdesk.app.workspace import Workspace
from workshopdesk.core import operations as ops
from workshopdesk.core.errors import ValidationError


def test_commands_from_another_thread_run_on_the_workspaces_thread(demo_path: Path) -> None:
    jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
    owner = threading.current_thread()
    ran_on: list[threading.Thread] = []
    heard: list[Source] = []
    with Workspace.open(demo_path) as workspace:
        workspace.subscribe(lambda event: heard.append(event.origin.source))
        bridge = Bridge(workspace, jobs.put)
        solution = sorted(workspace.workshop.solutions)[0]
        votes = workspace.workshop.solutions[solution].votes
        column = workspace.workshop.ordered_columns()[0].id

        def vote(ws):  # type: ignore[no-untyped-def]
            ran_on.append(threading.current_thread())
            return ops.vote_solution(ws, solution, 1)

        async def phones() -> tuple[object, BaseException | None]:
            step = await bridge.submit(Edit(vote), phone("dev-1"))
            try:
                await bridge.submit(Edit(lambda ws: ops.add_problem(ws, column, "")), phone("d"))
            except ValidationError as error:
                return step, error
            return step, None

        results: list[tuple[object, BaseException | None]] = []
        server = threading.Thread(target=lambda: results.append(asyncio.run(phones())))
        server.start()
        while server.is_alive() or not jobs.empty():  # the owner's event loop, in short
            try:
                job = jobs.get(timeout=0.05)
            except queue.Empty:
                continue
            if job is not None:
                job()
        server.join()
        step, error = results[0]
        assert ran_on == [owner], "the operation ran where the workspace lives"
        assert step is not None and isinstance(error, ValidationError)
        assert workspace.workshop.solutions[solution].votes == votes + 1
        assert heard == [Source.PHONE]


def test_on_one_loop_the_bridge_is_a_direct_call(demo_path: Path) -> None:
    async def scenario() -> int:
        with Workspace.open(demo_path) as workspace:
            loop = asyncio.get_running_loop()
            bridge = Bridge(workspace, loop.call_soon)
            solution = sorted(workspace.workshop.solutions)[0]
            before = workspace.workshop.solutions[solution].votes
            await bridge.submit(Edit(lambda ws: ops.vote_solution(ws, solution, 2)), phone("x"))
            return workspace.workshop.solutions[solution].votes - before

    assert asyncio.run(scenario()) == 2


def test_many_concurrent_phones_lose_nothing(demo_path: Path) -> None:
    count = 50

    async def scenario() -> tuple[int, int]:
        with Workspace.open(demo_path) as workspace:
            bridge = Bridge(workspace, asyncio.get_running_loop().call_soon)
            solution = sorted(workspace.workshop.solutions)[0]
            before = workspace.workshop.solutions[solution].votes
            await asyncio.gather(
                *(
                    bridge.submit(
                        Edit(lambda ws: ops.vote_solution(ws, solution, 1)), phone(f"{i}")
                    )
                    for i in range(count)
                )
            )
            return before, workspace.workshop.solutions[solution].votes

    before, after = asyncio.run(scenario())
    assert after == before + count


def test_a_server_that_stops_while_a_command_runs_leaves_the_command_applied(
    demo_path: Path,
) -> None:
    """The phone server's loop closes just as the workspace finishes a phone's vote: the
    vote stays, and the workspace's thread goes on as if nothing happened."""
    jobs: list[Callable[[], None]] = []

    with Workspace.open(demo_path) as workspace:
        solution = sorted(workspace.workshop.solutions)[0]
        before = workspace.workshop.solutions[solution].votes
        bridge = Bridge(workspace, jobs.append)

        async def ask() -> None:
            asking = asyncio.ensure_future(
                bridge.submit(Edit(lambda ws: ops.vote_solution(ws, solution, 1)), phone("x"))
            )
            await asyncio.sleep(0)
            asking.cancel()

        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(ask())

            def closed_just_now(*args: object) -> None:
                raise RuntimeError("Event loop is closed")

            loop.call_soon_threadsafe = closed_just_now  # type: ignore[method-assign]
            (run,) = jobs
            run()  # on the workspace's thread: no error escapes
        finally:
            loop.close()
        assert workspace.workshop.solutions[solution].votes == before + 1
