"""The spotlight: one problem and its solutions, large, for the room to talk about."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from workshopdesk.core.bridges import is_bridged
from workshopdesk.core.entities import Problem, Solution, SolutionStatus
from workshopdesk.core.participation import visible_dots
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.themes import Theme
from workshopdesk.paint.wall_parts import (
    check_mark,
    join_corner,
    join_corner_width,
    open_mark,
    panel,
    status_mark,
    swatch,
    timer_box,
    timer_width,
)
from workshopdesk.paint.wall_scene import MARGIN, WallScene
from workshopdesk.paint.wall_text import (
    TextBlock,
    fitted,
    paint_line,
    shrunk,
    text_width,
    wall_font,
)
from workshopdesk.text import Translator, translator
from workshopdesk.text.language import ENGLISH
from workshopdesk.text.ui import N_

TOP_STRIP = 96.0
SIDE = 72.0
STATUS_ORDER = {SolutionStatus.AGREED: 0, SolutionStatus.PROPOSED: 1, SolutionStatus.REJECTED: 2}
STATUS_WORD = {
    SolutionStatus.AGREED: N_("Agreed"),
    SolutionStatus.PROPOSED: N_("Proposed"),
    SolutionStatus.REJECTED: N_("Rejected"),
}


def paint_spotlight(painter: QPainter, rect: QRectF, scene: WallScene) -> None:
    theme, workshop, words = scene.theme, scene.workshop, scene.words
    problem = scene.spotlight_problem()
    left, right = rect.left() + SIDE, rect.right() - SIDE
    top = rect.top() + MARGIN
    strip_right = right
    if scene.join is not None:
        width = join_corner_width(scene.join, TOP_STRIP, words)
        box = QRectF(strip_right - width, top, width, TOP_STRIP)
        join_corner(painter, box, scene.join, theme, words)
        strip_right -= width + 40
    face = scene.timer_face
    if face is not None:
        width = timer_width(face, TOP_STRIP, words)
        box = QRectF(strip_right - width, top, width, TOP_STRIP)
        timer_box(painter, box, face, theme, words)
        strip_right -= width + 40
    if problem is None:
        font = wall_font(56, QFont.Weight.Bold)
        paint_line(
            painter,
            words.gettext("No problems on the wall yet"),
            font,
            theme.muted,
            rect,
            Qt.AlignmentFlag.AlignHCenter,
        )
        return
    _paint_strip(painter, QRectF(left, top, strip_right - left, TOP_STRIP), problem, scene)

    y = top + TOP_STRIP + 36
    title = _title_block(problem.title, right - left)
    y = title.paint(painter, left, y, theme.text) + 16
    who = QRectF(left, y, right - left, 52)
    y = _paint_who(painter, who, problem, workshop, theme, words) + 40

    body = QRectF(left, y, right - left, rect.bottom() - MARGIN - y)
    split = body.width() * 0.40
    story = QRectF(body.left(), body.top(), split - 24, body.height())
    _paint_story(painter, story, problem, theme, words)
    solutions = QRectF(
        body.left() + split + 24, body.top(), body.width() - split - 24, body.height()
    )
    _paint_solutions(painter, solutions, workshop, problem, theme, words)


def _title_block(title: str, width: float) -> TextBlock:
    """The title at 68 px, smaller (not below 44 px) when it would take more than three
    lines; wrapped, never cut (the longest title allowed fits at 44 px)."""
    for size in (68, 60, 52, 44):
        block = TextBlock.of(title, wall_font(size, QFont.Weight.Bold), width)
        if len(block.lines) <= 3:
            return block
    return TextBlock.of(title, wall_font(44, QFont.Weight.Bold), width, max_lines=5)


def _paint_strip(painter: QPainter, rect: QRectF, problem: Problem, scene: WallScene) -> None:
    """ "#4 · Discussing" and the room's progress, small, above the problem."""
    theme, workshop = scene.theme, scene.workshop
    number_font = wall_font(48, QFont.Weight.Bold)
    number = f"#{problem.number}"
    paint_line(painter, number, number_font, theme.text, rect)
    x = rect.left() + text_width(number, number_font) + 28
    column = workshop.columns.get(problem.column_id)
    place = column.name if column is not None else ""
    ordered = workshop.ordered_problems()
    index = next((i for i, p in enumerate(ordered) if p.id == problem.id), 0)
    progress = workshop.progress()
    words = scene.words
    place_in_order = words.gettext("{number} of {count}").format(
        number=index + 1, count=len(ordered)
    )
    solved = words.gettext("{solved} / {total} solved").format(
        solved=progress.solved, total=progress.total
    )
    counts = f"{place_in_order}  ·  {solved}"
    detail = f"{counts}  ·  {place}" if place else counts
    font = shrunk(detail, 32, 24, rect.right() - x, QFont.Weight.DemiBold)
    paint_line(
        painter,
        detail,
        font,
        theme.muted,
        QRectF(x, rect.top() + 4, rect.right() - x, rect.height()),
    )


