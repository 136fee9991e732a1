"""The whole wall: progress and timer on top, the columns of problem cards below.

The type never shrinks to make room. A column with more cards than fit is split into
pages that take turns ("page 1/2"); more columns than fit side by side take turns too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from workshopdesk.core.entities import Column, Problem
from workshopdesk.core.participation import round_status
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.wall_parts import (
    check_mark,
    corner_side,
    join_corner,
    join_corner_width,
    panel,
    progress_line,
    round_box,
    round_width,
    status_mark,
    status_mark_width,
    swatch,
    timer_box,
    timer_width,
)
from workshopdesk.paint.wall_scene import MARGIN, TITLE_PX, WallScene
from workshopdesk.paint.wall_text import TextBlock, paint_line, text_width, wall_font

HEADER_HEIGHT = 132.0
COLUMN_GAP = 28.0
MIN_COLUMN_WIDTH = 400.0
COLUMN_HEAD = 64.0
CARD_GAP = 16.0
CARD_PAD = 20.0
STRIPE = 12.0
CARD_TOP_ROW = 36.0
LEGEND_HEIGHT = 44.0


def header_height(scene: WallScene) -> float:
    """The top band: progress and timer, and the corner code (taller than them)."""
    join = scene.join
    if join is None or not join.reachable:
        return HEADER_HEIGHT
    return max(HEADER_HEIGHT, corner_side(join))


def title_font() -> QFont:
    return wall_font(TITLE_PX, QFont.Weight.DemiBold)


@dataclass(frozen=True, slots=True)
class CardLayout:
    problem: Problem
    title: TextBlock
    height: float


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    column: Column
    pages: tuple[tuple[CardLayout, ...], ...]
    """At least one (maybe empty) page."""

    def page(self, tick: int) -> int:
        return tick % len(self.pages)


@dataclass(frozen=True, slots=True)
class BoardLayout:
    columns: tuple[ColumnLayout, ...]
    """The columns on screen now."""
    column_width: float
    cards_top: float
    cards_height: float
    group: int
    groups: int
    first_column: int
    total_columns: int


@lru_cache(maxsize=4096)
def card_layout(problem: Problem, width: float) -> CardLayout:
    """A card's wrapped title and height (cached: a problem is an immutable value, and a
    big board is laid out again on every repaint)."""
    inner = width - 2 * CARD_PAD - (STRIPE if problem.color else 0)
    title = TextBlock.of(problem.title, title_font(), inner)
    height = CARD_PAD + CARD_TOP_ROW + 10 + title.height + CARD_PAD
    return CardLayout(problem, title, height)


def paginate(cards: list[CardLayout], height: float) -> tuple[tuple[CardLayout, ...], ...]:
    """Cards split into pages that fit ``height``, in order; a lone card too tall for a
    page still gets a page of its own."""
    pages: list[list[CardLayout]] = [[]]
    used = 0.0
    for card in cards:
        needed = card.height if not pages[-1] else used + CARD_GAP + card.height
        if pages[-1] and needed > height:
            pages.append([card])
            used = card.height
        else:
            pages[-1].append(card)
            used = needed
    return tuple(tuple(page) for page in pages)


def board_layout(workshop: Workshop, area: QRectF, tick: int) -> BoardLayout:
    """Which columns and cards go where in ``area`` (design pixels) at page turn ``tick``."""
    columns = workshop.ordered_columns()
    per_screen = max(1, int((area.width() + COLUMN_GAP) // (MIN_COLUMN_WIDTH + COLUMN_GAP)))
    per_screen = min(per_screen, max(1, len(columns)))
    groups = max(1, -(-len(columns) // per_screen))
    group = tick % groups
    shown = columns[group * per_screen : (group + 1) * per_screen]
    width = (area.width() - COLUMN_GAP * (per_screen - 1)) / per_screen
    cards_top = area.top() + COLUMN_HEAD + 16
    cards_height = area.bottom() - cards_top
    layouts = []
    for column in shown:
        cards = [card_layout(p, width) for p in workshop.problems_in(column.id)]
        layouts.append(ColumnLayout(column, paginate(cards, cards_height)))
    return BoardLayout(
        tuple(layouts),
        width,
        cards_top,
        cards_height,
        group,
        groups,
        group * per_screen,
        len(columns),
    )


def paint_board(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    theme, workshop = scene.theme, scene.workshop
    top = rect.top() + MARGIN
    right = rect.right() - MARGIN
    header = header_height(scene)
    if scene.join is not None:
        corner = corner_side(scene.join) if scene.join.reachable else HEADER_HEIGHT
        width = join_corner_width(scene.join, corner)
        join_corner(painter, QRectF(right - width, top, width, corner), scene.join, theme)
        right -= width + 40
    if header > HEADER_HEIGHT:  # the corner code is taller: the workshop's name above
        name_font = wall_font(40, QFont.Weight.DemiBold)
        above = header - HEADER_HEIGHT
        paint_line(
            painter,
            workshop.info.title,
            name_font,
            theme.muted,
            QRectF(rect.left() + MARGIN, top, right - rect.left() - MARGIN, above - 12),
        )
        top += above
        header = HEADER_HEIGHT
    face = scene.timer_face
    if face is not None:
        box_height = header - 12
        width = timer_width(face, box_height)
        timer_box(painter, QRectF(right - width, top + 6, width, box_height), face, theme)
        right -= width + 56
    status = round_status(workshop)
    if status is not None and status.round.ended_at is None:
        box_height = header - 12
        width = round_width(status, box_height)
        round_box(painter, QRectF(right - width, top + 6, width, box_height), status, theme)
        right -= width + 56
    left = rect.left() + MARGIN
    progress_line(painter, QRectF(left, top, right - left, header), workshop.progress(), theme)

    bottom = rect.bottom() - MARGIN
    top = rect.top() + MARGIN
    header = header_height(scene)
    if workshop.teams:
        bottom -= LEGEND_HEIGHT + 20
    area = QRectF(left, top + header + 36, rect.right() - MARGIN - left, 0)
    area.setBottom(bottom)
    layout = board_layout(workshop, area, scene.page_tick)
    tick = scene.page_tick // layout.groups
    for index, column in enumerate(layout.columns):
        x = area.left() + index * (layout.column_width + COLUMN_GAP)
        _paint_column(painter, x, area.top(), layout, column, tick, scene)
    _paint_legend(painter, QRectF(left, bottom + 20, area.width(), LEGEND_HEIGHT), layout, scene)


def _paint_column(
    painter: QPainter,
    x: float,
    y: float,
    layout: BoardLayout,
    column: ColumnLayout,
    tick: int,
    scene: WallScene,
) -> None:
    theme, width = scene.theme, layout.column_width
    page = column.page(tick)
    name_font = wall_font(38, QFont.Weight.Bold)
    count_font = wall_font(34, QFont.Weight.DemiBold)
    head = QRectF(x, y, width, COLUMN_HEAD - 10)
    name_x = x
    if column.column.is_done:
        check_mark(painter, QRectF(x, y + 8, 36, 36), theme.solved)
        name_x += 46
    count = str(sum(len(p) for p in column.pages))
    pager = f"page {page + 1}/{len(column.pages)}" if len(column.pages) > 1 else ""
    pager_font = wall_font(28, QFont.Weight.DemiBold)
    pager_width = text_width(pager, pager_font) + 16 if pager else 0
    room = x + width - name_x - pager_width - text_width(count, count_font) - 18
    name_width = min(text_width(column.column.name, name_font) + 2, max(40.0, room))
    paint_line(
        painter,
        column.column.name,
        name_font,
        theme.text,
        QRectF(name_x, head.top(), name_width, head.height()),
    )
    paint_line(
        painter,
        count,
        count_font,
        theme.muted,
        QRectF(name_x + name_width + 16, head.top() + 2, 80, head.height()),
    )
    if pager:
        paint_line(painter, pager, pager_font, theme.text, head, Qt.AlignmentFlag.AlignRight)
    painter.setPen(QPen(QColor(theme.edge), 3))
    painter.drawLine(QPointF(x, y + COLUMN_HEAD), QPointF(x + width, y + COLUMN_HEAD))

    card_y = layout.cards_top
    for card in column.pages[page]:
        height = min(card.height, layout.cards_height)
        paint_card(painter, QRectF(x, card_y, width, height), card, scene)
        card_y += height + CARD_GAP


def paint_card(painter: QPainter, rect: QRectF, card: CardLayout, scene: WallScene) -> None:
    theme, problem = scene.theme, card.problem
    solved = scene.workshop.is_solved(problem.id)
    panel(painter, rect, theme, edge=3 if theme.name == "contrast" else 2)
    left = rect.left() + CARD_PAD
    if problem.color and QColor(problem.color).isValid():
        _stripe(painter, rect, problem.color)
        left += STRIPE
    right = rect.right() - CARD_PAD
    row_top = rect.top() + CARD_PAD
    number_font = wall_font(30, QFont.Weight.Bold)
    number = f"#{problem.number}"
    paint_line(painter, number, number_font, theme.muted, QRectF(left, row_top, 120, CARD_TOP_ROW))
    dot_x = left + text_width(number, number_font) + 24
    for team_id in problem.team_ids:
        team = scene.workshop.teams.get(team_id)
        if team is not None:
            swatch(painter, QPointF(dot_x, row_top + CARD_TOP_ROW / 2), 10, team.color, theme)
            dot_x += 28
    mark = 30.0
    status_mark(
        painter,
        right - status_mark_width(mark, solved),
        row_top + CARD_TOP_ROW / 2,
        mark,
        solved,
        theme,
    )
    title_top = row_top + CARD_TOP_ROW + 10
    title = card.title.fitting(rect.bottom() - CARD_PAD - title_top)
    title.paint(painter, left, title_top, theme.text)


def _stripe(painter: QPainter, rect: QRectF, color: str) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect.adjusted(1, 1, -1, -1), 14, 14)
    painter.save()
    painter.setClipPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawRect(QRectF(rect.left(), rect.top(), STRIPE, rect.height()))
    painter.restore()


def _paint_legend(painter: QPainter, rect: QRectF, layout: BoardLayout, scene: WallScene) -> None:
    """The teams' colours with their names; "columns 1–4 of 6" at the right when the
    columns take turns. Teams that do not fit are counted, not squeezed."""
    theme = scene.theme
    font = wall_font(28, QFont.Weight.DemiBold)
    right = rect.right()
    if layout.groups > 1:
        last = layout.first_column + len(layout.columns)
        text = f"columns {layout.first_column + 1}–{last} of {layout.total_columns}"
        paint_line(painter, text, font, theme.text, rect, Qt.AlignmentFlag.AlignRight)
        right -= text_width(text, font) + 48
    teams = scene.workshop.ordered_teams()
    x = rect.left()
    for index, team in enumerate(teams):
        width = min(text_width(team.name, font) + 4, 420.0)
        left_over = len(teams) - index - 1
        more = f"+ {left_over} more" if left_over else ""
        needed = 34 + width + (40 + text_width(more, font) if more else 0)
        if x + needed > right:
            rest = f"+ {left_over + 1} more"
            paint_line(
                painter, rest, font, theme.muted, QRectF(x, rect.top(), right - x, rect.height())
            )
            return
        swatch(painter, QPointF(x + 12, rect.center().y()), 12, team.color, theme)
        paint_line(
            painter, team.name, font, theme.muted, QRectF(x + 34, rect.top(), width, rect.height())
        )
        x += 34 + width + 40
