"""Where the wall's columns and cards go: space follows the cards.

The rules, for a 1920×1080 wall (design pixels):

* Card titles are 36 px (capitals 26 px high). Every card on the board has the same width
  (a *lane*); a crowded column flows into several lanes side by side, filled top to bottom
  and left to right, in the column's order.
* An empty column shrinks to its header: its name wrapped on at most two lines (a smaller
  font before a word would be broken), never cut.
* Lanes go to the columns that need them most; the layout with the fewest pages wins, and
  among those the one with the widest cards.
* Columns that do not fit side by side form groups that take turns. Each group shows its
  pages in turn; the whole cycle is the *screens* of every group, one every
  ``PAGE_SECONDS``. When the cycle would leave a screen unseen for more than a minute,
  the cards turn compact and their titles step down (32, 28, 24, 22, 20 px) until it does
  not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QFont

from workshopdesk.core.entities import Column, Problem
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.wall_scene import PAGE_SECONDS, TITLE_PX
from workshopdesk.paint.wall_text import TextBlock, text_width, wall_font

TITLE_SIZES = (TITLE_PX, 32.0, 28.0, 24.0, 22.0, 20.0)
"""Title sizes tried in turn: the first keeps capitals 26 px high at 1080p; the smaller
ones only for boards whose cycle would otherwise leave a screen unseen too long."""
MAX_SCREENS = 60 // PAGE_SECONDS
"""Screens in one cycle, so that each comes back within a minute (7 of 8 s)."""
COLUMN_GAP = 28.0
LANE_GAP = 16.0
CARD_GAP = 12.0
HEAD_SIZES = (34.0, 30.0, 26.0)
"""Column names: bold, wrapped on at most ``HEAD_LINES`` lines, smaller before a word
would have to be broken."""
HEAD_LINES = 2
HEAD_MIN_WIDTH = 120.0
HEAD_MAX_WIDTH = 360.0
COUNT_PX = 30.0
DONE_MARK = 44.0
"""The tick before the done column's name, with its gap."""
HEAD_RULE = 14.0
"""From the header's text to the top of the cards (its underline sits in between)."""


def title_font(size: float = TITLE_PX) -> QFont:
    return wall_font(size, QFont.Weight.DemiBold)


def count_font() -> QFont:
    return wall_font(COUNT_PX, QFont.Weight.DemiBold)


@dataclass(frozen=True, slots=True)
class CardMetrics:
    """A card's spacing, in proportion to its title. At the full size a card has a row
    above its title (number, teams, solved or not); smaller cards are *compact*: the
    number leads the title and a small mark at the right says solved or not."""

    size: float

    @property
    def compact(self) -> bool:
        return self.size < TITLE_PX

    @property
    def pad(self) -> float:
        return round(self.size * (0.3 if self.compact else 0.4))

    @property
    def top_row(self) -> float:
        return 0.0 if self.compact else self.size

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


@dataclass(frozen=True, slots=True)
class CardLayout:
    problem: Problem
    title: TextBlock
    """Led by the problem's number (``number_prefix``) on a compact card."""
    height: float
    metrics: CardMetrics


def number_prefix(problem: Problem) -> str:
    return f"#{problem.number}  "


@lru_cache(maxsize=16384)
def card_layout(problem: Problem, width: float, size: float = TITLE_PX) -> CardLayout:
    """A card's wrapped title and height (cached: a problem is an immutable value, and a
    big board is laid out again on every repaint)."""
    m = CardMetrics(size)
    inner = width - 2 * m.pad - (m.stripe if problem.color else 0)
    text = problem.title
    if m.compact:
        inner -= m.mark + 8
        text = number_prefix(problem) + text
    title = TextBlock.of(text, title_font(size), inner)
    height = m.pad + m.top_row + m.below_row + title.height + m.pad
    return CardLayout(problem, title, height, m)


Lane = tuple[CardLayout, ...]
Page = tuple[Lane, ...]


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    column: Column
    x: float
    width: float
    head: TextBlock
    count: int
    lanes: int
    """Lanes side by side on each page; 0 for an empty column (its header only)."""
    pages: tuple[Page, ...]
    """At least one (maybe empty) page."""

    def page(self, index: int) -> Page:
        return self.pages[index % len(self.pages)]

    @property
    def cards(self) -> tuple[CardLayout, ...]:
        return tuple(card for page in self.pages for lane in page for card in lane)


