"""What the phone server answers a write: a JSON reply, a refusal with a sentence, and
the body of a request read as a small JSON object (or refused as malformed)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

from workshopdesk.text.ui import N_

BODY_MAX = 4096
"""The largest body a phone may send, in bytes."""
SLOW_DOWN = N_("Slow down a little: wait a moment, then try again.")


def answer(status: int, data: dict[str, Any]) -> web.Response:
    return web.Response(
        status=status,
        body=json.dumps(data, ensure_ascii=False).encode("utf-8"),
        content_type="application/json",
        charset="utf-8",
    )


def plain(status: int, text: str, *, close: bool = False, allow: str = "") -> web.Response:
    """A refusal as one sentence of plain text (already in the phones' language), for an
    address a browser opens itself (a page, a download) rather than the page's script."""
    response = web.Response(status=status, text=text + "\n", content_type="text/plain")
    if close:
        response.force_close()
    if allow:
        response.headers["Allow"] = allow
    return response


def refusal(status: int, sentence: str) -> web.Response:
    return answer(status, {"error": sentence})


class BadBody(Exception):
    pass


def field(body: dict[str, Any], name: str, kind: type, default: Any = None) -> Any:
    value = body.get(name, default)
    if value is not default and not isinstance(value, kind):
        raise BadBody
    return value


async def json_body(request: web.Request) -> dict[str, Any]:
    """The body as a JSON object (an empty body is ``{}``); anything else is malformed."""
    if request.content_length and request.content_type != "application/json":
        raise BadBody
    length = request.content_length or 0
    if length > BODY_MAX:
        raise BadBody
    try:  # the whole body, however many packets it came in
        raw = await request.content.readexactly(length) if length else b""
    except asyncio.IncompleteReadError:
        raise BadBody from None
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadBody from None
    if not isinstance(value, dict):
        raise BadBody
    return value
