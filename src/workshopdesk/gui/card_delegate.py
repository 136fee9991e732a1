"""Painting a problem card: one layout computed the same way for size and paint, so a
title is never cut and cards never overlap, at any zoom or screen scale."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from workshopdesk.gui import style
from workshopdesk.gui.card_model import Card, CardRole
from workshopdesk.paint.fonts import pixel_font
from workshopdesk.text.ui import ngettext

AnyIndex = QModelIndex | QPersistentModelIndex

GAP = 10
"""Space below each card (logical pixels at zoom 1)."""
MARGIN = 3
"""Room around a card's picture for its focus ring."""
INACTIVE_BORDER = "#7d8699"
"""The edge of a column's current card while the keyboard is elsewhere."""
PIXMAP_CACHE = 96
"""Card pictures kept for repainting (a screenful or two)."""
SCROLLBAR_ROOM = 12
"""Kept free at the right of a column for its scroll bar."""


@dataclass
class Fonts:
    title: QFont
    meta: QFont
    chip: QFont

    @staticmethod
    def at(zoom: float) -> Fonts:
        return Fonts(
            title=pixel_font(round(16 * zoom), QFont.Weight.DemiBold),
            meta=pixel_font(round(12.5 * zoom)),
            chip=pixel_font(round(12 * zoom), QFont.Weight.Medium),
        )


@dataclass
class CardLayout:
    """Where everything on one card goes, relative to the card's top-left corner."""

    width: float
    height: float = 0.0
    meta: QRectF = field(default_factory=QRectF)
    pill: QRectF = field(default_factory=QRectF)
    pill_text: str = ""
    title: QRectF = field(default_factory=QRectF)
    title_lines: list[tuple[QPointF, str]] = field(default_factory=list)
    chips: list[tuple[QRectF, str, str]] = field(default_factory=list)
    tags: list[tuple[QRectF, str]] = field(default_factory=list)
    footer: QRectF = field(default_factory=QRectF)
    footer_text: str = ""


