"""Posters for the walls: one page per problem (A4, A3 or Letter PDF), drawn with QPainter.

The title is large enough to read across a room, the problem number larger still, and a
QR code (error correction Q, 12.5 cm wide on A4 and Letter, 17 cm on A3) opens that problem's page
on a phone, with its address printed under it. The address comes from the saved sharing
settings; without them the poster shows the number only and says why. The words on a
poster are in the workshop's language (or the one given).
"""

from __future__ import annotations

from collections.abc import Mapping

import qrcode
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
)
from qrcode.constants import ERROR_CORRECT_Q

from workshopdesk.core.entities import Problem
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import Names, report_problems, room_language
from workshopdesk.links import QUIET_ZONE, JoinLink, saved_link
from workshopdesk.paint.fonts import pixel_font
from workshopdesk.paint.qt_app import ensure_gui_app
from workshopdesk.text import Translator
from workshopdesk.text.ui import N_

PAPERS = {
    "a4": (QPageSize.PageSizeId.A4, 125.0),
    "a3": (QPageSize.PageSizeId.A3, 170.0),
    "letter": (QPageSize.PageSizeId.Letter, 125.0),
}
"""Paper size and the QR code's printed width in millimetres (the code itself; its white
quiet zone is added around it)."""

RESOLUTION = 300
MASK = 2
"""A fixed QR mask pattern: any of the eight is valid; trying all eight to pick the best
takes most of the time of a thousand posters."""
INK = QColor("#1d2330")
MUTED = QColor("#5b6475")
ACCENT = QColor("#2f5fb3")

NO_LINK_REASON = N_(
    "No QR code on this poster: sharing to phones has not been set up for this workshop "
    "yet. Turn on Share to phones once in the window (or run “workshopdesk serve”), "
    "then print the posters again."
)


LOOPBACK_REASON = N_(
    "Only this computer can open this link: sharing to phones was last turned on for "
    "this computer alone (127.0.0.1), so no QR code is printed. Share on the room's Wi-Fi "
    "or this laptop's hotspot in the window (or “workshopdesk serve”), then print again."
)


def qr_modules(text: str) -> list[list[bool]]:
    """The QR code for ``text`` with error correction Q (a poster gets scuffed and
    photographed at an angle), quiet zone included."""
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_Q, border=QUIET_ZONE, box_size=1, mask_pattern=MASK
    )
    code.add_data(text)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def draw_qr(painter: QPainter, modules: list[list[bool]], rect: QRectF) -> None:
    """Dark modules as one filled path of horizontal runs (one PDF path, crisp at any
    zoom) on white, exactly filling ``rect``."""
    size = rect.width() / len(modules)
    painter.fillRect(rect, QColor("white"))
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for y, row in enumerate(modules):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            path.addRect(
                rect.left() + start * size, rect.top() + y * size, (x - start) * size, size
            )
    painter.fillPath(path, QColor("black"))


def mm(value: float) -> float:
    return value / 25.4 * RESOLUTION


