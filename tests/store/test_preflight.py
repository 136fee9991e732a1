"""The look at a file before anything opens it: for every kind of file that is not a
workshop this version can use, the very sentence the facilitator reads, and the file's
bytes unchanged."""

from __future__ import annotations

import hashlib
import shutil
import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.store.test_bad_files import newer
from workshopdesk.core.errors import FileProblem
from workshopdesk.store import schema
from workshopdesk.store.preflight import check_file
from workshopdesk.text import error_text


def not_sqlite(path: Path, demo: Path) -> None:
    path.write_text("Title;Customer\nInvoices;Acme\n")


def empty(path: Path, demo: Path) -> None:
    path.write_bytes(b"")


def cut_in_its_header(path: Path, demo: Path) -> None:
    path.write_bytes(demo.read_bytes()[:60])  # a copy that stopped early


def cut_after_its_header(path: Path, demo: Path) -> None:
    path.write_bytes(demo.read_bytes()[:5000])


def scribbled_over(path: Path, demo: Path) -> None:
    data = bytearray(demo.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page after the first
        data[offset + 100 : offset + 400] = b"\xa5" * 300
    path.write_bytes(bytes(data))


def of_another_application(path: Path, demo: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()


def without_its_format_record(path: Path, demo: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    connection.execute("CREATE TABLE problems (title TEXT)")
    connection.commit()
    connection.close()


SAID: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "not-sqlite": (
        not_sqlite,
        "{name} is not a workshop file (it is not a WorkshopDesk database).",
    ),
    "empty": (empty, "{name} is empty: it is not a workshop file."),
    "cut-in-header": (cut_in_its_header, "{name} is damaged: the file is truncated."),
    "cut-after-header": (
        cut_after_its_header,
        "{name} is damaged and cannot be opened (database disk image is malformed).",
    ),
    "scribbled": (
        scribbled_over,
        "{name} is damaged and cannot be opened (its integrity check failed).",
    ),
    "foreign": (
        of_another_application,
        "{name} is a database of another application, not a WorkshopDesk workshop.",
    ),
    "no-record": (
        without_its_format_record,
        "{name} is damaged: it has no record of its format.",
    ),
    "newer": (
        newer,
        "{name} was written by a newer version of WorkshopDesk; update WorkshopDesk to open it.",
    ),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", sorted(SAID))
def test_each_kind_of_unusable_file_is_named_in_its_own_words(
    kind: str, tmp_path: Path, demo_path: Path
) -> None:
    build, words = SAID[kind]
    path = tmp_path / f"{kind}.workshop"
    build(path, demo_path)
    before = digest(path)
    with pytest.raises(FileProblem) as refused:
        check_file(path)
    assert type(refused.value) is FileProblem
    assert error_text(refused.value) == words.format(name=path.name)
    assert digest(path) == before


def test_a_workshop_of_this_version_and_of_an_older_one_pass(
    demo_path: Path, tmp_path: Path
) -> None:
    from tests.store import second_version

    old = tmp_path / "old.workshop"
    shutil.copyfile(second_version.FIXTURE, old)
    for path in (demo_path, old):
        before = digest(path)
        check_file(path)
        assert digest(path) == before


def test_a_missing_file_and_a_folder_are_named_by_their_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.workshop"
    with pytest.raises(FileProblem) as refused:
        check_file(missing)
    assert error_text(refused.value) == f"There is no file {missing}."
    with pytest.raises(FileProblem) as refused:
        check_file(tmp_path)
    assert error_text(refused.value) == f"{tmp_path} is a folder, not a workshop file."


@pytest.fixture
def listening(tmp_path: Path) -> Iterator[Path]:
    """A name in the folder that is a socket, not a file: it cannot be read."""
    path = tmp_path / "socket.workshop"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        yield path
    finally:
        server.close()


def test_a_file_that_cannot_be_read_says_why(listening: Path) -> None:
    with pytest.raises(FileProblem) as refused:
        check_file(listening)
    assert error_text(refused.value) == ("Cannot read socket.workshop: No such device or address.")


def test_a_log_that_cannot_be_opened_is_the_folders_fault_not_damage(demo_path: Path) -> None:
    """SQLite cannot open the file's log (here a folder stands where it goes): the
    environment is to blame, and the file is not called damaged."""
    Path(f"{demo_path}-wal").mkdir()
    with pytest.raises(FileProblem) as refused:
        check_file(demo_path)
    assert error_text(refused.value) == (
        "Cannot open demo.workshop: its folder may be read-only, or the disk full."
    )


def test_a_file_sqlite_cannot_open_says_so(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Gone in the moment between reading its first bytes and opening it, say."""

    def vanished(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", vanished)
    with pytest.raises(FileProblem) as refused:
        check_file(demo_path)
    assert error_text(refused.value) == "Cannot open demo.workshop."
