"""The phone server's HTTP side: one handler that reads the path itself.

Routes (any letter case; ``<TOKEN>`` is the share token):

- ``GET /J/<TOKEN>``             the board (HTML, rendered here)
- ``GET /J/<TOKEN>/P/<NO>``      one problem's page
- ``GET /J/<TOKEN>/BOARD.JSON``  the board as JSON (see docs/phones.md)
- ``GET /J/<TOKEN>/EVENTS``      the live feed (Server-Sent Events; ``Last-Event-ID`` or
  ``?since=<revision>`` says what the phone already has)
- ``GET /J/<TOKEN>/A/PHONE.JS``, ``/A/PHONE.CSS``  the page's script and styles
- ``GET /J/<TOKEN>/ME.JSON``, ``POST …``  a phone taking part (:mod:`.participate`)
- ``GET /J/<TOKEN>/CONTACTS.VCF``  the contact exchange's cards (:mod:`.contacts`)

Anything without the valid token gets the very same 404 as a page that does not exist,
and so does a request that does not name this laptop's address and port in ``Host`` (or
comes from another origin). A write (POST) must come from the board's own page; any other
method is refused.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import unquote_to_bytes

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from workshopdesk.server.access import Access
from workshopdesk.server.contacts import download_cards
from workshopdesk.server.http import Addresses
from workshopdesk.server.hub import BoardHub, Listener, clock_event
from workshopdesk.server.pages import not_found_page, page
from workshopdesk.server.participate import Participation, Submit
from workshopdesk.server.replies import BODY_MAX, plain, refusal
from workshopdesk.server.view import find_problem, now_ms
from workshopdesk.server.words import Speak, translated_script, workshop_language
from workshopdesk.text import Translator

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Server": "WorkshopDesk",
}

ASSETS = {"PHONE.JS": "text/javascript", "PHONE.CSS": "text/css"}

_SEGMENT = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}")
_QUERY_PART = re.compile(r"[A-Za-z0-9._~%+-]*(=[A-Za-z0-9._~%+-]*)?")
MAX_TARGET = 1024
MAX_QUERY = 256
MAX_PROBLEM_NUMBER = 10**9


@dataclass(frozen=True, slots=True)
class Limits:
    listeners_per_address: int = 20
    """Live pages one address keeps open (a phone with a few tabs); a newer one closes
    the oldest."""
    listeners_total: int = 2000


def compact(text: str, *, css: bool) -> str:
    """The page's script or styles as phones get them: without the comments and the
    indentation written for readers (a smaller first load). Lines stay lines, so the
    script reads exactly as written."""
    if css:
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    else:
        text = re.sub(r"^\s*/\*.*?\*/\s*$", "", text, flags=re.S | re.M)  # comment blocks
        text = re.sub(r"^\s*//[^\n]*\n", "", text, flags=re.M)  # comment lines
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


SCRIPT_PARTS = ("kit.js", "take-part.js", "phone.js")
"""The page's script, served as one (one request, one translation): what the parts share,
taking part from the phone, then the board kept live (which starts it all)."""


def script_source() -> str:
    """The page's script as it is written, its parts in order."""
    web_dir = resources.files("workshopdesk.server") / "web"
    return "\n".join((web_dir / part).read_text(encoding="utf-8") for part in SCRIPT_PARTS)


def _load_assets() -> dict[str, bytes]:
    web_dir = resources.files("workshopdesk.server") / "web"
    sources = {"PHONE.JS": script_source(), "PHONE.CSS": (web_dir / "phone.css").read_text("utf-8")}
    return {
        name: compact(sources[name], css=name.endswith(".CSS")).encode("utf-8") for name in ASSETS
    }


class BadQuery(Exception):
    pass


def parse_query(raw: str) -> dict[str, str]:
    """A strict reading of the query string: well-formed ``key=value`` pairs in UTF-8,
    each key once. Anything else is a malformed query (400)."""
    if not raw:
        return {}
    if len(raw) > MAX_QUERY:
        raise BadQuery
    result: dict[str, str] = {}
    for part in raw.split("&"):
        if not part or _QUERY_PART.fullmatch(part) is None:
            raise BadQuery
        key, _, value = part.partition("=")
        try:
            key_text = unquote_to_bytes(key.replace("+", " ")).decode("utf-8").upper()
            value_text = unquote_to_bytes(value.replace("+", " ")).decode("utf-8")
        except UnicodeDecodeError:
            raise BadQuery from None
        if re.search(r"%(?![0-9A-Fa-f]{2})", part) or key_text in result:
            raise BadQuery
        if any(ord(c) < 32 or ord(c) == 127 for c in key_text + value_text):
            raise BadQuery
        result[key_text] = value_text
    return result


