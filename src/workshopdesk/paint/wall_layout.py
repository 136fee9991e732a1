"""Where the wall's columns and cards go: space follows the cards.

The rules, for a 1920×1080 wall (design pixels):

* Card titles are 36 px (capitals 26 px high), always. Every card on the board has the
  same width (a *lane*); a crowded column flows into several lanes side by side, filled top
  to bottom and left to right, in the column's order.
* An empty column shrinks to its header: its name wrapped on at most two lines (a smaller
  font before a word would be broken), never cut. When that still leaves cards out, the
  empty columns' names turn to run down the column (*turned*), a strip one line wide.
* Lanes go to the columns that need them most; the layout with the fewest pages wins, and
  among those the one with the widest cards.
* The join code may take a *corner* at the top right: a column under it starts below it,
  the others keep their full height.
* Columns that do not fit side by side form groups that take turns. Each group shows its
  pages in turn; the whole cycle is the *screens* of every group, one every
  ``PAGE_SECONDS``. When the cycle would leave a screen unseen for more than a minute,
  the cards turn compact (the number leads the title, one mark for solved or not) but
  keep their 36 px titles; a board that still needs more screens takes a longer cycle
  rather than smaller type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from PySide6.QtGui import QFont

from workshopdesk.core.entities import Column, Problem
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.wall_card import CardLayout, card_layout
from workshopdesk.paint.wall_scene import PAGE_SECONDS, TITLE_PX
from workshopdesk.paint.wall_text import TextBlock, text_width, wall_font

CARD_STYLES = (False, True)
"""Cards tried in turn: full, then compact for boards whose cycle would otherwise leave a
screen unseen for more than a minute. Both keep 36 px titles (capitals 26 px high)."""
MAX_SCREENS = 60 // PAGE_SECONDS
"""Screens in one cycle, so that each comes back within a minute (7 of 8 s)."""
TURNED_WIDTH = 52.0
"""An empty column whose name runs down it: one line of the header's font."""
COLUMN_GAP = 28.0
LANE_GAP = 16.0
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


def count_font() -> QFont:
    return wall_font(COUNT_PX, QFont.Weight.DemiBold)


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
    turned: bool = False
    """An empty column whose name runs down the column, top to bottom."""
    drop: float = 0.0
    """How far the column starts below the others: under the corner code."""

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
    compact: bool = False

    def shown(self, column: ColumnLayout) -> Page:
        return column.page(self.page)

    def top_of(self, column: ColumnLayout) -> float:
        """Where the column's cards start (lower under the corner code)."""
        return self.cards_top + column.drop


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
class Space:
    """Where a group of columns goes, and how its cards look."""

    left: float
    width: float
    height: float
    """The cards' height below the header band."""
    corner: tuple[float, float] = (0.0, 0.0)
    """Width and height of the corner code's notch at the top right (0 for none)."""
    size: float = TITLE_PX
    compact: bool = False
    turned: bool = False
    """Empty columns' names run down the column."""


@dataclass(frozen=True, slots=True)
class _Group:
    columns: tuple[ColumnLayout, ...]
    pages: int
    lane_width: float


def lead(column: Column) -> float:
    """Room before the name: the done column's tick."""
    return DONE_MARK if column.is_done else 0.0


def empty_width(column: Column, turned: bool = False) -> float:
    return TURNED_WIDTH if turned else lead(column) + head_width(column.name)


@lru_cache(maxsize=1024)
def turned_head(name: str, length: float) -> TextBlock | None:
    """The name on one line no longer than ``length``, in the largest header size that
    allows it; None when even the smallest is too long."""
    for size in HEAD_SIZES:
        font = wall_font(size, QFont.Weight.Bold)
        if text_width(name, font) <= length:
            return TextBlock((name,), font, TextBlock.of("M", font, 100).line_height)
    return None


def _min_width(entry: Entry, space: Space) -> float:
    if not entry[1]:
        return empty_width(entry[0], space.turned)
    return max(space.size * 9, HEAD_MIN_WIDTH)


