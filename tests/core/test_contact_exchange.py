"""The contact exchange: a phone's own card becomes an attendee who consents to share;
only a phone that shared may receive the cards, and only the cards of those who shared."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.board import IDS, board, done
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Change
from workshopdesk.core.contact_exchange import (
    EXCHANGE_KEY,
    card_of,
    is_open,
    may_receive,
    shared_cards,
)
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.operations.phones import Refused
from workshopdesk.core.workshop import Workshop

NOW = "2027-02-11T16:00:00+01:00"
PHONE_A = "aaaaaaaa-0000-4000-8000-000000000001"
PHONE_B = "bbbbbbbb-0000-4000-8000-000000000002"


def joined() -> Workshop:
    ws = board()
    done(ws, ops.join(ws, PHONE_A, NOW, name="Cy", team_id=IDS.dev))
    done(ws, ops.join(ws, PHONE_B, NOW))
    return ws


def test_the_exchange_is_open_on_the_day_it_was_opened_only() -> None:
    day = date(2027, 2, 11)
    assert not is_open({}, day)
    assert not is_open({EXCHANGE_KEY: ""}, day)
    assert is_open({EXCHANGE_KEY: "2027-02-11"}, day)
    # Left open when the laptop was switched off: weeks later it is closed.
    assert not is_open({EXCHANGE_KEY: "2027-02-11"}, date(2027, 3, 1))
    assert not is_open({EXCHANGE_KEY: "2027-02-11"}, date(2027, 2, 10))


def test_a_shared_card_becomes_an_attendee_who_consents_in_the_phones_team() -> None:
    ws = joined()
    step = ops.share_card(ws, PHONE_A, name=" Cy Berg ", email="cy@example.se", role="Dev lead")
    done(ws, step)
    card = card_of(ws, PHONE_A)
    assert card is not None
    assert (card.name, card.email, card.phone, card.role) == (
        "Cy Berg",
        "cy@example.se",
        "",
        "Dev lead",
    )
    assert card.consent_to_share and card.team_id == IDS.dev
    assert ws.devices[PHONE_A].attendee_id == card.id
    assert ws.ordered_attendees()[-1] == card  # added last, after Ann and Bo
    assert len(ws.attendees) == 3
    assert step.label.params == {"name": "Cy Berg"}


def test_sharing_again_changes_the_same_card() -> None:
    ws = joined()
    done(ws, ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.se"))
    first = card_of(ws, PHONE_A)
    done(ws, ops.share_card(ws, PHONE_A, name="Cy Berg", phone="+46 70 1"))
    again = card_of(ws, PHONE_A)
    assert first is not None and again is not None and again.id == first.id
    assert (again.name, again.email, again.phone) == ("Cy Berg", "", "+46 70 1")
    assert len(ws.attendees) == 3
    unchanged = ops.share_card(ws, PHONE_A, name="Cy Berg", phone="+46 70 1")
    assert unchanged.changes == ()


def test_a_card_needs_a_name_and_a_way_to_reach_its_owner() -> None:
    ws = joined()
    with pytest.raises(ValidationError) as no_way:
        ops.share_card(ws, PHONE_A, name="Cy", role="Dev lead")
    assert no_way.value.message.msgid == "error.card_needs_contact"
    with pytest.raises(ValidationError):
        ops.share_card(ws, PHONE_A, name="   ", email="cy@example.se")
    with pytest.raises(Refused):
        ops.share_card(ws, "cccccccc-0000-4000-8000-000000000003", name="X", email="x@y.z")
    done(ws, ops.block_device(ws, PHONE_A))
    with pytest.raises(Refused):
        ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.se")


def test_only_a_phone_that_shared_receives_and_only_cards_that_were_shared() -> None:
    ws = joined()
    # Ann consents (the facilitator ticked it) but never shared from a phone.
    done(ws, ops.edit_attendee(ws, IDS.ann, consent_to_share=True, email="ann@example.se"))
    assert not may_receive(ws, PHONE_A) and not may_receive(ws, None)
    done(ws, ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.se"))
    assert may_receive(ws, PHONE_A) and not may_receive(ws, PHONE_B)
    assert [a.name for a in shared_cards(ws)] == ["Cy"]
    done(ws, ops.share_card(ws, PHONE_B, name="Di", phone="+46 70 2"))
    assert [a.name for a in shared_cards(ws)] == ["Cy", "Di"]
    # Consent taken back in the People dialog: no longer shared, no longer receiving.
    cy = card_of(ws, PHONE_A)
    assert cy is not None
    done(ws, ops.edit_attendee(ws, cy.id, consent_to_share=False))
    assert card_of(ws, PHONE_A) is None and not may_receive(ws, PHONE_A)
    assert [a.name for a in shared_cards(ws)] == ["Di"]
    # Paused by the facilitator: it keeps its card but receives nothing.
    done(ws, ops.block_device(ws, PHONE_B))
    assert card_of(ws, PHONE_B) is not None and not may_receive(ws, PHONE_B)


def test_an_idea_from_a_phone_that_shared_is_credited_to_its_card() -> None:
    ws = joined()
    done(ws, ops.share_card(ws, PHONE_A, name="Cy Berg", email="cy@example.se"))
    card = card_of(ws, PHONE_A)
    assert card is not None
    step = ops.send_idea(ws, PHONE_A, IDS.p3, "Cache the build", NOW, moderated=True)
    done(ws, step)
    idea = next(iter(ws.ideas.values()))
    done(ws, ops.approve_idea(ws, idea.number))
    solution = next(s for s in ws.solutions_of(IDS.p3) if s.text == "Cache the build")
    assert solution.proposer_id == card.id  # not a second "Cy" beside the card
    assert len(ws.attendees) == 3


def test_deleting_a_shared_attendee_unlinks_the_phone() -> None:
    ws = joined()
    done(ws, ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.se"))
    card = card_of(ws, PHONE_A)
    assert card is not None
    done(ws, ops.delete_attendee(ws, card.id))
    assert ws.devices[PHONE_A].attendee_id is None
    assert card_of(ws, PHONE_A) is None and shared_cards(ws) == []


def test_undo_names_who_shared_the_card_by_the_name_it_now_has() -> None:
    from workshopdesk.text import render

    ws = joined()
    first = ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.com")
    assert render(first.label) == "Cy shared a contact card"
    done(ws, first)
    (card,) = (a for a in ws.attendees.values() if a.name == "Cy")
    assert card.role == "", "no role unless one was given"
    again = ops.share_card(ws, PHONE_A, name="Cyrus", email="cy@example.com")
    assert render(again.label) == "Cyrus shared a contact card"
    same = ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.com")
    assert render(same.label) == "Cy shared a contact card"


def test_a_phone_that_has_not_joined_or_is_paused_is_told_so() -> None:
    from workshopdesk.text import render

    ws = joined()
    with pytest.raises(Refused) as refused:
        ops.share_card(ws, "not-a-phone", name="Cy", email="cy@example.com")
    assert render(refused.value.message) == "Join the board first."
    done(ws, ops.block_device(ws, PHONE_A))
    with pytest.raises(Refused) as refused:
        ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.com")
    assert render(refused.value.message) == "The facilitator has paused this phone."


def test_deleting_the_attendee_a_phone_shared_and_undoing_it_brings_the_phone_back_as_it_was() -> (
    None
):
    ws = joined()
    done(ws, ops.share_card(ws, PHONE_A, name="Cy", email="cy@example.com"))
    device = ws.devices[PHONE_A]
    assert device.attendee_id is not None
    step = ops.delete_attendee(ws, device.attendee_id)
    done(ws, step)
    assert ws.devices[PHONE_A].attendee_id is None
    ws.apply_all(Change(c.after, c.before) for c in reversed(step.changes))
    assert ws.devices[PHONE_A] == device
