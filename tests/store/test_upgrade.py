"""Files of an earlier schema: upgraded once when opened to write, with the original kept
until the upgrade commits; read without a byte written when opened to read."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.store import second_version
from tests.words import raises_saying
from workshopdesk.core.errors import DiskFullError, FileProblem, ReadOnlyError
from workshopdesk.store import schema
from workshopdesk.store.lock import EditLock, lock_path
from workshopdesk.store.upgrade import backup_path
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import error_text

ROOT = Path(__file__).resolve().parents[2]
LATEST = second_version.LATEST


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A copy of the real first-schema file."""
    path = tmp_path / "old.workshop"
    shutil.copyfile(second_version.FIXTURE, path)
    return path


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Install the second version; each run of its migration records the file it ran
    on ("" for a database in memory)."""
    runs: list[str] = []

    def counted(db: Database) -> None:
        runs.append(str(db.execute("PRAGMA database_list").fetchone()[2]))
        second_version.reminders(db)

    monkeypatch.setattr(schema, "STEPS", second_version.steps(counted))
    return runs


def untouched(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def columns(path: Path, table: str) -> dict[str, object]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[1]: row[4] for row in connection.execute(f"PRAGMA table_info({table})")}
    finally:
        connection.close()


def test_the_fixture_is_a_real_first_schema_file() -> None:
    with WorkshopFile.open(second_version.FIXTURE, Mode.READ) as file:
        assert file.schema_version() == 1
        assert len(file.load().problems) == 10


def test_the_window_upgrades_once_and_keeps_the_original_until_it_commits(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = old.read_bytes()
    seen: list[bytes] = []

    def watching(db: Database) -> None:
        seen.append(backup_path(old).read_bytes())  # the original is kept while upgrading
        second_version.reminders(db)

    monkeypatch.setattr(schema, "STEPS", second_version.steps(watching))
    with WorkshopFile.open(old, Mode.EDIT) as file:
        assert file.schema_version() == LATEST
        assert not backup_path(old).exists(), "the copy goes once the upgrade committed"
        workshop = file.load()
        assert len(workshop.problems) == 10
        assert workshop.info.title == "Sales × Development, Malmö, February"
    assert len(seen) == 1
    kept = old.with_name("kept.workshop")
    kept.write_bytes(seen[0])
    copy = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)  # a whole first-schema file
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM problems").fetchone()[0] == 10
    assert schema.version_of(copy) == 1
    copy.close()
    assert seen[0][100:] == original[100:], "the copy holds the original's pages"
    assert columns(old, "follow_ups")["reminder"] == "'none'"
    assert columns(old, "follow_ups")["status"] == "'open'"

    for mode in (Mode.EDIT, Mode.WRITE, Mode.READ):
        with WorkshopFile.open(old, mode) as file:
            assert file.schema_version() == LATEST
    assert len(seen) == 1, "upgraded once"
    upgraded = sqlite3.connect(old)
    rows = upgraded.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    upgraded.close()
    assert rows == LATEST, "each migration is recorded once"


def test_writing_paths_upgrade_too(old: Path, calls: list[str]) -> None:
    with WorkshopFile.open(old, Mode.WRITE) as file:
        assert file.schema_version() == LATEST
        file.set_settings({"share.token": "abc"})
    assert len(calls) == 1
    assert not backup_path(old).exists()


OPENER = """
import sys, time
from pathlib import Path
from tests.store import second_version

path, log = Path(sys.argv[1]), Path(sys.argv[2])

def slow(db):
    with log.open("a") as out:
        out.write("upgrading\\n")
    time.sleep(1.0)  # the other process arrives while this one upgrades
    second_version.reminders(db)

second_version.install(slow)
from workshopdesk.store.workshop_file import Mode, WorkshopFile

ready = path.with_name(f"ready-{sys.argv[3]}")
ready.touch()
while len(list(path.parent.glob("ready-*"))) < 2:  # both open at the same moment
    time.sleep(0.005)
with WorkshopFile.open(path, Mode.WRITE) as file:
    print(file.schema_version())
