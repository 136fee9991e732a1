"""A small flow layout for printed reports: styled paragraphs, wrapped and paginated.

Qt's rich-text engine lays out a thousand-problem report in many seconds; this one
wraps words greedily with cached widths and paints each line once, so the same report
takes a fraction of that. It draws on any paged device (a PDF writer, a printer, the
print preview). Paragraphs may carry a label in a left gutter (a bullet, a date), a
background (a call-out), badges (a run with a background), and keep with the next.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter

from workshopdesk.paint.fonts import pixel_font

INK = "#1d2330"
SPACES = " \t\r\f\v"
"""Where a line may break: ordinary spaces, never a no-break space ("3\u00a0votes")."""
_TOKEN = re.compile(f"[^{SPACES}]+[{SPACES}]*|[{SPACES}]+")


@dataclass(frozen=True)
class Style:
    size: float = 10.0
    """Points."""
    weight: QFont.Weight = QFont.Weight.Normal
    color: str = INK
    italic: bool = False


class Run(NamedTuple):
    """Words in one style (a tuple: a report makes tens of thousands of them)."""

    text: str
    style: Style = Style()
    background: str | None = None
    """A badge: the run's words on a filled box."""


@dataclass
class Para:
    runs: list[Run]
    space_before: float = 0.0
    space_after: float = 0.0
    indent: float = 0.0
    label: Run | None = None
    label_width: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False
    background: str | None = None
    """A call-out: the paragraph's lines on a filled band."""
    bookmark: str | None = None
    """The title of this paragraph's entry in the PDF's outline (a problem's heading)."""
    running: Para | None = None
    """The heading this paragraph belongs under, repeated at the top of a new page when the
    section goes on there ("4. Title (continued)")."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a bookmarked paragraph starts: its page (from 0) and its top, in device units
    from the top of the printable area."""

    title: str
    page: int
    y: float


@dataclass(slots=True)
class _Face:
    """A style made real: its font, pen colour, metrics, line spacing, ascent, and
    measured tokens and runs."""

    font: QFont
    color: QColor
    metrics: QFontMetricsF
    spacing: float
    ascent: float
    widths: dict[str, tuple[float, float]]
    """A token's width with and without its trailing space."""
    runs: dict[str, float]
    """A whole run's width: names, statuses and repeated phrases come back often."""
    parts: dict[str, _Measured]
    """A line of a run's text cut into words, measured."""

    def measured(self, part: str) -> _Measured:
        found = self.parts.get(part)
        if found is not None:
            return found
        cache, metrics = self.widths, self.metrics
        tokens: list[tuple[str, float, float]] = []
        total, reach, widest = 0.0, 0.0, 0.0
        for token in _TOKEN.findall(part):
            sizes = cache.get(token)
            if sizes is None:
                word = token.rstrip(SPACES)
                sizes = (metrics.horizontalAdvance(token), metrics.horizontalAdvance(word))
                cache[token] = sizes
            width, word_width = sizes
            tokens.append((token, width, word_width))
            if total + word_width > reach:
                reach = total + word_width
            if width > widest:
                widest = width
            total += width
        found = self.parts[part] = _Measured(tokens, total, reach, widest)
        return found


@dataclass(slots=True)
class _Measured:
    """The words of a line of text with their widths (with and without the trailing
    space), their total, how far the furthest word ends, and the widest word.

    Widths are multiples of 1/64 (Qt's fixed point), so adding them up is exact and
    placing all the words at once lands where placing them one by one would."""

    tokens: list[tuple[str, float, float]]
    total: float
    reach: float
    widest: float


@dataclass(slots=True)
class _Segment:
    x: float
    text: str
    style: Style
    background: str | None
    face: _Face


@dataclass(slots=True)
class _Line:
    segments: list[_Segment]
    height: float
    ascent: float
    left: float
    width: float
    background: str | None = None
    label: _Segment | None = None


@dataclass
class _Page:
    lines: list[tuple[float, _Line]] = field(default_factory=list)


