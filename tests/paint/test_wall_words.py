"""The wall speaks the workshop's language, not the window's: every word it paints (the
progress line, the timer, the join screen, the spotlight's labels) is translated, and in
Swedish, with its longer words, no column name and no label is cut and every text keeps
7:1 contrast on the ground it is painted on, in every theme."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from tests.pseudo_locale import untranslated, workshop_texts
from workshopdesk import starters
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import Column, Team
from workshopdesk.core.share_link import WifiNetwork
from workshopdesk.core.timer import TimerState
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.join_code import room_join
from workshopdesk.paint.themes import AAA, THEMES, contrast
from workshopdesk.paint.wall import paint_wall
from workshopdesk.paint.wall_board import pager_text, wall_layout
from workshopdesk.paint.wall_scene import Join, View, WallScene
from workshopdesk.text import render, translator
from workshopdesk.text.pseudo import CLOSE, OPEN

FULL_HD = QSize(1920, 1080)
T0 = datetime(2027, 2, 11, 9, 0, tzinfo=UTC)
URL = "http://10.0.0.2:8421/j/abc"
SWEDISH_COLUMNS = ("På väggen", "Diskuteras", "Lösning överenskommen", "Uppföljning pågår")
"""The problem wall's columns in Swedish, should the catalogue not have them yet."""


@dataclass(frozen=True)
class Painted:
    text: str
    color: str
    box: QRectF
    """Where the text went on the image, in pixels."""


class RecordingPainter(QPainter):
    """A painter that notes every text it draws, its colour and where it went."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.painted: list[Painted] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        super().drawText(*args)  # type: ignore[call-overload]
        metrics = QFontMetricsF(self.font())
        if isinstance(args[0], QPointF):
            point, text = args[0], str(args[1])
            box = metrics.boundingRect(text).translated(point)
        else:
            rect, flags, text = args[0], args[1], str(args[2])
            assert isinstance(rect, QRectF) and isinstance(flags, int)
            box = metrics.boundingRect(rect, flags, text)
        mapped = self.worldTransform().mapRect(box)
        self.painted.append(Painted(text, self.pen().color().name(), mapped))


def paint(scene: WallScene) -> tuple[QImage, list[Painted]]:
    image = QImage(FULL_HD, QImage.Format.Format_RGB32)
    painter = RecordingPainter(image)
    try:
        paint_wall(painter, QRectF(0, 0, FULL_HD.width(), FULL_HD.height()), scene)
    finally:
        painter.end()
    return image, painter.painted


def is_user_data(text: str, user: set[str]) -> bool:
    """A line of the workshop's own texts: a card title wrapped or shortened, a number."""
    line = text.removesuffix("…").strip()
    line = re.sub(r"^#\d+\s*", "", line)
    return not line or any(line in own for own in user)


def program_lines(painted: list[Painted], user: set[str]) -> list[str]:
    """The program's painted texts (the workshop's own aside), a text wrapped on several
    lines joined again."""
    joined: list[str] = []
    pending = ""
    for item in painted:
        if not pending and is_user_data(item.text, user):
            continue
        text = f"{pending} {item.text}" if pending else item.text
        if text.count(OPEN) > text.count(CLOSE):
            pending = text
            continue
        pending = ""
        joined.append(text)
    return [*joined, pending] if pending else joined


def busy(ws: Workshop) -> Workshop:
    """A workshop in full swing: phones joined, a vote running."""
    now = "2027-02-11T10:00:00+01:00"
    phones = [f"00000000-0000-0000-0000-00000000000{i}" for i in range(1, 4)]
    for device in phones:
        ws.apply_all(ops.join(ws, device, now).changes)
    ws.apply_all(ops.start_round(ws, "vote", now).changes)
    ws.apply_all(ops.mark_finished(ws, phones[0]).changes)
    return ws


