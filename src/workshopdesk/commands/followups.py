"""``workshopdesk followups PATH [--json] [--owner NAME] [--open]``

Every follow-up of the workshop in one list, soonest first: problem number, action, owner,
due and check-in dates, status and outcome. Reads only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.core.follow_ups import Listed, chosen, listed
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "followups",
        help="list every follow-up: owner, due and check-in dates, status",
        description="List every follow-up of a workshop, soonest first. Reads only.",
    )
    parser.add_argument("path", metavar="PATH", help="a workshop file")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    parser.add_argument(
        "--owner", metavar="NAME", help="only the follow-ups this person owns (any case)"
    )
    parser.add_argument("--open", action="store_true", help="only the open ones")
    parser.set_defaults(run=run)


def as_json(row: Listed) -> dict[str, Any]:
    f = row.follow_up
    return {
        "id": f.id,
        "problem": row.problem.number,
        "text": f.text,
        "owner": row.owner or None,
        "due": f.due,
        "check_in": f.check_in,
        "status": f.status.value,
        "outcome": f.outcome,
    }


def run(args: argparse.Namespace) -> int:
    with WorkshopFile.open(Path(args.path), Mode.READ) as file:
        ws = file.load()
    rows = chosen(
        listed(ws),
        owner=args.owner,
        statuses=[FollowUpStatus.OPEN] if args.open else None,
    )
    if args.json:
        print(json.dumps([as_json(r) for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No follow-ups.")
        return 0
    for row in rows:
        f = row.follow_up
        dates = [f"due {f.due}" if f.due else "", f"check-in {f.check_in}" if f.check_in else ""]
        meta = ", ".join(x for x in (row.owner or "no owner", *dates, f.status.value) if x)
        text = " ".join(f.text.split())
        print(f"#{row.problem.number}  {text}  ({meta})")
        if f.outcome:
            print(f"      outcome: {' '.join(f.outcome.split())}")
    return 0
