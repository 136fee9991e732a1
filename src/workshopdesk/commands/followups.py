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
from workshopdesk.text.ui import _, pgettext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "followups",
        help=_("list every follow-up: owner, due and check-in dates, status"),
        description=_("List every follow-up of a workshop, soonest first. Reads only."),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    parser.add_argument(
        "--owner", metavar="NAME", help=_("only the follow-ups this person owns (any case)")
    )
    parser.add_argument("--open", action="store_true", help=_("only the open ones"))
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
        print(_("No follow-ups."))
        return 0
    for row in rows:
        f = row.follow_up
        dates = [
            _("due {date}").format(date=f.due) if f.due else "",
            _("check-in {date}").format(date=f.check_in) if f.check_in else "",
        ]
        status = status_word(f.status)
        meta = ", ".join(x for x in (row.owner or _("no owner"), *dates, status) if x)
        text = " ".join(f.text.split())
        print(f"#{row.problem.number}  {text}  ({meta})")
        if f.outcome:
            outcome = " ".join(f.outcome.split())
            print("      " + _("outcome: {outcome}").format(outcome=outcome))
    return 0


def status_word(status: FollowUpStatus) -> str:
    """A follow-up's status as the listing names it: open, done, dropped."""
    if status is FollowUpStatus.DONE:
        return pgettext("follow-up status", "done")
    if status is FollowUpStatus.DROPPED:
        return pgettext("follow-up status", "dropped")
    return pgettext("follow-up status", "open")
