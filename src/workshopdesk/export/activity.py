"""The activity log as a spreadsheet (CSV): every change with its time and who made it —
the facilitator, a phone (by the name it chose, or "anonymous phone"), an import (with its
file), another program."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Label
from workshopdesk.core.operations.phones import ANONYMOUS
from workshopdesk.text import render as render_message

HEADER = ("Time", "Origin", "Who", "What")
_ORIGINS = {
    "facilitator": "Facilitator",
    "phone": "Phone",
    "import": "Import",
    "outside": "Another program",
}
_PREFIXES = {"undo": "Undo: ", "redo": "Redo: "}


def what(label: Label) -> str:
    """The change in words (an undo or a redo says so)."""
    prefix, _, msgid = label.msgid.partition(":")
    if msgid and prefix in _PREFIXES:
        return _PREFIXES[prefix] + render_message(Label(msgid, label.params))
    return render_message(label)


def who(entry: ActivityEntry) -> str:
    if entry.source == "phone":
        return entry.name or ANONYMOUS
    return entry.name or ""


def render(entries: Sequence[ActivityEntry], *, excel: bool = False) -> str:
    """One row per change, oldest first (``entries`` come newest first, as the log keeps
    them)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(HEADER)
    for entry in reversed(entries):
        writer.writerow(
            (entry.at, _ORIGINS.get(entry.source, entry.source), who(entry), what(entry.label))
        )
    return ("\ufeff" if excel else "") + out.getvalue()
