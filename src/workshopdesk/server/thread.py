"""The phone server inside the app: the same service on a thread with its own event loop.

Call every method from the thread the workspace lives on (the window's). The server has
no connection to the file of its own: it starts from a copy of the workspace's workshop
and hears every change the workspace applies — the window's edits at once, another
program's as soon as the workspace finds them — passed to its loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from workshopdesk.app.bridge import Bridge, Post
from workshopdesk.app.events import Applied
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.share_link import DEFAULT_PORT
from workshopdesk.server.service import PhoneService
from workshopdesk.text.ui import _

T = TypeVar("T")
STOP_TIMEOUT = 2.0


def _pass_to_thread_hook(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """An error in one of the server's own tasks is our bug: it goes where the window sends
    every unexpected error (``threading.excepthook``: the log, and one sentence); a phone
    that went away mid-answer is no error at all."""
    error = context.get("exception")
    if isinstance(error, ConnectionError | OSError):
        return
    if isinstance(error, Exception):
        threading.excepthook(
            threading.ExceptHookArgs(
                (type(error), error, error.__traceback__, threading.current_thread())
            )
        )
        return
    loop.default_exception_handler(context)


class ShareServer:
    def __init__(
        self, workspace: Workspace, token: str, post: Post | None = None, **service_options: Any
    ) -> None:
        """``post`` runs a callable on the workspace's thread (the window's event loop);
        with it, phones take part through the one writer, without it they only read."""
        self.workspace = workspace
        self._bridge = None if post is None else Bridge(workspace, post)
        self._token = token
        self._unsubscribe: Any = None
        self._options = service_options
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._service: PhoneService | None = None
        self.url = ""

    @property
    def running(self) -> bool:
        return self._service is not None

    def start(self, host: str, port: int = DEFAULT_PORT, *, fall_back: bool = True) -> str:
        """Start listening on ``host``; returns the join URL. Raises the service's
        WorkshopError (a sentence) if it cannot."""
        if self.running:
            self.stop()
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.set_exception_handler(_pass_to_thread_hook)
            loop.call_soon(ready.set)
            loop.run_forever()
            loop.close()

        thread = threading.Thread(target=run, name="workshopdesk-phones", daemon=True)
        thread.start()
        ready.wait()
        self._loop, self._thread = loop, thread
        submit = None if self._bridge is None else self._bridge.submit
        service = PhoneService(self.workspace.state(), self._token, submit=submit, **self._options)
        self._unsubscribe = self.workspace.subscribe(self._pass_on(service, loop))
        try:
            self.url = self._call(service.start(host, port, fall_back=fall_back))
        except TimeoutError:
            self._stop_hearing()
            self._close_hub(service)
            self._end_loop()
            raise WorkshopError(
                _(
                    "Sharing did not start in time: the workshop could not be read quickly "
                    "enough. Try again."
                )
            ) from None
        except BaseException:
            self._stop_hearing()
            self._end_loop()
            raise
        self._service = service
        return self.url

    def stop(self) -> None:
        self._stop_hearing()
        service, self._service = self._service, None
        if service is not None:
            try:
                self._call(service.stop(), timeout=STOP_TIMEOUT)
            except TimeoutError:
                self._close_hub(service)  # the file's connection closes on its own thread
        self._end_loop()

    def new_token(self, token: str) -> None:
        """Use ``token`` from now on; every phone with the old link is cut off."""
        self._token = token
        service = self._service
        if service is not None:
            self._call(self._run_in_loop(service.new_token, token))
            self.url = service.url

    def phones(self) -> int:
        service = self._service
        return 0 if service is None else service.phones()

    @property
    def port(self) -> int:
        return 0 if self._service is None else self._service.port

    # -- internals ------------------------------------------------------------------------
    @staticmethod
    def _pass_on(service: PhoneService, loop: asyncio.AbstractEventLoop) -> Any:
        def pass_on(event: Applied) -> None:
            if not loop.is_closed():
                with contextlib.suppress(RuntimeError):  # the loop stopped meanwhile
                    loop.call_soon_threadsafe(service.apply, event)

        return pass_on

    def _stop_hearing(self) -> None:
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()

    @staticmethod
    async def _run_in_loop(function: Any, *args: Any) -> None:
        function(*args)

    def _call(self, coroutine: Coroutine[Any, Any, T], timeout: float | None = 10.0) -> T:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout)

    def _close_hub(self, service: PhoneService) -> None:
        with contextlib.suppress(Exception):
            self._call(service.hub.close(), timeout=1.0)

    def _end_loop(self) -> None:
        loop, thread = self._loop, self._thread
        self._loop = self._thread = None
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(STOP_TIMEOUT)