@dataclass(frozen=True, slots=True)
class BoardLayout:
    columns: tuple[ColumnLayout, ...]
    """The columns on screen now."""
    title_px: float
    lane_width: float
    head_height: float
    cards_top: float
    cards_height: float
    page: int
    """The page of the current group on screen."""
    pages: int
    """The current group's pages."""
    screen: int
    """The screen on show: which of ``screens`` (groups × their pages) in the cycle."""
    screens: int
    group: int
    groups: int
    first_column: int
    total_columns: int

    def shown(self, column: ColumnLayout) -> Page:
        return column.page(self.page)


def _fits_whole(block: TextBlock, name: str, width: float) -> bool:
    """Every word whole and every line within ``width``."""
    return " ".join(block.lines).split() == name.split() and all(
        text_width(line, block.font) <= width + 0.5 for line in block.lines
    )


@lru_cache(maxsize=1024)
def column_head(name: str, width: float) -> TextBlock:
    """The column's name for a header ``width`` wide: on at most two lines, in the
    largest size that needs no word broken. Only a name past every limit (a word wider
    than the column at 26 px, or more than three lines of it) is cut."""
    for size in HEAD_SIZES:
        block = TextBlock.of(name, wall_font(size, QFont.Weight.Bold), width)
        if len(block.lines) <= HEAD_LINES and _fits_whole(block, name, width):
            return block
    font = wall_font(HEAD_SIZES[-1], QFont.Weight.Bold)
    return TextBlock.of(name, font, width, max_lines=HEAD_LINES + 1)


@lru_cache(maxsize=1024)
def head_width(name: str) -> float:
    """The narrowest width an empty column needs to show its whole name."""
    width = HEAD_MIN_WIDTH
    while width < HEAD_MAX_WIDTH:
        block = column_head(name, width)
        whole = len(block.lines) <= HEAD_LINES and _fits_whole(block, name, width)
        if whole and (block.font.pixelSize() == round(HEAD_SIZES[0]) or width >= 240):
            return width
        width += 10.0
    return HEAD_MAX_WIDTH


def fill_lanes(cards: Sequence[CardLayout], height: float) -> list[Lane]:
    """Cards in order, into lanes ``height`` high; a lone card too tall for a lane still
    gets one of its own."""
    lanes: list[list[CardLayout]] = [[]]
    used = 0.0
    for card in cards:
        needed = card.height if not lanes[-1] else used + card.metrics.gap + card.height
        if lanes[-1] and needed > height:
            lanes.append([card])
            used = card.height
        else:
            lanes[-1].append(card)
            used = needed
    return [tuple(lane) for lane in lanes]


def _pages(lanes: Sequence[Lane], per_page: int) -> tuple[Page, ...]:
    if not lanes or not lanes[0]:
        return ((),)
    return tuple(tuple(lanes[i : i + per_page]) for i in range(0, len(lanes), per_page))


Entry = tuple[Column, tuple[Problem, ...]]


@dataclass(frozen=True, slots=True)
class _Group:
    columns: tuple[ColumnLayout, ...]
    pages: int
    lane_width: float


def lead(column: Column) -> float:
    """Room before the name: the done column's tick."""
    return DONE_MARK if column.is_done else 0.0


def empty_width(column: Column) -> float:
    return lead(column) + head_width(column.name)


def _min_width(entry: Entry, size: float) -> float:
    return empty_width(entry[0]) if not entry[1] else max(size * 9, HEAD_MIN_WIDTH)


def _groups_of(entries: Sequence[Entry], width: float, size: float) -> list[list[Entry]]:
    """Columns in order, as many side by side as their least widths allow."""
    groups: list[list[Entry]] = [[]]
    used = 0.0
    for entry in entries:
        need = _min_width(entry, size)
        if groups[-1] and used + COLUMN_GAP + need > width:
            groups.append([])
            used = 0.0
        used += need if not groups[-1] else COLUMN_GAP + need
        groups[-1].append(entry)
    return groups


