"""``workshopdesk import`` as a script runs it, including into a file open in a window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from workshopdesk.store.workshop_file import Mode, WorkshopFile


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=90,
    )


def counts(path: Path) -> tuple[int, int, int]:
    with WorkshopFile.open(path, Mode.READ) as file:
        ws = file.load()
        return len(ws.problems), len(ws.attendees), file.revision()


def test_problems_import_and_the_report_line(demo_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "crm.csv"
    source.write_bytes(
        "Titel;Kund;Lag\nFakturor;Acme;Ekonomi\nInloggning;Beta;Sales\n".encode("cp1252")
    )
    problems, _, _ = counts(demo_path)
    result = run("import", demo_path, source, "--kind", "problems")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Imported 2 problems into demo.workshop (new teams: Ekonomi).\n"
    assert counts(demo_path)[0] == problems + 2


def test_bad_rows_are_listed_and_nothing_is_written(demo_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("Title,Customer\nOne,A\n,B\nThree,C\n" + "x" * 201 + ",D\n")
    before = counts(demo_path)
    result = run("import", demo_path, source, "--kind", "problems")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "workshopdesk: bad.csv, row 3: The title cannot be empty."
    assert lines[1].startswith("workshopdesk: bad.csv, row 5: The title is too long")
    assert lines[-1] == "workshopdesk: 2 rows of bad.csv have problems; nothing was imported."
    assert counts(demo_path) == before


def test_a_binary_file_renamed_csv(demo_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "photo.csv"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    before = counts(demo_path)
    result = run("import", demo_path, source, "--kind", "attendees")
    assert result.returncode == 1
    assert result.stderr == (
        "workshopdesk: photo.csv: This is not a CSV file: it contains binary data. "
        "Nothing was imported.\n"
    )
    assert counts(demo_path) == before


def test_usage_errors_exit_2(demo_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.csv"
    source.write_text("Name\nAda\n")
    assert run("import", demo_path, source, "--kind", "people").returncode == 2
    assert (
        run("import", demo_path, source, "--kind", "attendees", "--encoding", "nope").returncode
        == 2
    )
    missing = run("import", demo_path, tmp_path / "missing.csv", "--kind", "attendees")
    assert missing.returncode == 1 and "Cannot read" in missing.stderr


def test_the_window_shows_a_command_line_import(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    from workshopdesk.gui.document import Document

    document = Document(demo_path)
    try:
        assert not document.read_only
        before = len(document.workshop.attendees)
        source = tmp_path / "people.csv"
        source.write_text("Name,Team,Consent\nNew Person,Sales,yes\n", encoding="utf-8")
        with qtbot.waitSignal(document.changed, timeout=10_000) as blocker:
            result = run("import", demo_path, source, "--kind", "attendees")
            assert result.returncode == 0, result.stderr
        assert blocker.args == [None]  # reloaded from the file
        qtbot.waitUntil(lambda: len(document.workshop.attendees) == before + 1)
        names = {a.name for a in document.workshop.attendees.values()}
        assert "New Person" in names
    finally:
        document.close()
