"""Files that are not workshops: a clear message, and their bytes never change."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.words import raises_saying
from workshopdesk.core.errors import FileProblem
from workshopdesk.store import schema
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def not_sqlite(path: Path) -> None:
    path.write_text("Title;Customer\nInvoices;Acme\n")


def empty(path: Path) -> None:
    path.write_bytes(b"")


def truncated(path: Path, demo: Path) -> None:
    path.write_bytes(demo.read_bytes()[:5000])


def corrupt(path: Path, demo: Path) -> None:
    data = bytearray(demo.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble over every page after the first
        data[offset + 100 : offset + 400] = b"\xa5" * 300
    path.write_bytes(bytes(data))


def foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()


def newer(path: Path, demo: Path) -> None:
    path.write_bytes(demo.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        (schema.MIGRATION_SET, "9999_from_the_future", "2030-01-01"),
    )
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


CASES: dict[str, tuple[Callable[..., None], str]] = {
    "not-sqlite": (not_sqlite, "is not a workshop file"),
    "empty": (empty, "is empty"),
    "truncated": (truncated, "damaged"),
    "corrupt": (corrupt, "damaged"),
    "foreign": (foreign, "another application"),
    "newer": (newer, "newer version of WorkshopDesk"),
}


def make(name: str, tmp_path: Path, demo_path: Path) -> Path:
    build, _ = CASES[name]
    path = tmp_path / f"{name}.workshop"
    if build.__code__.co_argcount == 2:
        build(path, demo_path)
    else:
        build(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("mode", list(Mode))
def test_bad_files_are_refused_and_left_untouched(
    name: str, mode: Mode, tmp_path: Path, demo_path: Path
) -> None:
    path = make(name, tmp_path, demo_path)
    before = digest(path)
    with raises_saying(FileProblem, CASES[name][1]):
        WorkshopFile.open(path, mode).close()
    assert digest(path) == before
    assert not path.with_name(path.name + ".lock").exists()


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_command_line_says_so_in_one_line(name: str, tmp_path: Path, demo_path: Path) -> None:
    path = make(name, tmp_path, demo_path)
    before = digest(path)
    for command in (["info", str(path)], ["export", str(path), "--format", "json"]):
        result = subprocess.run(
            [sys.executable, "-m", "workshopdesk", *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and CASES[name][1] in lines[0], result.stderr
        assert "Traceback" not in result.stderr
    assert digest(path) == before


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with raises_saying(FileProblem, "There is no file"):
        WorkshopFile.open(tmp_path / "missing.workshop")
    with raises_saying(FileProblem, "is a folder"):
        WorkshopFile.open(tmp_path)
