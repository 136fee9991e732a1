"""Two real screens on a real X server (Xvfb with two RandR monitors): the window on the
laptop, the wall on the projector, and the projector unplugged while the wall is up."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = "1366/300x768/200+0+0"
PROJECTOR = "1920/600x1080/340+1366+0"


@pytest.fixture
def two_monitors() -> Iterator[str]:
    """A private X server 3286 px wide, split into a laptop screen and a projector."""
    read, write = os.pipe()
    # -noreset: the monitors outlive the xrandr client that set them
    command = ["Xvfb", "-displayfd", str(write), "-screen", "0", "3286x1080x24", "-noreset"]
    server = subprocess.Popen(
        [*command, "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        display = f":{number}"
        for monitor in (["Laptop", LAPTOP, "screen"], ["Projector", PROJECTOR, "none"]):
            subprocess.run(
                ["xrandr", "--display", display, "--setmonitor", *monitor],
                check=True,
                capture_output=True,
            )
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xrandr") is None,
    reason="needs Xvfb and xrandr (scripts/setup.sh)",
)
def test_the_wall_goes_to_the_projector_and_comes_down_when_it_is_unplugged(
    two_monitors: str, tmp_path: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=two_monitors)
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    env.pop("QT_SCALE_FACTOR", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src")])
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "gui" / "two_screens_script.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=100,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["screens"] == ["Laptop", "Projector"]
    assert seen["window"] == "Laptop"
    assert seen["wall"] == "Projector"
    assert seen["wall_geometry"] == [1366, 0, 1920, 1080]  # the whole projector
    assert seen["wall_grab"] == [1920, 1080]
    assert seen["removed"] == ["Projector"]  # the X server's own news, not ours
    assert seen["screens_after"] == ["Laptop"]
    assert seen["wall_up"] is False  # the wall came down rather than cover the laptop
    assert seen["window_visible"] is True
    assert seen["window_after"] == "Laptop"
    assert seen["wall_again"] == ["Laptop", True]
    assert seen["warnings"] == []
