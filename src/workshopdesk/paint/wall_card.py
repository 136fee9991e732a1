"""One problem's card on the wall: its title wrapped to the lane's width, and its height.

A full card has a row above its title (number, teams, solved or not); a *compact* one,
for big boards, has its title only, with a *tag* at the bottom right (the number and a
mark for solved or not) at the end of its last line, or below it when the line is full.
Both keep the same title size: 36 px, capitals 26 px high on a 1920×1080 wall.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QFont

from workshopdesk.core.entities import Problem
from workshopdesk.paint.wall_scene import TITLE_PX
from workshopdesk.paint.wall_text import TextBlock, text_width, wall_font

CARD_GAP = 12.0


def title_font(size: float = TITLE_PX) -> QFont:
    return wall_font(size, QFont.Weight.DemiBold)


@dataclass(frozen=True, slots=True)
class CardMetrics:
    """A card's spacing, in proportion to its title."""

    size: float
    compact: bool = False

    @property
    def pad(self) -> float:
        return round(self.size * (0.3 if self.compact else 0.4))

    @property
    def top_row(self) -> float:
        return 0.0 if self.compact else round(self.size * 0.8)

    @property
    def below_row(self) -> float:
        return 0.0 if self.compact else round(self.size / 6)

    @property
    def stripe(self) -> float:
        return round(self.size / 3)

    @property
    def mark(self) -> float:
        return round(self.size * 0.8)

    @property
    def gap(self) -> float:
        return 8.0 if self.compact else CARD_GAP

    @property
    def tag_font(self) -> QFont:
        return wall_font(self.size * 0.7, QFont.Weight.Bold)

    @property
    def tag_mark(self) -> float:
        return round(self.size * 0.6)


@dataclass(frozen=True, slots=True)
class CardLayout:
    problem: Problem
    title: TextBlock
    height: float
    metrics: CardMetrics
    tag_below: bool = False
    """A compact card's tag on a line of its own: the title's last line is full."""


def tag_width(problem: Problem, m: CardMetrics) -> float:
    """A compact card's number and mark, with the gap before them."""
    return 16 + text_width(f"#{problem.number}", m.tag_font) + 8 + m.tag_mark


@lru_cache(maxsize=16384)
def card_layout(
    problem: Problem, width: float, size: float = TITLE_PX, compact: bool = False
) -> CardLayout:
    """A card's wrapped title and height (cached: a problem is an immutable value, and a
    big board is laid out again on every repaint)."""
    m = CardMetrics(size, compact)
    inner = width - 2 * m.pad - (m.stripe if problem.color else 0)
    title = TextBlock.of(problem.title, title_font(size), inner)
    height = m.pad + m.top_row + m.below_row + title.height + m.pad
    below = False
    if m.compact:
        last = text_width(title.lines[-1], title.font) if title.lines else inner
        below = last + tag_width(problem, m) > inner
        height += title.line_height * 0.8 if below else 0.0
    return CardLayout(problem, title, height, m, below)