def _paint_who(
    painter: QPainter,
    rect: QRectF,
    problem: Problem,
    workshop: Workshop,
    theme: Theme,
    words: Translator,
) -> float:
    """Solved or not, the customer, and the teams with a stake, on one line."""
    solved = workshop.is_solved(problem.id)
    together = solved and is_bridged(workshop, problem.id)
    x = rect.left()
    x += status_mark(painter, x, rect.center().y(), 40, solved, theme, words, together) + 40
    font = wall_font(36, QFont.Weight.DemiBold)
    if problem.customer:
        width = min(text_width(problem.customer, font) + 4, rect.right() - x)
        paint_line(
            painter, problem.customer, font, theme.text, QRectF(x, rect.top(), width, rect.height())
        )
        x += width + 40
    team_font = wall_font(32, QFont.Weight.Normal)
    for team_id in problem.team_ids:
        team = workshop.teams.get(team_id)
        if team is None or x > rect.right() - 80:
            continue
        swatch(painter, QPointF(x + 13, rect.center().y()), 13, team.color, theme)
        width = min(text_width(team.name, team_font) + 4, rect.right() - x - 40)
        paint_line(
            painter,
            team.name,
            team_font,
            theme.muted,
            QRectF(x + 36, rect.top(), width, rect.height()),
        )
        x += 36 + width + 32
    return rect.bottom()


def _paint_story(
    painter: QPainter, rect: QRectF, problem: Problem, theme: Theme, words: Translator
) -> None:
    """What it costs the customer, and why it stalled: 32 px, down to 28 px to fit both."""
    label_font = wall_font(28, QFont.Weight.Bold)
    parts = [
        (label, text.strip())
        for label, text in (
            (words.gettext("Why it matters"), problem.description),
            (words.gettext("Why it stalled"), problem.stalled_because),
        )
        if text.strip()
    ]
    if not parts:
        return
    label_height, gap = 48.0, 32.0
    room = rect.height() - len(parts) * label_height - (len(parts) - 1) * gap
    blocks = fitted(
        [(text, 32.0, QFont.Weight.Normal) for _, text in parts],
        rect.width(),
        room,
        minimum=28 / 32,
        spacing=1.08,
    )
    total = sum(b.height for b in blocks)
    y = rect.top()
    for (label, _), block in zip(parts, blocks, strict=True):
        if rect.bottom() - y < label_height + block.line_height:
            break
        paint_line(
            painter, label, label_font, theme.muted, QRectF(rect.left(), y, rect.width(), 40)
        )
        y += label_height
        if total > room:  # still too long: each keeps its share of the room
            block = block.fitting(max(room * block.height / total, block.line_height))
        y = block.paint(painter, rect.left(), y, theme.text) + gap


def ordered_solutions(workshop: Workshop, problem_id: str) -> list[Solution]:
    """A problem's solutions as the spotlight shows them: most dots first once the room
    may see a vote's counts, then agreed, proposed, rejected."""
    dots: Mapping[str, int] = visible_dots(workshop) or {}
    return sorted(
        workshop.solutions_of(problem_id),
        key=lambda s: (-dots.get(s.id, 0), STATUS_ORDER[s.status], s.position),
    )


