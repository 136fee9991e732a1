"""Team bridges: which teams a problem's solutions came from, and which agreed solutions
every team is part of."""

from __future__ import annotations

from dataclasses import replace

from tests.core.board import IDS, board, uid
from workshopdesk.core.bridges import (
    bridges,
    is_bridge,
    is_bridged,
    proposing_teams,
    solution_teams,
)
from workshopdesk.core.entities import Attendee, Solution, SolutionStatus, Team


def test_a_solution_involves_its_marked_teams_and_its_proposers_team() -> None:
    ws = board()
    ann_s = ws.solutions[IDS.s1]  # proposed by Ann (Sales), no teams marked
    assert solution_teams(ws, ann_s) == {IDS.sales}
    marked = replace(ann_s, team_ids=(IDS.dev,))
    assert solution_teams(ws, marked) == {IDS.sales, IDS.dev}
    anonymous = replace(ann_s, proposer_id=None, team_ids=("no-such-team",))
    assert solution_teams(ws, anonymous) == set()


def test_a_proposer_without_a_team_adds_none() -> None:
    ws = board()
    ws._put(Attendee(uid(50), "Cy", 3.0))
    s = replace(ws.solutions[IDS.s1], proposer_id=uid(50))
    assert solution_teams(ws, s) == set()


def test_proposing_teams_follow_the_workshops_team_order() -> None:
    ws = board()
    assert proposing_teams(ws, IDS.p1) == [ws.teams[IDS.sales]]
    ws._put(Solution(uid(40), IDS.p1, "Dev's idea", 2.0, proposer_id=IDS.bo))
    assert [t.name for t in proposing_teams(ws, IDS.p1)] == ["Sales", "Dev"]
    assert proposing_teams(ws, IDS.p3) == []  # no solutions yet


def test_only_an_agreed_solution_of_every_team_is_a_bridge() -> None:
    ws = board()
    both = Solution(uid(41), IDS.p2, "Shared inbox", 1.0, proposer_id=IDS.ann,
                    team_ids=(IDS.dev,))  # fmt: skip
    ws._put(both)
    assert not is_bridge(ws, both) and not is_bridged(ws, IDS.p2)  # only proposed
    ws._put(replace(both, status=SolutionStatus.REJECTED))
    assert not is_bridged(ws, IDS.p2)
    ws._put(replace(both, status=SolutionStatus.AGREED))
    assert is_bridged(ws, IDS.p2)
    assert [s.id for s in bridges(ws)] == [both.id]
    # #4's agreed solution is Dev's alone: solved, but not together
    assert ws.is_solved(IDS.p4) and not is_bridged(ws, IDS.p4)


def test_with_a_third_team_a_bridge_needs_all_three() -> None:
    ws = board()
    agreed = Solution(uid(41), IDS.p2, "Shared inbox", 1.0, status=SolutionStatus.AGREED,
                      team_ids=(IDS.sales, IDS.dev))  # fmt: skip
    ws._put(agreed)
    assert is_bridged(ws, IDS.p2)
    ws._put(Team(uid(60), "Support", "#888888", 3.0))
    assert not is_bridged(ws, IDS.p2)
    ws._put(replace(agreed, team_ids=(IDS.sales, IDS.dev, uid(60))))
    assert is_bridged(ws, IDS.p2)


def test_one_team_alone_has_nothing_to_bridge() -> None:
    ws = board()
    del ws.teams[IDS.dev]
    agreed = Solution(uid(41), IDS.p2, "x", 1.0, status=SolutionStatus.AGREED,
                      team_ids=(IDS.sales,))  # fmt: skip
    ws._put(agreed)
    assert not is_bridge(ws, agreed) and bridges(ws) == []
