"""``workshopdesk new PATH [--template T | --demo | --from EXPORT.json] [--title TEXT]
[--lang sv|en]``"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from workshopdesk import starters
from workshopdesk.commands.reading import read_source
from workshopdesk.core.entities import LANGUAGES
from workshopdesk.core.messages import Message
from workshopdesk.core.validation import clean_line
from workshopdesk.export.json_format import loads
from workshopdesk.store.workshop_file import WorkshopFile
from workshopdesk.text import ui
from workshopdesk.text.ui import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help=_("create a workshop file"),
        description=_("Create a workshop file from a template, the demo, or a JSON export."),
    )
    parser.add_argument(
        "path",
        metavar="PATH",
        help=_("the new file, e.g. {example}").format(example="malmo-2027.workshop"),
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--template",
        choices=starters.TEMPLATES,
        help=_("start from a template (default: {template})").format(
            template=starters.DEFAULT_TEMPLATE
        ),
    )
    source.add_argument(
        "--demo", action="store_true", help=_("a copy of the built-in demo workshop")
    )
    source.add_argument(
        "--from", dest="source", metavar="EXPORT.json", help=_("a workshop exported as JSON")
    )
    parser.add_argument("--title", metavar="TEXT", help=_("the workshop's title"))
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("the language of the wall, the phones and the exports (default: the app's)"),
    )
    parser.add_argument("--force", action="store_true", help=_("replace PATH if it exists"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    language = args.lang or ui.current().language
    if args.source is not None:
        workshop = loads(read_source(Path(args.source)))
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
    print(_("Created {path}: {title}").format(path=path, title=workshop.info.title))
    return 0
