"""Submitting to the one writer from another thread: the phone server's event loop.

The workspace lives on one thread (the window's, or the headless server's loop). The phone
server answers requests on its own loop; a phone's command is posted to the workspace's
thread, applied there like any other, and its outcome comes back to the request as an
awaitable. The thread that owns the workspace supplies ``post`` — a function that runs a
callable on that thread soon (the window: a queued Qt signal; the headless server: the
same loop's ``call_soon``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from workshopdesk.app.commands import Command
from workshopdesk.app.origin import Origin
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.changes import Step

Post = Callable[[Callable[[], None]], object]


class Bridge:
    def __init__(self, workspace: Workspace, post: Post) -> None:
        self.workspace = workspace
        self._post = post

    async def submit(self, command: Command, origin: Origin) -> Step | None:
        """Apply ``command`` on the workspace's thread; raises what the workspace raised
        (a :class:`~workshopdesk.core.errors.WorkshopError` for a refusal)."""
        loop = asyncio.get_running_loop()
        outcome: asyncio.Future[Step | None] = loop.create_future()

        def settle(result: Step | None, error: BaseException | None) -> None:
            if outcome.done():  # the request went away meanwhile
                return
            if error is not None:
                outcome.set_exception(error)
            else:
                outcome.set_result(result)

        def answer(result: Step | None, error: BaseException | None) -> None:
            if loop.is_closed():
                return  # the server stopped meanwhile: nobody waits for this answer
            with contextlib.suppress(RuntimeError):  # it closed just now
                loop.call_soon_threadsafe(settle, result, error)

        def run() -> None:
            try:
                result = self.workspace.submit(command, origin)
            except Exception as error:  # handed to the request that asked
                answer(None, error)
            else:
                answer(result, None)

        self._post(run)
        return await outcome
