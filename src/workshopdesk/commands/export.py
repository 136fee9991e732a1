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
from workshopdesk.text.ui import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=_("export a workshop (report, spreadsheet, calendar, ...)"),
        description=_("Export a workshop. Text formats go to stdout unless -o says otherwise."),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_("formats:")
        + "\n"
        + "\n".join(f"  {f.name:<15} {f.description}" for f in FORMATS.values()),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument(
        "--format", required=True, choices=sorted(FORMATS), metavar="FORMAT", help=_("see below")
    )
    parser.add_argument("-o", "--output", metavar="OUT", help=_("the file to write (- is stdout)"))
    parser.add_argument(
        "--paper",
        choices=PAPERS,
        help=_("paper size for pdf, posters, invitation-pdf (default a4)"),
    )
    parser.add_argument(
        "--excel", action="store_true", help=_("csv for Excel: a byte-order mark, ; and CRLF")
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help=_(
            "json: every attendee's e-mail and phone; bundle: add the JSON and the contact "
            "cards (personal data)"
        ),
    )
    parser.add_argument(
        "--invitation", action="store_true", help=_("ics: add the workshop itself as an event")
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
        raise UsageError(
            _("{option} does not apply to the {format} format").format(
                option=f"--{sorted(refused)[0]}", format=chosen.name
            )
        )
    if chosen.binary and args.output in (None, "-"):
        raise UsageError(
            _("the {format} format is binary: give a file with -o").format(format=chosen.name)
        )
    with WorkshopFile.open(Path(args.path), Mode.READ) as file:
        request = ExportRequest(file.load(), file.settings(), options, file.activity(None))
    write_output(chosen.render(request), args.output, binary=chosen.binary)
    if chosen.name in ("posters", "bundle"):
        warning = loopback_warning(request.settings)
        if warning:
            print(_("warning: {warning}").format(warning=warning), file=sys.stderr)
    for note in chosen.notes_for(request):
        print(f"workshopdesk: {note}", file=sys.stderr)
    return 0
