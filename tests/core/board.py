"""A small board in memory, known by heart, for tests that check exact values.

Columns: To do, Doing, Done (the done column), Archive (after it). Problems #1 and #2 in
To do, #3 in Doing, #4 (solved) in Done. Teams Sales and Dev; attendees Ann (Sales) and
Bo (Dev). #1 has Ann's solution and Bo's follow-up; #4 has its agreed solution.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from workshopdesk.core.changes import Step
from workshopdesk.core.entities import (
    Attendee,
    Column,
    FollowUp,
    Problem,
    Solution,
    SolutionStatus,
    Team,
    WorkshopInfo,
)
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import error_text, render


def uid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


@dataclass(frozen=True)
class Ids:
    sales: str = uid(1)
    dev: str = uid(2)
    ann: str = uid(3)
    bo: str = uid(4)
    todo: str = uid(5)
    doing: str = uid(6)
    done: str = uid(7)
    archive: str = uid(8)
    p1: str = uid(11)
    p2: str = uid(12)
    p3: str = uid(13)
    p4: str = uid(14)
    s1: str = uid(21)
    s4: str = uid(24)
    f1: str = uid(31)


IDS = Ids()
INFO = WorkshopInfo(
    id=uid(99),
    title="Sales x Development",
    venue="Room 4",
    starts_at="2027-02-11T09:00:00+01:00",
    ends_at="2027-02-11T16:00:00+01:00",
    timezone="Europe/Stockholm",
    facilitator="Kim",
    goal="Fewer surprises",
    ground_rules=("Be kind",),
    invitation="Come along",
)


def board() -> Workshop:
    i = IDS
    return Workshop(
        INFO,
        [
            Team(i.sales, "Sales", "#e07a5f", 1.0),
            Team(i.dev, "Dev", "#3d85c6", 2.0),
            Attendee(i.ann, "Ann", 1.0, team_id=i.sales),
            Attendee(i.bo, "Bo", 2.0, team_id=i.dev),
            Column(i.todo, "To do", 1.0),
            Column(i.doing, "Doing", 2.0),
            Column(i.done, "Done", 3.0, is_done=True),
            Column(i.archive, "Archive", 4.0),
            Problem(i.p1, 1, "Late invoices", i.todo, 1.0, team_ids=(i.sales,)),
            Problem(i.p2, 2, "Lost leads", i.todo, 2.0, team_ids=(i.sales, i.dev)),
            Problem(i.p3, 3, "Slow builds", i.doing, 1.0),
            Problem(i.p4, 4, "Old quotes", i.done, 1.0),
            Solution(i.s1, i.p1, "Send them weekly", 1.0, proposer_id=i.ann, votes=2),
            Solution(
                i.s4, i.p4, "One price list", 1.0, status=SolutionStatus.AGREED, team_ids=(i.dev,)
            ),
            FollowUp(i.f1, i.p1, "Ask finance", 1.0, owner_id=i.bo, due="2027-03-01"),
        ],
    )


def done(ws: Workshop, step: Step) -> Workshop:
    """``ws`` with ``step`` applied (as the session would after writing it)."""
    ws.apply_all(step.changes)
    return ws


def titles(ws: Workshop, column_id: str) -> list[str]:
    return [p.title for p in ws.problems_in(column_id)]


def said(step: Step) -> str:
    """What Undo, Redo and the activity log say for ``step``."""
    return render(step.label)


def refusal(attempt: Callable[[], object]) -> str:
    """The sentence a refused ``attempt`` is explained with."""
    with pytest.raises(WorkshopError) as refused:
        attempt()
    return error_text(refused.value)
