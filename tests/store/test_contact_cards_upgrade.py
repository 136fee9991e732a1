"""A real file of the fifth schema (the release before the contact exchange) keeps its
phones and gains the link from a phone to the card it shares."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from workshopdesk.core import operations as ops
from workshopdesk.core.contact_exchange import card_of, shared_cards
from workshopdesk.store import schema
from workshopdesk.store.workshop_file import Mode, WorkshopFile

FIXTURE = Path(__file__).parent / "files" / "schema-5-demo.workshop"
"""Written by ``workshopdesk new --demo`` of the release with schema 5, then one phone
("Phone Person", in the first team) joined."""
PHONE = "11111111-2222-4333-8444-555555555555"


@pytest.fixture
def fifth(tmp_path: Path) -> Path:
    path = tmp_path / "malmo.workshop"
    shutil.copyfile(FIXTURE, path)
    return path


def device_columns(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return [row[1] for row in connection.execute("PRAGMA table_info(devices)")]
    finally:
        connection.close()


def test_the_fixture_is_a_real_fifth_schema_file() -> None:
    connection = sqlite3.connect(f"file:{FIXTURE}?immutable=1", uri=True)
    try:
        assert schema.version_of(connection) == 5
    finally:
        connection.close()
    assert "attendee_id" not in device_columns(FIXTURE)


def test_reading_it_changes_nothing_and_its_phone_has_no_card(fifth: Path) -> None:
    before = fifth.read_bytes()
    with WorkshopFile.open(fifth, Mode.READ) as file:
        ws = file.load()
    assert fifth.read_bytes() == before
    assert ws.devices[PHONE].name == "Phone Person"
    assert ws.devices[PHONE].attendee_id is None and card_of(ws, PHONE) is None


def test_opened_to_edit_it_upgrades_and_a_shared_card_survives_a_reopen(fifth: Path) -> None:
    with WorkshopFile.open(fifth, Mode.WRITE) as file:
        assert file.schema_version() == 6
        ws = file.load()
        before = (dict(ws.attendees), dict(ws.problems))
        file.write(ops.share_card(ws, PHONE, name="Phone Person", email="pp@example.se").changes)
    assert "attendee_id" in device_columns(fifth)
    with WorkshopFile.open(fifth, Mode.READ) as file:
        again = file.load()
    card = card_of(again, PHONE)
    assert card is not None and card.email == "pp@example.se" and card.consent_to_share
    assert card.team_id == again.devices[PHONE].team_id is not None
    assert [a.id for a in shared_cards(again)] == [card.id]
    assert again.problems == before[1]
    assert {k: v for k, v in again.attendees.items() if k != card.id} == before[0]
