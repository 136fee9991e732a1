"""The user's data folder (demo copies, the log of unexpected errors), found without Qt.

Linux ``$XDG_DATA_HOME/WorkshopDesk`` (by default ``~/.local/share/WorkshopDesk``), macOS
``~/Library/Application Support/WorkshopDesk``, Windows ``%LOCALAPPDATA%\\WorkshopDesk``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "WorkshopDesk"


def data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME
