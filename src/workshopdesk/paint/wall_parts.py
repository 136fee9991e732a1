"""Small pieces every wall view shares: panels, swatches, marks, the progress line, the
timer box, the join corner and the "time is up" frame."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen

from workshopdesk.core.entities import Progress
from workshopdesk.core.participation import RoundStatus
from workshopdesk.core.timer import Phase
from workshopdesk.paint.themes import Theme
from workshopdesk.paint.wall_scene import Join, TimerFace
from workshopdesk.paint.wall_text import TextBlock, paint_line, tabular, text_width, wall_font
from workshopdesk.text import Translator, render, translator
from workshopdesk.text.language import ENGLISH
from workshopdesk.text.ui import N_

RADIUS = 14.0


def panel(
    painter: QPainter, rect: QRectF, theme: Theme, *, fill: str | None = None, edge: float = 2
) -> None:
    painter.setPen(QPen(QColor(theme.edge), edge) if edge > 0 else Qt.PenStyle.NoPen)
    painter.setBrush(QColor(fill or theme.surface))
    inset = edge / 2
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), RADIUS, RADIUS)


def swatch(painter: QPainter, center: QPointF, radius: float, color: str, theme: Theme) -> None:
    """A user's colour as a dot, ringed in the theme's text colour so it shows on any wall."""
    painter.setPen(QPen(QColor(theme.text), max(1.5, radius / 6)))
    painter.setBrush(QColor(color) if QColor(color).isValid() else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(center, radius, radius)


def check_mark(painter: QPainter, rect: QRectF, color: str) -> None:
    """A tick filling ``rect`` (solved)."""
    path = QPainterPath()
    path.moveTo(rect.left() + rect.width() * 0.12, rect.top() + rect.height() * 0.55)
    path.lineTo(rect.left() + rect.width() * 0.40, rect.top() + rect.height() * 0.82)
    path.lineTo(rect.left() + rect.width() * 0.90, rect.top() + rect.height() * 0.20)
    pen = QPen(QColor(color), max(2.0, rect.height() * 0.16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def open_mark(painter: QPainter, rect: QRectF, color: str) -> None:
    """A ring (not solved yet)."""
    width = max(2.0, rect.height() * 0.16)
    painter.setPen(QPen(QColor(color), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = rect.adjusted(width / 2 + 1, width / 2 + 1, -width / 2 - 1, -width / 2 - 1)
    painter.drawEllipse(inner)


def together_mark(painter: QPainter, rect: QRectF, color: str, background: str) -> None:
    """A tick on a filled disc filling ``rect``: solved by every team together."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(rect)
    inset = rect.height() * 0.2
    check_mark(painter, rect.adjusted(inset, inset, -inset, -inset), background)


def status_word(solved: bool, words: Translator, together: bool = False) -> str:
    """``Solved``, ``Unsolved``, or ``Solved together`` when every team is part of the
    agreed solution."""
    if solved and together:
        return words.gettext("Solved together")
    return words.gettext("Solved") if solved else words.gettext("Unsolved")


def status_mark(
    painter: QPainter,
    x: float,
    center_y: float,
    size: float,
    solved: bool,
    theme: Theme,
    words: Translator,
    together: bool = False,
) -> float:
    """The solved tick or the unsolved ring with its word; return the width used."""
    font = wall_font(size * 0.8, QFont.Weight.DemiBold)
    word = status_word(solved, words, together)
    color = theme.solved if solved else theme.unsolved
    box = QRectF(x, center_y - size / 2, size, size)
    (check_mark if solved else open_mark)(painter, box, color)
    width = text_width(word, font)
    paint_line(painter, word, font, color, QRectF(x + size * 1.25, box.top(), width + 4, size))
    return size * 1.25 + width


def status_mark_width(
    size: float, solved: bool, words: Translator, together: bool = False
) -> float:
    font = wall_font(size * 0.8, QFont.Weight.DemiBold)
    return size * 1.25 + text_width(status_word(solved, words, together), font)


def progress_line(
    painter: QPainter, rect: QRectF, progress: Progress, theme: Theme, words: Translator
) -> None:
    """ "7 of 10 problems have an agreed solution" in the room's language, as large as the
    band allows, and a bar under it."""
    rest = wall_font(rect.height() * 0.3, QFont.Weight.DemiBold)
    bar_height = rect.height() * 0.13
    text_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - bar_height * 2.2)
    if progress.total == 0:
        paint_line(
            painter, words.gettext("No problems on the wall yet"), rest, theme.muted, text_rect
        )
        return
    sentence = render(progress.message(), words)
    block = progress_block(sentence, text_rect, rect.height())
    top = text_rect.top() + (text_rect.height() - block.height) / 2
    block.paint(painter, text_rect.left(), top, theme.solved if progress.done else theme.text)
    bar = QRectF(rect.left(), rect.bottom() - bar_height, rect.width(), bar_height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.track))
    painter.drawRoundedRect(bar, bar_height / 2, bar_height / 2)
    if progress.solved:
        filled = QRectF(bar)
        filled.setWidth(max(bar_height, bar.width() * progress.solved / progress.total))
        painter.setBrush(QColor(theme.solved))
        painter.drawRoundedRect(filled, bar_height / 2, bar_height / 2)


