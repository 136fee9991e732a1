"""The check-in on the wall: the shared goal on top, then the progress, then the
follow-ups due since the last check-in, each with its owner and where it stands."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from workshopdesk.core import check_ins
from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.facts import due_caption, follow_up_status
from workshopdesk.paint.wall_parts import progress_line
from workshopdesk.paint.wall_scene import MARGIN, WallScene
from workshopdesk.paint.wall_text import TextBlock, paint_line, shrunk, wall_font

SIDE = 96.0
ROW_GAP = 28.0


def paint_check_in(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    theme, ws, words = scene.theme, scene.workshop, scene.words
    left, right = rect.left() + SIDE, rect.right() - SIDE
    width = right - left
    y = rect.top() + MARGIN + 8
    heading = words.gettext("Check-in")
    paint_line(
        painter, heading, wall_font(32, QFont.Weight.Bold), theme.solved, QRectF(left, y, width, 44)
    )
    y += 60
    goal = ws.info.goal.strip().split("\n\n")[0].strip()
    if goal:
        block = TextBlock.of(goal, wall_font(48, QFont.Weight.Bold), width, max_lines=2)
        y = block.paint(painter, left, y, theme.text) + 28
    progress_line(painter, QRectF(left, y, width * 0.6, 96), ws.progress(), theme, words)
    y += 96 + 40

    today = scene.now.date()
    rows = check_ins.due(ws, today)
    caption = due_caption(ws, len(rows), words)
    paint_line(
        painter, caption, wall_font(32, QFont.Weight.DemiBold), theme.muted,
        QRectF(left, y, width, 44),
    )  # fmt: skip
    y += 60
    bottom = rect.bottom() - MARGIN
    status_width = 300.0
    text_width_available = width - status_width - 40
    title_font = wall_font(36, QFont.Weight.DemiBold)
    detail_font = wall_font(28)
    for shown, row in enumerate(rows):
        f = row.follow_up
        title = TextBlock.of(f.text, title_font, text_width_available, max_lines=2)
        details = f"{row.owner or words.gettext('No owner yet')} · #{row.problem.number}"
        needed = title.height + 40 + ROW_GAP
        if y + needed > bottom:
            more = len(rows) - shown
            more_text = words.ngettext("and {count} more", "and {count} more", more)
            paint_line(
                painter, more_text.format(count=more), detail_font, theme.muted,
                QRectF(left, y, width, 40),
            )  # fmt: skip
            break
        end = title.paint(painter, left, y, theme.text)
        paint_line(painter, details, detail_font, theme.muted, QRectF(left, end, width, 40))
        status = follow_up_status(f.status, words)
        color = theme.solved if f.status is FollowUpStatus.DONE else theme.muted
        font = shrunk(status, 36, 24, status_width, QFont.Weight.Bold)
        box = QRectF(right - status_width, y, status_width, 48)
        paint_line(painter, status, font, color, box, Qt.AlignmentFlag.AlignRight)
        y = end + 40 + ROW_GAP
