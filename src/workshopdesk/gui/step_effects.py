"""What a step may change on screen, so the window redraws only what it must."""

from __future__ import annotations

from workshopdesk.core.changes import Step


def may_change_header(step: Step) -> bool:
    """Whether ``step`` can change the workshop's title line or the filter's choices."""
    for c in step.changes:
        if c.kind in ("workshop", "team"):
            return True
        if c.kind == "problem" and (
            c.before is None or c.after is None or c.before.tags != c.after.tags  # type: ignore[union-attr]
        ):
            return True
    return False


def may_change_progress(step: Step) -> bool:
    """Whether ``step`` can change how many problems have an agreed solution (moving or
    editing a card cannot; solutions and added or deleted problems can)."""
    return any(
        c.kind == "solution" or (c.kind == "problem" and (c.before is None or c.after is None))
        for c in step.changes
    )
