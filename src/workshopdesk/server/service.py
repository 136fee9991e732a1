"""The phone server as one asyncio service: the hub, the token, the HTTP listener.

Used by ``workshopdesk serve`` (in the main thread) and by the window's
:class:`~workshopdesk.server.thread.ShareServer` (on a thread of its own). It starts from
a copy of the open workshop (:class:`~workshopdesk.app.events.State`) and follows the one
writer's changes through :meth:`PhoneService.apply`, called on the service's loop.
"""

from __future__ import annotations

import contextlib
import errno
import socket

from aiohttp import web

from workshopdesk.app.events import Applied, State
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.share_link import DEFAULT_PORT
from workshopdesk.links import join_url
from workshopdesk.server.access import Access
from workshopdesk.server.app import Limits, PhoneApp
from workshopdesk.server.http import PhoneRunner
from workshopdesk.server.hub import BoardHub
from workshopdesk.server.participate import Submit
from workshopdesk.server.words import Speak, workshop_language
from workshopdesk.text.ui import _

SHUTDOWN_TIMEOUT = 0.5


class ServerProblem(WorkshopError):
    """The server cannot listen where it was asked to."""


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(512)
    except BaseException:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def bind_socket(host: str, port: int, *, fall_back: bool) -> socket.socket:
    """A listening socket on ``host``; with ``fall_back``, any free port when ``port`` is
    taken. Failures are sentences for the facilitator."""
    try:
        return _bind(host, port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE and fall_back and port != 0:
            return bind_socket(host, 0, fall_back=False)
        if error.errno == errno.EADDRINUSE:
            raise ServerProblem(
                _("Port {port} is in use by another program; choose another port.").format(
                    port=port
                )
            ) from None
        if error.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT, errno.EINVAL):
            raise ServerProblem(
                _("This computer has no network address {host}; pick one of its own.").format(
                    host=host
                )
            ) from None
        if error.errno == errno.EACCES:
            raise ServerProblem(
                _("Port {port} needs administrator rights; use a port above 1023.").format(
                    port=port
                )
            ) from None
        raise ServerProblem(
            _("Cannot listen on {host}:{port}: {reason}.").format(
                host=host, port=port, reason=error.strerror
            )
        ) from None
    except OverflowError:
        raise ServerProblem(
            _("There is no port {port}; use 1024 to 65535, or 0.").format(port=port)
        ) from None


class PhoneService:
    def __init__(
        self,
        state: State,
        token: str,
        *,
        limits: Limits | None = None,
        access: Access | None = None,
        submit: Submit | None = None,
        speak: Speak = workshop_language,
    ) -> None:
        """``submit`` reaches the one writer (phones take part); without it phones only
        read. ``speak`` gives the language phones read (the workshop's own)."""
        self.hub = BoardHub(state, speak)
        self.phone_app = PhoneApp(self.hub, access or Access(token), limits, submit, speak=speak)
        self.host = ""
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def token(self) -> str:
        return self.phone_app.access.token

    @property
    def url(self) -> str:
        return join_url(self.host, self.port, self.token)

    async def start(self, host: str, port: int = DEFAULT_PORT, *, fall_back: bool = True) -> str:
        """Read the board and start listening; returns the join URL."""
        allow_many_connections()
        sock = bind_socket(host, port, fall_back=fall_back)
        try:
            await self.hub.start()
            runner = PhoneRunner(
                self.phone_app.application(),
                self.phone_app.malformed,
                handle_signals=False,
                access_log=None,
                handler_cancellation=True,
                shutdown_timeout=SHUTDOWN_TIMEOUT,
                keepalive_timeout=15,  # idle connections do not pile up
                max_headers=64,
            )
            await runner.setup()
            self._runner = runner
            self.phone_app.addresses.listen_on(host, int(sock.getsockname()[1]))
            await web.SockSite(runner, sock).start()
        except BaseException:
            sock.close()
            await self.stop()
            raise
        self.host, self.port = host, int(sock.getsockname()[1])
        return self.url

    def apply(self, event: Applied) -> None:
        """A change the writer applied (call on the service's loop)."""
        self.hub.apply(event)

    async def stop(self) -> None:
        self.hub.disconnect_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self.hub.close()

    def new_token(self, token: str) -> None:
        self.phone_app.new_token(token)

    def phones(self) -> int:
        return self.hub.phones()


OPEN_FILES_WANTED = 16_384


def allow_many_connections() -> None:
    """Raise this process's open-file limit towards its ceiling: every phone is a socket,
    and desktop defaults (256 on macOS, 1,024 on Linux) run out before a busy room does."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = OPEN_FILES_WANTED if hard == resource.RLIM_INFINITY else min(OPEN_FILES_WANTED, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
