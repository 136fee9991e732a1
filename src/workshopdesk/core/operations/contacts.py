"""Sharing a contact card from a phone during the contact exchange.

A phone's card becomes an attendee who consents to share (in the phone's team, if it
joined one); sharing again updates that same attendee. Opening and closing the exchange
is a setting (:mod:`workshopdesk.core.contact_exchange`), not a step.
"""

from __future__ import annotations

from dataclasses import replace

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Attendee
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.messages import Message
from workshopdesk.core.operations.common import created, edited, new_id, placement
from workshopdesk.core.operations.phones import device_for
from workshopdesk.core.workshop import Workshop


def share_card(
    ws: Workshop, device_id: str, *, name: str, email: str = "", phone: str = "", role: str = ""
) -> Step:
    """This phone shares its card: a new attendee the first time, the same one after."""
    device = device_for(ws, device_id)
    if not (email.strip() or phone.strip()):
        raise ValidationError(Message("error.card_needs_contact"))
    card = {"name": name, "email": email, "phone": phone, "role": role}
    existing = ws.attendees.get(device.attendee_id) if device.attendee_id else None
    if existing is not None:
        change = edited(ws, existing, {**card, "consent_to_share": True})
        label = Label("share_card", {"name": (change.after if change else existing).name})  # type: ignore[union-attr]
        return Step(label, (change,) if change else ())
    position, _ = placement(ws.ordered_attendees(), None)
    attendee = created(
        ws,
        Attendee(
            id=new_id(),
            position=position,
            team_id=device.team_id,
            consent_to_share=True,
            **card,
        ),
    )
    linked = Change(device, replace(device, attendee_id=attendee.after.id))  # type: ignore[union-attr]
    return Step(Label("share_card", {"name": attendee.after.name}), (attendee, linked))  # type: ignore[union-attr]
