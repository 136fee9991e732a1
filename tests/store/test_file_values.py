"""The workshop file's own records read back value by value (the activity log, settings),
and every failure naming the file it happened to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workshopdesk.core import operations as ops
from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Label
from workshopdesk.core.errors import ConflictError, FileProblem, WorkshopError
from workshopdesk.core.session import Session
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import error_text

AT = "2027-02-11T10:00:00+01:00"


def raw(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def test_the_activity_log_reads_back_newest_first_and_all_of_it_when_asked(
    demo_path: Path,
) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        for n in range(3):
            file.write([], ActivityEntry(AT, "phone", Label("join", {"name": f"Åsa {n}"}), "d"))
        assert [e.label.params["name"] for e in file.activity()] == ["Åsa 2", "Åsa 1", "Åsa 0"]
        assert len(file.activity(None)) == 3 and len(file.activity(2)) == 2
        (newest,) = file.activity(1)
        assert newest == ActivityEntry(AT, "phone", Label("join", {"name": "Åsa 2"}), "d", None)
    connection = sqlite3.connect(demo_path)
    try:
        (stored,) = connection.execute("SELECT params FROM activity ORDER BY id DESC LIMIT 1")
    finally:
        connection.close()
    assert stored == ('{"name": "Åsa 2"}',), "readable in any SQLite tool"


def test_the_activity_log_shows_the_newest_500_unless_asked_for_more(demo_path: Path) -> None:
    rows = ", ".join(
        f"('{AT}', 'facilitator', NULL, NULL, 'edit_workshop', NULL)" for _ in range(600)
    )
    raw(
        demo_path,
        f"INSERT INTO activity (at, source, device_id, name, msgid, params) VALUES {rows}",
    )
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        assert len(file.activity()) == 500
        assert len(file.activity(None)) == 600


def test_damaged_activity_parameters_read_as_none(demo_path: Path) -> None:
    raw(
        demo_path,
        "INSERT INTO activity (at, source, msgid, params) VALUES "
        f"('{AT}', 'phone', 'join', '[1, 2]'), ('{AT}', 'phone', 'join', 'not json'), "
        f"('{AT}', 'phone', 'join', ''), ('{AT}', 'phone', 'join', NULL), "
        f"('{AT}', 'phone', 'join', '{{\"name\": 7}}')",
    )
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        params = [dict(e.label.params) for e in file.activity(5)]
    assert params == [{"name": "7"}, {}, {}, {}, {}]


def test_a_setting_never_stored_is_none(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        assert file.setting("share.token") is None
        file.set_settings({"share.port": "8123"})
        assert file.setting("share.port") == "8123"


def test_a_stale_edit_is_refused_in_so_many_words(demo_path: Path) -> None:
    with (
        WorkshopFile.open(demo_path, Mode.WRITE) as first,
        WorkshopFile.open(demo_path, Mode.WRITE) as second,
    ):
        a, b = Session(first), Session(second)
        problem = sorted(a.workshop.problems)[0]
        a.do(ops.edit_problem(a.workshop, problem, title="From A"))
        with pytest.raises(ConflictError) as refused:
            b.do(ops.edit_problem(b.workshop, problem, title="From B"))
    assert error_text(refused.value) == (
        "This was changed elsewhere in the meantime; the board now shows the latest."
    )


@pytest.mark.parametrize(
    "rows", ["DELETE FROM workshop", "INSERT INTO workshop (id, title) VALUES ('x', 'Twin')"]
)
def test_a_file_without_exactly_one_workshop_is_damaged(demo_path: Path, rows: str) -> None:
    raw(demo_path, rows)
    with WorkshopFile.open(demo_path, Mode.READ) as file, pytest.raises(FileProblem) as refused:
        file.load()
    assert error_text(refused.value) == "demo.workshop is damaged: it holds no workshop."


def test_every_read_names_the_file_when_it_fails(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        raw(demo_path, "DROP TABLE activity", "DROP TABLE settings", "DROP TABLE ideas")
        for read, table in (
            (file.activity, "activity"),
            (file.settings, "settings"),
            (lambda: file.setting("x"), "settings"),
            (file.load, "ideas"),
        ):
            with pytest.raises(WorkshopError) as failed:
                read()
            assert error_text(failed.value) == (
                f"Could not use demo.workshop (no such table: {table})."
            ), table


def test_a_copy_onto_the_open_file_itself_is_refused(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file, pytest.raises(FileProblem) as refused:
        file.copy_to(demo_path.parent / "." / demo_path.name)
    assert error_text(refused.value) == "A copy must have another name than the open workshop."


def test_a_copy_can_leave_several_settings_out(demo_path: Path, tmp_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        file.set_settings({"share.token": "A" * 26, "share.port": "8123", "timer.state": "paused"})
        file.copy_to(tmp_path / "copy.workshop", without=("share.token", "share.port"))
    with WorkshopFile.open(tmp_path / "copy.workshop", Mode.READ) as copied:
        assert copied.settings() == {"timer.state": "paused"}


def test_what_is_said_when_a_new_workshop_cannot_be_made_there(tmp_path: Path) -> None:
    from workshopdesk import starters

    blank = starters.template("blank")
    taken = tmp_path / "taken.workshop"
    WorkshopFile.create(taken, blank)
    with pytest.raises(FileProblem) as refused:
        WorkshopFile.create(taken, blank)
    assert error_text(refused.value) == (
        f"{taken} already exists; choose another name or use --force."
    )
    folder = tmp_path / "folder.workshop"
    folder.mkdir()
    with pytest.raises(FileProblem) as refused:
        WorkshopFile.create(folder, blank, force=True)
    assert error_text(refused.value) == f"{folder} is a folder."
    nowhere = tmp_path / "gone" / "x.workshop"
    with pytest.raises(FileProblem) as refused:
        WorkshopFile.create(nowhere, blank)
    assert error_text(refused.value) == f"The folder {nowhere.parent} does not exist."
    with WorkshopFile.open(taken, Mode.EDIT), pytest.raises(FileProblem) as refused:
        WorkshopFile.create(taken, blank, force=True)
    assert error_text(refused.value) == "taken.workshop is open in WorkshopDesk; close it first."
    (tmp_path / "odd.workshop.lock").mkdir()
    with pytest.raises(FileProblem) as refused:
        WorkshopFile.create(tmp_path / "odd.workshop", blank)
    assert error_text(refused.value) == "Cannot write beside odd.workshop: Is a directory."


@pytest.mark.parametrize("copy", [False, True], ids=["file", "saved-copy"])
@pytest.mark.parametrize("mode", [Mode.READ, Mode.WRITE])
def test_after_a_failed_look_the_next_look_says_something_changed(
    demo_path: Path, mode: Mode, copy: bool
) -> None:
    """Also on a copy as "Save a copy" writes it, which SQLite keeps without a log and
    reads from the very first version of the file."""
    path = demo_path
    if copy:
        path = demo_path.with_name("copy.workshop")
        with WorkshopFile.open(demo_path, Mode.WRITE) as original:
            original.copy_to(path)
    with WorkshopFile.open(path, mode) as file:
        assert file.changed() is False
        file.look_again()
        assert file.changed() is True
        assert file.changed() is False


def test_a_new_files_folder_entry_is_synced_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    from workshopdesk import starters
    from workshopdesk.store import disk

    synced: list[bool] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(disk.os, "fsync", fsync)
    WorkshopFile.create(tmp_path / "new.workshop", starters.template("blank"))
    assert True in synced, "the folder that names it"
