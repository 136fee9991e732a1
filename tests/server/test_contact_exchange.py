"""The contact exchange over real HTTP on loopback, through the one writer into the file:
a phone shares its own card only while the exchange is open, downloads everyone who
shared only after sharing its own, and never receives the card of anyone who did not."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from workshopdesk.app.commands import ChangeSettings, Edit
from workshopdesk.core import operations as ops
from workshopdesk.core.contact_exchange import EXCHANGE_KEY, card_of

from .helpers import BASE, run, serving
from .test_participate import Phone, board, read

OPENED = {EXCHANGE_KEY: date.today().isoformat()}
CLOSED: dict[str, str | None] = {EXCHANGE_KEY: None}


async def download(client: Any, phone: Phone) -> tuple[int, str, Any]:
    response = await client.get(f"{BASE}/CONTACTS.VCF", headers=phone.headers())
    return response.status, await response.text(), response.headers


def test_cards_are_shared_and_received_only_inside_the_exchange(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            workspace = phone_app.workspace  # type: ignore[attr-defined]
            cy, di, eve = Phone(client), Phone(client), Phone(client)
            team = (await board(client))["teams"][1]["id"]
            for phone, name in ((cy, "Cy"), (di, "Di"), (eve, "Eve")):
                assert (await phone.post("JOIN", {"name": name, "team": team}))[0] == 200
            card = {"name": "Cy Berg", "email": "cy@example.se", "phone": "", "role": "Dev"}

            # Closed: nothing is taken, nothing is served.
            status, answer = await cy.post("CARD", card)
            assert status == 403 and answer["error"] == "The contact exchange is closed."
            status, text, _ = await download(client, cy)
            assert status == 403 and text == "The contact exchange is closed.\n"
            assert (await board(client))["contacts"] == {"open": False, "shared": 0}

            workspace.submit(ChangeSettings(OPENED))
            status, me = await cy.post("CARD", card)
            assert status == 200 and me["card"] == card
            status, _ = await di.post("CARD", {"name": "Di", "phone": "+46 70 555 01 99"})
            assert status == 200
            assert (await board(client))["contacts"] == {"open": True, "shared": 2}

            # Eve shared nothing: she receives nothing, and learns nothing of the others.
            status, text, _ = await download(client, eve)
            assert status == 403 and "Cy" not in text and "Di" not in text
            assert (await eve.me())["card"] is None

            status, text, headers = await download(client, cy)
            assert status == 200
            assert headers["Content-Type"] == "text/vcard; charset=utf-8"
            assert headers["Content-Disposition"] == 'attachment; filename="contacts.vcf"'
            assert headers["Cache-Control"] == "no-store"
            assert text.count("BEGIN:VCARD") == 2
            assert "FN:Cy Berg" in text and "EMAIL;TYPE=INTERNET:cy@example.se" in text
            assert "FN:Di" in text and "TEL;TYPE=VOICE:+46 70 555 01 99" in text
            # The demo's attendees consented on paper but shared nothing here.
            assert "Annika" not in text and "Eve" not in text

            # Paused by the facilitator: Di keeps the card she shared, receives nothing.
            di_device = next(d.id for d in workspace.workshop.devices.values() if d.name == "Di")
            workspace.submit(Edit(lambda ws: ops.block_device(ws, di_device)))
            status, _, _ = await download(client, di)
            assert status == 403

            # Left open from another day (the laptop was switched off): closed.
            yesterday = (date.today() - timedelta(days=1)).isoformat()
            workspace.submit(ChangeSettings({EXCHANGE_KEY: yesterday}))
            assert (await download(client, cy))[0] == 403
            assert (await board(client))["contacts"] == {"open": False, "shared": 0}

            workspace.submit(ChangeSettings(CLOSED))
            status, _, _ = await download(client, cy)
            assert status == 403
            assert (await cy.me())["card"] is None  # nothing of the exchange outside it
            status, _ = await cy.post("CARD", {**card, "role": "Tech lead"})
            assert status == 403

        ws = read(demo_path)
        cards = {d.name: card_of(ws, d.id) for d in ws.devices.values()}
        assert cards["Eve"] is None
        cy_card, di_card = cards["Cy"], cards["Di"]
        assert cy_card is not None and di_card is not None
        assert (cy_card.name, cy_card.role, cy_card.team_id) == ("Cy Berg", "Dev", team)
        assert cy_card.consent_to_share and di_card.consent_to_share

    run(scenario())


def test_a_card_without_a_way_to_reach_or_a_malformed_one_is_refused(demo_path: Path) -> None:
    async def scenario() -> None:
        async with serving(demo_path) as (client, phone_app):
            phone_app.workspace.submit(ChangeSettings(OPENED))  # type: ignore[attr-defined]
            cy = Phone(client)
            status, answer = await cy.post("CARD", {"name": "Cy", "email": "cy@example.se"})
            assert status == 403 and answer["error"] == "Join the board first."
            await cy.post("JOIN", {"name": "Cy"})
            status, answer = await cy.post("CARD", {"name": "Cy"})
            assert status == 409
            assert answer["error"] == (
                "Add an e-mail address or a phone number, so people can reach you."
            )
            for bad in ({"name": ""}, {"name": 3}, {"name": "Cy", "email": ["x"]}):
                status, answer = await cy.post("CARD", bad)
                assert status == 400 and answer["error"] == "That request is malformed."
            status, answer = await cy.post("CARD", {"name": "Cy", "email": "x" * 300})
            assert status == 409 and "error" in answer
        assert all(
            not a.consent_to_share or a.name != "Cy" for a in read(demo_path).attendees.values()
        )

    run(scenario())
