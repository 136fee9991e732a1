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
from workshopdesk.core.contact_exchange import may_receive, shared_cards
from workshopdesk.core.operations import share_card as share
from workshopdesk.server import quota
from workshopdesk.server.replies import SLOW_DOWN, BadBody, answer, field, plain, refusal
from workshopdesk.text.ui import N_

if TYPE_CHECKING:
    from workshopdesk.server.participate import Participation

CARD_FIELDS = ("name", "email", "phone", "role")
CLOSED = N_("The contact exchange is closed.")


async def share_card(p: Participation, device: str, body: dict[str, Any]) -> web.Response:
    """This phone's own card, typed on it: saved as an attendee who consents to share."""
    tr = p.words()
    if not p.exchange_open():
        return refusal(403, tr.gettext(CLOSED))
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
    if not p.exchange_open():
        return plain(403, tr.gettext(CLOSED))
    ws = p.workshop
    if not may_receive(ws, p.device_of(request)):
        return plain(
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
