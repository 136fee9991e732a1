"""The whole wall: progress and timer on top, the columns of problem cards below.

Space goes where the cards are (see ``wall_layout``): a crowded column flows into several
lanes, an empty one shrinks to its header, and pages take turns only when the cards do
not fit ("page 2 of 5" at the bottom right).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from workshopdesk.core.bridges import is_bridged
from workshopdesk.core.participation import round_status
from workshopdesk.paint.themes import Theme
from workshopdesk.paint.wall_card import CardLayout
from workshopdesk.paint.wall_layout import (
    HEAD_RULE,
    LANE_GAP,
    BoardLayout,
    ColumnLayout,
    board_layout,
    count_font,
    lead,
)
from workshopdesk.paint.wall_parts import (
    check_mark,
    corner_side,
    join_corner,
    join_corner_width,
    open_mark,
    panel,
    progress_line,
    round_box,
    round_width,
    status_mark,
    status_mark_width,
    swatch,
    timer_box,
    timer_width,
    together_mark,
)
from workshopdesk.paint.wall_scene import MARGIN, WallScene
from workshopdesk.paint.wall_text import paint_line, text_width, wall_font
from workshopdesk.text import Translator, translator
from workshopdesk.text.language import ENGLISH

HEADER_HEIGHT = 132.0
BOARD_MARGIN = 32.0
"""The board's own top and bottom margin (the sides keep the wall's ``MARGIN``)."""
LEGEND_HEIGHT = 44.0
CORNER_GAP = 24.0
"""Between the corner code and the columns beside and below it."""


def corner_notch(scene: WallScene) -> tuple[float, float]:
    """The corner code's notch in the board (width, height below the board's top): the
    code is taller than the header band, and the columns under it start lower."""
    join = scene.join
    if join is None or not join.reachable:
        return (0.0, 0.0)
    below = BOARD_MARGIN + corner_side(join) + CORNER_GAP - (BOARD_MARGIN + HEADER_HEIGHT + 24)
    return (corner_side(join) + CORNER_GAP, max(0.0, below))


def paint_board(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    theme, workshop = scene.theme, scene.workshop
    top = rect.top() + BOARD_MARGIN
    right = rect.right() - MARGIN
    header = HEADER_HEIGHT
    if scene.join is not None:
        corner = corner_side(scene.join) if scene.join.reachable else HEADER_HEIGHT
        width = join_corner_width(scene.join, corner, scene.words)
        box = QRectF(right - width, top, width, corner)
        join_corner(painter, box, scene.join, theme, scene.words, text_height=HEADER_HEIGHT)
        right -= width + 40
    face = scene.timer_face
    if face is not None:
        box_height = header - 12
        width = timer_width(face, box_height, scene.words)
        box = QRectF(right - width, top + 6, width, box_height)
        timer_box(painter, box, face, theme, scene.words)
        right -= width + 56
    status = round_status(workshop)
    if status is not None and status.round.ended_at is None:
        box_height = header - 12
        width = round_width(status, box_height, scene.words)
        box = QRectF(right - width, top + 6, width, box_height)
        round_box(painter, box, status, theme, scene.words)
        right -= width + 56
    left = rect.left() + MARGIN
    band = QRectF(left, top, right - left, header)
    progress_line(painter, band, workshop.progress(), theme, scene.words)

    area = board_area(rect, scene)
    layout = wall_layout(scene, rect)
    for column in layout.columns:
        _paint_column(painter, area.top(), layout, column, scene)
    legend = QRectF(left, area.bottom() + 16, area.width(), LEGEND_HEIGHT)
    _paint_legend(painter, legend, layout, scene)


def board_area(rect: QRectF, scene: WallScene) -> QRectF:
    """Where the columns go: below the header, above the legend."""
    del scene  # the corner code reaches into the board as a notch instead
    top = rect.top() + BOARD_MARGIN + HEADER_HEIGHT + 24
    bottom = rect.bottom() - BOARD_MARGIN - LEGEND_HEIGHT - 16
    return QRectF(rect.left() + MARGIN, top, rect.width() - 2 * MARGIN, bottom - top)


def wall_layout(scene: WallScene, rect: QRectF) -> BoardLayout:
    """The board's layout as ``paint_board`` paints it in ``rect`` (design pixels)."""
    area = board_area(rect, scene)
    return board_layout(
        scene.workshop,
        area.left(),
        area.top(),
        area.width(),
        area.bottom(),
        scene.page_tick,
        corner_notch(scene),
    )