def progress_block(sentence: str, rect: QRectF, band: float) -> TextBlock:
    """The progress sentence in ``rect`` as large as the ``band`` allows: on one line
    while it can stay at least 30 % of the band's height, else on two lines, else on one
    line down to 22 %; words are never cut."""
    for size in _sizes(band * 0.36, band * 0.30):
        font = wall_font(size, QFont.Weight.Bold)
        if text_width(sentence, font) <= rect.width():
            return TextBlock.of(sentence, font, rect.width())
    for size in _sizes(band * 0.36, band * 0.22):
        block = TextBlock.of(sentence, wall_font(size, QFont.Weight.Bold), rect.width())
        if len(block.lines) <= 2 and block.height <= rect.height() and _whole(block, sentence):
            return block
    for size in _sizes(band * 0.30, band * 0.16):
        font = wall_font(size, QFont.Weight.Bold)
        if text_width(sentence, font) <= rect.width():
            return TextBlock.of(sentence, font, rect.width())
    font = wall_font(band * 0.16, QFont.Weight.Bold)
    return TextBlock.of(sentence, font, rect.width(), max_lines=2)


def _sizes(largest: float, smallest: float) -> list[float]:
    """Pixel sizes from ``largest`` down to ``smallest``, a pixel apart."""
    return [largest - step for step in range(int(largest - smallest) + 1)]


def _whole(block: TextBlock, sentence: str) -> bool:
    """True when the block breaks ``sentence`` only between words."""
    return " ".join(block.lines).split() == sentence.split()


def timer_width(face: TimerFace, height: float, words: Translator) -> float:
    digits = tabular(wall_font(height * 0.62, QFont.Weight.Bold))
    if face.finished:
        up = words.gettext("Time's up")
        return text_width(up, wall_font(height * 0.42, QFont.Weight.Bold)) + height * 0.6
    return max(text_width(face.text, digits), text_width("00:00", digits)) + height * 0.6


def timer_box(
    painter: QPainter, rect: QRectF, face: TimerFace, theme: Theme, words: Translator
) -> None:
    """The countdown; paused shows a word under it; at zero an alarm-coloured "Time's up"."""
    if face.finished:
        panel(painter, rect, theme, fill=theme.alarm, edge=0)
        font = wall_font(rect.height() * 0.42, QFont.Weight.Bold)
        paint_line(
            painter,
            words.gettext("Time's up"),
            font,
            theme.alarm_text,
            rect,
            Qt.AlignmentFlag.AlignHCenter,
        )
        return
    panel(painter, rect, theme, edge=3)
    digits = tabular(wall_font(rect.height() * 0.62, QFont.Weight.Bold))
    if face.phase is Phase.PAUSED:
        upper = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.74)
        lower = QRectF(
            rect.left(), rect.top() + rect.height() * 0.62, rect.width(), rect.height() * 0.34
        )
        small = tabular(wall_font(rect.height() * 0.5, QFont.Weight.Bold))
        paint_line(painter, face.text, small, theme.muted, upper, Qt.AlignmentFlag.AlignHCenter)
        label = wall_font(rect.height() * 0.22, QFont.Weight.DemiBold)
        paused = words.pgettext("timer", "paused")
        paint_line(painter, paused, label, theme.muted, lower, Qt.AlignmentFlag.AlignHCenter)
        return
    paint_line(painter, face.text, digits, theme.text, rect, Qt.AlignmentFlag.AlignHCenter)


def qr_code(painter: QPainter, rect: QRectF, join: Join, theme: Theme) -> None:
    """The QR code, square and crisp (whole pixels per module), on a light panel. The
    image carries its own quiet zone (the sharing module's matrix includes it)."""
    side = min(rect.width(), rect.height())
    square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.qr_light))
    painter.drawRoundedRect(square, side * 0.03, side * 0.03)
    modules = max(1, join.qr.width())
    scale = painter.transform().m11() or 1.0
    module = side * scale / modules
    if module >= 1:  # snap to whole device pixels
        module = float(int(module))
    drawn = module * modules / scale
    target = QRectF(square.center().x() - drawn / 2, square.center().y() - drawn / 2, drawn, drawn)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(target, join.qr)
    painter.restore()


JOIN_LABEL = N_("Follow on your phone")
HEADER_CORNER = 132.0
"""The height of the corner when it holds words, not a code."""
CORNER_MODULE = 6.0
"""Design pixels per module of the corner code: 6 px at 1080p, so a 12 MP phone 12 m from
a 3 m wide image still sees two camera pixels per module."""
LOOPBACK_WORDS = N_("Only this computer can open this link")
LOOPBACK_HINT = N_("Share on the room's Wi-Fi or this laptop's hotspot")


def corner_side(join: Join) -> float:
    """The corner code's side in design pixels, quiet zone included (222 for a join URL)."""
    return max(1, join.qr.width()) * CORNER_MODULE


