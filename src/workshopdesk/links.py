"""The addresses phones open, and their QR codes: the one place that builds them.

Everything that shows a QR code (the Share panel, the wall, ``workshopdesk serve``, the
posters, the wall picture) asks this module, so they all agree; it needs neither Qt nor
the web server. URLs are upper-case on purpose: a QR code in alphanumeric mode (0-9, A-Z,
and ``$%*+-./:``) is a size smaller, and the server accepts paths in any case.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q
from qrcode.exceptions import DataOverflowError

from workshopdesk.core.share_link import ShareSettings
from workshopdesk.text.ui import _

QUIET_ZONE = 4
"""Modules of white border around the code, as the QR standard asks."""

QrMatrix = list[list[bool]]
"""Rows of modules, quiet zone included; True is dark."""


def host_for_url(host: str) -> str:
    """``host`` as it goes into a URL (IPv6 addresses in brackets)."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return host.upper()
    if address.version == 6:
        return f"[{host.upper()}]"
    return host


def join_url(host: str, port: int, token: str) -> str:
    """The board's address, e.g. ``HTTP://192.168.1.23:8765/J/<TOKEN>``."""
    return f"HTTP://{host_for_url(host)}:{port}/J/{token.upper()}"


def problem_url(host: str, port: int, token: str, number: int) -> str:
    """One problem's page, e.g. ``HTTP://192.168.1.23:8765/J/<TOKEN>/P/3``."""
    return f"{join_url(host, port, token)}/P/{int(number)}"


@dataclass(frozen=True, slots=True)
class JoinLink:
    """Where phones join a workshop: the address and port it was last shared on, its token."""

    host: str
    port: int
    token: str

    @property
    def url(self) -> str:
        return join_url(self.host, self.port, self.token)

    def for_problem(self, number: int) -> str:
        return problem_url(self.host, self.port, self.token, number)

    @property
    def reachable(self) -> bool:
        """False when only this computer can open the link (127.0.0.1): no phone can."""
        return not is_loopback(self.url)


def saved_link(settings: Mapping[str, str]) -> JoinLink | None:
    """Where phones join, from a workshop's saved sharing settings; None until sharing has
    run once (no token, address or port saved yet)."""
    share = ShareSettings.from_settings(settings)
    if share is None or share.host is None or share.port is None:
        return None
    return JoinLink(share.host, share.port, share.token)


STRONGEST_FIRST = (ERROR_CORRECT_H, ERROR_CORRECT_Q, ERROR_CORRECT_M, ERROR_CORRECT_L)


def qr_matrix(text: str) -> QrMatrix:
    """The QR code for ``text`` with a quiet zone of four modules: as few modules as the
    text allows (the bigger each module, the farther a phone reads it), and within that
    size the strongest error correction that fits (a projected code is blurred, washed
    out and seen through a dim room's noise). A join URL gets version 3 (29 modules) with
    error correction M."""
    smallest = _code(text, ERROR_CORRECT_L, None)
    version = smallest.version
    for level in STRONGEST_FIRST:
        try:
            code = _code(text, level, version)
        except DataOverflowError:
            continue
        return [[bool(module) for module in row] for row in code.get_matrix()]
    return [[bool(module) for module in row] for row in smallest.get_matrix()]


def _code(text: str, level: int, version: int | None) -> qrcode.QRCode:
    code = qrcode.QRCode(version=version, error_correction=level, border=QUIET_ZONE, box_size=1)
    code.add_data(text)
    code.make(fit=version is None)
    return code


def is_loopback(url: str) -> bool:
    """Whether ``url`` points at this computer only (127.x, ::1, localhost): no phone in the
    room can open it."""
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0]
    if host.startswith("["):
        host = host[1 : host.find("]")]
    else:
        host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def wifi_text(name: str, password: str = "", security: str = "WPA", hidden: bool = False) -> str:
    """A Wi-Fi network as phones' cameras read it: ``WIFI:T:WPA;S:name;P:password;;``, with
    ``\\ ; , : "`` escaped by a backslash. An open network (no password) has ``T:nopass``."""
    kind = security if password else "nopass"
    parts = [f"T:{kind}", f"S:{_wifi_escape(name)}"]
    if password:
        parts.append(f"P:{_wifi_escape(password)}")
    if hidden:
        parts.append("H:true")
    return "WIFI:" + ";".join(parts) + ";;"


def _wifi_escape(text: str) -> str:
    return "".join("\\" + c if c in WIFI_SPECIAL else c for c in text)


WIFI_SPECIAL = frozenset('\\;,:"')


def qr_text(matrix: QrMatrix) -> str:
    """The QR code as text for a terminal: two rows per line with half blocks, dark
    modules drawn as spaces on a light block background so it scans on dark terminals."""
    lines: list[str] = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower = matrix[top + 1] if top + 1 < len(matrix) else [False] * len(upper)
        chars = []
        for up, down in zip(upper, lower, strict=True):
            if up and down:
                chars.append(" ")
            elif up:
                chars.append("\u2584")  # lower half light
            elif down:
                chars.append("\u2580")  # upper half light
            else:
                chars.append("\u2588")
        lines.append("".join(chars))
    return "\n".join(lines)


def loopback_warning(settings: Mapping[str, str]) -> str | None:
    """What to tell the person printing posters when the saved link leads nowhere off this
    computer, in the interface's language; None when the posters carry working codes (or
    no link at all)."""
    link = saved_link(settings)
    if link is None or link.reachable:
        return None
    return _(
        "Only this computer can open the saved link (127.0.0.1): the posters carry no QR "
        "code. Share on the room's Wi-Fi or this laptop's hotspot, then print them again."
    )
