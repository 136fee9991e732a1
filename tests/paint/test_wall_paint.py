"""The wall painted without widgets: legible type, pages instead of shrinking, every view."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QImage

from workshopdesk import starters
from workshopdesk.core.entities import Problem
from workshopdesk.core.timer import TimerState
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.themes import THEMES, theme
from workshopdesk.paint.wall import render_wall
from workshopdesk.paint.wall_board import pager_text, paint_board, wall_layout
from workshopdesk.paint.wall_layout import BoardLayout
from workshopdesk.paint.wall_scene import Canvas, Join, View, WallScene

FULL_HD = QSize(1920, 1080)
T0 = datetime(2027, 2, 11, 9, 0, tzinfo=UTC)


def one_column(ws: Workshop) -> Workshop:
    """The demo with all ten problems in its first column."""
    first = ws.ordered_columns()[0]
    for index, problem in enumerate(ws.ordered_problems()):
        ws.problems[problem.id] = replace(problem, column_id=first.id, position=float(index))
    return ws


def layout_of(ws: Workshop, tick: int = 0) -> BoardLayout:
    """The board as a 1920×1080 wall lays it out on screen ``tick``."""
    return wall_layout(WallScene(ws, now=T0, page_tick=tick), QRectF(0, 0, 1920, 1080))


def test_card_titles_keep_capitals_26_pixels_high_on_a_full_hd_wall() -> None:
    canvas = Canvas.inside(QRectF(0, 0, 1920, 1080))
    assert canvas.scale == 1.0  # design pixels are screen pixels on a full-HD wall
    layout = layout_of(starters.demo())
    cards = [card for column in layout.columns for card in column.cards]
    assert len(cards) == 10
    for card in cards:
        assert QFontMetricsF(card.title.font).capHeight() >= 26


def crowded(ws: Workshop, extra: int) -> Workshop:
    """``extra`` more problems, all in the first column with the demo's."""
    first = ws.ordered_columns()[0]
    for n in range(extra):
        number = len(ws.problems) + 1
        problem = Problem(f"extra-{n}", number, f"Extra problem {number} waits", first.id, 0.0)
        ws.problems[problem.id] = problem
    return one_column(ws)


def test_the_demo_in_one_column_shows_every_card_at_full_size_and_fills_the_width() -> None:
    ws = one_column(starters.demo())
    spread = layout_of(starters.demo())
    start = layout_of(ws)
    column = start.columns[0]
    assert column.lanes >= 3  # the crowded column flows into lanes side by side
    assert len(column.pages) == start.pages == start.screens == 1
    assert pager_text(start) == ""
    cards = [card for lane in start.shown(column) for card in lane]
    assert [c.problem.number for c in cards] == [p.number for p in ws.ordered_problems()]
    for card in cards:  # the same type as when the cards are spread, nothing cut
        assert card.title.font.pixelSize() == spread.title_px == start.title_px == 36
        assert not card.title.lines[-1].endswith("…")
    for lane in start.shown(column):
        used = sum(c.height for c in lane) + 12 * (len(lane) - 1)
        assert used <= start.cards_height
    empty = start.columns[1:]
    assert all(c.lanes == 0 and c.turned and c.width <= 60 for c in empty)  # names run down
    right = empty[-1].x + empty[-1].width
    assert right == pytest.approx(1920 - 48, abs=1)  # the whole width is used


def test_pages_take_turns_and_say_which_page_is_up() -> None:
    ws = crowded(starters.demo(), 8)
    layout = layout_of(ws)
    assert (layout.page, layout.screens) == (0, 2)
    assert layout_of(ws, 1).page == 1
    assert layout_of(ws, 2).page == 0
    assert layout_of(ws, -1).page == 1  # paging back by hand from the first
    assert pager_text(layout_of(ws, 1)) == "page 2 of 2"
    assert pager_text(layout_of(starters.demo())) == ""
    first = render_wall(WallScene(ws, now=T0, page_tick=0), FULL_HD)
    second = render_wall(WallScene(ws, now=T0, page_tick=1), FULL_HD)
    assert first != second


def test_long_titles_wrap_instead_of_being_cut() -> None:
    ws = starters.demo()
    problem = ws.ordered_problems()[0]
    long_title = "Customers " + "really " * 20 + "need this fixed before the renewal"
    ws.problems[problem.id] = replace(problem, title=long_title)
    layout = layout_of(ws)
    card = next(c for col in layout.columns for c in col.cards if c.problem.id == problem.id)
    assert len(card.title.lines) > 3
    assert " ".join(card.title.lines).split() == long_title.split()