def _paint_column(
    painter: QPainter, y: float, layout: BoardLayout, column: ColumnLayout, scene: WallScene
) -> None:
    theme, x, width = scene.theme, column.x, column.width
    y += column.drop
    if column.column.is_done:
        check_mark(painter, QRectF(x, y + 4, 34, 34), theme.solved)
    if column.turned:
        _paint_turned(painter, column, y + lead(column.column), theme.text)
        return
    column.head.paint(painter, x + lead(column.column), y, theme.text)
    if column.count:
        line = QRectF(x, y, width, column.head.line_height)
        paint_line(
            painter, str(column.count), count_font(), theme.muted, line, Qt.AlignmentFlag.AlignRight
        )
    rule = y + layout.head_height + HEAD_RULE / 2
    painter.setPen(QPen(QColor(theme.edge), 3))
    painter.drawLine(QPointF(x, rule), QPointF(x + width, rule))

    for lane_index, lane in enumerate(layout.shown(column)):
        lane_x = x + lane_index * (layout.lane_width + LANE_GAP)
        card_y = layout.top_of(column)
        for card in lane:
            height = min(card.height, layout.cards_height - column.drop)
            paint_card(painter, QRectF(lane_x, card_y, layout.lane_width, height), card, scene)
            card_y += height + card.metrics.gap


def _paint_turned(painter: QPainter, column: ColumnLayout, y: float, color: str) -> None:
    """An empty column's name running down the column, its first letter at the top."""
    painter.save()
    painter.translate(column.x + column.width / 2 + column.head.line_height / 2, y)
    painter.rotate(90)
    column.head.paint(painter, 0, 0, color)
    painter.restore()


def paint_card(painter: QPainter, rect: QRectF, card: CardLayout, scene: WallScene) -> None:
    theme, problem, m = scene.theme, card.problem, card.metrics
    solved = scene.workshop.is_solved(problem.id)
    together = solved and is_bridged(scene.workshop, problem.id)
    panel(painter, rect, theme, edge=3 if theme.name == "contrast" else 2)
    left = rect.left() + m.pad
    if problem.color and QColor(problem.color).isValid():
        _stripe(painter, rect, problem.color, m.stripe)
        left += m.stripe
    right = rect.right() - m.pad
    row_top = rect.top() + m.pad
    if m.compact:
        room = rect.bottom() - m.pad - row_top
        title = card.title.fitting(room - (card.title.line_height * 0.8 if card.tag_below else 0))
        below = title.paint(painter, left, row_top, theme.text)
        row = (
            QRectF(left, below, right - left, card.title.line_height * 0.8)
            if card.tag_below
            else QRectF(left, below - title.line_height, right - left, title.line_height)
        )
        _paint_tag(painter, row, card, solved, together, theme)
        return
    number_font = wall_font(m.size * 0.8, QFont.Weight.Bold)
    number = f"#{problem.number}"
    paint_line(painter, number, number_font, theme.muted, QRectF(left, row_top, 140, m.top_row))
    dot_x = left + text_width(number, number_font) + m.size * 0.6
    radius = round(m.size * 0.28)
    for team_id in problem.team_ids:
        team = scene.workshop.teams.get(team_id)
        if team is not None:
            swatch(painter, QPointF(dot_x, row_top + m.top_row / 2), radius, team.color, theme)
            dot_x += radius * 2 + 8
    status_mark(
        painter,
        right - status_mark_width(m.mark, solved, scene.words, together),
        row_top + m.top_row / 2,
        m.mark,
        solved,
        theme,
        scene.words,
        together,
    )
    title_top = row_top + m.top_row + m.below_row
    title = card.title.fitting(rect.bottom() - m.pad - title_top)
    title.paint(painter, left, title_top, theme.text)


