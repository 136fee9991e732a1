"""``workshopdesk ideas PATH [--json] [--approve NO|all] [--reject NO|all] [--moderation on|off]``

Lists the ideas phones sent that wait for the facilitator (number, problem number, author,
text), puts them on the wall or sets them aside, and turns moderation on or off. Works
while the workshop is shared (the server picks up the decision at once).
"""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path
from typing import Any

from workshopdesk.app.commands import Edit
from workshopdesk.app.moderation import moderated, set_moderation
from workshopdesk.app.workspace import Workspace
from workshopdesk.commands import UsageError
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import Idea
from workshopdesk.core.operations.phones import ANONYMOUS
from workshopdesk.core.participation import private_ideas, waiting_ideas
from workshopdesk.core.workshop import Workshop
from workshopdesk.store.workshop_file import Mode
from workshopdesk.text.ui import N_, _, ngettext

NONE_WAITING = N_("No ideas are waiting.")
MODERATION_OFF = N_("Moderation is off: ideas from phones go straight to the wall.")


def _choice(text: str) -> str:
    if text == "all" or (text.isdigit() and 0 < int(text) < 10**9):
        return text
    raise argparse.ArgumentTypeError(_("give an idea's number or 'all'"))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ideas",
        help=_("list, approve or reject the ideas phones sent; moderation on or off"),
        description=_(
            "List the ideas phones sent that wait for you, put them on the wall "
            "(--approve) or set them aside (--reject), or turn moderation on or off."
        ),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument("--json", action="store_true", help=_("list the waiting ideas as JSON"))
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--approve", type=_choice, metavar="NO|all", help=_("put an idea (or all) on the wall")
    )
    action.add_argument(
        "--reject", type=_choice, metavar="NO|all", help=_("set an idea (or all) aside")
    )
    action.add_argument(
        "--moderation",
        choices=["on", "off"],
        help=_("on: ideas wait for you (the default); off: they go straight to the wall"),
    )
    parser.set_defaults(run=run)


def _author(ws: Workshop, idea: Idea) -> tuple[str, str | None]:
    device = ws.devices.get(idea.device_id)
    if device is None or not device.name:
        return ANONYMOUS, None
    team = ws.teams.get(device.team_id) if device.team_id else None
    return device.name, team.name if team is not None else None


def _listing(ws: Workshop) -> list[dict[str, Any]]:
    numbers = {p.id: p.number for p in ws.problems.values()}
    rows = []
    for idea in waiting_ideas(ws):
        author, team = _author(ws, idea)
        rows.append(
            {
                "number": idea.number,
                "problem": numbers.get(idea.problem_id),
                "author": author,
                "team": team,
                "text": idea.text,
                "sent_at": idea.sent_at,
            }
        )
    return rows


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if args.json and (args.approve or args.reject or args.moderation):
        raise UsageError(
            _("--json lists ideas; use it without --approve, --reject or --moderation")
        )
    if not (args.approve or args.reject or args.moderation):
        with Workspace.open(path, Mode.READ) as workspace:
            return _show(workspace, as_json=args.json)
    with Workspace.open(path, Mode.WRITE) as workspace:
        if args.moderation:
            set_moderation(workspace, args.moderation == "on")
            print(
                _("Moderation is on: ideas from phones wait for you.")
                if args.moderation == "on"
                else _(MODERATION_OFF)
            )
            return 0
        choice = args.approve or args.reject
        decide = ops.approve_idea if args.approve else ops.reject_idea
        if choice == "all":
            numbers = [i.number for i in waiting_ideas(workspace.workshop)]
        else:
            numbers = [int(choice)]
        for number in numbers:
            workspace.submit(Edit(partial(decide, idea=number)))
        if not numbers:
            print(_(NONE_WAITING))
        else:
            print(_decided(numbers, approved=bool(args.approve)))
    return 0


def _show(workspace: Workspace, *, as_json: bool) -> int:
    ws = workspace.workshop
    rows = _listing(ws)
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        name = _("anonymous phone") if row["author"] == ANONYMOUS else row["author"]
        author = name + (f" ({row['team']})" if row["team"] else "")
        problem = _("problem {number}").format(number=row["problem"])
        print(f"{row['number']}\t{problem}\t{author}\t{row['text']}")
    hidden = private_ideas(ws)
    notes = []
    if not rows:
        notes.append(_(NONE_WAITING))
    if hidden:
        notes.append(
            ngettext(
                "{count} idea from the writing round stays private until you reveal it.",
                "{count} ideas from the writing round stay private until you reveal them.",
                hidden,
            ).format(count=hidden)
        )
    if not moderated(workspace.settings):
        notes.append(_(MODERATION_OFF))
    for note in notes:
        print(note)
    return 0


def _decided(numbers: list[int], *, approved: bool) -> str:
    """What was done: "Put on the wall: idea 3.", "Set aside: 2 ideas (3, 4)."."""
    if len(numbers) == 1:
        if approved:
            return _("Put on the wall: idea {number}.").format(number=numbers[0])
        return _("Set aside: idea {number}.").format(number=numbers[0])
    listed = ", ".join(map(str, numbers))
    if approved:
        return _("Put on the wall: {count} ideas ({numbers}).").format(
            count=len(numbers), numbers=listed
        )
    return _("Set aside: {count} ideas ({numbers}).").format(count=len(numbers), numbers=listed)