def wrap(text: str, font: QFont, width: float) -> tuple[list[tuple[QPointF, str]], float]:
    """Lines of ``text`` wrapped to ``width`` (at words, or anywhere for a long word):
    each line's top-left and text, and the total height."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[tuple[QPointF, str]] = []
    y = 0.0
    leading = QFontMetricsF(font).leading()
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((QPointF(0, y), text[line.textStart() : line.textStart() + line.textLength()]))
        y += line.height() + max(leading, 0.0)
    layout.endLayout()
    return lines, y


def flow(
    items: list[tuple[str, float]], width: float, height: float, gap: float
) -> tuple[list[QRectF], float]:
    """Place boxes of given widths left to right, wrapping; return rects and total height."""
    rects: list[QRectF] = []
    x = y = 0.0
    for _item, w in items:
        w = min(w, width)
        if x > 0 and x + w > width:
            x, y = 0.0, y + height + gap
        rects.append(QRectF(x, y, w, height))
        x += w + gap
    return rects, (y + height if items else 0.0)


def card_layout(card: Card, width: float, zoom: float, fonts: Fonts) -> CardLayout:
    z = zoom
    pad = 14 * z
    inner = max(width - 2 * pad, 40.0)
    out = CardLayout(width=width)
    meta_fm = QFontMetricsF(fonts.meta)
    chip_fm = QFontMetricsF(fonts.chip)
    y = pad

    out.pill_text = card.pill()
    icon = 14 * z
    pill_w = chip_fm.horizontalAdvance(out.pill_text) + icon + 18 * z
    pill_h = chip_fm.height() + 6 * z
    out.pill = QRectF(pad + inner - pill_w, y, pill_w, pill_h)
    out.meta = QRectF(pad, y, max(inner - pill_w - 8 * z, 0.0), pill_h)
    y += max(pill_h, meta_fm.height()) + 8 * z

    lines, title_h = wrap(card.problem.title, fonts.title, inner)
    out.title = QRectF(pad, y, inner, title_h)
    out.title_lines = [(QPointF(pad + p.x(), y + p.y()), text) for p, text in lines]
    y += title_h

    if card.teams:
        y += 10 * z
        chip_h = chip_fm.height() + 8 * z
        widths = [(name, chip_fm.horizontalAdvance(name) + 26 * z) for name, _colour in card.teams]
        rects, h = flow(widths, inner, chip_h, 6 * z)
        out.chips = [
            (r.translated(pad, y), name, colour)
            for r, (name, colour) in zip(rects, card.teams, strict=True)
        ]
        y += h

    if card.problem.tags:
        y += 8 * z
        texts = [f"#{tag}" for tag in card.problem.tags]
        widths = [(t, meta_fm.horizontalAdvance(t)) for t in texts]
        rects, h = flow(widths, inner, meta_fm.height(), 10 * z)
        out.tags = [(r.translated(pad, y), t) for r, t in zip(rects, texts, strict=True)]
        y += h - 2 * z

    y += 12 * z
    parts = [ngettext("{n} solution", "{n} solutions", card.solutions).format(n=card.solutions)]
    if card.votes:
        parts.append(ngettext("{n} vote", "{n} votes", card.votes).format(n=card.votes))
    out.footer_text = "   ·   ".join(parts)
    out.footer = QRectF(pad, y, inner, meta_fm.height())
    y += meta_fm.height() + pad
    out.height = y
    return out


class CardDelegate(QStyledItemDelegate):
    def __init__(self, view: QWidget, zoom: float = 1.0) -> None:
        super().__init__(view)
        self._view = view
        self.set_zoom(zoom)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.fonts = Fonts.at(zoom)
        self._layouts: dict[str, tuple[Card, float, CardLayout]] = {}
        self._pixmaps: OrderedDict[tuple[object, ...], tuple[Card, QPixmap]] = OrderedDict()

    def card_width(self) -> float:
        """The same whether or not the column's scroll bar shows (room is kept for it),
        so showing the scroll bar never re-wraps a title after its row was sized."""
        frame = self._view.frameWidth() if hasattr(self._view, "frameWidth") else 0
        return float(max(self._view.width() - 2 * frame - SCROLLBAR_ROOM - 4, 120))

    def layout_for(self, index: AnyIndex) -> CardLayout | None:
        card = index.data(CardRole)
        if not isinstance(card, Card):
            return None
        width = self.card_width()
        cached = self._layouts.get(card.problem.id)
        if cached is not None and cached[1] == width and (cached[0] is card or cached[0] == card):
            return cached[2]
        layout = card_layout(card, width, self.zoom, self.fonts)
        self._layouts[card.problem.id] = (card, width, layout)
        return layout

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        layout = self.layout_for(index)
        if layout is None:
            return QSize(0, 0)
        return QSize(int(layout.width), int(layout.height + GAP * self.zoom + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        layout = self.layout_for(index)
        if layout is None:
            return
        card: Card = index.data(CardRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = selected and self._view.hasFocus()
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (card.problem.id, layout.width, selected, focused, hovered, ratio, self.zoom)
        cached = self._pixmaps.get(key)
        if cached is None or cached[0] != card:
            cached = (card, self._render(card, layout, selected, focused, hovered, ratio))
            self._pixmaps[key] = cached
            while len(self._pixmaps) > PIXMAP_CACHE:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(
            QPointF(option.rect.left() + 2 - MARGIN, option.rect.top() + 1 - MARGIN), cached[1]
        )

    def _render(
        self,
        card: Card,
        layout: CardLayout,
        selected: bool,
        focused: bool,
        hovered: bool,
        ratio: float,
    ) -> QPixmap:
        """The card as a picture (cached: repainting a board only copies pictures)."""
        size = QSizeF(layout.width + 2 * MARGIN, layout.height + 2 * MARGIN) * ratio
        pixmap = QPixmap(size.toSize() + QSize(1, 1))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.translate(MARGIN, MARGIN)
        self._paint_card(painter, card, layout, selected, focused, hovered)
        painter.end()
        return pixmap

    def _paint_card(
        self,
        painter: QPainter,
        card: Card,
        layout: CardLayout,
        selected: bool,
        focused: bool,
        hovered: bool,
    ) -> None:
        z = self.zoom
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        body = QRectF(0, 0, layout.width, layout.height)
        radius = 10 * z

        # body and border in one stroke (cheap to repaint), then the colour tag
        # Only the card with the keyboard focus wears the accent, so the board shows one focus
        # ring at a time; a column's current card without the focus is only darker-edged.
        if focused:
            border, width = QColor(style.ACCENT), 2.0 * z
        elif selected:
            border, width = QColor(INACTIVE_BORDER), 1.5 * z
        else:
            border, width = QColor("#b4bccb" if hovered else style.CARD_BORDER), 1.0 * z
        inset = width / 2
        painter.setPen(QPen(border, width))
        painter.setBrush(QColor(style.CARD_BG))
        painter.drawRoundedRect(body.adjusted(inset, inset, -inset, -inset), radius, radius)
        if card.problem.color:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(card.problem.color))
            tag = QRectF(4 * z, 12 * z, 4 * z, max(layout.height - 24 * z, 8 * z))
            painter.drawRoundedRect(tag, 2 * z, 2 * z)
        if focused:
            ring = QColor(style.ACCENT)
            ring.setAlphaF(0.25)
            painter.setPen(QPen(ring, 3 * z))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(-1, -1, 1, 1), radius + 1, radius + 1)

        # meta line: number and customer
        painter.setFont(self.fonts.meta)
        painter.setPen(QColor(style.MUTED))
        meta = f"#{card.problem.number}"
        if card.problem.customer:
            meta += f"  ·  {card.problem.customer}"
        metrics = QFontMetricsF(self.fonts.meta)
        painter.drawText(
            layout.meta,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(meta, Qt.TextElideMode.ElideRight, layout.meta.width()),
        )
        self._paint_pill(painter, layout, card.agreed, bool(card.together))

        # title
        painter.setFont(self.fonts.title)
        painter.setPen(QColor(style.TEXT))
        title_fm = QFontMetricsF(self.fonts.title)
        for point, text in layout.title_lines:
            painter.drawText(QPointF(point.x(), point.y() + title_fm.ascent()), text.rstrip())

        # team chips
        painter.setFont(self.fonts.chip)
        chip_fm = QFontMetricsF(self.fonts.chip)
        for rect, name, colour in layout.chips:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.qcolor(colour or style.FAINT, 0.16))
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            dot = 8 * z
            painter.setBrush(QColor(colour or style.FAINT))
            painter.drawEllipse(QRectF(rect.left() + 9 * z, rect.center().y() - dot / 2, dot, dot))
            painter.setPen(QColor(style.TEXT))
            text_rect = rect.adjusted(21 * z, 0, -5 * z, 0)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                chip_fm.elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width()),
            )

        # tags
        painter.setFont(self.fonts.meta)
        painter.setPen(QColor(style.ACCENT))
        for rect, text in layout.tags:
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
            )

        # footer
        painter.setPen(QColor(style.MUTED))
        painter.drawText(
            layout.footer,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            layout.footer_text,
        )
        painter.restore()

    def _paint_pill(
        self, painter: QPainter, layout: CardLayout, agreed: bool, together: bool
    ) -> None:
        """Agreed (a tick) or not yet (a ring); agreed by every team stands out in solid
        green."""
        z = self.zoom
        rect = layout.pill
        fg = QColor(style.AGREED if agreed else style.OPEN)
        bg = QColor(style.AGREED_BG if agreed else style.OPEN_BG)
        if together:
            fg, bg = QColor(style.AGREED_BG), QColor(style.AGREED)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        cx, cy = rect.left() + 14 * z, rect.center().y()
        if agreed:
            tick = QPainterPath(QPointF(cx - 4.5 * z, cy))
            tick.lineTo(QPointF(cx - 1.5 * z, cy + 3 * z))
            tick.lineTo(QPointF(cx + 4.5 * z, cy - 3.5 * z))
            pen = QPen(fg, 2 * z)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
        else:
            painter.setPen(QPen(fg, 1.8 * z))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            r = 4 * z
            painter.drawEllipse(QPointF(cx, cy), r, r)
        painter.setFont(self.fonts.chip)
        painter.setPen(fg)
        painter.drawText(
            rect.adjusted(23 * z, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            layout.pill_text,
        )