def _revision(text: str | None) -> int | None:
    if text is None or text == "":
        return None
    if not text.isascii() or not text.isdigit() or len(text) > 15:
        raise BadQuery
    return int(text)


class PhoneApp:
    """The request handling, around one hub and one token. Everything a phone reads is in
    the language ``speak`` gives for the workshop (by default the workshop's own)."""

    def __init__(
        self,
        hub: BoardHub,
        access: Access,
        limits: Limits | None = None,
        submit: Submit | None = None,
        *,
        speak: Speak = workshop_language,
    ) -> None:
        self.hub = hub
        self.access = access
        self.limits = limits or Limits()
        self.speak = speak
        self.participation = (
            None if submit is None else Participation(hub, submit, words=self.words)
        )
        """Phones' writes; None where phones only read."""
        self.assets = _load_assets()
        self._scripts: dict[str, bytes] = {}
        """The page's script in each language it was asked in."""
        self.addresses = Addresses()
        """Where the server listens; only requests naming it are answered."""

    def application(self) -> web.Application:
        app = web.Application(
            client_max_size=1024, middlewares=[_routed_or_not_found(self.not_found)]
        )
        app.router.add_route("*", "/{tail:.*}", self.handle)
        app.on_response_prepare.append(_secure)
        return app

    def words(self) -> Translator:
        """The language phones are spoken to in now."""
        return self.speak(self.hub.workshop)

    def script(self) -> bytes:
        """The page's script with its texts in the workshop's language."""
        tr = self.words()
        found = self._scripts.get(tr.language)
        if found is None:
            text = translated_script(self.assets["PHONE.JS"].decode("utf-8"), tr)
            found = self._scripts[tr.language] = text.encode("utf-8")
        return found

    def not_found(self, status: int = 404) -> web.Response:
        return web.Response(
            status=status,
            text=not_found_page(self.words()),
            content_type="text/html",
            charset="utf-8",
        )

    def malformed(self, status: int) -> web.Response:
        """The answer to a request the HTTP parser refused (for the connection handler,
        where the application's own headers are not added): the product's page and headers."""
        response = self.not_found(404 if status < 500 else 500)
        response.headers.update(HEADERS)
        return response

    def plain(
        self, status: int, text: str, *, close: bool = False, allow: str = ""
    ) -> web.Response:
        """A refusal as one sentence of plain text (already in the phones' language)."""
        return plain(status, text, close=close, allow=allow)

    def new_token(self, token: str) -> None:
        """Switch to ``token``: old links stop working and every open page is cut off."""
        self.access.token = token
        self.hub.disconnect_all()

    # -- the one handler ------------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.StreamResponse:
        if not self.addresses.host_ok(request.headers.get("Host")) or not (
            self.addresses.origin_ok(request.headers.get("Origin"))
        ):
            return self.not_found()  # another site's page, or a name pointed at this laptop
        writing = request.method == "POST"
        tr = self.words()
        if request.headers.get("Transfer-Encoding") or (
            request.content_length and (not writing or request.content_length > BODY_MAX)
        ):
            return self.plain(413, tr.gettext("That request is too large."), close=True)
        target = request.raw_path
        if len(target) > MAX_TARGET:
            return self.plain(414, tr.gettext("That address is too long."))
        path, _, raw_query = target.partition("?")
        try:
            query = parse_query(raw_query)
        except BadQuery:
            return self.plain(400, tr.gettext("That address has a malformed query."))
        segments = path.split("/")[1:]
        if len(segments) > 1 and segments[-1] == "":
            segments.pop()  # one trailing slash is fine
        if not (
            len(segments) >= 2
            and segments[0].upper() == "J"
            and _SEGMENT.fullmatch(segments[1])
            and self.access.allows(segments[1].upper())
        ):
            return await self._miss(request)
        # The token is right: a malformed rest of the path is a plain 404, never a miss.
        if not all(_SEGMENT.fullmatch(s) for s in segments[2:]):
            return self.not_found()
        parts = [s.upper() for s in segments]
        if writing and self.participation is not None:
            if request.headers.get("Origin") is None or request.headers.get(
                "Sec-Fetch-Site", "same-origin"
            ) not in ("same-origin", "none"):
                return refusal(403, tr.gettext("Send from the board's own page."))
            return await self.participation.handle(request, f"/J/{parts[1]}", parts[2:])
        if request.method not in ("GET", "HEAD"):
            allow = "GET, HEAD, POST" if self.participation is not None else "GET, HEAD"
            return self.plain(405, tr.gettext("That cannot be done here."), allow=allow)
        return await self._route(request, parts[1], parts[2:], query)

    async def _route(
        self, request: web.Request, token: str, rest: list[str], query: dict[str, str]
    ) -> web.StreamResponse:
        base = f"/J/{token}"
        if not rest:
            return _html(page(self.hub.snapshot.view, base, now_ms(), self.words()))
        if len(rest) == 2 and rest[0] == "P" and rest[1].isdigit() and len(rest[1]) <= 9:
            number = int(rest[1])
            if 0 < number < MAX_PROBLEM_NUMBER and find_problem(self.hub.snapshot.view, number):
                return _html(page(self.hub.snapshot.view, base, now_ms(), self.words(), number))
            return self.not_found()
        if rest == ["BOARD.JSON"]:
            return _compressed(
                web.Response(
                    body=self.hub.snapshot.json, content_type="application/json", charset="utf-8"
                )
            )
        if rest == ["EVENTS"]:
            return await self._events(request, query)
        if rest == ["ME.JSON"] and self.participation is not None:
            return self.participation.me_response(request)
        if rest == ["CONTACTS.VCF"] and self.participation is not None:
            return download_cards(self.participation, request)
        if len(rest) == 2 and rest[0] == "A" and rest[1] in ASSETS:
            body = self.script() if rest[1] == "PHONE.JS" else self.assets[rest[1]]
            return _compressed(
                web.Response(body=body, content_type=ASSETS[rest[1]], charset="utf-8")
            )
        return self.not_found()

    async def _miss(self, request: web.Request) -> web.StreamResponse:
        if not await self.access.miss(request.remote or "?"):
            return self.plain(
                429, self.words().gettext("Too many requests; wait a minute."), close=True
            )
        return self.not_found()

    # -- the live feed --------------------------------------------------------------------
    async def _events(self, request: web.Request, query: dict[str, str]) -> web.StreamResponse:
        try:
            since = _revision(request.headers.get("Last-Event-ID"))
            if since is None:
                since = _revision(query.get("SINCE"))
        except BadQuery:
            return self.plain(400, self.words().gettext("That live-feed request is malformed."))
        address = request.remote or "?"
        if len(self.hub.listeners) >= self.limits.listeners_total:
            return self.plain(
                503, self.words().gettext("Too many phones are connected; try again soon.")
            )
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream; charset=utf-8", "X-Accel-Buffering": "no"}
        )
        await response.prepare(request)
        if request.method == "HEAD":
            return response
        # A device's oldest feeds make way (it may have slept without closing them).
        listener = self.hub.listen(address, keep=self.limits.listeners_per_address)
        try:
            snapshot = self.hub.snapshot
            first = b"retry: 2000\n\n" + _clock_event()
            if since != snapshot.revision:
                first += snapshot.event
            await response.write(first)
            await self._pump(response, listener)
        except ConnectionError:
            return response  # the phone went away
        finally:
            self.hub.forget(listener)
        with contextlib.suppress(ConnectionError, RuntimeError):
            await response.write_eof()
        return response

    async def _pump(self, response: web.StreamResponse, listener: Listener) -> None:
        while not listener.closed:
            await listener.wake.wait()
            if listener.closed:
                return
            event = listener.take()
            if event is not None:
                await response.write(event)


def _clock_event() -> bytes:
    return clock_event(now_ms())


def _routed_or_not_found(not_found: Callable[[int], web.Response]) -> Middleware:
    """What the router itself refuses (a target that is no path, as with ``CONNECT``) gets
    the product's not-found page, and the connection closes."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException as error:
            response = not_found(404 if error.status < 500 else 500)
            response.force_close()
            return response

    return middleware


async def _secure(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(HEADERS)


def _html(text: str) -> web.Response:
    return _compressed(web.Response(text=text, content_type="text/html", charset="utf-8"))


def _compressed(response: web.Response) -> web.Response:
    """Compressed when the phone accepts it (every phone browser does): a smaller page."""
    response.enable_compression()
    return response
