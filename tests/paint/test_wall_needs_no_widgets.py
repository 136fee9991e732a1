"""The wall's painting needs QtGui only: the exports and `shot` use it without widgets."""

from __future__ import annotations

import subprocess
import sys


def test_painting_the_wall_loads_no_widgets() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from PySide6.QtCore import QSize\n"
        "app = QGuiApplication([])\n"
        "from workshopdesk import starters\n"
        "from workshopdesk.paint.wall import render_wall\n"
        "from workshopdesk.paint.wall_scene import View, WallScene\n"
        "for view in View:\n"
        "    render_wall(WallScene(starters.demo(), view=view), QSize(640, 360))\n"
        "print('PySide6.QtWidgets' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