def _join_fonts() -> tuple[QFont, QFont, QFont]:
    return (
        wall_font(28, QFont.Weight.DemiBold),
        wall_font(40, QFont.Weight.Bold),
        wall_font(30, QFont.Weight.DemiBold),
    )


def join_corner(
    painter: QPainter,
    rect: QRectF,
    join: Join,
    theme: Theme,
    words: Translator,
    text_height: float = 0.0,
) -> None:
    """The QR code at the right of ``rect`` (as high as ``rect``), the URL beside it
    (address, then path) centred on the top ``text_height`` (the code's height when 0);
    for a link on this computer only, words instead of a code."""
    if not join.reachable:
        unreachable_box(painter, rect, theme, words)
        return
    side = rect.height()
    qr_code(painter, QRectF(rect.right() - side, rect.top(), side, side), join, theme)
    width = rect.width() - side - 24
    label_font, host_font, path_font = _join_fonts()
    host, path = url_parts(join.url)
    rows = [
        (words.gettext(JOIN_LABEL), label_font, theme.muted, 42.0),
        (host, host_font, theme.text, 54.0),
    ]
    if path:
        rows.append((path, path_font, theme.text, 42.0))
    y = rect.top() + ((text_height or side) - sum(r[3] for r in rows)) / 2
    for text, font, color, height in rows:
        box = QRectF(rect.left(), y, width, height)
        paint_line(painter, text, font, color, box, Qt.AlignmentFlag.AlignRight)
        y += height


def join_corner_width(join: Join, height: float, words: Translator) -> float:
    if not join.reachable:
        return unreachable_width(words)
    label_font, host_font, path_font = _join_fonts()
    host, path = url_parts(join.url)
    text = max(
        text_width(words.gettext(JOIN_LABEL), label_font),
        text_width(host, host_font),
        text_width(path, path_font),
    )
    return height + 24 + min(text + 4, 640)


def _unreachable_fonts() -> tuple[QFont, QFont]:
    return wall_font(30, QFont.Weight.Bold), wall_font(24, QFont.Weight.DemiBold)


def unreachable_width(words: Translator) -> float:
    big, small = _unreachable_fonts()
    return (
        max(
            text_width(words.gettext(LOOPBACK_WORDS), big),
            text_width(words.gettext(LOOPBACK_HINT), small),
        )
        + 56
    )


def unreachable_box(painter: QPainter, rect: QRectF, theme: Theme, words: Translator) -> None:
    """ "Only this computer can open this link": sharing listens on 127.0.0.1, so a code
    would lead every phone nowhere."""
    panel(painter, rect, theme, edge=3)
    big, small = _unreachable_fonts()
    inner = rect.adjusted(28, 0, -28, 0)
    middle = rect.center().y()
    paint_line(
        painter,
        words.gettext(LOOPBACK_WORDS),
        big,
        theme.unsolved,
        QRectF(inner.left(), middle - 46, inner.width(), 46),
    )
    paint_line(
        painter,
        words.gettext(LOOPBACK_HINT),
        small,
        theme.muted,
        QRectF(inner.left(), middle + 4, inner.width(), 38),
    )


def short_url(url: str) -> str:
    """The URL as people type it: without ``http://``."""
    for prefix in ("http://", "https://"):
        if url.lower().startswith(prefix):
            return url[len(prefix) :]
    return url


def url_parts(url: str) -> tuple[str, str]:
    """``("192.168.1.23:8765", "/J/TOKEN")``: a long URL in two lines that read well."""
    short = short_url(url)
    slash = short.find("/")
    if slash <= 0:
        return short, ""
    return short[:slash], short[slash:]


def alarm_frame(painter: QPainter, rect: QRectF, theme: Theme, on: bool) -> None:
    """A thick frame round the whole wall while time is up (blinking with ``on``)."""
    if not on:
        return
    width = 18.0
    painter.setPen(QPen(QBrush(QColor(theme.alarm)), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))


def round_words(status: RoundStatus, words: Translator | None = None) -> str:
    """ "Vote · 9 of 14 done": the round as the room sees it (in English by default)."""
    words = words or translator(ENGLISH)
    kind = words.pgettext("round", "Vote") if status.is_vote else words.gettext("Writing")
    done = words.gettext("{done} of {joined} done").format(done=status.done, joined=status.joined)
    return f"{kind}  ·  {done}"


def round_width(status: RoundStatus, height: float, words: Translator) -> float:
    font = wall_font(height * 0.36, QFont.Weight.Bold)
    return text_width(round_words(status, words), font) + height


def round_box(
    painter: QPainter, rect: QRectF, status: RoundStatus, theme: Theme, words: Translator
) -> None:
    """The open round in the wall's header: its kind and how many phones are done."""
    panel(painter, rect, theme, edge=2)
    font = wall_font(rect.height() * 0.36, QFont.Weight.Bold)
    inner = rect.adjusted(rect.height() * 0.45, 0, -rect.height() * 0.45, 0)
    paint_line(
        painter, round_words(status, words), font, theme.text, inner, Qt.AlignmentFlag.AlignCenter
    )
