"""The shipped font family (Inter), registered once per process, so the window, the
wall, PDFs and screenshots look the same on every machine."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from workshopdesk.resources import resource

FAMILY = "Inter"
FILES = ("Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf")


@cache
def register_fonts() -> str:
    """Register the shipped fonts (needs a QGuiApplication); return the family name."""
    for name in FILES:
        path = resource("fonts", name)
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise RuntimeError(f"cannot load the font {path}")
    return FAMILY


def font(point_size: float = 10.0, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    result = QFont(register_fonts())
    result.setPointSizeF(point_size)
    result.setWeight(weight)
    return result


def pixel_font(pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    result = QFont(register_fonts())
    result.setPixelSize(pixel_size)
    result.setWeight(weight)
    return result