class Flow:
    """Lays paragraphs out for one device and paints them page by page."""

    def __init__(self, device: QPagedPaintDevice, footer: str = "") -> None:
        self.device = device
        self.footer = footer
        self.scale = device.logicalDpiY() / 72.0
        self.faces: dict[Style, _Face] = {}
        self._recent: dict[int, tuple[Style, _Face]] = {}
        """Faces by the identity of their style object: most styles are shared constants,
        and hashing a frozen dataclass on every lookup is the layout's biggest cost."""
        self.footer_style = Style(7.5, color="#8a91a0")
        self.footer_height = 0.25 * device.logicalDpiY()
        self.page_width = float(device.width())
        self.page_height = float(device.height()) - self.footer_height
        self.anchors: list[Anchor] = []
        """Where the bookmarked paragraphs landed, once painted."""

    # -- measuring --------------------------------------------------------------------
    def face(self, style: Style) -> _Face:
        recent = self._recent.get(id(style))
        if recent is not None and recent[0] is style:
            return recent[1]
        found = self.faces.get(style)
        if found is None:
            font = pixel_font(max(1, round(style.size * self.scale)), style.weight)
            font.setItalic(style.italic)
            # Latin text without shaping: no contextual alternates, whose glyphs (the colon
            # in 09:00, the dash in 09:00–17:00) would lose their text in the PDF, and
            # twice as fast; scripts that need shaping (Arabic, ...) are still shaped
            font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
            metrics = QFontMetricsF(font)
            color = QColor(style.color)
            found = _Face(font, color, metrics, metrics.lineSpacing(), metrics.ascent(), {}, {}, {})
            self.faces[style] = found
        self._recent[id(style)] = (style, found)
        return found

    def font(self, style: Style) -> QFont:
        return self.face(style).font

    def width(self, style: Style, text: str) -> float:
        return self.face(style).metrics.horizontalAdvance(text)

    # -- laying out -------------------------------------------------------------------
    def _lines(self, para: Para) -> list[_Line]:
        left = (para.indent + para.label_width) * self.scale
        available = self.page_width - left
        runs = para.runs
        if runs:
            # most paragraphs fit on one line: measure each run once, no word wrapping
            recent, face_of = self._recent, self.face
            segments: list[_Segment] = []
            x, height, ascent = 0.0, 0.0, 0.0
            last_run = len(runs) - 1
            for index, run in enumerate(runs):
                text = run.text
                if "\n" in text or x > available:
                    break
                style = run.style
                known = recent.get(id(style))
                face = known[1] if known is not None and known[0] is style else face_of(style)
                if index == last_run:
                    text = text.rstrip(SPACES)
                width = face.runs.get(text)
                if width is None:
                    width = face.runs[text] = face.metrics.horizontalAdvance(text)
                segments.append(_Segment(x, text, style, run.background, face))
                x += width
                if face.spacing > height:
                    height = face.spacing
                if face.ascent > ascent:
                    ascent = face.ascent
            else:
                if x <= available:
                    lines = [_Line(segments, height, ascent, left, available, para.background)]
                    return self._labelled(para, lines) if para.label is not None else lines
        return self._labelled(para, self._wrapped(para, left, available))

    def _wrapped(self, para: Para, left: float, available: float) -> list[_Line]:
        """``para`` broken into lines at spaces and newlines (at any letter for a word
        longer than the line)."""
        runs = para.runs
        face_of = self.face
        first = face_of(runs[0].style if runs else Style())
        empty_height, empty_ascent = first.spacing, first.ascent
        lines: list[_Line] = []
        current: list[_Segment] = []
        x, height, ascent = 0.0, 0.0, 0.0

        def finish() -> None:
            nonlocal current, x, height, ascent
            if current:
                current[-1].text = current[-1].text.rstrip(SPACES)
            else:
                height, ascent = empty_height, empty_ascent
            lines.append(_Line(current, height, ascent, left, available, para.background))
            current, x, height, ascent = [], 0.0, 0.0, 0.0

        for run in runs:
            face = face_of(run.style)
            metrics = face.metrics
            run_height, run_ascent = face.spacing, face.ascent
            for part_index, part in enumerate(run.text.split("\n")):
                if part_index:
                    finish()
                measured = face.measured(part)
                if not measured.tokens:
                    continue
                if x + measured.reach <= available and measured.widest <= available:
                    # the whole line of text fits where the line stands: no word wraps
                    if run_height > height:
                        height, ascent = run_height, max(ascent, run_ascent)
                    elif run_ascent > ascent:
                        ascent = run_ascent
                    last = current[-1] if current else None
                    if (
                        last is not None
                        and last.style is run.style
                        and last.background == run.background
                    ):
                        last.text += part
                    else:
                        current.append(_Segment(x, part, run.style, run.background, face))
                    x += measured.total
                    continue
                # the segment this run fills on the current line: its next words just
                # join it (the line's height and ascent already count this run)
                filling: _Segment | None = None
                for token, width, word_width in measured.tokens:
                    if x + word_width > available and current:
                        finish()
                        filling = None
                        if not token.strip(SPACES):
                            continue
                    if filling is not None and width <= available:
                        filling.text += token
                        x += width
                        continue
                    if run_height > height:
                        height, ascent = run_height, max(ascent, run_ascent)
                    elif run_ascent > ascent:
                        ascent = run_ascent
                    if width > available:  # a word longer than the line: break anywhere
                        for char in token:
                            char_width = metrics.horizontalAdvance(char)
                            if x + char_width > available and current:
                                finish()
                            height, ascent = max(height, run_height), max(ascent, run_ascent)
                            self._append(current, x, char, run, face)
                            x += char_width
                        filling = None
                        continue
                    last = current[-1] if current else None
                    if (
                        last is not None
                        and last.style is run.style
                        and last.background == run.background
                    ):
                        last.text += token
                        filling = last
                    else:
                        filling = _Segment(x, token, run.style, run.background, face)
                        current.append(filling)
                    x += width
        if current or not lines:
            finish()
        return lines

    def _labelled(self, para: Para, lines: list[_Line]) -> list[_Line]:
        if para.label is not None and lines:
            label_x = para.indent * self.scale
            style = para.label.style
            lines[0].label = _Segment(label_x, para.label.text, style, None, self.face(style))
        return lines

    @staticmethod
    def _append(current: list[_Segment], x: float, text: str, run: Run, face: _Face) -> None:
        last = current[-1] if current else None
        if last is not None and last.style is run.style and last.background == run.background:
            last.text += text
        else:
            current.append(_Segment(x, text, run.style, run.background, face))

    def paginate(self, paras: Iterable[Para]) -> list[_Page]:
        pages = [_Page()]
        self.anchors = []
        y = 0.0
        laid = [(para, self._lines(para)) for para in paras]
        headings: dict[int, list[_Line]] = {}

        def new_page(para: Para) -> float:
            """Start a page; when ``para`` goes on under a heading, repeat it there first.
            Return where the page's next line goes."""
            pages.append(_Page())
            heading = para.running
            if heading is None:
                return 0.0
            lines = headings.get(id(heading))
            if lines is None:
                lines = headings[id(heading)] = self._lines(heading)
            top = 0.0
            for line in lines:
                pages[-1].lines.append((top, line))
                top += line.height
            return top + heading.space_after * self.scale

        # what must fit on the page where a paragraph starts: its first two lines (no
        # orphan), and for a chain of keep-with-next paragraphs, the whole chain and the
        # first two lines after it
        keep = [0.0] * len(laid)
        for index in range(len(laid) - 1, -1, -1):
            para, lines = laid[index]
            if para.keep_with_next and index + 1 < len(laid):
                gap = (para.space_after + laid[index + 1][0].space_before) * self.scale
                own = sum(line.height for line in lines)
                keep[index] = own + gap + keep[index + 1]
            else:
                keep[index] = sum(line.height for line in lines[:2])
        for index, (para, lines) in enumerate(laid):
            if para.page_break_before and pages[-1].lines:
                pages.append(_Page())
                y = 0.0
            if pages[-1].lines:
                y += para.space_before * self.scale
            if y + min(keep[index], self.page_height / 2) > self.page_height and pages[-1].lines:
                y = new_page(para)
            if para.bookmark is not None:
                self.anchors.append(Anchor(para.bookmark, len(pages) - 1, y))
            for line in lines:
                if y + line.height > self.page_height and pages[-1].lines:
                    y = new_page(para)
                pages[-1].lines.append((y, line))
                y += line.height
            y += para.space_after * self.scale
        return pages

    # -- painting ---------------------------------------------------------------------
    def paint(self, paras: Iterable[Para]) -> int:
        """Lay out and paint ``paras`` on the device; return the number of pages."""
        with _no_cycle_collection():
            return self._paint(paras)

    def _paint(self, paras: Iterable[Para]) -> int:
        pages = self.paginate(paras)
        painter = QPainter(self.device)
        draw_text, set_font, set_pen = painter.drawText, painter.setFont, painter.setPen
        colors: dict[str, QColor] = {}
        line_pad, badge_pad = 4 * self.scale, 2.5 * self.scale
        current: _Face | None = None
        try:
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    self.device.newPage()
                for y, line in page.lines:
                    left = line.left
                    if line.background:
                        color = colors.get(line.background)
                        if color is None:
                            color = colors[line.background] = QColor(line.background)
                        painter.fillRect(
                            QRectF(left - line_pad, y, line.width + line_pad, line.height), color
                        )
                    base = y + line.ascent
                    label = line.label
                    if label is not None and label.text:
                        face = label.face
                        if face is not current:
                            set_font(face.font)
                            set_pen(face.color)
                            current = face
                        draw_text(QPointF(label.x, base), label.text)
                    for segment in line.segments:
                        text = segment.text
                        if not text:
                            continue
                        face = segment.face
                        x = left + segment.x
                        if segment.background:
                            color = colors.get(segment.background)
                            if color is None:
                                color = colors[segment.background] = QColor(segment.background)
                            box = QRectF(
                                x - badge_pad,
                                y + line.height * 0.08,
                                face.metrics.horizontalAdvance(text) + 2 * badge_pad,
                                line.height * 0.84,
                            )
                            painter.fillRect(box, color)
                        if face is not current:
                            set_font(face.font)
                            set_pen(face.color)
                            current = face
                        draw_text(QPointF(x, base), text)
                self._footer(painter, number, len(pages))
                current = None
        finally:
            painter.end()
        return len(pages)

    def _footer(self, painter: QPainter, number: int, count: int) -> None:
        painter.setFont(self.font(self.footer_style))
        painter.setPen(self.face(self.footer_style).color)
        box = QRectF(0, self.page_height, self.page_width, self.footer_height)
        bottom = Qt.AlignmentFlag.AlignBottom
        painter.drawText(box, bottom | Qt.AlignmentFlag.AlignLeft, self.footer)
        painter.drawText(box, bottom | Qt.AlignmentFlag.AlignRight, f"{number} / {count}")


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: a big report makes hundreds of thousands of small
    objects (runs, segments, lines) and no cycles, and the collector would walk all of
    them again and again, which cost a third of the layout's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
