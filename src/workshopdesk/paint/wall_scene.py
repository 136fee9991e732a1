"""What the wall shows at one moment: the workshop, the view, the theme, the timer.

A scene is a plain value; the painters in ``wall.py`` turn it into pixels. Sizes are
designed for a 1920×1080 wall and scaled to whatever the real screen is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from workshopdesk.core.entities import Problem
from workshopdesk.core.timer import Phase, TimerState, format_clock, system_clock
from workshopdesk.core.workshop import Workshop
from workshopdesk.links import is_loopback
from workshopdesk.paint.themes import LIGHT, Theme
from workshopdesk.text import Translator, translator

DESIGN_WIDTH = 1920.0
DESIGN_HEIGHT = 1080.0
MARGIN = 48.0
TITLE_PX = 36.0
"""Card titles: Inter DemiBold at 36 px has capitals 26.2 px high
(``QFontMetricsF.capHeight()``): 1/200 of an 8 m viewing distance on a 3 m wide image of
a 1920×1080 wall."""
PAGE_SECONDS = 8
"""How long each screen of a too-full board stays up before the next."""


class View(StrEnum):
    WALL = "wall"
    SPOTLIGHT = "spotlight"
    RULES = "rules"
    JOIN = "join"
    CHECK_IN = "check-in"


@dataclass(frozen=True, slots=True)
class WifiCode:
    """The room's network as a QR code phones join it with (dark modules on light)."""

    name: str
    password: str
    qr: QImage


@dataclass(frozen=True, slots=True)
class Join:
    """How phones join: the short URL and its QR code (dark modules on light), and the
    network to join first when the facilitator has named it."""

    url: str
    qr: QImage
    wifi: WifiCode | None = None

    @property
    def reachable(self) -> bool:
        """False for a link on this computer only (127.0.0.1): no phone can open it, so
        the wall says so instead of showing a code."""
        return not is_loopback(self.url)


@dataclass(frozen=True, slots=True)
class TimerFace:
    """The timer as the room sees it."""

    text: str
    phase: Phase
    finished: bool

    @classmethod
    def of(cls, timer: TimerState | None, now: datetime) -> TimerFace | None:
        """None when there is nothing to show (no timer, or a stopped one)."""
        if timer is None or timer.phase is Phase.STOPPED:
            return None
        return cls(format_clock(timer.remaining(now)), timer.phase, timer.finished(now))


@dataclass(frozen=True, slots=True)
class WallScene:
    workshop: Workshop
    theme: Theme = LIGHT
    view: View = View.WALL
    problem_id: str | None = None
    """The problem in the spotlight (the first one when None or gone)."""
    timer: TimerState | None = None
    now: datetime = field(default_factory=system_clock)
    page_tick: int = 0
    """Counts page turns: a column with three pages shows page ``tick % 3``."""
    flash: bool = True
    """The "time is up" signal blinks: True is its bright half."""
    join: Join | None = None
    language: Translator | None = None
    """The room's words; by default the workshop's language (a test passes another)."""

    @property
    def words(self) -> Translator:
        """The translator the wall speaks with: the workshop's language, not the window's."""
        return self.language or translator(self.workshop.info.language)

    @property
    def timer_face(self) -> TimerFace | None:
        return TimerFace.of(self.timer, self.now)

    def spotlight_problem(self) -> Problem | None:
        problems = self.workshop.problems
        if self.problem_id is not None and self.problem_id in problems:
            return problems[self.problem_id]
        ordered = self.workshop.ordered_problems()
        return ordered[0] if ordered else None


@dataclass(frozen=True, slots=True)
class Canvas:
    """The design-size drawing area inside a real rectangle."""

    scale: float
    rect: QRectF
    """In design pixels: 1080 high on a 16:9 screen, taller on 4:3."""

    @classmethod
    def inside(cls, target: QRectF) -> Canvas:
        scale = min(target.width() / DESIGN_WIDTH, target.height() / DESIGN_HEIGHT)
        scale = max(scale, 1e-3)
        return cls(scale, QRectF(0, 0, target.width() / scale, target.height() / scale))
