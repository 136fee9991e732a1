"""The phone server's HTTP plumbing beneath the routes: who may call it, and how it
answers what never reaches a route.

- Requests must name this laptop's address and port in ``Host`` (and in ``Origin``,
  when a browser sends one): a web page elsewhere that points its own host name at the
  laptop (DNS rebinding) or calls it from another origin gets nothing.
- A request the HTTP parser refuses (a malformed request line, an unknown method) gets
  the product's headers and its plain "not found" page, never a default page that echoes
  the request.
- A refused body closes the connection at once, instead of reading it for seconds.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler
from aiohttp.web_request import BaseRequest
from aiohttp.web_server import Server

log = logging.getLogger(__name__)


def authority(host: str, port: int) -> str:
    """``Host`` as a browser sends it for ``host``:``port`` (IPv6 in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class Addresses:
    """The ``Host`` values and origins this server answers to (set once it listens)."""

    def __init__(self) -> None:
        self._hosts: frozenset[str] = frozenset()

    def listen_on(self, host: str, port: int) -> None:
        self._hosts = frozenset({authority(host, port).lower()})

    def host_ok(self, value: str | None) -> bool:
        return value is not None and value.lower() in self._hosts

    def origin_ok(self, value: str | None) -> bool:
        """No ``Origin`` (a same-origin page load, an old browser) or this server's own."""
        if value is None:
            return True
        scheme, _, rest = value.lower().partition("://")
        return scheme == "http" and rest in self._hosts


class _PhoneRequestHandler(RequestHandler):
    """aiohttp's connection handler, with the product's answer to malformed requests."""

    def handle_error(
        self,
        request: BaseRequest,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        if status >= 500:
            log.error("Phone request failed", exc_info=exc)
        if request.writer.output_size > 0:
            raise ConnectionError("a response was already under way")
        factory = self._manager.not_found_factory  # type: ignore[union-attr]
        response: web.Response = factory(status)
        response.force_close()
        return response


class _PhoneServer(Server):
    not_found_factory: Any = None

    def __call__(self) -> RequestHandler:
        return _PhoneRequestHandler(self, loop=self._loop, **self._kwargs)


class PhoneRunner(web.AppRunner):
    """An ``AppRunner`` whose connections answer malformed requests with the product's
    page (``answer(status)`` makes it, headers included)."""

    def __init__(self, app: web.Application, answer: Any, **kwargs: Any) -> None:
        super().__init__(app, lingering_time=0, **kwargs)
        self._answer = answer

    async def _make_server(self) -> Server:
        server = await super()._make_server()
        server.__class__ = _PhoneServer  # the same server, making our connection handlers
        server.not_found_factory = self._answer  # type: ignore[attr-defined]
        return server
