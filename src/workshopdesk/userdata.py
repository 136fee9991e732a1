"""The user's data folder (where the demo copy goes), found without Qt.

The same folder Qt calls ``QStandardPaths.AppDataLocation`` for "WorkshopDesk".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "WorkshopDesk"


def data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME
