"""The column models are thin views of the workshop that pass Qt's model checks, through
edits, undo, filters and reloads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.gui.board_helpers import board, column_named, pid, ws
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core import operations as ops
from workshopdesk.core.entities import SolutionStatus
from workshopdesk.gui.board_filter import CardFilter
from workshopdesk.gui.card_model import Card, CardRole, ColumnModel, ProblemIdRole

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_every_column_model_passes_the_model_tester_through_edits(qtmodeltester, window):
    for column in board(window).columns.values():
        qtmodeltester.check(column.model)
    document = window.document
    wall = column_named(window, "On the wall")
    discussing = column_named(window, "Discussing")
    moving = pid(window, 9)
    document.do(lambda w: ops.move_problem(w, moving, discussing.column_id, 1))
    document.do(lambda w: ops.move_problem(w, moving, wall.column_id, 0))
    document.do(lambda w: ops.add_problem(w, wall.column_id, "A new one", index=1))
    document.do(lambda w: ops.delete_problem(w, pid(window, 10)))
    document.undo()
    document.undo()
    board(window).set_filter(CardFilter(text="api"))
    board(window).set_filter(CardFilter())
    document.changed.emit(None)  # as after a reload from outside
    for column in board(window).columns.values():
        qtmodeltester.check(column.model)


def test_a_card_tells_what_it_shows(window):
    model = column_named(window, "Solution agreed").model
    index = model.index(0)
    card = index.data(CardRole)
    assert isinstance(card, Card)
    problem = ws(window).problems[index.data(ProblemIdRole)]
    assert index.data() == problem.title
    assert card.agreed
    assert card.solutions == len(ws(window).solutions_of(problem.id))
    assert card.votes == sum(s.votes for s in ws(window).solutions_of(problem.id))
    assert [name for name, _ in card.teams] == ["Sales", "Development"]
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(f"Problem {problem.number}: {problem.title}.")
    assert "Agreed by both teams." in spoken and "Teams: Sales, Development." in spoken


def test_rows_keep_their_identity_when_cards_move(window):
    """A move is reported as a move, so the selection stays on the moved card."""
    wall = column_named(window, "On the wall")
    moved: list[tuple[int, int]] = []
    wall.model.rowsMoved.connect(lambda _p, start, _e, _d, row: moved.append((start, row)))
    resets: list[bool] = []
    wall.model.modelReset.connect(lambda: resets.append(True))
    last = wall.model.ids()[-1]
    window.document.do(lambda w: ops.move_problem(w, last, wall.column_id, 0))
    assert moved == [(2, 0)]
    assert not resets
    assert wall.model.ids()[0] == last


def test_a_read_only_model_offers_no_drag_and_takes_no_drop(window):
    model = ColumnModel(lambda: ws(window), column_named(window, "On the wall").column_id)
    model.editable = False
    flags = model.flags(model.index(0))
    assert not flags & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([model.index(0)])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(0))


def test_a_cards_tooltip_tells_its_story(window):
    model = column_named(window, "Follow-up").model
    index = model.index(0)
    problem = ws(window).problems[index.data(ProblemIdRole)]
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(problem.title)
    assert problem.description[:40] in tip
    assert "Why it stalled: " in tip


def test_a_card_solved_by_both_teams_says_so_and_names_where_solutions_came_from(window):
    model = column_named(window, "Solution agreed").model
    cards = [model.index(row).data(CardRole) for row in range(model.rowCount())]
    bridged = next(c for c in cards if c.problem.number == 2)
    assert bridged.together == 2 and bridged.pill() == "Agreed by both teams"
    assert bridged.proposed_by == ("Sales", "Development")
    assert "Solutions from: Sales, Development" in bridged.tooltip()
    spoken = model.index(cards.index(bridged)).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Agreed by both teams." in spoken and "Agreed." not in spoken


def test_agreed_by_one_team_alone_is_only_agreed(window):
    """Problem 3's agreed solutions: one of both teams; set it back to proposed and the
    card is still agreed (Development's own), no longer by both teams."""
    document = window.document
    problem = next(p for p in ws(window).problems.values() if p.number == 3)
    shared = next(s for s in ws(window).solutions_of(problem.id) if len(s.team_ids) == 2)
    document.do(lambda w: ops.edit_solution(w, shared.id, status=SolutionStatus.PROPOSED))
    card = Card.of(ws(window), ws(window).problems[problem.id])
    assert card.agreed and card.together == 0 and card.pill() == "Agreed"
    assert card.proposed_by == ("Sales", "Development")  # proposed still counts here


def test_a_card_follows_a_proposers_team_changing(window):
    """A solution's teams include its proposer's: moving the proposer to another team can
    end a bridge, and the card says so at once."""
    document = window.document
    problem = next(p for p in ws(window).problems.values() if p.number == 6)
    agreed = next(
        s for s in ws(window).solutions_of(problem.id) if s.status is SolutionStatus.AGREED
    )
    document.do(lambda w: ops.edit_solution(w, agreed.id, team_ids=()))
    proposer = ws(window).attendees[agreed.proposer_id]
    sales = proposer.team_id
    model = column_named(window, "Follow-up").model

    def card() -> Card:
        row = next(
            r for r in range(model.rowCount()) if model.index(r).data(ProblemIdRole) == problem.id
        )
        return model.index(row).data(CardRole)

    assert card().together == 0 and card().proposed_by == ("Sales", "Development")
    other = next(t.id for t in ws(window).teams.values() if t.id != sales)
    document.do(lambda w: ops.edit_attendee(w, proposer.id, team_id=other))
    assert card().proposed_by == ("Development",)