def _paint_solutions(
    painter: QPainter,
    rect: QRectF,
    workshop: Workshop,
    problem: Problem,
    theme: Theme,
    words: Translator,
) -> None:
    solutions = ordered_solutions(workshop, problem.id)
    label_font = wall_font(28, QFont.Weight.Bold)
    label = (
        words.gettext("Solutions ({count})").format(count=len(solutions))
        if solutions
        else words.gettext("Solutions")
    )
    paint_line(
        painter, label, label_font, theme.muted, QRectF(rect.left(), rect.top(), rect.width(), 40)
    )
    y = rect.top() + 52
    if not solutions:
        font = wall_font(40, QFont.Weight.DemiBold)
        block = TextBlock.of(words.gettext("None yet. What could we try?"), font, rect.width())
        block.paint(painter, rect.left(), y + 12, theme.unsolved)
        return
    more_height = 48.0
    for index, solution in enumerate(solutions):
        left_over = len(solutions) - index - 1
        room = rect.bottom() - y - (more_height if left_over else 0)
        space = QRectF(rect.left(), y, rect.width(), room)
        used = _paint_solution(painter, space, solution, workshop, theme, words)
        if used <= 0:
            left_over += 1
        if used <= 0 or (left_over and rect.bottom() - (y + used + 16) < 150):
            if left_over:
                more = words.gettext("+ {count} more").format(count=left_over)
                paint_line(
                    painter,
                    more,
                    wall_font(30, QFont.Weight.DemiBold),
                    theme.muted,
                    QRectF(rect.left(), rect.bottom() - more_height, rect.width(), more_height),
                )
            return
        y += used + 16


def _paint_solution(
    painter: QPainter,
    rect: QRectF,
    solution: Solution,
    workshop: Workshop,
    theme: Theme,
    words: Translator,
) -> float:
    """One solution in a panel; return the height used, or 0 if it does not fit at all."""
    pad = 22.0
    text_font = wall_font(
        34,
        QFont.Weight.DemiBold if solution.status is SolutionStatus.AGREED else QFont.Weight.Normal,
    )
    head = 40.0
    block = TextBlock.of(solution.text, text_font, rect.width() - 2 * pad)
    minimum = pad + head + 8 + block.line_height + pad
    if rect.height() < minimum:
        return 0
    block = block.fitting(rect.height() - (pad + head + 8 + pad))
    height = pad + head + 8 + block.height + pad
    box = QRectF(rect.left(), rect.top(), rect.width(), height)
    agreed = solution.status is SolutionStatus.AGREED
    panel(painter, box, theme, edge=4 if agreed else 2)
    x = box.left() + pad
    mark = QRectF(x, box.top() + pad + 4, 32, 32)
    word_color = theme.solved if agreed else theme.muted
    if agreed:
        check_mark(painter, mark, theme.solved)
    elif solution.status is SolutionStatus.PROPOSED:
        open_mark(painter, mark, theme.muted)
    x += 44
    word_font = wall_font(28, QFont.Weight.Bold)
    word = words.gettext(STATUS_WORD[solution.status])
    word_box = QRectF(x, box.top() + pad, text_width(word, word_font) + 4, head)
    paint_line(painter, word, word_font, word_color, word_box)
    meta = _meta(solution, workshop, visible_dots(workshop), words)
    meta_font = wall_font(28)
    paint_line(
        painter,
        meta,
        meta_font,
        theme.muted,
        QRectF(
            x + text_width(word, word_font) + 24,
            box.top() + pad,
            box.right() - pad - x - text_width(word, word_font) - 24,
            head,
        ),
        Qt.AlignmentFlag.AlignRight,
    )
    color = theme.muted if solution.status is SolutionStatus.REJECTED else theme.text
    block.paint(painter, box.left() + pad, box.top() + pad + head + 8, color)
    return height


def _meta(
    solution: Solution,
    workshop: Workshop,
    dots: Mapping[str, int] | None,
    words: Translator | None = None,
) -> str:
    words = words or translator(ENGLISH)
    parts = []
    if solution.proposer_id is not None:
        attendee = workshop.attendees.get(solution.proposer_id)
        if attendee is not None:
            team = workshop.teams.get(attendee.team_id) if attendee.team_id else None
            parts.append(f"{attendee.name} ({team.name})" if team else attendee.name)
    if solution.votes:
        votes = words.ngettext("{count} vote", "{count} votes", solution.votes)
        parts.append(votes.format(count=solution.votes))
    if dots is not None and dots.get(solution.id):
        count = dots[solution.id]
        parts.append(words.ngettext("{count} dot", "{count} dots", count).format(count=count))
    return "  ·  ".join(parts)
