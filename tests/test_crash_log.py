"""Our own bugs leave a trace: one sentence for the user, the traceback in the log file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshopdesk.crash_log import log_path, record_error

# The CLI as a user runs it, with one bug put into the `info` command.
BUGGY_INFO = """
import sys
import workshopdesk.commands.info as info

def run(args):
    raise ValueError("the figures do not add up")

info.run = run
from workshopdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def buggy_cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BUGGY_INFO, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, XDG_DATA_HOME=str(data)),
    )


def test_a_bug_in_a_command_is_one_line_and_a_logged_traceback(
    tmp_path: Path, demo_path: Path
) -> None:
    data = tmp_path / "data"
    result = buggy_cli("info", str(demo_path), data=data)
    log = data / "WorkshopDesk" / "workshopdesk.log"
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"workshopdesk: something went wrong (ValueError); the details are in {log}\n"
    )
    text = log.read_text(encoding="utf-8")
    assert "unexpected error in workshopdesk info" in text
    assert "Traceback (most recent call last):" in text
    assert "workshopdesk/cli.py" in text and 'File "<string>", line 6, in run' in text
    assert text.rstrip().endswith("ValueError: the figures do not add up")

    again = buggy_cli("info", str(demo_path), data=data)
    assert again.returncode == 1
    assert log.read_text(encoding="utf-8").count("Traceback") == 2, "the log keeps the first"


def test_an_unwritable_data_folder_leaves_the_traceback_on_stderr(
    tmp_path: Path, demo_path: Path
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    result = buggy_cli("info", str(demo_path), data=blocked)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "workshopdesk: something went wrong (ValueError)"
    assert "Traceback (most recent call last):" in result.stderr
    assert lines[-2] == "ValueError: the figures do not add up"


def test_the_log_rotates_at_about_a_megabyte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    big = "x" * 400_000
    for _ in range(12):
        try:
            raise RuntimeError(big)
        except RuntimeError as error:
            assert record_error(error, "a test of the log's size") == log_path()
    folder = tmp_path / "WorkshopDesk"
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "workshopdesk.log",
        "workshopdesk.log.1",
        "workshopdesk.log.2",
        "workshopdesk.log.3",
    ]
    assert all(p.stat().st_size < 1_500_000 for p in folder.iterdir())


def test_the_folder_follows_the_platforms_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    from workshopdesk import userdata

    monkeypatch.setenv("XDG_DATA_HOME", "/somewhere/data")
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\ann\AppData\Local")
    monkeypatch.setattr(userdata.sys, "platform", "linux")
    assert userdata.data_dir() == Path("/somewhere/data/WorkshopDesk")
    monkeypatch.delenv("XDG_DATA_HOME")
    assert userdata.data_dir() == Path.home() / ".local" / "share" / "WorkshopDesk"
    monkeypatch.setattr(userdata.sys, "platform", "darwin")
    assert userdata.data_dir() == Path.home() / "Library" / "Application Support" / "WorkshopDesk"
    monkeypatch.setattr(userdata.sys, "platform", "win32")
    assert userdata.data_dir() == Path(r"C:\Users\ann\AppData\Local") / "WorkshopDesk"
