"""``workshopdesk FILE`` goes straight to the window, without loading the other commands."""

from __future__ import annotations

import os
import subprocess
import sys

from workshopdesk.cli import _window_only, _with_open


def test_opening_a_file_or_the_demo_skips_the_other_commands():
    args = _window_only(_with_open(["malmo.workshop"]))
    assert args is not None and args.command == "open" and args.path == "malmo.workshop"
    assert _window_only(["--demo"]).open_demo
    assert _window_only(["open"]).path is None  # the desktop's menu entry: the start screen
    assert _window_only(["open", "--help"]) is None
    assert _window_only(["export", "malmo.workshop"]) is None
    assert _window_only(["--demo", "open", "x.workshop"]) is None


def test_a_missing_file_is_still_one_clear_line(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "workshopdesk", str(tmp_path / "nowhere.workshop")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nowhere.workshop" in result.stderr
    code = (
        "import sys, workshopdesk.cli as c; c._window_only(['open', 'x']); "
        "print('aiohttp' in sys.modules)"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "False", "the phone server's libraries are not loaded"