def _lay_group(
    entries: Sequence[Entry], left: float, width: float, height: float, size: float
) -> _Group:
    """The best lanes for one group of columns: fewest pages, then the most cards on the
    first page, then the widest cards."""
    empty = [empty_width(c) for c, problems in entries if not problems]
    full = [i for i, (_, problems) in enumerate(entries) if problems]
    room = width - sum(empty) - COLUMN_GAP * (len(entries) - 1)
    least = size * 9
    best: tuple[int, int, float, list[int], list[list[Lane]]] | None = None
    lanes_total = len(full)
    while full:
        lane_width = (room - LANE_GAP * (lanes_total - len(full))) / lanes_total
        if lane_width < least and best is not None:
            break
        filled = [
            fill_lanes([card_layout(p, lane_width, size) for p in entries[i][1]], height)
            for i in full
        ]
        share = [1] * len(full)
        for _ in range(lanes_total - len(full)):
            neediest = max(
                range(len(full)), key=lambda k: (-(-len(filled[k]) // share[k]), len(filled[k]))
            )
            share[neediest] += 1
        pages = max(-(-len(lanes) // k) for lanes, k in zip(filled, share, strict=True))
        first = sum(len(lane) for lanes, k in zip(filled, share, strict=True) for lane in lanes[:k])
        if best is None or (pages, -first) < (best[0], -best[1]):
            best = (pages, first, lane_width, share, filled)
        if pages == 1:
            break
        lanes_total += 1
    columns: list[ColumnLayout] = []
    x = left
    lane_width = best[2] if best else 0.0
    for index, (column, problems) in enumerate(entries):
        if problems and best is not None:
            k = full.index(index)
            lanes = best[3][k]
            w = lanes * lane_width + (lanes - 1) * LANE_GAP
            shown = _pages(best[4][k], lanes)
        else:
            lanes, w, shown = 0, empty_width(column), ((),)
        reserve = text_width(str(len(problems)), count_font()) + 16 if problems else 0
        head = column_head(column.name, w - reserve - lead(column))
        columns.append(ColumnLayout(column, x, w, head, len(problems), lanes, shown))
        x += w + COLUMN_GAP
    return _Group(tuple(columns), best[0] if best else 1, lane_width)


def _head_line() -> float:
    return TextBlock.of("M", wall_font(HEAD_SIZES[0], QFont.Weight.Bold), 100).line_height


@lru_cache(maxsize=64)
def _plan(
    entries: tuple[Entry, ...], left: float, width: float, height: float
) -> tuple[float, tuple[_Group, ...]]:
    groups: tuple[_Group, ...] = ()
    size = TITLE_SIZES[0]
    for size in TITLE_SIZES:
        groups = tuple(
            _lay_group(group, left, width, height, size)
            for group in _groups_of(entries, width, size)
        )
        if sum(g.pages for g in groups) <= MAX_SCREENS:
            break
    return size, groups


def board_layout(
    workshop: Workshop, left: float, top: float, width: float, bottom: float, tick: int
) -> BoardLayout:
    """Which columns and cards go where (design pixels) on screen ``tick`` of the cycle.
    The header band is as tall as the longest column name needs (one to three lines)."""
    entries = tuple(
        (column, tuple(workshop.problems_in(column.id))) for column in workshop.ordered_columns()
    )
    for lines in range(1, HEAD_LINES + 2):
        head = _head_line() * lines
        cards_top = top + head + HEAD_RULE + 12
        height = bottom - cards_top
        size, groups = _plan(entries, left, width, height)
        most = max((len(c.head.lines) for g in groups for c in g.columns), default=1)
        if most <= lines:
            break
    screens = max(1, sum(g.pages for g in groups))
    screen = tick % screens
    index, page, first = 0, screen, 0
    while index < len(groups) - 1 and page >= groups[index].pages:
        page -= groups[index].pages
        first += len(groups[index].columns)
        index += 1
    current = groups[index] if groups else _Group((), 1, 0.0)
    return BoardLayout(
        current.columns,
        size,
        current.lane_width,
        head,
        cards_top,
        height,
        page,
        current.pages,
        screen,
        screens,
        index,
        max(1, len(groups)),
        first,
        len(entries),
    )