def font(points: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """The shipped font at ``points`` on the poster (sized in device pixels, so that
    measuring and drawing agree)."""
    result = pixel_font(round(points * RESOLUTION / 72), weight)
    # no contextual alternates (their glyphs would lose their text in the PDF); scripts
    # that need shaping are still shaped
    result.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return result


def render(
    ws: Workshop,
    settings: Mapping[str, str],
    paper: str = "a4",
    language: Translator | None = None,
) -> bytes:
    ensure_gui_app()
    tr = language or room_language(ws)
    page_id, qr_mm = PAPERS[paper]
    link = saved_link(settings)
    reason = NO_LINK_REASON
    if link is not None and not link.reachable:
        link, reason = None, LOOPBACK_REASON
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(tr.gettext("Posters: {title}").format(title=ws.info.title))
    writer.setCreator("WorkshopDesk")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page_id),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = QRectF(0, 0, writer.width(), writer.height())
    scale = page.width() / mm(210)
    names = Names(ws, tr)
    problems = report_problems(ws)
    painter = QPainter(writer)
    try:
        if not problems:
            _text(
                painter,
                page.adjusted(mm(20), mm(40), -mm(20), 0),
                tr.gettext("No problems to print yet."),
                font(28 * scale, QFont.Weight.Bold),
                INK,
            )
        for index, problem in enumerate(problems):
            if index:
                writer.newPage()
            _poster(painter, page, scale, ws, names, problem, link, qr_mm, tr.gettext(reason))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _poster(
    painter: QPainter,
    page: QRectF,
    scale: float,
    ws: Workshop,
    names: Names,
    problem: Problem,
    link: JoinLink | None,
    qr_mm: float,
    reason: str = NO_LINK_REASON,
) -> None:
    margin = mm(14) * scale
    area = page.adjusted(margin, margin, -margin, -margin)
    team_colors = [ws.teams[t].color for t in problem.team_ids if t in ws.teams]
    band = QRectF(page.left(), page.top(), page.width(), mm(5) * scale)
    if team_colors:
        width = band.width() / len(team_colors)
        for i, color in enumerate(team_colors):
            painter.fillRect(
                QRectF(band.left() + i * width, band.top(), width + 1, band.height()), QColor(color)
            )
    else:
        painter.fillRect(band, ACCENT)
    # the header: the number large on the left, the workshop and the teams on the right
    number_font = font((96 if link else 60) * scale, QFont.Weight.Bold)
    number_text = str(problem.number)
    metrics = QFontMetricsF(number_font)
    number_box = QRectF(
        area.left(), area.top(), metrics.horizontalAdvance(number_text), metrics.ascent()
    )
    if link is not None:
        painter.setFont(number_font)
        painter.setPen(ACCENT)
        painter.drawText(
            number_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, number_text
        )
        side = QRectF(
            number_box.right() + mm(8) * scale,
            area.top() + mm(6) * scale,
            area.right() - number_box.right() - mm(8) * scale,
            number_box.height(),
        )
    else:
        side = QRectF(area.left(), area.top(), area.width(), mm(20) * scale)
    tr = names.language
    header = tr.gettext("Problem {number}").format(number=problem.number)
    teams = names.teams(problem.team_ids)
    details = ws.info.title
    if teams:
        stake = tr.gettext("Teams with a stake: {teams}").format(teams=", ".join(teams))
        details += "\n" + stake
    y = _text(painter, side, header, font(16 * scale, QFont.Weight.Bold), MUTED)
    _text(
        painter,
        QRectF(side.left(), y, side.width(), side.bottom() - y),
        details,
        font(11 * scale),
        MUTED,
    )
    top = max(number_box.bottom() if link else side.bottom(), side.bottom()) + mm(4) * scale
    # the lower part: the QR code, or the number alone and the reason
    qr_width = mm(qr_mm)
    url_font = font(10 * scale, QFont.Weight.DemiBold)
    if link is not None:
        url = link.for_problem(problem.number)
        caption_height = mm(16) * scale
        modules = qr_modules(url)
        full = qr_width * len(modules) / (len(modules) - 2 * QUIET_ZONE)
        qr_rect = QRectF(
            page.center().x() - full / 2, area.bottom() - caption_height - full, full, full
        )
        draw_qr(painter, modules, qr_rect)
        caption = QRectF(area.left(), qr_rect.bottom(), area.width(), caption_height)
        below = _text(
            painter,
            caption,
            tr.gettext("Scan to read this problem and add your ideas on your phone"),
            font(12 * scale, QFont.Weight.DemiBold),
            INK,
            center=True,
        )
        _text(
            painter,
            QRectF(area.left(), below, area.width(), caption.bottom() - below),
            url,
            url_font,
            MUTED,
            center=True,
        )
        text_bottom = qr_rect.top() + mm(4) * scale
    else:
        big = font(260 * scale, QFont.Weight.Bold)
        reason_height = mm(24) * scale
        number_rect = QRectF(
            area.left(),
            area.bottom() - reason_height - mm(95) * scale,
            area.width(),
            mm(95) * scale,
        )
        painter.setFont(big)
        painter.setPen(ACCENT)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, number_text)
        _text(
            painter,
            QRectF(
                area.left() + mm(10) * scale,
                number_rect.bottom(),
                area.width() - mm(20) * scale,
                reason_height,
            ),
            reason,
            font(9.5 * scale),
            MUTED,
            center=True,
        )
        text_bottom = number_rect.top() - mm(4) * scale
    # the middle: title, customer, description, each as much as fits
    painter.fillRect(QRectF(area.left(), top, mm(30) * scale, mm(1.2) * scale), INK)
    y = top + mm(6) * scale
    title_rect = QRectF(area.left(), y, area.width(), text_bottom - y)
    for size in (40, 34, 28, 24):
        title_font = font(size * scale, QFont.Weight.Bold)
        if _height(problem.title, title_font, area.width()) <= title_rect.height() * 0.6:
            break
    y = _text(painter, title_rect, problem.title, title_font, INK)
    if problem.customer and y < text_bottom:
        y += mm(2) * scale
        y = _text(
            painter,
            QRectF(area.left(), y, area.width(), text_bottom - y),
            problem.customer,
            font(18 * scale, QFont.Weight.DemiBold),
            MUTED,
        )
    if problem.description and y < text_bottom - mm(8) * scale:
        y += mm(4) * scale
        _text(
            painter,
            QRectF(area.left(), y, area.width(), text_bottom - y),
            problem.description,
            font(13 * scale),
            INK,
        )


