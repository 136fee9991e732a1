"""``workshopdesk round PATH start write|vote [--problem N] [--dots K] [--hidden]``,
``round PATH reveal``, ``round PATH stop``, ``round PATH [--json]``.

Runs the room's rounds from a script or beside a headless ``serve``: a silent writing
round (ideas stay private until revealed) or a dot vote. Without an action it shows the
round: its kind, phones joined, how many are done, and the dots cast.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workshopdesk.app.commands import Edit
from workshopdesk.app.moderation import moderated
from workshopdesk.app.workspace import Workspace, now
from workshopdesk.commands import UsageError
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import RoundKind
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.limits import DOTS_MAX
from workshopdesk.core.participation import private_ideas, ranked, round_status
from workshopdesk.store.workshop_file import Mode
from workshopdesk.text.ui import _, ngettext


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= DOTS_MAX:
        raise argparse.ArgumentTypeError(
            _("a number of dots from 1 to {limit}").format(limit=DOTS_MAX)
        )
    return int(text)


def _number(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 10**9:
        raise argparse.ArgumentTypeError(_("a problem's number, as on the board"))
    return int(text)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "round",
        help=_("start, reveal or stop a writing round or a dot vote; show the round"),
        description=_(
            "Start a silent writing round or a dot vote, reveal the ideas written, "
            "stop the round, or (without an action) show it."
        ),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument(
        "action", nargs="?", choices=["start", "reveal", "stop"], help=_("what to do")
    )
    parser.add_argument("kind", nargs="?", choices=["write", "vote"], help=_("with start"))
    parser.add_argument("--problem", type=_number, metavar="N", help=_("only problem N"))
    parser.add_argument("--dots", type=_count, metavar="K", help=_("a vote's dots per phone (3)"))
    parser.add_argument(
        "--hidden", action="store_true", help=_("a vote whose counts stay hidden until it ends")
    )
    parser.add_argument("--json", action="store_true", help=_("show the round as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    starting = args.action == "start"
    if starting and args.kind is None:
        raise UsageError(_("start needs write or vote"))
    if not starting and (args.kind or args.problem or args.dots or args.hidden):
        raise UsageError(_("write|vote, --problem, --dots and --hidden go with start"))
    if starting and args.kind == "write" and (args.dots or args.hidden):
        raise UsageError(_("--dots and --hidden are for a vote"))
    if args.action is None:
        with Workspace.open(path, Mode.READ) as workspace:
            return _show(workspace, as_json=args.json)
    with Workspace.open(path, Mode.WRITE) as workspace:
        ws = workspace.workshop
        moderation = moderated(workspace.settings)
        if starting:
            problem_id = None
            if args.problem is not None:
                problem = ws.problem_by_number(args.problem)
                if problem is None:
                    raise WorkshopError(
                        _("There is no problem {number} in this workshop.").format(
                            number=args.problem
                        )
                    )
                problem_id = problem.id
            kind = RoundKind(args.kind)
            stamp, dots, hidden = now(), args.dots or 3, args.hidden
            workspace.submit(
                Edit(
                    lambda ws: ops.start_round(
                        ws, kind, stamp, problem_id=problem_id, dots=dots, hidden=hidden
                    )
                )
            )
            print(_started(kind, args.problem, dots))
        elif args.action == "reveal":
            workspace.submit(Edit(lambda ws: ops.reveal_round(ws, moderated=moderation)))
            print(_("The ideas are revealed."))
        else:
            stamp = now()
            workspace.submit(Edit(lambda ws: ops.stop_round(ws, stamp, moderated=moderation)))
            print(_("The round has ended."))
        if args.json:
            return _show(workspace, as_json=True)
    return 0


def _show(workspace: Workspace, *, as_json: bool) -> int:
    ws = workspace.workshop
    status = round_status(ws)
    if status is None:
        figures: dict[str, Any] = {"kind": None, "open": False}
    else:
        round_ = status.round
        problem = ws.problems.get(round_.problem_id) if round_.problem_id else None
        figures = {
            "kind": round_.round_kind.value,
            "open": round_.ended_at is None,
            "problem": problem.number if problem is not None else None,
            "dots_per_phone": round_.dots if status.is_vote else None,
            "hidden": round_.hidden,
            "revealed": round_.revealed,
            "phones_joined": status.joined,
            "done": status.done,
            "votes": status.dots,
            "private_ideas": private_ideas(ws),
            "started_at": round_.started_at,
            "ended_at": round_.ended_at,
        }
        if status.is_vote:
            figures["results"] = [
                {"problem": p.number, "solution": s.text, "dots": n}
                for p in ws.ordered_problems()
                for s, n in ranked(ws, round_.id, p.id)
                if n
            ]
    if as_json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    if status is None:
        print(_("No round yet."))
        return 0
    print(_state(figures["kind"] == "write", figures["open"], status.done, status.joined))
    if status.is_vote:
        print(
            _("Dots cast: {dots} ({per_phone} per phone).").format(
                dots=status.dots, per_phone=figures["dots_per_phone"]
            )
        )
        for row in figures["results"]:
            which = _("problem {number}").format(number=row["problem"])
            print(f"  {which}: {row['dots']}  {row['solution']}")
    elif figures["private_ideas"]:
        count = figures["private_ideas"]
        print(
            ngettext(
                "{count} idea written, private until you reveal it.",
                "{count} ideas written, private until you reveal them.",
                count,
            ).format(count=count)
        )
    return 0


def _started(kind: RoundKind, problem: int | None, dots: int) -> str:
    """ "A vote started on problem 3, 2 dots.", "A silent writing round started."."""
    if kind is RoundKind.WRITE:
        if problem:
            return _("A silent writing round started on problem {number}.").format(number=problem)
        return _("A silent writing round started.")
    if problem:
        return ngettext(
            "A vote started on problem {number}, {count} dot.",
            "A vote started on problem {number}, {count} dots.",
            dots,
        ).format(number=problem, count=dots)
    return ngettext("A vote started, {count} dot.", "A vote started, {count} dots.", dots).format(
        count=dots
    )


def _state(writing: bool, running: bool, done: int, joined: int) -> str:
    """ "Vote, running: 2 of 5 phones done."."""
    if writing and running:
        text = ngettext(
            "Silent writing, running: {done} of {joined} phone done.",
            "Silent writing, running: {done} of {joined} phones done.",
            joined,
        )
    elif writing:
        text = ngettext(
            "Silent writing, ended: {done} of {joined} phone done.",
            "Silent writing, ended: {done} of {joined} phones done.",
            joined,
        )
    elif running:
        text = ngettext(
            "Vote, running: {done} of {joined} phone done.",
            "Vote, running: {done} of {joined} phones done.",
            joined,
        )
    else:
        text = ngettext(
            "Vote, ended: {done} of {joined} phone done.",
            "Vote, ended: {done} of {joined} phones done.",
            joined,
        )
    return text.format(done=done, joined=joined)
