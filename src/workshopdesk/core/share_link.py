"""The phones' link as a workshop keeps it: the access token, and the last address and
port, so a restart keeps the same join URL and printed posters keep working.

The token carries 128 random bits, in upper-case base32 without padding. The settings are
kept in the workshop's settings (not undoable, not in the JSON export, not in a copy).

The room's Wi-Fi (its name, and its password only when the facilitator asks to keep it)
lives here too: the join screen shows it as a QR code phones join the network with.
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
WIFI_NAME_KEY = "share.wifi.name"
WIFI_PASSWORD_KEY = "share.wifi.password"
WIFI_SECURITY_KEY = "share.wifi.security"
WIFI_KEEP_KEY = "share.wifi.keep"
WIFI_KEYS = (WIFI_NAME_KEY, WIFI_PASSWORD_KEY, WIFI_SECURITY_KEY, WIFI_KEEP_KEY)
KEYS = (TOKEN_KEY, HOST_KEY, PORT_KEY, *WIFI_KEYS)
"""Everything sharing keeps; a copy of the workshop leaves it out (its own link later, and
no Wi-Fi password travels with a copy)."""
SECURITIES = ("WPA", "WEP", "nopass")
"""What the Wi-Fi QR format knows: WPA (WPA2 and WPA3 too), WEP, or an open network."""
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
        token = settings.get(TOKEN_KEY)
        if token is None or not looks_like_token(token):
            return None
        return cls(token, settings.get(HOST_KEY) or None, _port(settings.get(PORT_KEY)))

    def to_settings(self) -> dict[str, str | None]:
        return {
            TOKEN_KEY: self.token,
            HOST_KEY: self.host,
            PORT_KEY: None if self.port is None else str(self.port),
        }


def _port(text: str | None) -> int | None:
    """A saved port, or None when none was saved or it is not one."""
    if text is None or not text.isdigit():
        return None
    port = int(text)
    return port if 0 < port < 65536 else None


@dataclass(frozen=True, slots=True)
class WifiNetwork:
    """The network phones join first: the venue's Wi-Fi or the laptop's hotspot."""

    name: str
    password: str = ""
    security: str = "WPA"

    @property
    def is_open(self) -> bool:
        return self.security == "nopass" or not self.password

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> WifiNetwork | None:
        """The saved network (its password only if it was kept), or None without a name."""
        name = settings.get(WIFI_NAME_KEY)
        if not name:
            return None
        security = settings.get(WIFI_SECURITY_KEY)
        return cls(
            name,
            settings.get(WIFI_PASSWORD_KEY, ""),
            security if security in SECURITIES else "WPA",
        )

    def to_settings(self, *, keep_password: bool) -> dict[str, str | None]:
        """What the workshop file keeps: the password only when ``keep_password``."""
        return {
            WIFI_NAME_KEY: self.name or None,
            WIFI_SECURITY_KEY: self.security if self.name else None,
            WIFI_PASSWORD_KEY: self.password if keep_password and self.password else None,
            WIFI_KEEP_KEY: "true" if keep_password else None,
        }


def keeps_wifi_password(settings: Mapping[str, str]) -> bool:
    return settings.get(WIFI_KEEP_KEY) == "true"
