"""The JSON format: the documented schema, and byte-identical round trips."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from workshopdesk import starters
from workshopdesk.export.json_format import ImportProblem, dumps, loads, withheld
from workshopdesk.resources import resource

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "workshop.schema.json").read_text())


@pytest.mark.parametrize("name", [*starters.TEMPLATES, "demo"])
def test_exports_validate_against_the_schema(name: str) -> None:
    ws = starters.demo() if name == "demo" else starters.template(name)
    document = json.loads(dumps(ws))
    jsonschema.validate(document, SCHEMA)
    assert document["format"] == "workshopdesk" and document["version"] == 1


def test_the_shipped_demo_round_trips_byte_for_byte() -> None:
    text = resource("demo", "sales-x-development.json").read_text(encoding="utf-8")
    assert dumps(loads(text), include_private=True) == text


def test_contact_details_of_attendees_who_did_not_agree_are_left_out() -> None:
    ws = starters.demo()
    document = json.loads(dumps(ws))
    by_name = {a["name"]: a for a in document["attendees"]}
    # Priya agreed to nothing; Annika agreed to share her e-mail and phone.
    assert by_name["Priya Raman"]["consent_to_share"] is False
    assert "email" not in by_name["Priya Raman"] and "phone" not in by_name["Priya Raman"]
    annika = next(a for a in ws.attendees.values() if a.name == "Annika Löfgren")
    assert by_name["Annika Löfgren"]["email"] == annika.email != ""
    priya = next(a for a in ws.attendees.values() if a.name == "Priya Raman")
    assert priya.email not in dumps(ws)
    assert [a.name for a in withheld(ws)] == [
        "Priya Raman", "Jonas Öberg", "Ingrid Solberg", "Mette Kjær"
    ]  # fmt: skip
    jsonschema.validate(document, SCHEMA)

    full = json.loads(dumps(ws, include_private=True))
    assert {a["name"]: a["email"] for a in full["attendees"]}["Priya Raman"] == priya.email


def test_what_is_exported_reimports_losslessly_without_private_data() -> None:
    ws = starters.demo()
    text = dumps(ws)
    again = loads(text)
    assert dumps(again) == text
    left_out = {a.id for a in withheld(ws)}
    for attendee in again.attendees.values():
        original = ws.attendees[attendee.id]
        if attendee.id in left_out:
            assert (attendee.email, attendee.phone) == ("", "")
        else:
            assert (attendee.email, attendee.phone) == (original.email, original.phone)


def test_follow_up_status_and_outcome_round_trip() -> None:
    ws = starters.demo()
    data = json.loads(dumps(ws))
    follow_up = (
        data["problems"][0]["follow_ups"][0]
        if data["problems"][0]["follow_ups"]
        else next(f for p in data["problems"] for f in p["follow_ups"])
    )
    assert follow_up["status"] == "open" and follow_up["outcome"] == ""
    follow_up.update(status="done", outcome="SSO works for all three tenants.")
    again = loads(json.dumps(data))
    read = again.follow_ups[follow_up["id"]]
    assert (read.status.value, read.outcome) == ("done", "SSO works for all three tenants.")
    assert json.loads(dumps(again)) == data


def test_follow_ups_exported_before_status_existed_read_as_open() -> None:
    data = json.loads(dumps(starters.demo()))
    for problem in data["problems"]:
        for follow_up in problem["follow_ups"]:
            del follow_up["status"], follow_up["outcome"]
    ws = loads(json.dumps(data))
    assert ws.follow_ups and {(f.status.value, f.outcome) for f in ws.follow_ups.values()} == {
        ("open", "")
    }


def test_the_export_holds_no_share_token_or_history(demo_path: Path) -> None:
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        file.set_settings({"share.token": "SECRETTOKENVALUE"})
        text = dumps(file.load())
    assert "SECRETTOKENVALUE" not in text
    assert "revision" not in text and "position" not in text


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(version=2), "version 2"),
        (lambda d: d.update(version=True), "version True"),
        (lambda d: d["teams"][0].update(color="blue"), "teams[0]: The team's colour"),
        (
            lambda d: d["problems"][0].update(column="8b0c4a1e-0000-4000-8000-000000000000"),
            "column does not exist",
        ),
        (lambda d: d["problems"][1].update(number=d["problems"][0]["number"]), "share number"),
        (
            lambda d: d["problems"][0]["solutions"].append(
                {
                    "id": d["problems"][0]["id"],
                    "text": "x",
                    "proposer": None,
                    "teams": [],
                    "status": "agreed",
                    "votes": 0,
                }
            ),
            "used twice",
        ),
        (lambda d: d["problems"][0].update(extra=1), "unknown key extra"),
        (lambda d: d["columns"][0].update(done=True), "exactly one done column"),
        (
            lambda d: d["attendees"][0].update(consent_to_share="yes"),
            "consent_to_share: expected true or false",
        ),
        (
            lambda d: next(p for p in d["problems"] if p["follow_ups"])["follow_ups"][0].update(
                status="finished"
            ),
            "status: must be open, done or dropped",
        ),
    ],
)
def test_bad_documents_say_where(mutate: object, message: str) -> None:
    data = json.loads(dumps(starters.demo()))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(ImportProblem, match=message.replace("[", r"\[").replace("]", r"\]")):
        loads(json.dumps(data))


def test_not_utf8() -> None:
    with pytest.raises(ImportProblem, match="not UTF-8"):
        loads(b"\xff\xfe{}")
