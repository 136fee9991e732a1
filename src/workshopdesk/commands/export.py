"""``workshopdesk export PATH --format NAME [-o OUT] [--paper P] [--excel] [--include-private]
[--invitation]``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workshopdesk.commands import UsageError
from workshopdesk.commands.output import write_output
from workshopdesk.export.formats import FORMATS, PAPERS, ExportRequest
from workshopdesk.links import loopback_warning
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a workshop (report, spreadsheet, calendar, ...)",
        description="Export a workshop. Text formats go to stdout unless -o says otherwise.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="formats:\n"
        + "\n".join(f"  {f.name:<15} {f.description}" for f in FORMATS.values()),
    )
    parser.add_argument("path", metavar="PATH", help="a workshop file")
    parser.add_argument(
        "--format", required=True, choices=sorted(FORMATS), metavar="FORMAT", help="see below"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="the file to write (- is stdout)")
    parser.add_argument(
        "--paper", choices=PAPERS, help="paper size for pdf, posters, invitation-pdf (default a4)"
    )
    parser.add_argument(
        "--excel", action="store_true", help="csv for Excel: a byte-order mark, ; and CRLF"
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="json: every attendee's e-mail and phone; bundle: add the JSON and the contact "
        "cards (personal data)",
    )
    parser.add_argument(
        "--invitation", action="store_true", help="ics: add the workshop itself as an event"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    chosen = FORMATS[args.format]
    options = {
        name: getattr(args, name.replace("-", "_"))
        for name in ("paper", "excel", "include-private", "invitation")
        if getattr(args, name.replace("-", "_"), None) not in (None, False)
    }
    refused = set(options) - chosen.options
    if refused:
        raise UsageError(f"--{sorted(refused)[0]} does not apply to the {chosen.name} format")
    if chosen.binary and args.output in (None, "-"):
        raise UsageError(f"the {chosen.name} format is binary: give a file with -o")
    with WorkshopFile.open(Path(args.path), Mode.READ) as file:
        request = ExportRequest(file.load(), file.settings(), options, file.activity(None))
    write_output(chosen.render(request), args.output, binary=chosen.binary)
    if chosen.name in ("posters", "bundle"):
        warning = loopback_warning(request.settings)
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
    for note in chosen.notes_for(request):
        print(f"workshopdesk: {note}", file=sys.stderr)
    return 0
