"""What sharing remembers in the workshop file: the token and the last address and port.

Kept with :meth:`WorkshopFile.set_settings` (not undoable, not in the JSON export), so a
restart keeps the same join URL and printed posters keep working.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from workshopdesk.server.token import looks_like_token, new_token
from workshopdesk.store.workshop_file import Mode, WorkshopFile

TOKEN_KEY = "share.token"
HOST_KEY = "share.host"
PORT_KEY = "share.port"
KEYS = (TOKEN_KEY, HOST_KEY, PORT_KEY)
"""Everything sharing keeps; a copy of the workshop leaves it out (its own link later)."""
DEFAULT_PORT = 8765


@dataclass(frozen=True, slots=True)
class ShareSettings:
    token: str
    host: str | None = None
    port: int | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> ShareSettings | None:
        """The saved values, or None when no (valid) token was saved yet."""
        token = settings.get(TOKEN_KEY, "")
        if not looks_like_token(token):
            return None
        port_text = settings.get(PORT_KEY, "")
        port = int(port_text) if port_text.isdigit() and 0 < int(port_text) < 65536 else None
        return cls(token, settings.get(HOST_KEY) or None, port)

    def to_settings(self) -> dict[str, str | None]:
        return {
            TOKEN_KEY: self.token,
            HOST_KEY: self.host,
            PORT_KEY: None if self.port is None else str(self.port),
        }


def load_or_create(path: Path) -> ShareSettings:
    """The saved settings; a new token is made (and saved) the first time."""
    with WorkshopFile.open(path, Mode.WRITE) as file:
        saved = ShareSettings.from_settings(file.settings())
        if saved is not None:
            return saved
        fresh = ShareSettings(new_token())
        file.set_settings(fresh.to_settings())
        return fresh


def save(path: Path, settings: ShareSettings) -> None:
    with WorkshopFile.open(path, Mode.WRITE) as file:
        if ShareSettings.from_settings(file.settings()) != settings:
            file.set_settings(settings.to_settings())


def rotate(path: Path) -> ShareSettings:
    """A new token ("New link"): every old link, QR code and poster stops working."""
    with WorkshopFile.open(path, Mode.WRITE) as file:
        saved = ShareSettings.from_settings(file.settings())
        fresh = ShareSettings(
            new_token(),
            saved.host if saved else None,
            saved.port if saved else None,
        )
        file.set_settings(fresh.to_settings())
        return fresh