"""


def test_two_processes_opening_at_once_upgrade_only_once(old: Path) -> None:
    log = old.with_name("upgrades.log")
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(old), str(log), str(n)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    outputs = [opener.communicate(timeout=60) for opener in openers]
    assert [opener.returncode for opener in openers] == [0, 0], outputs
    assert [out.strip() for out, _ in outputs] == [str(LATEST)] * 2
    assert log.read_text() == "upgrading\n", "one process upgraded, the other waited"
    assert not backup_path(old).exists()


def test_a_failed_upgrade_leaves_the_file_as_it_was_and_keeps_the_original(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(db: Database) -> None:
        second_version.reminders(db)  # half done, then the trouble
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(schema, "STEPS", second_version.steps(failing))
    before = untouched(old)
    with pytest.raises(FileProblem) as refused:
        WorkshopFile.open(old, Mode.EDIT)
    message = error_text(refused.value)
    assert message == (
        "old.workshop could not be updated for this version of WorkshopDesk "
        "([Errno 5] Input/output error) and was left unchanged; "
        "its original is also kept as old.workshop.bak."
    )
    assert untouched(old) == before
    assert backup_path(old).read_bytes()[100:] == before[0][100:]
    assert not lock_path(old).exists(), "the editing lock is released"

    monkeypatch.setattr(schema, "STEPS", second_version.steps())
    with WorkshopFile.open(old, Mode.EDIT) as file:
        assert file.schema_version() == LATEST
    assert not backup_path(old).exists()


def test_all_pending_migrations_commit_together_or_not_at_all(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ideas(db: Database) -> None:
        db.table("future_ideas").create({"id": str, "text": str}, pk="id")
        raise ValueError("the last migration failed")

    steps = (*second_version.steps(), ("9002_ideas_of_a_future_version", ideas))
    monkeypatch.setattr(schema, "STEPS", steps)
    before = untouched(old)
    with raises_saying(FileProblem, r"\(the last migration failed\) and was left unchanged"):
        WorkshopFile.open(old, Mode.WRITE)
    assert untouched(old) == before, "the second migration did not stay applied either"
    connection = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
    assert schema.applied_names(connection) == {"0001_initial"}
    connection.close()


def test_a_full_disk_during_the_upgrade_is_explained_and_changes_nothing(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def filling(db: Database) -> None:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 4}")  # the disk fills up
        second_version.reminders(db)
        db.table("reminders_sent").insert_all(
            {"id": str(i), "note": "x" * 4000} for i in range(100)
        )

    monkeypatch.setattr(schema, "STEPS", second_version.steps(filling))
    before = untouched(old)
    with pytest.raises(DiskFullError) as refused:
        WorkshopFile.open(old, Mode.WRITE)
    assert error_text(refused.value) == (
        "old.workshop could not be updated for this version of WorkshopDesk "
        "(the disk is full) and was left unchanged; its original is also kept as old.workshop.bak."
    )
    assert untouched(old) == before
    assert backup_path(old).exists()


KILLED = """
import os, sys
from tests.store import second_version

def killed(db):
    second_version.reminders(db)
    os._exit(9)  # the process dies in the middle of the upgrade