def test_columns_that_cannot_stand_side_by_side_take_turns() -> None:
    from workshopdesk.core.entities import Column

    ws = starters.demo()
    problems = ws.ordered_problems()
    for n in range(4):
        column = Column(f"extra-{n}", f"Extra {n}", 100.0 + n)
        ws.columns[column.id] = column
        moved = problems[n]
        ws.problems[moved.id] = replace(moved, column_id=column.id)
    layout = layout_of(ws)
    assert layout.groups == 2
    assert layout.lane_width >= 36 * 9
    later = layout_of(ws, layout.pages)
    assert later.group == 1
    assert later.columns[0].column.name == ws.ordered_columns()[len(layout.columns)].name
    assert pager_text(later).startswith(f"columns {len(layout.columns) + 1}–")


@pytest.mark.parametrize("view", [View.WALL, View.SPOTLIGHT, View.RULES])
@pytest.mark.parametrize("name", list(THEMES))
def test_every_view_paints_in_every_theme(view: View, name: str) -> None:
    wall_theme = theme(name)
    image = render_wall(WallScene(starters.demo(), wall_theme, view, now=T0), FULL_HD)
    assert image.size() == FULL_HD
    assert QColor(image.pixel(2, 2)).name().upper() == wall_theme.background
    text = QColor(wall_theme.text)
    assert _count_near(image, text) > 2000  # there is text on it


def test_the_spotlight_shows_the_chosen_problem() -> None:
    ws = starters.demo()
    one = ws.problem_by_number(1)
    two = ws.problem_by_number(2)
    assert one is not None and two is not None
    a = render_wall(WallScene(ws, view=View.SPOTLIGHT, problem_id=one.id, now=T0), FULL_HD)
    b = render_wall(WallScene(ws, view=View.SPOTLIGHT, problem_id=two.id, now=T0), FULL_HD)
    assert a != b
    scene = WallScene(ws, view=View.SPOTLIGHT, problem_id="gone", now=T0)
    assert scene.spotlight_problem() == ws.ordered_problems()[0]


def test_the_timer_shows_once_started_and_signals_when_time_is_up() -> None:
    ws, light = starters.demo(), theme("light")
    stopped = render_wall(WallScene(ws, now=T0, timer=TimerState()), FULL_HD)
    plain = render_wall(WallScene(ws, now=T0), FULL_HD)
    assert _count_near(stopped, QColor(light.edge)) == _count_near(plain, QColor(light.edge))
    running = TimerState().set_minutes(1).start(T0)
    ticking = render_wall(WallScene(ws, now=T0 + timedelta(seconds=5), timer=running), FULL_HD)
    assert ticking != plain
    alarm = QColor(light.alarm)
    assert abs(_count_near(ticking, alarm) - _count_near(plain, alarm)) < 100
    up = WallScene(ws, now=T0 + timedelta(minutes=2), timer=running, flash=True)
    bright = render_wall(up, FULL_HD)
    assert _near(QColor(bright.pixel(4, 540)), alarm)  # the frame round the wall
    dim = render_wall(replace(up, flash=False), FULL_HD)
    assert not _near(QColor(dim.pixel(4, 540)), alarm)
    assert _count_near(dim, alarm) - _count_near(plain, alarm) > 5000  # "Time's up" stays


def test_the_join_corner_appears_only_when_sharing() -> None:
    ws = starters.demo()
    qr = QImage(21, 21, QImage.Format.Format_RGB32)
    qr.fill(QColor("#000000"))
    plain = render_wall(WallScene(ws, now=T0), FULL_HD)
    shared = render_wall(
        WallScene(ws, now=T0, join=Join("http://10.0.0.2:8421/j/abc", qr)), FULL_HD
    )
    corner = QRectF(1920 - 48 - 132, 48, 132, 132)
    assert _count_near(plain.copy(corner.toRect()), QColor("#000000")) == 0
    assert _count_near(shared.copy(corner.toRect()), QColor("#000000")) > 5000
    full = render_wall(
        WallScene(ws, view=View.JOIN, now=T0, join=Join("http://x/j/abc", qr)), FULL_HD
    )
    assert _count_near(full, QColor("#000000")) > 200_000
    no_share = render_wall(WallScene(ws, view=View.JOIN, now=T0), FULL_HD)
    assert _count_near(no_share, QColor("#000000")) == 0  # without sharing: just the wall


def test_the_wall_scales_to_smaller_screens_and_previews() -> None:
    ws = starters.demo()
    for size in (QSize(1280, 720), QSize(1024, 768), QSize(320, 180)):
        image = render_wall(WallScene(ws, now=T0), size)
        assert image.size() == size
    assert Canvas.inside(QRectF(0, 0, 1024, 768)).rect.height() == pytest.approx(1440)