def scenes(ws: Workshop, **given: object) -> dict[str, WallScene]:
    """Every view of the wall, with every word it can show."""
    running = TimerState().set_minutes(5).start(T0)
    paused = running.pause(T0 + timedelta(minutes=1))
    wifi = room_join(URL, WifiNetwork("Hotel-Guest", "sommar2027", "WPA"))
    base = WallScene(ws, now=T0 + timedelta(seconds=30), **given)  # type: ignore[arg-type]
    problem = max(ws.ordered_problems(), key=lambda p: len(ws.solutions_of(p.id)))
    return {
        "board, timer running, sharing": replace(base, timer=running, join=room_join(URL)),
        "board, timer paused": replace(base, timer=paused),
        "board, time is up": replace(base, timer=running, now=T0 + timedelta(minutes=6)),
        "board, link on this computer only": replace(
            base, join=Join("http://127.0.0.1:8421/j/abc", room_join(URL).qr)
        ),
        "spotlight": replace(base, view=View.SPOTLIGHT, problem_id=problem.id, timer=running),
        "spotlight, no solutions yet": replace(
            base,
            view=View.SPOTLIGHT,
            problem_id=next(p.id for p in ws.ordered_problems() if not ws.solutions_of(p.id)),
        ),
        "goal and ground rules": replace(base, view=View.RULES, join=room_join(URL)),
        "join screen": replace(base, view=View.JOIN, join=room_join(URL)),
        "join screen with the Wi-Fi": replace(base, view=View.JOIN, join=wifi),
        "join screen, this computer only": replace(
            base, view=View.JOIN, join=Join("http://127.0.0.1:8421/j/abc", room_join(URL).qr)
        ),
        "check-in, follow-ups due": replace(
            base, view=View.CHECK_IN, now=datetime(2027, 3, 6, 10, tzinfo=UTC)
        ),
        "check-in, nothing due yet": replace(base, view=View.CHECK_IN),
    }


def demo_with_an_unsolved_problem_without_solutions() -> Workshop:
    ws = busy(starters.demo())
    if all(ws.solutions_of(p.id) for p in ws.ordered_problems()):
        ws.apply_all(ops.add_problem(ws, "Fakturan kommer fram för sent").changes)
    return ws


def user_data(ws: Workshop) -> set[str]:
    texts = workshop_texts(ws)
    return {*texts, "10.0.0.2:8421", "/j/abc", "10.0.0.2:8421/j/abc", "127.0.0.1:8421/j/abc"} | {
        "Hotel-Guest",
        "sommar2027",
    }


def crowded() -> Workshop:
    """Pages, columns and teams that take turns or do not all fit: the pager and "+ 3 more"."""
    ws = starters.demo()
    first = ws.ordered_columns()[0]
    for index, problem in enumerate(ws.ordered_problems()):
        ws.problems[problem.id] = replace(problem, column_id=first.id, position=float(index))
    for n in range(8):
        ws.columns[f"extra{n}"] = Column(f"extra{n}", f"Waiting for the customer {n}", 100.0 + n)
        ws.teams[f"team{n}"] = Team(f"team{n}", f"Regional support team {n}", "#3d85c6", 10.0 + n)
    return ws


def test_the_pager_and_the_legend_are_translated() -> None:
    ws = crowded()
    words = translator("pseudo")
    user = user_data(ws)
    pagers: list[str] = []
    shown: list[str] = []
    for tick in range(6):
        scene = WallScene(ws, now=T0, page_tick=tick, language=words)
        _, painted = paint(scene)
        assert untranslated(program_lines(painted, user), user) == []
        shown += [item.text for item in painted]
        pager = pager_text(wall_layout(scene, QRectF(0, 0, 1920, 1080)), words)
        if pager:
            pagers.append(pager)
            assert pager in shown
    assert pagers, "screens take turns"
    assert all(text.startswith(OPEN) for text in pagers)
    assert any(text.startswith(f"{OPEN}+ ") for text in shown)  # teams that do not fit


@pytest.mark.parametrize("view", list(scenes(demo_with_an_unsolved_problem_without_solutions())))
def test_every_word_on_the_wall_is_translated(view: str) -> None:
    ws = demo_with_an_unsolved_problem_without_solutions()
    scene = scenes(ws, language=translator("pseudo"))[view]
    _, painted = paint(scene)
    user = user_data(ws)
    texts = program_lines(painted, user)
    assert texts
    assert untranslated(texts, user) == []


