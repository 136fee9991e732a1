"""Wrapped text for the wall: long titles wrap, never get cut mid-word (unless a single word
is wider than the space), and a block knows its height before it is painted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from workshopdesk.paint.fonts import pixel_font

ELLIPSIS = "…"


def wall_font(pixels: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """Inter at ``pixels`` high (em size), at least one pixel."""
    return pixel_font(max(1, round(pixels)), weight)


def tabular(font: QFont) -> QFont:
    """The same font with digits of equal width (a countdown that does not jiggle)."""
    result = QFont(font)
    result.setFeature(QFont.Tag("tnum"), 1)
    return result


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """Lines of ``text`` that fit ``width``; newlines start new lines."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            start = line.textStart()
            lines.append(paragraph[start : start + line.textLength()].rstrip())
        layout.endLayout()
    return lines


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Lines in one font, ready to paint."""

    lines: tuple[str, ...]
    font: QFont
    line_height: float

    @classmethod
    def of(
        cls,
        text: str,
        font: QFont,
        width: float,
        *,
        max_lines: int | None = None,
        spacing: float = 1.0,
    ) -> TextBlock:
        metrics = QFontMetricsF(font)
        lines = wrap(text, font, width)
        while lines and not lines[-1]:
            lines.pop()
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[: max(0, max_lines)]
            if lines:
                lines[-1] = metrics.elidedText(
                    lines[-1] + " " + ELLIPSIS, Qt.TextElideMode.ElideRight, width
                )
                if not lines[-1].endswith(ELLIPSIS):
                    lines[-1] = lines[-1].rstrip() + ELLIPSIS
        return cls(tuple(lines), font, metrics.height() * spacing)

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height

    def fitting(self, height: float) -> TextBlock:
        """At most as many lines as fit ``height``; the last one ends in an ellipsis."""
        count = int(height // self.line_height) if self.line_height > 0 else 0
        if count >= len(self.lines):
            return self
        lines = list(self.lines[:count])
        if lines:
            lines[-1] = lines[-1].rstrip(" .,;:") + ELLIPSIS
        return TextBlock(tuple(lines), self.font, self.line_height)

    def paint(self, painter: QPainter, x: float, y: float, color: str | QColor) -> float:
        """Paint from the top-left ``(x, y)``; return the y below the block."""
        painter.setFont(self.font)
        painter.setPen(QColor(color))
        ascent = QFontMetricsF(self.font).ascent()
        extra = self.line_height - QFontMetricsF(self.font).height()
        for index, line in enumerate(self.lines):
            baseline = y + index * self.line_height + extra / 2 + ascent
            painter.drawText(QPointF(x, baseline), line)
        return y + self.height


def text_width(text: str, font: QFont) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


def shrunk(text: str, size: float, smallest: float, width: float, weight: QFont.Weight) -> QFont:
    """The font for ``text`` on one line ``width`` wide: ``size`` pixels, smaller down to
    ``smallest`` when longer words need the room (below that the line is elided)."""
    while size > smallest and text_width(text, wall_font(size, weight)) > width:
        size -= 1
    return wall_font(size, weight)


def paint_line(
    painter: QPainter,
    text: str,
    font: QFont,
    color: str | QColor,
    rect: QRectF,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """One line in ``rect``, vertically centred, elided if it does not fit."""
    painter.setFont(font)
    painter.setPen(QColor(color))
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)


def fitted(
    texts: Sequence[tuple[str, float, QFont.Weight]],
    width: float,
    height: float,
    *,
    minimum: float = 0.6,
    spacing: float = 1.0,
) -> list[TextBlock]:
    """Blocks for several texts at their preferred pixel sizes, all scaled down together
    (never below ``minimum`` of the preferred size) until they fit ``height``."""
    scale = 1.0
    while True:
        blocks = [
            TextBlock.of(text, wall_font(size * scale, weight), width, spacing=spacing)
            for text, size, weight in texts
        ]
        if sum(b.height for b in blocks) <= height or scale <= minimum:
            return blocks
        scale = max(minimum, scale - 0.05)
