"""The contact exchange at the end of the day: who shared a card, and who may receive them.

The facilitator opens the exchange (a setting, so a phone server in another program sees
it too) and closes it. While it is open a phone may share its own card — name, e-mail,
phone, role, typed on the phone — which becomes an attendee who consents to share. A
phone that shared may download the cards of everyone who shared; nobody else's card ever
reaches a phone. The rules that change cards live in
:mod:`workshopdesk.core.operations.contacts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from workshopdesk.core.entities import Attendee
from workshopdesk.core.workshop import Workshop

EXCHANGE_KEY = "contacts.exchange"
"""Set while the exchange is open: the day it opened (ISO, the laptop's own calendar)."""


def is_open(settings: Mapping[str, str], today: date) -> bool:
    """Open, and opened today: an exchange left open (the program closed, the laptop
    switched off) never opens again on another day, at a check-in weeks later."""
    return settings.get(EXCHANGE_KEY) == today.isoformat()


def card_of(ws: Workshop, device_id: str | None) -> Attendee | None:
    """The card this phone shared, while it is still shared (the attendee exists and
    consents); None otherwise."""
    device = ws.devices.get(device_id) if device_id else None
    if device is None or device.attendee_id is None:
        return None
    attendee = ws.attendees.get(device.attendee_id)
    return attendee if attendee is not None and attendee.consent_to_share else None


def shared_cards(ws: Workshop) -> list[Attendee]:
    """Every card shared from a phone and still shared, in the attendees' order."""
    ids = {d.attendee_id for d in ws.devices.values() if d.attendee_id is not None}
    return [a for a in ws.ordered_attendees() if a.id in ids and a.consent_to_share]


def may_receive(ws: Workshop, device_id: str | None) -> bool:
    """Only a phone that shared its own card receives the others', and not while the
    facilitator has paused it."""
    device = ws.devices.get(device_id) if device_id else None
    return device is not None and not device.blocked and card_of(ws, device_id) is not None
