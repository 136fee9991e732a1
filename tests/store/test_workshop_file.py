"""The workshop file: durability settings, revisions, locks, conflicts, copies, full disk."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from pathlib import Path

import pytest

from tests.words import raises_saying
from workshopdesk import starters
from workshopdesk.core import operations as ops
from workshopdesk.core.errors import ConflictError, DiskFullError, FileProblem, ReadOnlyError
from workshopdesk.core.session import Session, StaleUndo
from workshopdesk.export.json_format import dumps
from workshopdesk.store.schema import APPLICATION_ID
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def test_a_new_file_is_a_marked_wal_database(demo_path: Path) -> None:
    raw = sqlite3.connect(demo_path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    assert not list(demo_path.parent.glob(".*.new")), "no temporary file is left behind"


def test_the_store_runs_with_synchronous_full_and_foreign_keys(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        connection = file.db.conn
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_write_bumps_the_revision_and_readers_notice(demo_path: Path) -> None:
    writer = WorkshopFile.open(demo_path, Mode.WRITE)
    reader = WorkshopFile.open(demo_path, Mode.READ)
    session = Session(writer)
    start = reader.revision()
    assert not reader.changed()
    column = session.workshop.ordered_columns()[0].id
    session.do(ops.add_problem(session.workshop, column, "Printer on fire"))
    assert reader.changed()
    assert reader.revision() == start + 1
    assert not reader.changed(), "a second poll without a commit sees no change"
    settings_before = reader.settings_revision()
    assert writer.set_settings({"share.port": "8765"}) == settings_before + 1
    assert reader.changed(), "a settings write is noticed too"
    assert reader.revision() == start + 1, "but it is not an edit of the board"
    assert reader.settings_revision() == settings_before + 1
    assert reader.setting("share.port") == "8765"
    writer.close()
    reader.close()


def test_a_second_window_opens_read_only(demo_path: Path) -> None:
    first = WorkshopFile.open(demo_path, Mode.EDIT)
    second = WorkshopFile.open(demo_path, Mode.EDIT)
    assert not first.read_only
    assert second.read_only and second.locked_elsewhere
    session = Session(second)
    with raises_saying(ReadOnlyError, "another window is editing it"):
        session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    second.close()
    first.close()
    third = WorkshopFile.open(demo_path, Mode.EDIT)
    assert not third.read_only, "closing the first window releases the lock"
    third.close()
    assert not demo_path.with_name(demo_path.name + ".lock").exists()


def test_the_lock_is_never_on_the_database_itself(demo_path: Path) -> None:
    window = WorkshopFile.open(demo_path, Mode.EDIT)
    lock_file = demo_path.with_name(demo_path.name + ".lock")
    assert lock_file.read_text().strip() == str(os.getpid())
    # The database itself stays free of the editing lock: another lock on it succeeds.
    fd = os.open(demo_path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
    cli = WorkshopFile.open(demo_path, Mode.WRITE)  # e.g. `workshopdesk import`
    session = Session(cli)
    session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    cli.close()
    assert "Support" in {t.name for t in window.load().teams.values()}
    assert not window.read_only
    second = WorkshopFile.open(demo_path, Mode.EDIT)  # a second window reads only
    assert (second.read_only, second.locked_elsewhere) == (True, True)
    second.close()
    window.close()
    assert not lock_file.exists()
    third = WorkshopFile.open(demo_path, Mode.EDIT)
    assert (third.read_only, third.locked_elsewhere) == (False, False)
    third.close()


def test_replacing_an_open_workshop_is_refused(demo_path: Path) -> None:
    window = WorkshopFile.open(demo_path, Mode.EDIT)
    with raises_saying(FileProblem, "is open in WorkshopDesk"):
        WorkshopFile.create(demo_path, starters.template("blank"), force=True)
    window.close()


def test_outside_changes_drop_only_the_undo_steps_they_touch(demo_path: Path) -> None:
    window = WorkshopFile.open(demo_path, Mode.EDIT)
    session = Session(window)
    ws = session.workshop
    column = ws.ordered_columns()[0].id
    first = session.do(ops.add_problem(ws, column, "Mine, untouched")).changes[-1].id
    second = session.do(ops.add_problem(ws, column, "Mine, then changed outside"))
    other = WorkshopFile.open(demo_path, Mode.WRITE)
    outside = Session(other)
    outside.do(ops.edit_problem(outside.workshop, second.changes[-1].id, title="Changed outside"))
    other.close()
    assert window.changed()
    assert session.reload() == 2, "the newest entry no longer fits, nor anything older"
    assert not session.history.can_undo
    assert session.workshop.problems[second.changes[-1].id].title == "Changed outside"
    assert first in session.workshop.problems
    window.close()


def test_undo_of_a_step_changed_elsewhere_is_refused_without_damage(demo_path: Path) -> None:
    window = WorkshopFile.open(demo_path, Mode.EDIT)
    session = Session(window)
    column = session.workshop.ordered_columns()[0].id
    added = session.do(ops.add_problem(session.workshop, column, "Fragile")).changes[-1].id
    other = WorkshopFile.open(demo_path, Mode.WRITE)
    Session(other).do(ops.edit_problem(Session(other).workshop, added, title="Edited"))
    other.close()
    with pytest.raises((StaleUndo, ConflictError)):
        session.undo()
    assert session.workshop.problems[added].title == "Edited"
    window.close()


def test_a_write_whose_before_is_stale_is_a_conflict(demo_path: Path) -> None:
    a = Session(WorkshopFile.open(demo_path, Mode.WRITE))
    b = Session(WorkshopFile.open(demo_path, Mode.WRITE))
    problem = a.workshop.problem_by_number(1)
    assert problem is not None
    a.do(ops.edit_problem(a.workshop, problem.id, title="From A"))
    with pytest.raises(ConflictError):
        b.do(ops.edit_problem(b.workshop, problem.id, title="From B"))
    assert b.workshop.problems[problem.id].title == "From A", "the conflict reloaded B"


def test_copies_are_complete_and_the_open_file_stays_the_working_file(
    demo_path: Path, tmp_path: Path
) -> None:
    file = WorkshopFile.open(demo_path, Mode.EDIT)
    session = Session(file)
    session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    copy = tmp_path / "copy.workshop"
    file.copy_to(copy)
    with WorkshopFile.open(copy, Mode.READ) as copied:
        assert dumps(copied.load()) == dumps(session.workshop)
    assert file.path == demo_path
    file.close()


def test_a_copy_made_by_a_file_manager_after_the_checkpoint_is_complete(
    demo_path: Path, tmp_path: Path
) -> None:
    file = WorkshopFile.open(demo_path, Mode.EDIT)
    session = Session(file)
    session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    file.checkpoint()
    copy = tmp_path / "by-hand.workshop"
    copy.write_bytes(demo_path.read_bytes())  # without the -wal file
    with WorkshopFile.open(copy, Mode.READ) as copied:
        assert any(t.name == "Support" for t in copied.load().teams.values())
    file.close()


def test_a_full_disk_is_explained_and_the_file_stays_consistent(demo_path: Path) -> None:
    file = WorkshopFile.open(demo_path, Mode.WRITE)
    session = Session(file)
    pages = file.db.conn.execute("PRAGMA page_count").fetchone()[0]
    file.db.conn.execute(f"PRAGMA max_page_count = {pages + 8}")
    before = dumps(session.workshop)
    column = session.workshop.ordered_columns()[0].id
    with raises_saying(DiskFullError, "The disk is full"):
        for i in range(200):
            session.do(
                ops.add_problem(session.workshop, column, f"Problem {i}", description="x" * 9000)
            )
    assert dumps(session.workshop) != before, "some edits fitted before the disk filled up"
    in_memory = dumps(session.workshop)
    file.close()
    with WorkshopFile.open(demo_path, Mode.READ) as reopened:
        assert dumps(reopened.load()) == in_memory, "the window showed exactly what was saved"
    raw = sqlite3.connect(demo_path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()


def test_a_copy_can_leave_settings_out(demo_path: Path, tmp_path: Path) -> None:
    file = WorkshopFile.open(demo_path, Mode.EDIT)
    file.set_settings({"share.token": "OLDLINK", "timer.state": "stopped"})
    copy = tmp_path / "copy.workshop"
    file.copy_to(copy, without=("share.token",))
    with WorkshopFile.open(copy, Mode.READ) as copied:
        assert copied.settings() == {"timer.state": "stopped"}
    assert file.setting("share.token") == "OLDLINK"
    file.close()


def test_an_outside_commit_just_before_an_edit_is_caught_up(demo_path: Path) -> None:
    """The window's own commit must not hide another process's commit made just before."""
    window = Session(WorkshopFile.open(demo_path, Mode.EDIT))
    other = Session(WorkshopFile.open(demo_path, Mode.WRITE))
    column = other.workshop.ordered_columns()[0].id
    imported = other.do(ops.add_problem(other.workshop, column, "From the CRM")).changes[-1].id
    window.do(ops.add_team(window.workshop, "Support", "#00aa00"))
    assert imported in window.workshop.problems
    assert window.revision == other.repository.revision()
    assert window.history.can_undo, "the window's own edit stays undoable"
    window.undo()
    assert imported in window.workshop.problems
    assert not any(t.name == "Support" for t in window.workshop.teams.values())


def test_two_writers_taking_the_same_problem_number_is_a_conflict(demo_path: Path) -> None:
    a = Session(WorkshopFile.open(demo_path, Mode.WRITE))
    b = Session(WorkshopFile.open(demo_path, Mode.WRITE))
    column = a.workshop.ordered_columns()[0].id
    a.do(ops.add_problem(a.workshop, column, "First"))
    with pytest.raises(ConflictError):
        b.do(ops.add_problem(b.workshop, column, "Second, same number"))
    assert any(p.title == "First" for p in b.workshop.problems.values()), "B caught up"
    b.do(ops.add_problem(b.workshop, column, "Second, next number"))


def test_an_undo_that_could_not_be_saved_can_be_tried_again(demo_path: Path) -> None:
    file = WorkshopFile.open(demo_path, Mode.WRITE)
    session = Session(file)
    problem = session.workshop.problem_by_number(1)
    assert problem is not None
    session.do(ops.edit_problem(session.workshop, problem.id, description="x" * 9000))
    session.do(ops.edit_problem(session.workshop, problem.id, description=""))
    # another program takes the pages the shorter text freed, then the disk is full
    other = Session(WorkshopFile.open(demo_path, Mode.WRITE))
    column = other.workshop.ordered_columns()[0].id
    other.do(ops.add_problem(other.workshop, column, "Imported", description="y" * 9000))
    pages = file.db.conn.execute("PRAGMA page_count").fetchone()[0]
    file.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFullError):
        session.undo()
    assert session.history.can_undo
    assert session.workshop.problems[problem.id].description == ""
    file.db.conn.execute("PRAGMA max_page_count = 1000000")
    session.undo()
    assert session.workshop.problems[problem.id].description == "x" * 9000
    file.close()
