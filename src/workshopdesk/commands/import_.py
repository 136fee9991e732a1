"""``workshopdesk import PATH SOURCE.csv --kind problems|attendees [--encoding NAME]``

Every row is checked first; if any row has a problem, each is reported with its row
number and nothing is written. Otherwise all rows go in as one command to the one writer,
from the import's origin: one transaction, which a window that has the file open shows
at once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workshopdesk.app.commands import EditAll
from workshopdesk.app.origin import imported
from workshopdesk.app.workspace import Workspace
from workshopdesk.commands import UsageError
from workshopdesk.commands.reading import read_source
from workshopdesk.core.errors import WorkshopError
from workshopdesk.imports.headers import Kind
from workshopdesk.imports.preview import Preview, preview
from workshopdesk.imports.reading import NotACsvFile, check_encoding
from workshopdesk.store.workshop_file import Mode
from workshopdesk.text import error_text
from workshopdesk.text.ui import _, ngettext

SHOWN_ERRORS = 20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help=_("import problems or attendees from a spreadsheet (CSV)"),
        description=_(
            "Import problems or attendees from a CSV file into a workshop. Column "
            "names may be English or Swedish (Title/Titel, Customer/Kund, ...). Nothing is "
            "written unless every row is accepted."
        ),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument("source", metavar="SOURCE.csv", help=_("the CSV file to import"))
    parser.add_argument(
        "--kind", required=True, choices=[k.value for k in Kind], help=_("what the rows are")
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=_("the file's text encoding (default: UTF-8, else Windows-1252)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.encoding is not None:
        try:
            check_encoding(args.encoding)
        except NotACsvFile as error:
            raise UsageError(error_text(error)) from None
    source = Path(args.source)
    data = read_source(source, folder=True)
    with Workspace.open(Path(args.path), Mode.WRITE) as workspace:
        try:
            result = preview(workspace.workshop, data, args.kind, args.encoding)
        except NotACsvFile as error:
            raise WorkshopError(
                _("{file}: {problem} Nothing was imported.").format(
                    file=source.name, problem=error_text(error)
                )
            ) from None
        if result.errors:
            for row in result.errors[:SHOWN_ERRORS]:
                where = _("{file}, row {number}").format(file=source.name, number=row.number)
                print(f"workshopdesk: {where}: {row.error}", file=sys.stderr)
            more = len(result.errors) - SHOWN_ERRORS
            if more > 0:
                print(f"workshopdesk: {and_more(more)}", file=sys.stderr)
            count = len(result.errors)
            raise WorkshopError(
                ngettext(
                    "{count} row of {file} has problems; nothing was imported.",
                    "{count} rows of {file} have problems; nothing was imported.",
                    count,
                ).format(count=count, file=source.name)
            )
        step = workspace.submit(EditAll(result.label(), result.builders()), imported(source.name))
    print(imported_line(result, Path(args.path).name))
    return 0 if step is not None and step.changes else 1


def and_more(count: int) -> str:
    return ngettext(
        "... and {count} more row with problems.", "... and {count} more rows with problems.", count
    ).format(count=count)


def imported_line(result: Preview, name: str) -> str:
    """What was imported: "Imported 3 problems into x.workshop (new teams: A); 1 repeated
    row skipped."."""
    done = len(result.accepted)
    if result.kind is Kind.PROBLEMS:
        line = ngettext(
            "Imported {count} problem into {file}", "Imported {count} problems into {file}", done
        )
    else:
        line = ngettext(
            "Imported {count} attendee into {file}", "Imported {count} attendees into {file}", done
        )
    line = line.format(count=done, file=name)
    if result.new_teams:
        line += _(" (new teams: {teams})").format(teams=", ".join(result.new_teams))
    skipped = len(result.rows) - done
    if skipped:
        line += ngettext(
            "; {count} repeated row skipped", "; {count} repeated rows skipped", skipped
        ).format(count=skipped)
    return line + "."
