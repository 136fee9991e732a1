"""``workshopdesk shot``: views of a workshop rendered offscreen to PNG files."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest


def shot(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QT_SCALE_FACTOR")}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", "shot", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=100,
        check=False,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_board_at_the_default_size(demo_path, tmp_path):
    out = tmp_path / "board.png"
    result = shot(str(demo_path), "-o", str(out), "--view", "board")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert png_size(out) == (1600, 1000)
    assert "board" in result.stdout
    assert out.stat().st_size > 40_000, "a real picture, not an empty frame"


@pytest.mark.slow
def test_the_start_screen_at_twice_the_scale(demo_path, tmp_path):
    out = tmp_path / "start.png"
    result = shot(
        str(demo_path), "-o", str(out), "--view", "start", "--size", "1200x800", "--scale", "2"
    )
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (2400, 1600)


def test_the_editor_of_a_chosen_problem(demo_path, tmp_path):
    out = tmp_path / "editor.png"
    result = shot(str(demo_path), "-o", str(out), "--view", "editor", "--problem", "3")
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1600, 1000)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--size", "huge"], 2, "--size must look like 1600x1000"),
        (["--view", "ceiling"], 2, "unknown view"),
        (["--scale", "3"], 2, "invalid choice"),
        (["--view", "editor", "--problem", "99"], 1, "There is no problem 99"),
        (["--view", "board", "--problem", "3"], 2, "--problem is for the editor and spotlight"),
    ],
)
def test_bad_requests_get_one_clear_line(demo_path, tmp_path, args, code, words):
    out = tmp_path / "x.png"
    result = shot(str(demo_path), "-o", str(out), *args)
    assert result.returncode == code
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_missing_workshop_is_one_line(tmp_path):
    result = shot(str(tmp_path / "nowhere.workshop"), "-o", str(tmp_path / "x.png"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
