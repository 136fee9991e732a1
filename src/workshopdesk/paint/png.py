"""The wall as an image (PNG, 1920×1080), from the wall's shared painter.

When sharing has been set up, the join QR code is on it, as on the projector.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize

from workshopdesk.core.workshop import Workshop
from workshopdesk.links import saved_link
from workshopdesk.paint.qt_app import ensure_gui_app

WIDTH, HEIGHT = 1920, 1080


def render(ws: Workshop, settings: Mapping[str, str]) -> bytes:
    ensure_gui_app()
    from workshopdesk.paint.join_code import room_join
    from workshopdesk.paint.wall import WallScene, render_wall

    link = saved_link(settings)
    join = None if link is None else room_join(link.url)
    image = render_wall(WallScene(ws, join=join), QSize(WIDTH, HEIGHT))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload,unused-ignore]
    buffer.close()
    return bytes(data.data())