def _groups_of(entries: Sequence[Entry], space: Space) -> list[list[Entry]]:
    """Columns in order, as many side by side as their least widths allow."""
    groups: list[list[Entry]] = [[]]
    used = 0.0
    for entry in entries:
        need = _min_width(entry, space)
        if groups[-1] and used + COLUMN_GAP + need > space.width:
            groups.append([])
            used = 0.0
        used += need if not groups[-1] else COLUMN_GAP + need
        groups[-1].append(entry)
    return groups


def _drops(
    entries: Sequence[Entry], share: dict[int, int], lane_width: float, space: Space
) -> list[float]:
    """How far each column starts lower: those reaching under the corner code."""
    x, edge = space.left, space.left + space.width - space.corner[0]
    drops = []
    for index, (column, _) in enumerate(entries):
        lanes = share.get(index, 0)
        if lanes:
            width = lanes * lane_width + (lanes - 1) * LANE_GAP
        else:
            width = empty_width(column, space.turned)
        drops.append(space.corner[1] if space.corner[0] > 0 and x + width > edge else 0.0)
        x += width + COLUMN_GAP
    return drops


_Try = tuple[int, int, float, dict[int, int], dict[int, list[Lane]], list[float]]
"""Pages, cards on the first page, lane width, lanes per column, the columns' lanes of
cards, and how far each column starts lower."""


