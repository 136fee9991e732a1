"""What the window remembers between runs: geometry, the docks' layout, recent files,
the last file, the zoom, the interface's language.

Stored with QSettings (organisation and application "WorkshopDesk"); tests and the
screenshot command pass their own isolated QSettings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from workshopdesk.text.language import LANGUAGES

ORGANISATION = "WorkshopDesk"
APPLICATION = "WorkshopDesk"
RECENT_MAX = 10


def user_settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def isolated_settings(folder: Path) -> QSettings:
    """Empty settings in ``folder`` (for screenshots and tests)."""
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


class AppSettings:
    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def recent_files(self) -> list[Path]:
        value = self.qsettings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        paths = [Path(v) for v in value or [] if isinstance(v, str) and v]
        return [p for p in paths if p.exists()]

    def add_recent(self, path: Path) -> None:
        path = path.resolve()
        paths = [p for p in self.recent_files() if p.resolve() != path]
        self._set_recent([path, *paths][:RECENT_MAX])
        self.qsettings.setValue("lastFile", str(path))

    def forget_recent(self, path: Path) -> None:
        self._set_recent([p for p in self.recent_files() if p.resolve() != path.resolve()])

    def clear_recent(self) -> None:
        self._set_recent([])

    def _set_recent(self, paths: list[Path]) -> None:
        self.qsettings.setValue("recentFiles", [str(p) for p in paths])

    def last_file(self) -> Path | None:
        value = self.qsettings.value("lastFile", "")
        path = Path(value) if isinstance(value, str) and value else None
        return path if path is not None and path.exists() else None

    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.qsettings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    def zoom(self) -> float:
        try:
            return float(self.qsettings.value("board/zoom", 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0

    def set_zoom(self, zoom: float) -> None:
        self.qsettings.setValue("board/zoom", zoom)

    def interface_language(self) -> str:
        """The language the facilitator chose for the window ("en", "sv"), or "" to
        follow the system's."""
        value = self.qsettings.value("interface/language", "")
        return value if isinstance(value, str) and value in LANGUAGES else ""

    def set_interface_language(self, language: str) -> None:
        self.qsettings.setValue("interface/language", language if language in LANGUAGES else "")

    def last_folder(self) -> str:
        value = self.qsettings.value("lastFolder", "")
        return value if isinstance(value, str) else ""

    def set_last_folder(self, folder: Path) -> None:
        self.qsettings.setValue("lastFolder", str(folder))

    def sync(self) -> None:
        self.qsettings.sync()