def _lines(
    text: str, face: QFont, width: float, limit: int | None = None
) -> list[tuple[str, float]]:
    """``text`` wrapped at word boundaries to ``width`` (a word too long for a line is
    broken anywhere), at most ``limit + 1`` lines: each line's text and height. (Greedy
    wrapping by hand: QTextLayout's begin/endLayout corrupt reference counts in PySide6
    6.12.)"""
    metrics = QFontMetricsF(face)
    height = metrics.lineSpacing()
    space = metrics.horizontalAdvance(" ")
    result: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0.0
        for word in paragraph.split(" "):
            if limit is not None and len(result) > limit:
                break
            advance = metrics.horizontalAdvance(word)
            extra = advance + (space if line else 0.0)
            if used + extra <= width:
                line, used = (f"{line} {word}" if line else word), used + extra
                continue
            if line:
                result.append(line)
            line, used = "", 0.0
            if advance <= width:
                line, used = word, advance
                continue
            for char in word:
                char_width = metrics.horizontalAdvance(char)
                if line and used + char_width > width:
                    result.append(line)
                    line, used = "", 0.0
                line, used = line + char, used + char_width
        result.append(line)
        if limit is not None and len(result) > limit:
            break
    return [(line, height) for line in result]


def _height(text: str, face: QFont, width: float) -> float:
    return sum(h for _, h in _lines(text, face, width))


def _text(
    painter: QPainter, rect: QRectF, text: str, face: QFont, color: QColor, *, center: bool = False
) -> float:
    """Draw as many wrapped lines of ``text`` as fit in ``rect`` (the last cut with an
    ellipsis when more remain); return the y below the last line drawn."""
    painter.setFont(face)
    painter.setPen(color)
    metrics = QFontMetricsF(face)
    lines = _lines(text, face, rect.width(), int(rect.height() / metrics.lineSpacing()) + 1)
    y = rect.top()
    align = Qt.AlignmentFlag.AlignHCenter if center else Qt.AlignmentFlag.AlignLeft
    for index, (line, height) in enumerate(lines):
        if y + height > rect.bottom() + 0.5:
            break
        last_fitting = index + 1 < len(lines) and y + height + lines[index + 1][1] > rect.bottom()
        if last_fitting:
            line = metrics.elidedText(
                line.rstrip(" .,;:") + "…", Qt.TextElideMode.ElideRight, rect.width()
            )
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), height), align | Qt.AlignmentFlag.AlignTop, line
        )
        y += height
        if last_fitting:
            break
    return y