def test_an_empty_workshop_paints_without_trouble() -> None:
    ws = starters.template("blank")
    for view in (View.WALL, View.SPOTLIGHT, View.RULES):
        render_wall(WallScene(ws, view=view, now=T0), FULL_HD)
    image = QImage(FULL_HD, QImage.Format.Format_ARGB32)
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    paint_board(painter, QRectF(0, 0, 1920, 1080), WallScene(ws, now=T0))
    painter.end()


def _near(color: QColor, target: QColor, tolerance: int = 12) -> bool:
    return (
        abs(color.red() - target.red()) <= tolerance
        and abs(color.green() - target.green()) <= tolerance
        and abs(color.blue() - target.blue()) <= tolerance
    )


def _count_near(image: QImage, target: QColor) -> int:
    small = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(small.constBits())  # BGRA
    t = (target.blue(), target.green(), target.red())
    count = 0
    for i in range(0, len(data), 4 * 3):  # every third pixel, enough to tell
        if (
            abs(data[i] - t[0]) <= 12
            and abs(data[i + 1] - t[1]) <= 12
            and abs(data[i + 2] - t[2]) <= 12
        ):
            count += 1
    return count * 3


def crammed() -> Workshop:
    """Everything at its limits: the longest titles, texts, names, many of each."""
    from workshopdesk.core.entities import Column, Solution, SolutionStatus, Team

    ws = starters.demo()
    first = ws.ordered_problems()[0]
    word = "Kundtjänstärendehanteringssystemet "
    ws.problems[first.id] = replace(
        first,
        title=(word * 6)[:200],
        customer="Ö" * 120,
        description="Why it matters. " * 600,
        stalled_because="Nobody owned it. " * 500,
    )
    for n in range(12):
        solution = Solution(
            f"s{n}", first.id, "A long idea " * 150, 100.0 + n, status=SolutionStatus.AGREED
        )
        ws._put(solution)
    for n in range(9):
        ws._put(Team(f"t{n}", f"Team with a very long name number {n}", "#336699", 10.0 + n))
    column = ws.ordered_columns()[0]
    ws.columns[column.id] = replace(column, name="A column name that goes on " * 7)
    ws._put(Column("c-extra", "Parked", 99.0))
    ws.info = replace(
        ws.info,
        goal="A goal. " * 400,
        ground_rules=tuple(f"Rule {n}: listen before answering, " * 4 for n in range(20)),
    )
    return ws


@pytest.mark.parametrize("view", [View.WALL, View.SPOTLIGHT, View.RULES])
def test_nothing_spills_into_the_margins_however_long_the_texts(view: View) -> None:
    ws = crammed()
    dark = theme("dark")
    image = render_wall(WallScene(ws, dark, view, now=T0), FULL_HD)
    background = QColor(dark.background)
    bottom = image.copy(0, 1080 - 24, 1920, 24)
    right = image.copy(1920 - 24, 0, 24, 1080)
    left = image.copy(0, 0, 24, 1080)
    for strip in (bottom, right, left):
        assert _stray_pixels(strip, background) == 0


def _stray_pixels(image: QImage, ground: QColor) -> int:
    converted = image.convertToFormat(QImage.Format.Format_RGB32)  # kept alive while read
    data = bytes(converted.constBits())
    t = (ground.blue(), ground.green(), ground.red())
    return sum(
        1
        for i in range(0, len(data), 4)
        if max(abs(data[i] - t[0]), abs(data[i + 1] - t[1]), abs(data[i + 2] - t[2])) > 12
    )


def test_the_wall_shows_the_round_and_the_spotlight_ranks_by_dots(qapp: object) -> None:
    import uuid

    from workshopdesk import starters
    from workshopdesk.core import operations as ops
    from workshopdesk.core.participation import round_status
    from workshopdesk.paint.wall_parts import round_words
    from workshopdesk.paint.wall_spotlight import ordered_solutions

    ws = starters.demo()
    now = "2027-02-11T10:00:00+01:00"
    phones = [str(uuid.UUID(int=i + 1)) for i in range(3)]
    for device in phones:
        ws.apply_all(ops.join(ws, device, now).changes)
    problem = max(ws.ordered_problems(), key=lambda p: len(ws.solutions_of(p.id))).id
    before = [s.id for s in ordered_solutions(ws, problem)]
    last = before[-1]
    if ws.solutions[last].status == "rejected":
        last = before[-2]
    ws.apply_all(ops.start_round(ws, "vote", now, hidden=True).changes)
    for device in phones:
        ws.apply_all(ops.set_dot(ws, device, last, True).changes)
    ws.apply_all(ops.mark_finished(ws, phones[0]).changes)
    status = round_status(ws)
    assert status is not None and round_words(status) == "Vote  ·  1 of 3 done"
    assert [s.id for s in ordered_solutions(ws, problem)] == before, "hidden until the end"
    ws.apply_all(ops.stop_round(ws, now).changes)
    assert ordered_solutions(ws, problem)[0].id == last
