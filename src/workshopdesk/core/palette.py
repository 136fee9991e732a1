"""The colours offered to new teams, wherever a team is made: the window, an import."""

from __future__ import annotations

from workshopdesk.core.workshop import Workshop

TEAM_COLOURS = (
    "#e07a5f",
    "#3d85c6",
    "#81b29a",
    "#f2cc8f",
    "#9c6ade",
    "#e9a03b",
    "#4f9da6",
    "#d1495b",
)
"""Distinct on a projector and for most colour vision."""


def next_team_colour(ws: Workshop) -> str:
    """The first colour no team uses yet; once all are taken, they come round again."""
    used = {t.color for t in ws.teams.values()}
    free = next((c for c in TEAM_COLOURS if c not in used), None)
    return free or TEAM_COLOURS[len(ws.teams) % len(TEAM_COLOURS)]
