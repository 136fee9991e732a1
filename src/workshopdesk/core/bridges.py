"""Team bridges: which teams a problem's solutions came from, and whether the room agreed
on one that involves every team.

The workshop exists so that its teams (sales and development, say) solve problems
together. A solution involves the teams it is marked with and its proposer's team. A
problem is *bridged* when one of its **agreed** solutions involves every team of the
workshop (both, or all when there are more); a workshop with fewer than two teams has no
bridges. Proposed and rejected solutions never make a bridge.
"""

from __future__ import annotations

from workshopdesk.core.entities import Solution, SolutionStatus, Team
from workshopdesk.core.workshop import Workshop


def solution_teams(ws: Workshop, solution: Solution) -> frozenset[str]:
    """The ids of the teams a solution involves: its own marks and its proposer's team."""
    ids = {t for t in solution.team_ids if t in ws.teams}
    proposer = ws.attendees.get(solution.proposer_id or "")
    team_id = proposer.team_id if proposer is not None else None
    if team_id is not None and team_id in ws.teams:
        ids.add(team_id)
    return frozenset(ids)


def proposing_teams(ws: Workshop, problem_id: str) -> list[Team]:
    """The teams any of the problem's solutions came from, in the workshop's team order."""
    ids: set[str] = set()
    for solution in ws.solutions_of(problem_id):
        ids |= solution_teams(ws, solution)
    return [team for team in ws.ordered_teams() if team.id in ids]


def is_bridge(ws: Workshop, solution: Solution) -> bool:
    """An agreed solution that involves every team of the workshop (at least two)."""
    return (
        solution.status is SolutionStatus.AGREED
        and len(ws.teams) >= 2
        and solution_teams(ws, solution) >= set(ws.teams)
    )


def is_bridged(ws: Workshop, problem_id: str) -> bool:
    """Whether the room agreed on a solution to this problem that every team is part of."""
    return any(is_bridge(ws, s) for s in ws.solutions_of(problem_id))


def bridges(ws: Workshop) -> list[Solution]:
    """Every bridge of the workshop, by problem number and then the problem's own order."""
    problems = sorted(ws.problems.values(), key=lambda p: p.number)
    return [s for p in problems for s in ws.solutions_of(p.id) if is_bridge(ws, s)]
