"""Creating, replacing and closing a workshop file, checked on the files themselves."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from workshopdesk import starters
from workshopdesk.core import operations as ops
from workshopdesk.core.errors import FileProblem
from workshopdesk.core.session import Session
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def team_names(path: Path) -> set[str]:
    with WorkshopFile.open(path, Mode.READ) as reader:
        return {t.name for t in reader.load().teams.values()}


def test_creating_over_an_existing_workshop_is_refused_unless_forced(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    with pytest.raises(FileProblem):
        WorkshopFile.create(demo_path, starters.template("blank"))
    assert demo_path.read_bytes() == before
    WorkshopFile.create(demo_path, starters.template("blank"), force=True)
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        assert reader.load().problems == {}
    assert [p.name for p in demo_path.parent.iterdir() if p.name.startswith(".")] == []


def test_a_folder_is_never_replaced_by_a_workshop(tmp_path: Path) -> None:
    folder = tmp_path / "folder.workshop"
    folder.mkdir()
    with pytest.raises(FileProblem):
        WorkshopFile.create(folder, starters.template("blank"), force=True)
    assert folder.is_dir()


def test_closing_folds_the_log_into_the_file_even_while_another_reads(demo_path: Path) -> None:
    reader = WorkshopFile.open(demo_path, Mode.READ)  # the phone server, say
    reader.load()
    writer = WorkshopFile.open(demo_path, Mode.WRITE)
    session = Session(writer)
    session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    writer.close()
    wal = Path(f"{demo_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    # A copy of the file alone (as a file manager or a mail makes it) holds the new team.
    alone = demo_path.parent / "copy" / demo_path.name
    alone.parent.mkdir()
    shutil.copyfile(demo_path, alone)
    reader.close()
    raw = sqlite3.connect(alone)
    try:
        names = {row[0] for row in raw.execute("SELECT name FROM teams")}
    finally:
        raw.close()
    assert "Support" in names


def test_checkpoint_makes_the_file_whole_while_it_stays_open(demo_path: Path) -> None:
    writer = WorkshopFile.open(demo_path, Mode.EDIT)
    session = Session(writer)
    session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    writer.checkpoint()
    alone = demo_path.parent / "copy" / demo_path.name
    alone.parent.mkdir()
    shutil.copyfile(demo_path, alone)
    writer.close()
    assert "Support" in team_names(alone)


def test_reading_a_file_whose_writer_died_leaves_its_log_and_the_file_as_they_were(
    demo_path: Path,
) -> None:
    """A writer that stopped without closing (a crash) leaves its last changes in the
    -wal file. A reader sees them, and closing the reader writes nothing: the file and
    its log stay exactly as they were, for the next writer to fold in."""
    writer = WorkshopFile.open(demo_path, Mode.WRITE)
    session = Session(writer)
    session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    left = demo_path.parent / "left" / demo_path.name
    left.parent.mkdir()
    for suffix in ("", "-wal"):  # what the disk holds at the moment of the crash
        shutil.copyfile(f"{demo_path}{suffix}", f"{left}{suffix}")
    writer.close()
    wal = Path(f"{left}-wal")
    before = (left.read_bytes(), wal.read_bytes())
    assert before[1], "the changes are in the log only"
    assert "Support" in team_names(left)
    assert (left.read_bytes(), wal.read_bytes()) == before
    with WorkshopFile.open(left, Mode.WRITE) as next_writer:
        assert "Support" in {t.name for t in next_writer.load().teams.values()}


def test_replacing_a_workshop_clears_what_sqlite_left_beside_the_old_one(
    demo_path: Path,
) -> None:
    """The old file's log, shared memory and journal would not match the new file: they go
    before it is put in place, and the new workshop reads as written."""
    writer = WorkshopFile.open(demo_path, Mode.WRITE)
    session = Session(writer)
    session.do(ops.add_team(session.workshop, "Support", "#00aa00"))
    old = demo_path.parent / "old" / demo_path.name
    old.parent.mkdir()
    for suffix in ("", "-wal"):  # a writer that stopped without closing
        shutil.copyfile(f"{demo_path}{suffix}", f"{old}{suffix}")
    writer.close()
    Path(f"{old}-shm").write_bytes(b"\x00" * 32768)
    Path(f"{old}-journal").write_bytes(b"left by a program that stopped")
    WorkshopFile.create(old, starters.template("blank"), force=True)
    assert [Path(f"{old}{s}").exists() for s in ("-wal", "-shm", "-journal")] == [False] * 3
    assert team_names(old) == set()


def test_a_file_opened_in_one_thread_is_used_from_another(demo_path: Path) -> None:
    """The phone server opens the file and then serves it from its own thread."""
    import threading

    def problems_seen_from_another_thread(file: WorkshopFile) -> list[object]:
        seen: list[object] = []

        def serve() -> None:
            try:
                seen.append(len(file.load().problems))
            except Exception as error:  # what the other thread met, for the assertion
                seen.append(error)

        worker = threading.Thread(target=serve)
        worker.start()
        worker.join()
        return seen

    for mode in (Mode.WRITE, Mode.READ):
        with WorkshopFile.open(demo_path, mode) as file:
            assert problems_seen_from_another_thread(file) == [10], mode
