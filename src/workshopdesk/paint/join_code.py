"""The codes phones join with, as the wall shows them: the board's link and the room's
Wi-Fi, each as a QR code image (one pixel per module, quiet zone included)."""

from __future__ import annotations

from workshopdesk.core.share_link import WifiNetwork
from workshopdesk.links import qr_matrix, wifi_text
from workshopdesk.paint.qr import qr_image
from workshopdesk.paint.wall_scene import Join, WifiCode


def room_join(url: str, wifi: WifiNetwork | None = None) -> Join:
    """The join URL with its QR code, and the Wi-Fi's code when the network is named."""
    code = None
    if wifi is not None and wifi.name:
        text = wifi_text(wifi.name, wifi.password, wifi.security)
        code = WifiCode(wifi.name, wifi.password, qr_image(qr_matrix(text)))
    return Join(url, qr_image(qr_matrix(url)), code)
