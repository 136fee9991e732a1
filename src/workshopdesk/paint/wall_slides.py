"""The opening slide: the shared goal and the ground rules (the join screen is in
``wall_join.py``)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from workshopdesk.core.entities import WorkshopInfo
from workshopdesk.paint.wall_parts import (
    HEADER_CORNER,
    corner_side,
    join_corner,
    join_corner_width,
    timer_box,
    timer_width,
)
from workshopdesk.paint.wall_scene import MARGIN, WallScene
from workshopdesk.paint.wall_text import TextBlock, fitted, paint_line, shrunk, wall_font
from workshopdesk.text import Translator
from workshopdesk.text.language import PSEUDO

SIDE = 96.0


def paint_rules(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    theme, info = scene.theme, scene.workshop.info
    left, right = rect.left() + SIDE, rect.right() - SIDE
    top = rect.top() + MARGIN + 16
    strip = 88.0
    face = scene.timer_face
    title_right = right
    corner_bottom = top
    if scene.join is not None:  # people arrive: the best moment to join on the phone
        corner = corner_side(scene.join) if scene.join.reachable else HEADER_CORNER
        width = join_corner_width(scene.join, corner, scene.words)
        box = QRectF(right - width, top - 22, width, corner)
        join_corner(painter, box, scene.join, theme, scene.words)
        corner_bottom = top - 22 + corner
        title_right -= width + 40
        right_of_timer = title_right
    else:
        right_of_timer = right
    if face is not None:
        width = timer_width(face, strip, scene.words)
        box = QRectF(right_of_timer - width, top, width, strip)
        timer_box(painter, box, face, theme, scene.words)
        title_right -= width + 40
    title_font = shrunk(info.title, 40, 30, title_right - left, QFont.Weight.DemiBold)
    paint_line(
        painter, info.title, title_font, theme.muted, QRectF(left, top, title_right - left, strip)
    )

    footer = _footer(info, scene.words)
    bottom = rect.bottom() - MARGIN - (56 if footer else 0)
    body_top = max(top + strip + (72 if scene.join is not None else 56), corner_bottom + 32)
    gap = 120.0
    if not any(rule.strip() for rule in info.ground_rules):  # the goal alone, full width
        _paint_goal(painter, QRectF(left, body_top, right - left, bottom - body_top), scene)
    else:
        goal_width = (right - left - gap) * 0.56
        rules_left = left + goal_width + gap
        _paint_goal(painter, QRectF(left, body_top, goal_width, bottom - body_top), scene)
        painter.setPen(QPen(QColor(theme.edge), 3))
        divider = left + goal_width + gap / 2
        painter.drawLine(QPointF(divider, body_top + 8), QPointF(divider, bottom - 24))
        _paint_ground_rules(
            painter, QRectF(rules_left, body_top, right - rules_left, bottom - body_top), scene
        )
    if footer:
        font = shrunk(footer, 30, 24, right - left, QFont.Weight.DemiBold)
        paint_line(painter, footer, font, theme.muted, QRectF(left, bottom + 8, right - left, 48))


def _paint_goal(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    theme, info = scene.theme, scene.workshop.info
    label_font = wall_font(32, QFont.Weight.Bold)
    paint_line(
        painter,
        scene.words.gettext("Our shared goal"),
        label_font,
        theme.solved,
        QRectF(rect.left(), rect.top(), rect.width(), 44),
    )
    y = rect.top() + 72
    goal = info.goal.strip() or scene.words.gettext(
        "Every problem on the wall leaves with at least one solution."
    )
    paragraphs = [p.strip() for p in goal.split("\n\n") if p.strip()]
    texts = [(paragraphs[0], 64.0, QFont.Weight.Bold)]
    if len(paragraphs) > 1:
        texts.append(("\n\n".join(paragraphs[1:]), 36.0, QFont.Weight.Normal))
    blocks = fitted(texts, rect.width(), rect.bottom() - y - 36, minimum=0.6, spacing=1.12)
    for index, block in enumerate(blocks):
        block = block.fitting(rect.bottom() - y)
        y = block.paint(painter, rect.left(), y, theme.text) + (36 if index == 0 else 0)


def _paint_ground_rules(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    theme, rules = scene.theme, [r for r in scene.workshop.info.ground_rules if r.strip()]
    label_font = wall_font(32, QFont.Weight.Bold)
    paint_line(
        painter,
        scene.words.gettext("Ground rules"),
        label_font,
        theme.solved,
        QRectF(rect.left(), rect.top(), rect.width(), 44),
    )
    y = rect.top() + 72
    if not rules:
        return
    badge = 72.0
    text_left = rect.left() + badge + 32
    text_width_available = rect.right() - text_left
    scale = 1.0
    while True:
        blocks = [
            TextBlock.of(
                rule,
                wall_font(52 * scale, QFont.Weight.DemiBold),
                text_width_available,
                spacing=1.05,
            )
            for rule in rules
        ]
        gap = 44 * scale
        needed = sum(max(b.height, badge * scale) for b in blocks) + gap * (len(blocks) - 1)
        if needed <= rect.bottom() - y or scale <= 0.6:
            break
        scale -= 0.05
    size = badge * scale
    number_font = wall_font(36 * scale, QFont.Weight.Bold)
    for number, block in enumerate(blocks, start=1):
        if y >= rect.bottom():
            break
        block = block.fitting(rect.bottom() - y)
        circle = QRectF(rect.left(), y + max(0.0, (block.line_height - size) / 2), size, size)
        painter.setPen(QPen(QColor(theme.solved), 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle.adjusted(2, 2, -2, -2))
        paint_line(
            painter, str(number), number_font, theme.text, circle, Qt.AlignmentFlag.AlignHCenter
        )
        end = block.paint(painter, rect.left() + size + 32, y, theme.text)
        y = max(end, circle.bottom()) + gap


def _footer(info: WorkshopInfo, words: Translator) -> str:
    parts = [info.venue.strip()] if info.venue.strip() else []
    when = _when(info.starts_at, info.ends_at, words)
    if when:
        parts.append(when)
    if info.facilitator.strip():
        facilitated = words.gettext("Facilitated by {name}")
        parts.append(facilitated.format(name=info.facilitator.strip()))
    return "   ·   ".join(parts)


def _when(starts_at: str | None, ends_at: str | None, words: Translator) -> str:
    try:
        start = datetime.fromisoformat(starts_at) if starts_at else None
        end = datetime.fromisoformat(ends_at) if ends_at else None
    except ValueError:
        return ""
    if start is None:
        return ""
    text = f"{_day(start, words)} {_clock(start, words)}"
    if end is not None:
        same_day = end.date() == start.date()
        later = _clock(end, words) if same_day else f" {_day(end, words)} {_clock(end, words)}"
        text += f"–{later}" if same_day else f" –{later}"
    return text


def _day(value: datetime, words: Translator) -> str:
    """The day and month as the room's language writes them: "11 February", "11 februari"."""
    from babel.dates import format_skeleton

    return _marked(format_skeleton("dMMMM", value, locale=words.locale), words)


def _clock(value: datetime, words: Translator) -> str:
    """A time of day on the 24-hour clock: "09:00"."""
    from babel.dates import format_skeleton

    return _marked(format_skeleton("Hm", value, locale=words.locale), words)


def _marked(text: str, words: Translator) -> str:
    """A formatted date in the pseudo-language is marked as translated, like any text."""
    if words.language != PSEUDO:
        return text
    from workshopdesk.text.pseudo import pseudo

    return pseudo(text)
