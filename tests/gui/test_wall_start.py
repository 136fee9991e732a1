"""The wall at the start of a workshop, as the projector shows it: every problem still in
the first column, all of them on screen at once, read from the window's own pixels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from pytestqt.qtbot import QtBot
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk import starters
from workshopdesk.gui.document import Document
from workshopdesk.gui.wall_controller import WallController
from workshopdesk.paint.wall_board import board_area, wall_layout
from workshopdesk.paint.wall_layout import BoardLayout, ColumnLayout, count_font, lead
from workshopdesk.paint.wall_scene import View
from workshopdesk.paint.wall_text import text_width
from workshopdesk.store.workshop_file import WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
WALL = QRectF(0, 0, 1920, 1080)


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Document]:
    """The demo before anything moved: all ten problems in "On the wall"."""
    workshop = starters.demo()
    first = workshop.ordered_columns()[0]
    for index, problem in enumerate(workshop.ordered_problems()):
        workshop.problems[problem.id] = replace(problem, column_id=first.id, position=index)
    path = tmp_path / "start.workshop"
    WorkshopFile.create(path, workshop)
    document = Document(path)
    yield document
    document.close()


def projected(qtbot: QtBot, document: Document, tmp_path: Path) -> tuple[QImage, WallController]:
    """The wall window at 1920×1080, grabbed."""
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wall = WallController(document, settings=settings)
    window = wall.show_wall()
    qtbot.waitExposed(window)
    window.showNormal()
    window.setFixedSize(1920, 1080)
    wall.show_board()
    return window.grab().toImage(), wall


def dark_rows(image: QImage, left: float, right: float, top: float, bottom: float) -> int:
    """How many pixel rows in the box hold dark (text) pixels."""
    rows = 0
    for y in range(int(top), int(bottom)):
        if any(QColor(image.pixel(x, y)).lightness() < 100 for x in range(int(left), int(right))):
            rows += 1
    return rows


def test_at_the_start_every_problem_shows_at_once_with_capitals_26_px_high(
    qtbot: QtBot, start: Document, tmp_path: Path
) -> None:
    image, wall = projected(qtbot, start, tmp_path)
    try:
        assert (image.width(), image.height()) == (1920, 1080)
        scene = wall.scene()
        assert scene.view is View.WALL
        layout = wall_layout(scene, WALL)
        assert layout.screens == 1  # no paging
        shown = [c for column in layout.columns for lane in layout.shown(column) for c in lane]
        assert sorted(c.problem.number for c in shown) == list(range(1, 11))
        area = board_area(WALL, scene)
        surface = QColor(scene.theme.surface)
        for column in layout.columns:
            for index, lane in enumerate(layout.shown(column)):
                x = column.x + index * (layout.lane_width + 16)
                y = layout.top_of(column)
                for card in lane:
                    assert y + card.height <= area.bottom()  # the whole card is on screen
                    inside = QColor(image.pixel(int(x + layout.lane_width - 8), int(y + 8)))
                    assert inside == surface  # a card is painted there
                    y += card.height + card.metrics.gap
        # The bottom right, where "page 1 of 2" would be, is bare wall.
        corner = image.copy(1920 - 48 - 300, 1080 - 32 - 44, 300, 44)
        assert dark_rows(corner, 0, 300, 0, 44) == 0
        for column in layout.columns:
            assert_name_whole(layout, column)
        # The capital T of the first card's title, measured in the picture.
        first = layout.shown(layout.columns[0])[0][0]
        m = first.metrics
        assert first.title.lines[0].startswith("T")
        left = layout.columns[0].x + m.pad + (m.stripe if first.problem.color else 0)
        top = layout.cards_top + m.pad + m.top_row + m.below_row
        width = text_width("T", first.title.font)
        cap = dark_rows(image, left + 2, left + width - 2, top, top + first.title.line_height)
        assert 26 <= cap <= 28, cap
        assert QFontMetricsF(first.title.font).capHeight() >= 26
    finally:
        wall.close()


def assert_name_whole(layout: BoardLayout, column: ColumnLayout) -> None:
    """The column's name on screen whole: every word, within the room it has."""
    head, name = column.head, column.column.name
    assert " ".join(head.lines).split() == name.split()
    assert not any("…" in line for line in head.lines)
    if column.turned:  # running down the column: the column's height is its room
        room = 1080 - 32 - 44 - 16 - layout.cards_top + layout.head_height - column.drop
        assert head.line_height <= column.width
    else:
        room = column.width - lead(column.column)
        if column.count:
            room -= text_width(str(column.count), count_font()) + 16
    for line in head.lines:
        assert text_width(line, head.font) <= room
