"""The join screen: the board's QR code as big as the screen allows, for the back row.

With the room's Wi-Fi named in the Share panel, two steps side by side: (1) the Wi-Fi's
code (phones join the network; its name and password in large type for those who type)
and (2) the board's code. Each code is over half the screen's height. A link on this
computer only (127.0.0.1) gets no code at all: the screen says why phones cannot join.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from workshopdesk.paint.themes import Theme
from workshopdesk.paint.wall_parts import LOOPBACK_HINT, LOOPBACK_WORDS, qr_code, short_url
from workshopdesk.paint.wall_scene import Join, WallScene
from workshopdesk.paint.wall_text import TextBlock, paint_line, text_width, wall_font
from workshopdesk.text import Translator
from workshopdesk.text.ui import N_

EDGE = 40.0
HEADING = 72.0
CAPTION = 84.0
HINT = 52.0
GAP = 16.0
HOW_TO = N_("Point your phone's camera at the code")
NO_APP = N_("no app, no account")


def paint_join(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    join = scene.join
    if join is None:
        return
    if not join.reachable:
        _paint_unreachable(painter, rect, join, scene.theme, scene.words)
    elif join.wifi is None:
        _paint_board_only(painter, rect, join, scene.theme, scene.words)
    else:
        _paint_two_steps(painter, rect, join, scene.theme, scene.words)


def code_side(rect: QRectF, codes: int = 1) -> float:
    """The side of each of ``codes`` codes side by side (quiet zone included) on a screen
    of ``rect``: as tall as the captions leave room for, and never wider than its share."""
    tall = rect.height() - 2 * EDGE - HEADING - 2 * GAP - CAPTION - HINT
    return max(1.0, min(tall, rect.width() / codes - 2 * EDGE))


def _paint_board_only(
    painter: QPainter, rect: QRectF, join: Join, theme: Theme, words: Translator
) -> None:
    top = rect.top() + EDGE
    heading = wall_font(56, QFont.Weight.Bold)
    paint_line(
        painter,
        words.gettext("Follow the board on your phone"),
        heading,
        theme.text,
        QRectF(rect.left(), top, rect.width(), HEADING),
        Qt.AlignmentFlag.AlignHCenter,
    )
    side = code_side(rect)
    square = QRectF(rect.center().x() - side / 2, top + HEADING + GAP, side, side)
    qr_code(painter, square, join, theme)
    below = QRectF(rect.left() + EDGE, square.bottom() + GAP, rect.width() - 2 * EDGE, CAPTION)
    _big_line(painter, short_url(join.url), below, theme.text, 72)
    how_to = f"{words.gettext(HOW_TO)}  ·  {words.gettext(NO_APP)}"
    _hint(painter, how_to, QRectF(rect.left(), below.bottom(), rect.width(), HINT), theme)


def _paint_two_steps(
    painter: QPainter, rect: QRectF, join: Join, theme: Theme, words: Translator
) -> None:
    wifi = join.wifi
    assert wifi is not None
    side = code_side(rect, 2)
    top = rect.top() + EDGE
    half = rect.width() / 2
    step_font = wall_font(52, QFont.Weight.Bold)
    for index, (title, code, lines) in enumerate(
        (
            (
                "1  " + words.gettext("Join the Wi-Fi"),
                Join(join.url, wifi.qr),
                [
                    wifi.name,
                    words.gettext("Password  {password}").format(password=wifi.password)
                    if wifi.password
                    else words.gettext("No password"),
                ],
            ),
            (
                "2  " + words.gettext("Open the board"),
                join,
                [short_url(join.url), words.gettext(NO_APP)],
            ),
        )
    ):
        column = QRectF(rect.left() + index * half, top, half, rect.height() - 2 * EDGE)
        paint_line(
            painter,
            title,
            step_font,
            theme.text,
            QRectF(column.left(), top, column.width(), HEADING),
            Qt.AlignmentFlag.AlignHCenter,
        )
        square = QRectF(column.center().x() - side / 2, top + HEADING + GAP, side, side)
        qr_code(painter, square, code, theme)
        below = QRectF(column.left() + 24, square.bottom() + GAP, column.width() - 48, CAPTION)
        _big_line(painter, lines[0], below, theme.text, 60)
        hint_rect = QRectF(column.left() + 24, below.bottom(), column.width() - 48, HINT)
        if index == 0 and wifi.password:
            _big_line(painter, lines[1], hint_rect, theme.text, 40)
        else:
            _hint(painter, lines[1], hint_rect, theme)
    painter.setPen(QPen(QColor(theme.edge), 3))
    middle = rect.left() + half
    painter.drawLine(QPointF(middle, top + HEADING + GAP), QPointF(middle, top + HEADING + side))


def _paint_unreachable(
    painter: QPainter, rect: QRectF, join: Join, theme: Theme, words: Translator
) -> None:
    """No code: sharing listens on this computer only, so no phone could open it."""
    width = rect.width() - 4 * EDGE
    big = TextBlock.of(words.gettext(LOOPBACK_WORDS), wall_font(84, QFont.Weight.Bold), width)
    hint_text = words.gettext("{hint}, then phones can join.").format(
        hint=words.gettext(LOOPBACK_HINT)
    )
    hint = TextBlock.of(hint_text, wall_font(44, QFont.Weight.DemiBold), width)
    url_font = wall_font(36, QFont.Weight.DemiBold)
    total = big.height + 40 + hint.height + 40 + 50
    y = rect.center().y() - total / 2
    for block, color in ((big, theme.unsolved), (hint, theme.text)):
        for line in block.lines:
            line_rect = QRectF(rect.left(), y, rect.width(), block.line_height)
            paint_line(painter, line, block.font, color, line_rect, Qt.AlignmentFlag.AlignHCenter)
            y += block.line_height
        y += 40
    paint_line(
        painter,
        short_url(join.url),
        url_font,
        theme.muted,
        QRectF(rect.left(), y, rect.width(), 50),
        Qt.AlignmentFlag.AlignHCenter,
    )


def _big_line(painter: QPainter, text: str, rect: QRectF, color: str, size: float) -> None:
    """One line as large as ``size`` allows within ``rect`` (down to half of it)."""
    smallest = size / 2
    while size > smallest and text_width(text, wall_font(size, QFont.Weight.Bold)) > rect.width():
        size -= 2
    font = wall_font(size, QFont.Weight.Bold)
    paint_line(painter, text, font, color, rect, Qt.AlignmentFlag.AlignHCenter)


def _hint(painter: QPainter, text: str, rect: QRectF, theme: Theme) -> None:
    font = wall_font(32, QFont.Weight.DemiBold)
    paint_line(painter, text, font, theme.muted, rect, Qt.AlignmentFlag.AlignHCenter)
