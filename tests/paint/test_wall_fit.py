"""The wall fits the board at 1920×1080: names never cut, titles readable from the back,
titles that keep their size on big boards, the proposer's team in the spotlight."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFontMetricsF

from workshopdesk import starters
from workshopdesk.core.entities import Column, Problem
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.join_code import room_join
from workshopdesk.paint.wall import render_wall
from workshopdesk.paint.wall_board import pager_text, wall_layout
from workshopdesk.paint.wall_layout import BoardLayout, count_font, lead
from workshopdesk.paint.wall_parts import corner_side
from workshopdesk.paint.wall_scene import PAGE_SECONDS, View, WallScene
from workshopdesk.paint.wall_spotlight import _meta
from workshopdesk.paint.wall_text import text_width

T0 = datetime(2027, 2, 11, 9, 0, tzinfo=UTC)
WALL = QRectF(0, 0, 1920, 1080)
SWEDISH = ("Lösning överenskommen", "Uppföljning", "Diskuteras", "På väggen")

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from workload import big_workshop  # noqa: E402


def layout_of(ws: Workshop, tick: int = 0) -> BoardLayout:
    return wall_layout(WallScene(ws, now=T0, page_tick=tick), WALL)


def one_column(ws: Workshop) -> Workshop:
    first = ws.ordered_columns()[0]
    for index, problem in enumerate(ws.ordered_problems()):
        ws.problems[problem.id] = replace(problem, column_id=first.id, position=float(index))
    return ws


def swedish(ws: Workshop) -> Workshop:
    for column, name in zip(ws.ordered_columns(), SWEDISH, strict=False):
        ws.columns[column.id] = replace(column, name=name)
    return ws


def every_screen(ws: Workshop) -> list[BoardLayout]:
    first = layout_of(ws)
    return [layout_of(ws, tick) for tick in range(first.screens)]


BOARDS = {
    "demo": starters.demo,
    "all in the first column": lambda: one_column(starters.demo()),
    "Swedish names": lambda: swedish(starters.demo()),
    "Swedish, all in the first column": lambda: one_column(swedish(starters.demo())),
    "Swedish, all in the last column": lambda: _all_in_last(swedish(starters.demo())),
    "200 problems": lambda: big_workshop(200, 1),
}


def _all_in_last(ws: Workshop) -> Workshop:
    last = ws.ordered_columns()[-1]
    for problem in ws.ordered_problems():
        ws.problems[problem.id] = replace(problem, column_id=last.id)
    return ws


@pytest.mark.parametrize("board", list(BOARDS))
def test_no_column_name_is_cut(board: str) -> None:
    ws = BOARDS[board]()
    seen = set()
    for layout in every_screen(ws):
        for column in layout.columns:
            seen.add(column.column.id)
            name, head = column.column.name, column.head
            assert " ".join(head.lines).split() == name.split(), head.lines  # whole words
            assert not any("…" in line for line in head.lines)
            assert len(head.lines) <= 2
            assert head.font.pixelSize() >= 26
            room = column.width - lead(column.column)
            if column.turned:  # the name runs down the column: its length is the room
                assert head.line_height <= column.width
                room = 1080 - layout.cards_top + layout.head_height - column.drop
            if column.count:
                room -= text_width(str(column.count), count_font()) + 16
            for line in head.lines:
                assert text_width(line, head.font) <= room + 0.5
            assert column.x + column.width <= 1920 - 48 + 0.5
    assert seen == set(ws.columns)


@pytest.mark.parametrize("start", [False, True], ids=["spread", "all in the first column"])
def test_twelve_cards_show_at_once_with_capitals_26_pixels_high(start: bool) -> None:
    ws = starters.demo()
    columns = ws.ordered_columns()
    for n in (11, 12):
        problem = Problem(
            f"p{n}", n, "Renewal quotes take a week to approve", columns[n % 4].id, 50.0
        )
        ws.problems[problem.id] = problem
    layout = layout_of(one_column(ws) if start else ws)
    cards = [card for column in layout.columns for card in column.page(0) for card in card]
    assert len(cards) == 12
    assert layout.screens == 1
    for card in cards:
        assert QFontMetricsF(card.title.font).capHeight() >= 26


def test_empty_columns_shrink_and_the_crowded_one_takes_the_room() -> None:
    layout = layout_of(one_column(swedish(starters.demo())))
    crowded, *empty = layout.columns
    assert crowded.width > 1920 / 2
    assert all(c.lanes == 0 and c.width <= 360 for c in empty)


def test_two_hundred_problems_keep_their_type_and_show_every_card_once_per_cycle() -> None:
    """200 cards cannot all show with 26 px capitals: the wall keeps the type and pages,
    each card once per cycle, sixteen at a time."""
    ws = big_workshop(200, 1)
    screens = every_screen(ws)
    shown = [
        card
        for layout in screens
        for column in layout.columns
        for lane in layout.shown(column)
        for card in lane
    ]
    assert sorted(c.problem.id for c in shown) == sorted(ws.problems)  # each exactly once
    assert len(shown) / len(screens) >= 15  # compact cards, four to a column
    assert len(screens) * PAGE_SECONDS <= 112  # 13 screens: each card back within 2 min
    assert pager_text(screens[1]) == f"page 2 of {len(screens)}"
    for card in shown:
        assert QFontMetricsF(card.title.font).capHeight() >= 26
        assert not card.title.lines[-1].endswith("…")
    for layout in screens:
        for column in layout.columns:
            for lane in layout.shown(column):
                used = sum(c.height + c.metrics.gap for c in lane) - lane[-1].metrics.gap
                assert used <= layout.cards_height


def test_short_titles_on_a_big_board_go_compact_at_the_same_size() -> None:
    ws = big_workshop(200, 1)
    for problem in ws.ordered_problems():
        ws.problems[problem.id] = replace(problem, title=f"Invoices {problem.number}")
    first = layout_of(ws)
    assert first.compact
    assert first.screens < 17
    for column in first.columns:
        for lane in first.shown(column):
            for card in lane:
                assert QFontMetricsF(card.title.font).capHeight() >= 26


def test_the_corner_code_makes_no_column_page() -> None:
    join = room_join("HTTP://192.168.1.23:8765/J/ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for ws in (starters.demo(), one_column(starters.demo())):
        layout = wall_layout(WallScene(ws, now=T0, join=join), WALL)
        assert layout.screens == 1
        shown = [c for column in layout.columns for lane in layout.shown(column) for c in lane]
        assert len(shown) == 10
        under = [c for c in layout.columns if c.x + c.width > 1920 - 48 - corner_side(join)]
        assert under and all(c.drop > 0 for c in under)  # they start below the code
        assert all(c.drop == 0 for c in layout.columns if c not in under)


def test_a_board_that_fits_does_not_page() -> None:
    layout = layout_of(starters.demo())
    assert layout.screens == 1
    assert pager_text(layout) == ""


def test_the_spotlight_names_the_proposers_team() -> None:
    ws = starters.demo()
    solution = next(s for s in ws.solutions.values() if s.proposer_id is not None)
    attendee = ws.attendees[solution.proposer_id]
    assert attendee.team_id is not None
    team = ws.teams[attendee.team_id]
    assert f"{attendee.name} ({team.name})" in _meta(solution, ws, None)
    ws.attendees[attendee.id] = replace(attendee, team_id=None)
    assert _meta(solution, ws, None).startswith(attendee.name)
    assert team.name not in _meta(solution, ws, None)
    image = render_wall(
        WallScene(ws, view=View.SPOTLIGHT, problem_id=solution.problem_id, now=T0),
        QSize(1920, 1080),
    )
    assert not image.isNull()


def test_many_columns_of_swedish_names_still_read_whole() -> None:
    ws = swedish(starters.demo())
    for n, name in enumerate(("Parkerat", "Väntar på kund", "Klart för uppföljning")):
        ws.columns[f"x{n}"] = Column(f"x{n}", name, 100.0 + n)
    for layout in every_screen(one_column(ws)):
        for column in layout.columns:
            assert " ".join(column.head.lines).split() == column.column.name.split()
