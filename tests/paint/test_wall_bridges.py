"""The wall marks a problem the room solved together: its agreed solution involves every
team. A problem solved by one team alone says only "Solved"."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor

from tests.paint.test_wall_words import paint
from workshopdesk import starters
from workshopdesk.core.bridges import is_bridged
from workshopdesk.core.entities import Problem, SolutionStatus
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint.themes import THEMES
from workshopdesk.paint.wall_scene import View, WallScene


def one_team_only(ws: Workshop, number: int) -> Workshop:
    """Problem ``number`` keeps only its agreed solutions of a single team."""
    problem = next(p for p in ws.problems.values() if p.number == number)
    for s in ws.solutions_of(problem.id):
        if s.status is SolutionStatus.AGREED and len(s.team_ids) > 1:
            ws._put(replace(s, status=SolutionStatus.PROPOSED))
    return ws


def test_the_board_says_solved_together_on_every_bridged_card() -> None:
    ws = one_team_only(starters.demo(), 3)
    bridged = {p.number for p in ws.problems.values() if is_bridged(ws, p.id)}
    assert bridged == {1, 2, 6, 8}
    _, painted = paint(WallScene(ws))
    texts = [p.text for p in painted]
    assert texts.count("Solved together") == len(bridged)
    assert texts.count("Solved") == 1  # #3: agreed, by Development alone


def test_the_spotlight_says_it_too_in_the_rooms_language() -> None:
    ws = starters.demo("sv")
    problem = next(p for p in ws.problems.values() if p.number == 2)
    _, painted = paint(WallScene(ws, view=View.SPOTLIGHT, problem_id=problem.id))
    assert "Löst tillsammans" in [p.text for p in painted]


def test_a_compact_card_fills_its_tick_when_solved_together() -> None:
    """On a crowded wall cards show a tag only: the tick of a bridged problem sits on a
    filled disc, so the mark is there even without the words."""
    ws = starters.demo()
    first = ws.ordered_columns()[0]
    for n in range(150):
        ws._put(Problem(f"extra{n}", 100 + n, f"Waiting on the customer {n}", first.id, 100.0 + n))
    theme = THEMES["light"]

    def solved_colour_share(workshop: Workshop) -> int:
        image, painted = paint(WallScene(workshop, theme=theme))
        assert "Solved together" not in [p.text for p in painted]  # compact: tags only
        solved = QColor(theme.solved).rgb()
        return sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if image.pixel(x, y) == solved
        )

    together = solved_colour_share(ws)
    for number in (1, 2, 3, 6, 8):
        one_team_only(ws, number)
    alone = solved_colour_share(ws)
    assert together > alone
