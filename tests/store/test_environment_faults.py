"""The environment's faults, provoked for real on real files, each told as its own error.

How each is provoked (the tests run as root too, so file modes cannot be relied on):
- busy: another connection holds SQLite's write lock (``BEGIN IMMEDIATE``) past the wait;
- read-only: the shared-memory sidecar (``-shm``) is a folder, so SQLite opens the
  workshop read-only, as on a read-only medium;
- unable to open: a workshop in a folder that does not exist;
- disk I/O: the open file's descriptor is swapped for a read-only one, so the next write
  fails in the kernel (EBADF), as a failing disk or a vanished network share does;
- disk full: the database is /dev/full.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from workshopdesk import starters
from workshopdesk.core import operations as ops
from workshopdesk.core.errors import (
    ConflictError,
    DiskFullError,
    FileProblem,
    ReadOnlyError,
    WorkshopError,
)
from workshopdesk.core.session import Session
from workshopdesk.store import workshop_file
from workshopdesk.store.errors import explained
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import error_text

FULL = (
    "The disk is full: the last change to full.workshop was not saved. "
    "Free some space and try again."
)


def test_a_write_while_another_program_holds_the_file_says_busy(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workshop_file, "BUSY_TIMEOUT_MS", 50)
    file = WorkshopFile.open(demo_path, Mode.WRITE)
    session = Session(file)
    teams_before = dict(session.workshop.teams)
    other = sqlite3.connect(demo_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(FileProblem) as raised:
            session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
        assert type(raised.value) is FileProblem
        assert error_text(raised.value) == (
            "demo.workshop is busy in another program; try again in a moment."
        )
        assert session.workshop.teams == teams_before  # the board shows what the file holds
        assert not session.history.can_undo
        other.execute("ROLLBACK")
        session.do(ops.add_team(session.workshop, "Support", "#00aa00"))  # free again: fine
    finally:
        other.close()
        file.close()
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        assert "Support" in {t.name for t in reader.load().teams.values()}


def test_a_workshop_sqlite_opens_read_only_refuses_writes_as_read_only(demo_path: Path) -> None:
    Path(f"{demo_path}-shm").mkdir()
    with pytest.raises(ReadOnlyError) as raised:
        file = WorkshopFile.open(demo_path, Mode.WRITE)
        try:
            session = Session(file)
            session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
        finally:
            file.close()
    assert error_text(raised.value) == "demo.workshop cannot be changed: it is read-only."


def test_a_workshop_in_a_missing_folder_cannot_be_opened(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "x.workshop"
    with pytest.raises(FileProblem) as raised, explained(missing.name):
        sqlite3.connect(missing)
    assert type(raised.value) is FileProblem
    assert error_text(raised.value) == (
        "Cannot open x.workshop: its folder may be read-only, or the disk full."
    )
    with pytest.raises(FileProblem):
        WorkshopFile.create(missing, starters.template("blank"))
    assert not missing.parent.exists()


def _swap_for_read_only(path: Path) -> None:
    """Point this process's descriptors of ``path`` and its log at read-only copies."""
    targets = {os.path.realpath(path), os.path.realpath(f"{path}-wal")}
    for fd in os.listdir("/proc/self/fd"):
        try:
            real = os.path.realpath(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if real in targets:
            read_only = os.open(real, os.O_RDONLY)
            os.dup2(read_only, int(fd))
            os.close(read_only)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_disk_error_while_saving_is_reported_and_nothing_is_half_done(demo_path: Path) -> None:
    file = WorkshopFile.open(demo_path, Mode.WRITE)
    session = Session(file)
    teams_before = dict(session.workshop.teams)
    _swap_for_read_only(demo_path)
    with pytest.raises(FileProblem) as raised:
        session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    assert type(raised.value) is FileProblem
    assert error_text(raised.value) == (
        "Could not write demo.workshop: the disk reported an error."
    )
    assert session.workshop.teams == teams_before
    assert not session.history.can_undo
    file.close()
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        assert "Support" not in {t.name for t in reader.load().teams.values()}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_its_own_error() -> None:
    with pytest.raises(DiskFullError) as raised, explained("full.workshop"):
        sqlite3.connect("/dev/full").execute("CREATE TABLE t (x)")
    assert error_text(raised.value) == FULL


def test_two_new_problems_taking_one_number_is_a_conflict(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "x.db")
    connection.execute("CREATE TABLE t (n INTEGER UNIQUE)")
    connection.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(ConflictError) as raised, explained("x.workshop"):
        connection.execute("INSERT INTO t VALUES (1)")
    assert error_text(raised.value) == (
        "This was changed elsewhere in the meantime; the board now shows the latest."
    )
    connection.close()


def test_a_damaged_file_and_a_missing_file_are_file_problems(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.workshop"
    damaged.write_bytes(b"not a database at all" * 100)
    with pytest.raises(FileProblem) as raised, explained(damaged.name):
        sqlite3.connect(damaged).execute("SELECT * FROM sqlite_master")
    assert type(raised.value) is FileProblem
    assert error_text(raised.value) == "damaged.workshop is damaged (file is not a database)."
    with pytest.raises(FileProblem) as raised, explained("gone.workshop"):
        (tmp_path / "gone.workshop").read_bytes()
    assert type(raised.value) is FileProblem
    assert error_text(raised.value) == "Cannot use gone.workshop: No such file or directory."
    with pytest.raises(DiskFullError) as raised, explained("full.workshop"):
        raise OSError(28, "No space left on device")
    assert error_text(raised.value) == FULL
    with pytest.raises(FileProblem) as raised, explained("odd.workshop"):
        raise OSError("a system error without its own words")
    assert error_text(raised.value) == (
        "Cannot use odd.workshop: a system error without its own words."
    )
    assert issubclass(FileProblem, WorkshopError)


@pytest.mark.parametrize(
    ("sqlite_says", "kind", "shown"),
    [
        ("database or disk is full", DiskFullError, FULL),
        ("attempt to write a readonly database", ReadOnlyError, None),
        ("the medium is read-only", ReadOnlyError, None),
        ("database is locked", FileProblem, "busy"),
        ("database table is busy", FileProblem, "busy"),
        ("unable to open database file", FileProblem, "open"),
        ("disk I/O error", FileProblem, "io"),
        ("no such table: problem", FileProblem, "other"),
    ],
)
def test_each_of_sqlites_complaints_is_told_in_the_facilitators_words(
    sqlite_says: str, kind: type[WorkshopError], shown: str | None
) -> None:
    """The wordings SQLite uses (some cannot be provoked on every system) and the
    sentence each becomes."""
    sentences = {
        None: "full.workshop cannot be changed: it is read-only.",
        "busy": "full.workshop is busy in another program; try again in a moment.",
        "open": "Cannot open full.workshop: its folder may be read-only, or the disk full.",
        "io": "Could not write full.workshop: the disk reported an error.",
        "other": "Could not use full.workshop (no such table: problem).",
    }
    with pytest.raises(kind) as raised, explained("full.workshop"):
        raise sqlite3.OperationalError(sqlite_says)
    assert type(raised.value) is kind
    assert error_text(raised.value) == sentences.get(shown, shown)