def _paint_tag(
    painter: QPainter,
    row: QRectF,
    card: CardLayout,
    solved: bool,
    together: bool,
    theme: Theme,
) -> None:
    """A compact card's number and its solved-or-not mark, at the right of ``row``; the
    tick on a filled disc when every team is part of the agreed solution."""
    m = card.metrics
    mark = QRectF(
        row.right() - m.tag_mark, row.center().y() - m.tag_mark / 2, m.tag_mark, m.tag_mark
    )
    if together:
        together_mark(painter, mark, theme.solved, theme.surface)
    else:
        (check_mark if solved else open_mark)(
            painter, mark, theme.solved if solved else theme.unsolved
        )
    number = QRectF(row.left(), row.top(), mark.left() - 8 - row.left(), row.height())
    paint_line(
        painter,
        f"#{card.problem.number}",
        m.tag_font,
        theme.muted,
        number,
        Qt.AlignmentFlag.AlignRight,
    )


def _stripe(painter: QPainter, rect: QRectF, color: str, width: float) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect.adjusted(1, 1, -1, -1), 14, 14)
    painter.save()
    painter.setClipPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawRect(QRectF(rect.left(), rect.top(), width, rect.height()))
    painter.restore()


def _paint_legend(painter: QPainter, rect: QRectF, layout: BoardLayout, scene: WallScene) -> None:
    """The teams' colours with their names; at the right, while screens take turns,
    which one is up ("page 2 of 5", and "columns 1–4 of 6" when columns take turns).
    Teams that do not fit are counted, not squeezed."""
    theme = scene.theme
    font = wall_font(28, QFont.Weight.DemiBold)
    right = rect.right()
    words = scene.words
    pager = pager_text(layout, words)
    if pager:
        pager_font = wall_font(32, QFont.Weight.Bold)
        paint_line(painter, pager, pager_font, theme.text, rect, Qt.AlignmentFlag.AlignRight)
        right -= text_width(pager, pager_font) + 48
    teams = scene.workshop.ordered_teams()
    x = rect.left()
    for index, team in enumerate(teams):
        width = min(text_width(team.name, font) + 4, 420.0)
        left_over = len(teams) - index - 1
        more = words.gettext("+ {count} more").format(count=left_over) if left_over else ""
        needed = 34 + width + (40 + text_width(more, font) if more else 0)
        if x + needed > right:
            rest = words.gettext("+ {count} more").format(count=left_over + 1)
            paint_line(
                painter, rest, font, theme.muted, QRectF(x, rect.top(), right - x, rect.height())
            )
            return
        swatch(painter, QPointF(x + 12, rect.center().y()), 12, team.color, theme)
        paint_line(
            painter, team.name, font, theme.muted, QRectF(x + 34, rect.top(), width, rect.height())
        )
        x += 34 + width + 40


def pager_text(layout: BoardLayout, words: Translator | None = None) -> str:
    """ "page 2 of 5" while screens take turns, with the columns when they take turns too
    (in English unless ``words`` says otherwise)."""
    if layout.screens <= 1:
        return ""
    words = words or translator(ENGLISH)
    page = words.gettext("page {page} of {pages}").format(
        page=layout.screen + 1, pages=layout.screens
    )
    if layout.groups <= 1:
        return page
    last = layout.first_column + len(layout.columns)
    columns = words.gettext("columns {first}–{last} of {count}").format(
        first=layout.first_column + 1, last=last, count=layout.total_columns
    )
    return f"{columns}  ·  {page}"
