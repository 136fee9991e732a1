"""The workshop file's format, as other tools and other versions of WorkshopDesk see it:
a new file and an upgraded older file hold exactly the tables of the shipped format."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.store import second_version
from workshopdesk import starters
from workshopdesk.store import schema
from workshopdesk.store.workshop_file import Mode, WorkshopFile

FORMAT = Path(__file__).parent / "files" / "schema-6.sql"
"""The tables, columns and indexes of format version 6, as `sqlite3 .schema` shows them."""


def tables_of(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name"
        ).fetchall()
    finally:
        connection.close()
    return "\n\n".join(f"{sql};" for (sql,) in rows) + "\n"


def shipped() -> str:
    lines = FORMAT.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("--")).lstrip("\n")


def test_a_new_file_has_exactly_the_shipped_tables(tmp_path: Path) -> None:
    path = tmp_path / "new.workshop"
    WorkshopFile.create(path, starters.template("blank"))
    assert tables_of(path) == shipped()
    assert schema.latest_version() == 6
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone() == (0x576B446B,)
        names = connection.execute(
            "SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"
        ).fetchall()
        assert names == [
            ("workshopdesk", "0001_initial"),
            ("workshopdesk", "0002_phones_take_part"),
            ("workshopdesk", "0003_follow_up_outcomes"),
            ("workshopdesk", "0004_workshop_language"),
            ("workshopdesk", "0005_check_ins"),
            ("workshopdesk", "0006_contact_cards"),
        ]
    finally:
        connection.close()


def test_a_first_version_file_opened_to_edit_gets_exactly_the_shipped_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.workshop"
    shutil.copyfile(second_version.FIXTURE, path)
    with WorkshopFile.open(path, Mode.WRITE) as file:
        assert file.schema_version() == 6
    assert tables_of(path) == shipped()


def test_a_new_file_starts_its_counters_at_zero_and_keeps_no_settings(tmp_path: Path) -> None:
    path = tmp_path / "new.workshop"
    WorkshopFile.create(path, starters.template("blank"))
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT id, value FROM revision").fetchall() == [(1, 0)]
        assert connection.execute("SELECT * FROM settings").fetchall() == []
    finally:
        connection.close()
    with WorkshopFile.open(path, Mode.READ) as file:
        assert (file.revision(), file.settings_revision()) == (0, 0)
