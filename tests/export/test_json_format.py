"""The JSON format: the documented schema, and byte-identical round trips."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from workshopdesk import starters
from workshopdesk.export.json_format import ImportProblem, dumps, loads
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
    assert dumps(loads(text)) == text


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
