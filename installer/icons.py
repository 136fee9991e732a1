"""The app icon, rendered from its SVG source for each platform's installer.

PNGs in the sizes desktops ask for (Linux's hicolor theme), a Windows ``.ico`` and a macOS
``.icns``. Both container formats hold PNG images, written here byte by byte, so the build
needs nothing beyond Qt's SVG renderer.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size (the @2x types reuse the larger images).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_pngs(svg: Path, out_dir: Path) -> dict[int, Path]:
    """Render ``svg`` to square PNGs named ``workshopdesk-<size>.png``; return them by size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a readable SVG image")
    out_dir.mkdir(parents=True, exist_ok=True)
    result: dict[int, Path] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"workshopdesk-{size}.png"
        if not image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        result[size] = path
    return result


def ico_bytes(pngs: dict[int, Path]) -> bytes:
    """A Windows icon with one PNG-compressed image per size (Windows Vista and later)."""
    images = [(size, pngs[size].read_bytes()) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        data += png
        offset += len(png)
    return header + entries + data


def icns_bytes(pngs: dict[int, Path]) -> bytes:
    """A macOS icon family with PNG entries (macOS 10.7 and later)."""
    body = b""
    for kind, size in ICNS_TYPES:
        png = pngs[size].read_bytes()
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_icons(svg: Path, out_dir: Path) -> dict[int, Path]:
    """All of it: the PNGs, ``workshopdesk.ico``, ``workshopdesk.icns`` and the SVG itself."""
    pngs = render_pngs(svg, out_dir)
    (out_dir / "workshopdesk.ico").write_bytes(ico_bytes(pngs))
    (out_dir / "workshopdesk.icns").write_bytes(icns_bytes(pngs))
    (out_dir / "workshopdesk.svg").write_bytes(svg.read_bytes())
    return pngs
