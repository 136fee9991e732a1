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
from workshopdesk.core.errors import FileProblem, WorkshopError
from workshopdesk.imports.headers import Kind
from workshopdesk.imports.preview import preview
from workshopdesk.imports.reading import NotACsvFile, check_encoding
from workshopdesk.store.workshop_file import Mode
from workshopdesk.text import error_text

SHOWN_ERRORS = 20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import problems or attendees from a spreadsheet (CSV)",
        description="Import problems or attendees from a CSV file into a workshop. Column "
        "names may be English or Swedish (Title/Titel, Customer/Kund, ...). Nothing is "
        "written unless every row is accepted.",
    )
    parser.add_argument("path", metavar="PATH", help="a workshop file")
    parser.add_argument("source", metavar="SOURCE.csv", help="the CSV file to import")
    parser.add_argument(
        "--kind", required=True, choices=[k.value for k in Kind], help="what the rows are"
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="the file's text encoding (default: UTF-8, else Windows-1252)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.encoding is not None:
        try:
            check_encoding(args.encoding)
        except NotACsvFile as error:
            raise UsageError(error_text(error)) from None
    source = Path(args.source)
    try:
        data = source.read_bytes()
    except IsADirectoryError:
        raise FileProblem(f"{source} is a folder.") from None
    except OSError as error:
        raise FileProblem(f"Cannot read {source}: {error.strerror or error}.") from None
    with Workspace.open(Path(args.path), Mode.WRITE) as workspace:
        try:
            result = preview(workspace.workshop, data, args.kind, args.encoding)
        except NotACsvFile as error:
            raise WorkshopError(
                f"{source.name}: {error_text(error)} Nothing was imported."
            ) from None
        if result.errors:
            for row in result.errors[:SHOWN_ERRORS]:
                print(
                    f"workshopdesk: {source.name}, row {row.number}: {row.error}", file=sys.stderr
                )
            more = len(result.errors) - SHOWN_ERRORS
            if more > 0:
                print(f"workshopdesk: ... and {more} more rows with problems.", file=sys.stderr)
            count = len(result.errors)
            raise WorkshopError(
                f"{count} row{'s' if count != 1 else ''} of {source.name} "
                f"{'have' if count != 1 else 'has'} problems; nothing was imported."
            )
        step = workspace.submit(EditAll(result.label(), result.builders()), imported(source.name))
    done = len(result.accepted)
    noun = result.kind.value if done != 1 else result.kind.value[:-1]
    line = f"Imported {done} {noun} into {Path(args.path).name}"
    if result.new_teams:
        line += f" (new teams: {', '.join(result.new_teams)})"
    skipped = len(result.rows) - done
    if skipped:
        line += f"; {skipped} repeated row{'s' if skipped != 1 else ''} skipped"
    print(line + ".")
    return 0 if step is not None and step.changes else 1