def _try(entries: Sequence[Entry], space: Space, lanes_total: int, lane_width: float) -> _Try:
    """``lanes_total`` lanes ``lane_width`` wide, one for each column with cards and the
    rest to the neediest."""
    full = [i for i, (_, problems) in enumerate(entries) if problems]
    cards = {
        i: [card_layout(p, lane_width, space.size, space.compact) for p in entries[i][1]]
        for i in full
    }
    tall = {i: fill_lanes(cards[i], space.height) for i in full}
    short = tall
    if space.corner[1] > 0:
        short = {i: fill_lanes(cards[i], space.height - space.corner[1]) for i in full}

    def filled(share: dict[int, int]) -> dict[int, list[Lane]]:
        drops = _drops(entries, share, lane_width, space)
        return {i: short[i] if drops[i] else tall[i] for i in full}

    share = dict.fromkeys(full, 1)
    for _ in range(lanes_total - len(full)):
        now = filled(share)
        neediest = max(full, key=lambda i: (-(-len(now[i]) // share[i]), len(now[i])))
        share[neediest] += 1
    lanes = filled(share)
    pages = max(-(-len(lanes[i]) // share[i]) for i in full)
    first = sum(len(lane) for i in full for lane in lanes[i][: share[i]])
    return pages, first, lane_width, share, lanes, _drops(entries, share, lane_width, space)


def _clear_of_corner(entries: Sequence[Entry], space: Space) -> float:
    """How much narrower the columns with cards must be to end left of the corner code
    (0 when the empty columns after them already reach under it)."""
    if space.corner[0] <= 0:
        return 0.0
    last = max((i for i, (_, problems) in enumerate(entries) if problems), default=-1)
    after = sum(COLUMN_GAP + empty_width(c, space.turned) for c, _ in entries[last + 1 :])
    return max(0.0, space.corner[0] - after)


def _lay_group(entries: Sequence[Entry], space: Space) -> _Group:
    """The best lanes for one group of columns: fewest pages, then the most cards on the
    first page, then the widest cards. Cards may give up some width to stay clear of the
    corner code, when that shows more."""
    empty = [empty_width(c, space.turned) for c, problems in entries if not problems]
    full = [i for i, (_, problems) in enumerate(entries) if problems]
    room = space.width - sum(empty) - COLUMN_GAP * (len(entries) - 1)
    least = space.size * 9
    best: _Try | None = None
    lanes_total = len(full)
    while full:
        lane_width = (room - LANE_GAP * (lanes_total - len(full))) / lanes_total
        if lane_width < least and best is not None:
            break
        clear = _clear_of_corner(entries, space)
        for width in (lane_width, lane_width - clear / lanes_total) if clear else (lane_width,):
            tried = _try(entries, space, lanes_total, width)
            if best is None or (tried[0], -tried[1]) < (best[0], -best[1]):
                best = tried
        if best is not None and best[0] == 1:
            break
        lanes_total += 1
    columns: list[ColumnLayout] = []
    x = space.left
    lane_width = best[2] if best else 0.0
    for index, (column, problems) in enumerate(entries):
        drop = best[5][index] if best else _drops(entries, {}, 0.0, space)[index]
        if problems and best is not None:
            count = best[3][index]
            w = count * lane_width + (count - 1) * LANE_GAP
            shown = _pages(best[4][index], count)
        else:
            count, w, shown = 0, empty_width(column, space.turned), ((),)
        turned = space.turned and not problems
        if turned:
            head = turned_head(column.name, _turned_length(space, drop, column))
            assert head is not None  # the plan turns names only when they fit
        else:
            reserve = text_width(str(len(problems)), count_font()) + 16 if problems else 0
            head = column_head(column.name, w - reserve - lead(column))
        columns.append(ColumnLayout(column, x, w, head, len(problems), count, shown, turned, drop))
        x += w + COLUMN_GAP
    return _Group(tuple(columns), best[0] if best else 1, lane_width)


def _turned_length(space: Space, drop: float, column: Column) -> float:
    """Room for a turned name: the column's whole height below the tick, if any."""
    return space.height + _head_line() + HEAD_RULE - drop - lead(column)


def _head_line() -> float:
    return TextBlock.of("M", wall_font(HEAD_SIZES[0], QFont.Weight.Bold), 100).line_height


def _screens(groups: Sequence[_Group]) -> int:
    return sum(g.pages for g in groups)


def _score(groups: Sequence[_Group]) -> tuple[int, int]:
    """Fewer screens first, then more cards on the first."""
    first = sum(len(lane) for g in groups[:1] for c in g.columns for lane in c.page(0))
    return _screens(groups), -first


@lru_cache(maxsize=64)
def _plan(entries: tuple[Entry, ...], space: Space) -> tuple[Space, tuple[_Group, ...]]:
    """Full cards if the cycle stays within ``MAX_SCREENS``, compact ones otherwise; empty
    columns turned only when that takes fewer screens or shows more on the first."""
    turnable = any(not problems for _, problems in entries) and all(
        turned_head(c.name, _turned_length(space, space.corner[1], c)) is not None
        for c, problems in entries
        if not problems
    )
    best: tuple[Space, tuple[_Group, ...]] | None = None
    for compact in CARD_STYLES:
        for turned in (False, True) if turnable else (False,):
            tried = replace(space, compact=compact, turned=turned)
            groups = tuple(_lay_group(group, tried) for group in _groups_of(entries, tried))
            if best is None or _score(groups) < _score(best[1]):
                best = (tried, groups)
        assert best is not None
        if _screens(best[1]) <= MAX_SCREENS:
            break
    assert best is not None
    return best


def board_layout(
    workshop: Workshop,
    left: float,
    top: float,
    width: float,
    bottom: float,
    tick: int,
    corner: tuple[float, float] = (0.0, 0.0),
) -> BoardLayout:
    """Which columns and cards go where (design pixels) on screen ``tick`` of the cycle.
    The header band is as tall as the longest column name needs (one to three lines);
    ``corner`` is the corner code's notch at the top right (width, height from ``top``)."""
    entries = tuple(
        (column, tuple(workshop.problems_in(column.id))) for column in workshop.ordered_columns()
    )
    for lines in range(1, HEAD_LINES + 2):
        head = _head_line() * lines
        cards_top = top + head + HEAD_RULE + 12
        height = bottom - cards_top
        space, groups = _plan(entries, Space(left, width, height, corner))
        most = max(
            (len(c.head.lines) for g in groups for c in g.columns if not c.turned), default=1
        )
        if most <= lines:
            break
    screens = max(1, _screens(groups))
    screen = tick % screens
    index, page, first = 0, screen, 0
    while index < len(groups) - 1 and page >= groups[index].pages:
        page -= groups[index].pages
        first += len(groups[index].columns)
        index += 1
    current = groups[index] if groups else _Group((), 1, 0.0)
    return BoardLayout(
        current.columns,
        space.size,
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
        space.compact,
    )
