"""``workshopdesk new PATH [--template T | --demo | --from EXPORT.json] [--title TEXT]
[--lang sv|en]``"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from workshopdesk import starters
from workshopdesk.core.entities import LANGUAGES
from workshopdesk.core.errors import FileProblem
from workshopdesk.core.messages import Message
from workshopdesk.core.validation import clean_line
from workshopdesk.export.json_format import loads
from workshopdesk.store.workshop_file import WorkshopFile
from workshopdesk.text import ui


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="create a workshop file",
        description="Create a workshop file from a template, the demo, or a JSON export.",
    )
    parser.add_argument("path", metavar="PATH", help="the new file, e.g. malmo-2027.workshop")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--template",
        choices=starters.TEMPLATES,
        help=f"start from a template (default: {starters.DEFAULT_TEMPLATE})",
    )
    source.add_argument("--demo", action="store_true", help="a copy of the built-in demo workshop")
    source.add_argument(
        "--from", dest="source", metavar="EXPORT.json", help="a workshop exported as JSON"
    )
    parser.add_argument("--title", metavar="TEXT", help="the workshop's title")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the language of the wall, the phones and the exports (default: the app's)",
    )
    parser.add_argument("--force", action="store_true", help="replace PATH if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    language = args.lang or ui.current().language
    if args.source is not None:
        source = Path(args.source)
        try:
            data = source.read_bytes()
        except OSError as error:
            raise FileProblem(f"Cannot read {source}: {error.strerror or error}.") from None
        workshop = loads(data)
        if args.lang is not None:
            workshop.info = replace(workshop.info, language=args.lang)
    elif args.demo:
        workshop = starters.demo(language)
    else:
        workshop = starters.template(args.template or starters.DEFAULT_TEMPLATE, language=language)
    if args.title is not None:
        workshop.info = replace(
            workshop.info,
            title=clean_line(args.title, Message("field.workshop_title"), required=True),
        )
    WorkshopFile.create(path, workshop, force=args.force)
    print(f"Created {path}: {workshop.info.title}")
    return 0
