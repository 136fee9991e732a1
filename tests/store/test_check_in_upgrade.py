"""A real file of the fourth schema (the release before check-ins) gains check-ins."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workshopdesk.core import operations as ops
from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.core.session import Session
from workshopdesk.store import schema
from workshopdesk.store.workshop_file import Mode, WorkshopFile

FIXTURE = Path(__file__).parent / "files" / "schema-4-demo.workshop"
"""Written by ``workshopdesk new --demo --lang en`` of the release with schema 4."""


@pytest.fixture
def fourth(tmp_path: Path) -> Path:
    path = tmp_path / "malmo.workshop"
    shutil.copyfile(FIXTURE, path)
    return path


def test_the_fixture_is_a_real_fourth_schema_file() -> None:
    connection = sqlite3.connect(f"file:{FIXTURE}?immutable=1", uri=True)
    try:
        assert schema.version_of(connection) == 4
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert "check_ins" not in tables


def test_a_check_in_recorded_in_an_upgraded_file_is_there_after_reopening(fourth: Path) -> None:
    with WorkshopFile.open(fourth, Mode.READ) as file:
        before = file.load()
    assert before.check_ins == {}
    with WorkshopFile.open(fourth, Mode.EDIT) as file:
        assert file.schema_version() == schema.latest_version()
        session = Session(file)
        ws = session.workshop
        assert ws.follow_ups == before.follow_ups and ws.problems == before.problems
        first = min(ws.follow_ups.values(), key=lambda f: f.due or "")
        session.do(
            ops.record_check_in(
                ws,
                held_on="2027-02-20",
                came=("Annika Löfgren", "Jonas Öberg"),
                notes="Tenant list in.",
                next_on="2027-03-06",
                marks={first.id: (FollowUpStatus.DONE, "Collected on the 19th.")},
            )
        )
    with WorkshopFile.open(fourth, Mode.READ) as file:
        after = file.load()
    (check_in,) = after.check_ins.values()
    assert (check_in.held_on, check_in.came, check_in.reviewed, check_in.next_on) == (
        "2027-02-20",
        ("Annika Löfgren", "Jonas Öberg"),
        (first.id,),
        "2027-03-06",
    )
    assert after.follow_ups[first.id].status is FollowUpStatus.DONE
    assert after.follow_ups[first.id].outcome == "Collected on the 19th."
    info = subprocess.run(
        [sys.executable, "-m", "workshopdesk", "info", str(fourth), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(info.stdout)
    assert (figures["check_ins"], figures["follow_ups_open"]) == (1, 7)
