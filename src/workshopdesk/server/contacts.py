"""The contact exchange on the phones: sharing one's own card, and downloading everyone's.

- ``POST CARD``          ``{"name": "...", "email": "...", "phone": "...", "role": "..."}``
- ``GET CONTACTS.VCF``   one vCard file of everyone who shared (only to a phone that shared)

Both answer only while the facilitator keeps the exchange open; closed, they refuse with a
sentence. A phone never receives the card of someone who did not share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from workshopdesk.app.commands import Edit
from workshopdesk.contact_cards import render as cards
from workshopdesk.core.contact_exchange import is_open, may_receive, shared_cards
from workshopdesk.core.operations import share_card as share
from workshopdesk.server import quota
from workshopdesk.server.replies import SLOW_DOWN, BadBody, answer, field, refusal

if TYPE_CHECKING:
    from workshopdesk.server.participate import Participation

CARD_FIELDS = ("name", "email", "phone", "role")


async def share_card(p: Participation, device: str, body: dict[str, Any]) -> web.Response:
    """This phone's own card, typed on it: saved as an attendee who consents to share."""
    tr = p.words()
    if not is_open(p.hub.settings):
        return refusal(403, tr.gettext("The contact exchange is closed."))
    values = {name: field(body, name, str, "") for name in CARD_FIELDS}
    if not values["name"].strip():
        raise BadBody
    if not p.quota.allow("card", device, quota.CARD):
        return refusal(429, tr.gettext(SLOW_DOWN))
    await p.submit(Edit(lambda ws: share(ws, device, **values)), p.origin(device))
    return answer(200, p.me(device))


def download_cards(p: Participation, request: web.Request) -> web.Response:
    """Everyone's cards as one vCard file, for a phone that shared its own."""
    tr = p.words()
    if not is_open(p.hub.settings):
        return _plain(403, tr.gettext("The contact exchange is closed."))
    ws = p.workshop
    if not may_receive(ws, p.device_of(request)):
        return _plain(
            403, tr.gettext("Share your own card first: only people who share receive the others'.")
        )
    body = cards(ws, tr, shared_cards(ws)).encode("utf-8")
    return web.Response(
        body=body,
        content_type="text/vcard",
        charset="utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="contacts.vcf"',
            "Cache-Control": "no-store",
        },
    )


def _plain(status: int, sentence: str) -> web.Response:
    return web.Response(status=status, text=sentence, content_type="text/plain", charset="utf-8")