second_version.install(killed)
from workshopdesk.store.workshop_file import Mode, WorkshopFile
WorkshopFile.open(sys.argv[1], Mode.EDIT)
"""


def test_a_process_killed_while_upgrading_leaves_the_file_as_it_was(
    old: Path, calls: list[str]
) -> None:
    before = old.read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", KILLED, str(old)], cwd=ROOT, timeout=60, capture_output=True
    )
    assert result.returncode == 9
    assert old.read_bytes() == before
    assert backup_path(old).read_bytes()[100:] == before[100:]
    with WorkshopFile.open(old, Mode.EDIT) as file:
        assert file.schema_version() == LATEST
        assert len(file.load().problems) == 10
    assert len(calls) == 1
    assert not backup_path(old).exists()


def test_reading_an_older_file_writes_nothing_and_shows_its_data(
    old: Path, calls: list[str]
) -> None:
    before = untouched(old)
    with WorkshopFile.open(old, Mode.READ) as file:
        assert file.schema_version() == 1
        workshop = file.load()
        assert len(workshop.problems) == 10
        assert workshop.info.title == "Sales × Development, Malmö, February"
        assert file.revision() == 0
        assert file.settings() == {}
        with pytest.raises(ReadOnlyError):
            file.set_settings({"share.token": "abc"})
    assert untouched(old) == before
    assert calls == [""], "the migration ran once, on the copy in memory"
    assert not backup_path(old).exists()
    assert sorted(p.name for p in old.parent.iterdir()) == ["old.workshop"]


def test_an_older_file_read_follows_changes_made_to_it(old: Path, calls: list[str]) -> None:
    with WorkshopFile.open(old, Mode.READ) as reader:
        assert not reader.changed()
        # A WorkshopDesk of the first version is still editing the file.
        writer = sqlite3.connect(old, isolation_level=None)
        writer.execute("UPDATE workshop SET title = 'Renamed'")
        writer.execute("UPDATE revision SET value = value + 1 WHERE id = 1")
        assert reader.changed()
        assert reader.revision() == 1
        assert reader.load().info.title == "Renamed"
        assert not reader.changed()
        assert reader.schema_version() == 1
        writer.close()


def test_a_second_window_reads_an_older_file_without_writing(old: Path, calls: list[str]) -> None:
    other_window = EditLock(old)  # e.g. a first-version WorkshopDesk editing the file
    assert other_window.acquire()
    try:
        before = untouched(old)
        with WorkshopFile.open(old, Mode.EDIT) as file:
            assert file.read_only and file.locked_elsewhere
            assert file.schema_version() == 1
            assert len(file.load().solutions) == 15
        assert untouched(old) == before
        assert not backup_path(old).exists()
    finally:
        other_window.release()


def second_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line of a WorkshopDesk with the second schema version."""
    return subprocess.run(
        [sys.executable, "-m", "tests.store.second_version", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_info_and_export_read_an_older_file_without_writing(old: Path) -> None:
    before = untouched(old)
    info = second_cli("info", str(old), "--json")
    assert info.returncode == 0, info.stderr
    figures = json.loads(info.stdout)
    assert figures["schema"] == 1
    assert figures["problems"] == 10
    text = second_cli("info", str(old))
    assert f"version 1; it is updated to version {LATEST}" in text.stdout
    exported = second_cli("export", str(old), "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["problems"]) == 10
    assert untouched(old) == before
    assert sorted(p.name for p in old.parent.iterdir()) == ["old.workshop"]


def test_info_reports_the_version_after_an_upgrade(old: Path, calls: list[str]) -> None:
    WorkshopFile.open(old, Mode.WRITE).close()
    assert calls == [str(old)]
    info = second_cli("info", str(old), "--json")
    assert json.loads(info.stdout)["schema"] == LATEST


def test_a_file_of_a_newer_version_is_refused_and_left_untouched(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as newer:
        newer.setattr(schema, "STEPS", second_version.steps())
        WorkshopFile.open(old, Mode.WRITE).close()  # a newer WorkshopDesk upgraded it
    assert schema.latest_version() == LATEST - 1
    before = untouched(old)
    for mode in Mode:
        with raises_saying(FileProblem, "written by a newer version of WorkshopDesk"):
            WorkshopFile.open(old, mode)
    assert untouched(old) == before
    assert not backup_path(old).exists()


def workshopdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *args], capture_output=True, text=True, timeout=60
    )


def test_todays_workshopdesk_reads_a_first_schema_file_and_updates_it_when_editing(
    old: Path,
) -> None:
    today = schema.latest_version()
    assert today > 1, "the phones' tables came with the second schema"
    before = untouched(old)
    info = workshopdesk("info", str(old), "--json")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["schema"] == 1
    assert json.loads(info.stdout)["devices"] == 0
    with WorkshopFile.open(old, Mode.READ) as file:
        assert file.activity() == [], "tables the file lacks read as empty, from the copy"
    assert untouched(old) == before
    with WorkshopFile.open(old, Mode.EDIT) as file:
        assert file.schema_version() == today
        assert len(file.load().problems) == 10
    assert not backup_path(old).exists()
    assert json.loads(workshopdesk("info", str(old), "--json").stdout)["schema"] == today


def follow_up_rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(
            "SELECT id, text, owner_id, due, check_in, status, outcome FROM follow_ups ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def test_a_first_schema_file_gains_follow_up_status_and_outcome_through_every_step(
    old: Path,
) -> None:
    before = untouched(old)
    with WorkshopFile.open(old, Mode.READ) as file:
        assert file.schema_version() == 1
        read_only = file.load()
    assert untouched(old) == before, "reading wrote nothing"
    assert len(read_only.follow_ups) == 8
    assert {(f.status.value, f.outcome) for f in read_only.follow_ups.values()} == {("open", "")}

    with WorkshopFile.open(old, Mode.EDIT) as file:
        assert file.schema_version() == schema.latest_version()
        upgraded = file.load()
    connection = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
    assert schema.applied_names(connection) == {
        "0001_initial",
        "0002_phones_take_part",
        "0003_follow_up_outcomes",
        "0004_workshop_language",
        "0005_check_ins",
        "0006_contact_cards",
    }
    connection.close()
    assert columns(old, "follow_ups")["status"] == "'open'"
    assert columns(old, "follow_ups")["outcome"] == "''"
    assert upgraded.follow_ups == read_only.follow_ups
    assert upgraded.problems == read_only.problems
    assert upgraded.attendees == read_only.attendees
    rows = follow_up_rows(old)
    assert len(rows) == 8 and {row[5:] for row in rows} == {("open", "")}


def test_a_second_schema_file_upgrades_to_the_third_and_keeps_its_data(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as second:
        second.setattr(schema, "STEPS", schema.STEPS[:2])
        with WorkshopFile.open(old, Mode.WRITE) as file:  # what the second version made of it
            assert file.schema_version() == 2
    assert "status" not in columns(old, "follow_ups")
    texts = sorted(
        row[1] for row in sqlite3.connect(old).execute("SELECT id, text FROM follow_ups")
    )
    before = untouched(old)
    with WorkshopFile.open(old, Mode.READ) as file:
        assert file.schema_version() == 2
        read_only = file.load()
    assert untouched(old) == before
    with WorkshopFile.open(old, Mode.EDIT) as file:
        assert file.schema_version() == schema.latest_version()
        assert file.load().follow_ups == read_only.follow_ups
    assert sorted(row[1] for row in follow_up_rows(old)) == texts
    assert not backup_path(old).exists()


def test_an_upgraded_file_keeps_a_follow_ups_status_and_outcome(old: Path) -> None:
    from workshopdesk.core import operations as ops
    from workshopdesk.core.session import Session

    with WorkshopFile.open(old, Mode.EDIT) as file:
        session = Session(file)
        follow_up = sorted(session.workshop.follow_ups)[0]
        session.do(
            ops.edit_follow_up(
                session.workshop, follow_up, status="dropped", outcome="The customer moved on."
            )
        )
    with WorkshopFile.open(old, Mode.READ) as file:
        kept = file.load().follow_ups[follow_up]
    assert (kept.status.value, kept.outcome) == ("dropped", "The customer moved on.")
    assert follow_up_rows(old)[0][5:] == ("dropped", "The customer moved on.")


def test_a_first_schema_file_speaks_english_after_the_upgrade_and_can_switch_to_swedish(
    old: Path,
) -> None:
    from workshopdesk.core import operations as ops
    from workshopdesk.core.session import Session

    with WorkshopFile.open(old, Mode.READ) as file:
        assert file.load().info.language == "en"
    with WorkshopFile.open(old, Mode.EDIT) as file:
        session = Session(file)
        title, goal = session.workshop.info.title, session.workshop.info.goal
        session.do(ops.edit_workshop(session.workshop, language="sv"))
    assert columns(old, "workshop")["language"] == "'en'"
    with WorkshopFile.open(old, Mode.READ) as file:
        info = file.load().info
    assert (info.language, info.title, info.goal) == ("sv", title, goal)


def test_what_is_said_when_an_update_cannot_finish() -> None:
    """The sentence for each way an update fails: a full disk however it shows, and any
    other error in its own words (or its kind, when it has none)."""
    from workshopdesk.store.upgrade import _not_upgraded

    full_ways = (
        OSError(errno.ENOSPC, "No space left on device"),
        DiskFullError("The disk is full."),
        sqlite3.OperationalError("database or disk is full"),
    )
    for error in full_ways:
        said = _not_upgraded("old.workshop", error, None)
        assert isinstance(said, DiskFullError), error
        assert error_text(said) == (
            "old.workshop could not be updated for this version of WorkshopDesk "
            "(the disk is full) and was left unchanged."
        )
    kept = _not_upgraded("old.workshop", ValueError("a step went wrong."), Path("x/old.bak"))
    assert type(kept) is FileProblem
    assert error_text(kept) == (
        "old.workshop could not be updated for this version of WorkshopDesk "
        "(a step went wrong) and was left unchanged; its original is also kept as old.bak."
    )
    wordless = _not_upgraded("old.workshop", KeyError(), None)
    assert type(wordless) is FileProblem
    assert error_text(wordless) == (
        "old.workshop could not be updated for this version of WorkshopDesk "
        "(KeyError) and was left unchanged."
    )
    other = _not_upgraded("old.workshop", sqlite3.OperationalError("no such table: X"), None)
    assert type(other) is FileProblem
    assert error_text(other) == (
        "old.workshop could not be updated for this version of WorkshopDesk "
        "(no such table: X) and was left unchanged."
    ), "only a full stop at the end goes, never the error's own last word"


def test_the_copy_in_memory_is_let_go_when_closed_and_made_again_when_read(old: Path) -> None:
    from workshopdesk.store.upgrade import UpgradedCopy

    source = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
    try:
        copy = UpgradedCopy(source)
        first = copy.current()
        assert copy.current() is first, "nothing changed: the same copy"
        copy.close()
        with pytest.raises(sqlite3.ProgrammingError):
            first.execute("SELECT 1")
        again = copy.current()
        assert again is not first
        assert schema.version_of(again) == schema.latest_version()
        copy.close()
        copy.close()
    finally:
        source.close()


def test_an_update_that_another_program_finished_meanwhile_is_left_alone(
    old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the first look and the write lock, another program updated the file: the
    second finds nothing left to do, writes no backup and holds no lock afterwards."""
    from workshopdesk.store import upgrade

    looks = iter([{"0002_phones_take_part"}, set()])
    monkeypatch.setattr(upgrade, "pending_names", lambda connection: next(looks))
    connection = sqlite3.connect(old, isolation_level=None)
    try:
        upgrade.upgrade_in_place(connection, old)
        assert not connection.in_transaction
    finally:
        connection.close()
    assert not backup_path(old).exists()
    assert_nobody_writes(old)


def assert_nobody_writes(path: Path) -> None:
    """Another program can take the write lock at once: nobody holds it."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.mark.parametrize("trouble", [ValueError("a step went wrong"), KeyboardInterrupt()])
def test_a_failed_update_lets_go_of_the_write_lock_at_once(
    old: Path, monkeypatch: pytest.MonkeyPatch, trouble: BaseException
) -> None:
    """However an update stops (an error, or the facilitator interrupting the command
    line), the file is at once free for another program to write, even before the
    connection that tried is closed."""
    from workshopdesk.store import upgrade

    def failing(db: Database) -> None:
        second_version.reminders(db)
        raise trouble

    monkeypatch.setattr(schema, "STEPS", second_version.steps(failing))
    connection = sqlite3.connect(old, isolation_level=None)
    try:
        with pytest.raises(
            type(trouble) if isinstance(trouble, KeyboardInterrupt) else FileProblem
        ):
            upgrade.upgrade_in_place(connection, old)
        assert not connection.in_transaction
        assert_nobody_writes(old)
    finally:
        connection.close()


def test_an_older_file_can_be_read_from_another_thread(old: Path) -> None:
    """The phone server reads on its own thread what the window opened read-only."""
    import threading

    with WorkshopFile.open(old, Mode.READ) as file:
        titles: list[str] = []
        reader = threading.Thread(target=lambda: titles.append(file.load().info.title))
        reader.start()
        reader.join()
    assert titles == ["Sales × Development, Malmö, February"]