def test_the_wall_follows_the_workshops_language_not_the_windows(
    interface_language: object,
) -> None:
    ws = starters.demo()
    interface_language("pseudo")  # type: ignore[operator]
    ws.info = replace(ws.info, language="sv")
    _, painted = paint(WallScene(ws, now=T0))
    texts = [p.text for p in painted]
    assert not any(OPEN in text for text in texts)
    progress = ws.progress()
    sentence = render(progress.message(), translator("sv"))
    assert sentence in texts
    assert WallScene(ws).words.language == "sv"


def test_the_progress_line_counts_in_swedish() -> None:
    sv = translator("sv")
    ws = starters.demo("sv")
    progress = ws.progress()
    expected = f"{progress.solved} av {progress.total} problem har en överenskommen lösning"
    assert render(progress.message(), sv) == expected
    _, painted = paint(WallScene(ws, now=T0))
    assert expected in [p.text for p in painted]


def swedish_wall() -> Workshop:
    """The demo in Swedish, its columns named as the Swedish problem wall names them."""
    ws = busy(starters.demo("sv"))
    names = [c.name for c in starters.template("problem-wall", language="sv").ordered_columns()]
    if names == [c.name for c in starters.template("problem-wall").ordered_columns()]:
        names = list(SWEDISH_COLUMNS)  # the catalogue has no Swedish names yet
    for column, name in zip(ws.ordered_columns(), names, strict=False):
        ws.columns[column.id] = replace(column, name=name)
    return ws


def ground(image: QImage, box: QRectF, ink: str) -> QColor:
    """The colour a text sits on: the commonest colour in its box that is not its ink."""
    counts: Counter[int] = Counter()
    rect = box.toAlignedRect().intersected(image.rect())
    step = max(1, min(rect.width(), rect.height()) // 12)
    for y in range(rect.top(), rect.bottom() + 1, step):
        for x in range(rect.left(), rect.right() + 1, step):
            counts[image.pixel(x, y)] += 1
    ink_rgb = QColor(ink).rgb()
    for rgb, _count in counts.most_common():
        if rgb != ink_rgb:
            return QColor(rgb)
    return QColor(ink)


@pytest.mark.parametrize("name", list(THEMES))
def test_in_swedish_no_column_name_is_cut_and_every_text_keeps_seven_to_one(name: str) -> None:
    ws = swedish_wall()
    layout = wall_layout(WallScene(ws, theme=THEMES[name], now=T0), QRectF(0, 0, 1920, 1080))
    for column in layout.columns:
        assert " ".join(column.head.lines).split() == column.column.name.split()
        for line in column.head.lines:
            assert QFontMetricsF(column.head.font).horizontalAdvance(line) <= column.width + 0.5
    user = user_data(ws)
    for view, scene in scenes(ws, theme=THEMES[name]).items():
        image, painted = paint(scene)
        drawn = " ".join(p.text for p in painted)
        for column in ws.ordered_columns():
            if view.startswith("board"):
                assert all(word in drawn.split() for word in column.name.split()), column.name
        if scene.view is View.SPOTLIGHT and scene.problem_id is not None:
            place = ws.columns[ws.problems[scene.problem_id].column_id].name
            assert any(place in item.text for item in painted), (view, place)
        for item in painted:
            if not is_user_data(item.text, user):
                assert "…" not in item.text, (view, item.text)
            if not item.text.strip() or item.box.width() < 2 or item.box.height() < 2:
                continue
            ratio = contrast(item.color, ground(image, item.box, item.color).name())
            assert ratio >= AAA, (view, item.text, item.color, round(ratio, 2))


def test_the_opening_slide_dates_the_day_in_the_rooms_language() -> None:
    from workshopdesk.paint.wall_slides import _footer

    info = starters.demo().info
    info = replace(info, starts_at="2027-02-11T09:00:00+01:00", ends_at="2027-02-11T17:00:00+01:00")
    swedish = _footer(replace(info, language="sv"), translator("sv"))
    assert "11 februari 09:00–17:00" in swedish
    assert "11 February" not in swedish
    assert "February 11 09:00–17:00" in _footer(info, translator("en"))
