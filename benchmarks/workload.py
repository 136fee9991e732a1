"""Large workshops for benchmarks: N problems with M solutions each, built in memory."""

from __future__ import annotations

import uuid
from pathlib import Path

from workshopdesk import starters
from workshopdesk.core.entities import Attendee, FollowUp, Problem, Solution, SolutionStatus
from workshopdesk.core.workshop import Workshop
from workshopdesk.store.workshop_file import WorkshopFile


def big_workshop(problems: int, solutions: int) -> Workshop:
    ws = starters.template("problem-wall", title=f"{problems} problems × {solutions} solutions")
    teams = [t.id for t in ws.ordered_teams()]
    columns = [c.id for c in ws.ordered_columns()]
    people = []
    for i in range(40):
        person = Attendee(str(uuid.uuid4()), f"Attendee {i + 1}", float(i), teams[i % len(teams)])
        ws._put(person)
        people.append(person.id)
    for n in range(1, problems + 1):
        pid = str(uuid.uuid4())
        ws._put(
            Problem(
                id=pid,
                number=n,
                title=f"Customer problem {n}: invoices arrive in the wrong format",
                column_id=columns[n % len(columns)],
                position=float(n),
                customer=f"Customer {n % 97}",
                description="The customer cannot book our invoices automatically. " * 4,
                stalled_because="Nobody owned it between sales and development.",
                team_ids=tuple(teams),
                tags=("billing", "integration"),
            )
        )
        for s in range(solutions):
            ws._put(
                Solution(
                    id=str(uuid.uuid4()),
                    problem_id=pid,
                    text=f"Solution {s + 1}: a shared checklist before every release.",
                    position=float(s),
                    proposer_id=people[(n + s) % len(people)],
                    team_ids=(teams[s % len(teams)],),
                    status=SolutionStatus.AGREED if s == 0 and n % 2 else SolutionStatus.PROPOSED,
                    votes=s % 5,
                )
            )
        ws._put(
            FollowUp(
                str(uuid.uuid4()),
                pid,
                "Check in with the customer",
                0.0,
                people[n % 40],
                "2027-03-01",
            )
        )
    return ws


def write_big_workshop(path: Path, problems: int, solutions: int) -> Path:
    WorkshopFile.create(path, big_workshop(problems, solutions), force=True)
    return path
