"""The phones' link as a workshop keeps it: the access token, and the last address and
port, so a restart keeps the same join URL and printed posters keep working.

The token carries 128 random bits, in upper-case base32 without padding. The settings are
kept in the workshop's settings (not undoable, not in the JSON export, not in a copy).
"""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

TOKEN_KEY = "share.token"
HOST_KEY = "share.host"
PORT_KEY = "share.port"
KEYS = (TOKEN_KEY, HOST_KEY, PORT_KEY)
"""Everything sharing keeps; a copy of the workshop leaves it out (its own link later)."""
DEFAULT_PORT = 8765

TOKEN_BYTES = 16
"""128 random bits: 26 base32 characters."""

_SHAPE = re.compile(r"[A-Z2-7]{26,64}")


def new_token() -> str:
    raw = base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode("ascii")
    return raw.rstrip("=")


def looks_like_token(text: str) -> bool:
    return _SHAPE.fullmatch(text) is not None


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
