"""``workshopdesk info PATH [--json]``: title, counts and progress."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workshopdesk.core.follow_ups import open_count
from workshopdesk.core.participation import current_dots, joined, waiting_ideas
from workshopdesk.store.schema import latest_version
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import render
from workshopdesk.text.ui import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "info",
        help=_("show a workshop's title, counts and progress"),
        description=_("Show a workshop's title, counts and progress. Reads only."),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument("--json", action="store_true", help=_("print the figures as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with WorkshopFile.open(Path(args.path), Mode.READ) as file:
        ws = file.load()
        revision = file.revision()
        schema = file.schema_version()
    progress = ws.progress()
    figures: dict[str, Any] = {
        "title": ws.info.title,
        "language": ws.info.language,
        "venue": ws.info.venue,
        "starts_at": ws.info.starts_at,
        "ends_at": ws.info.ends_at,
        "teams": len(ws.teams),
        "attendees": len(ws.attendees),
        "columns": len(ws.columns),
        "problems": len(ws.problems),
        "solutions": len(ws.solutions),
        "follow_ups": len(ws.follow_ups),
        "follow_ups_open": open_count(ws),
        "check_ins": len(ws.check_ins),
        "solved": progress.solved,
        "progress": render(progress.message()),
        "ideas_waiting": len(waiting_ideas(ws)),
        "votes": current_dots(ws),
        "devices": len(joined(ws)),
        "schema": schema,
        "revision": revision,
    }
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False))
        return 0
    print(ws.info.title)
    if ws.info.venue:
        print(_("Venue: {venue}").format(venue=ws.info.venue))
    if ws.info.starts_at:
        zone = f" ({ws.info.timezone})" if ws.info.timezone else ""
        print(_("Starts: {start}").format(start=ws.info.starts_at) + zone)
    print(
        _(
            "Teams: {teams}, attendees: {attendees}, problems: {problems}, "
            "solutions: {solutions}, follow-ups: {follow_ups} ({follow_ups_open} open)"
        ).format(**figures)
    )
    print(render(progress.message()))
    if schema < latest_version():
        print(
            _(
                "File format: version {version}; it is updated to version {latest} "
                "when it is next edited."
            ).format(version=schema, latest=latest_version())
        )
    return 0
