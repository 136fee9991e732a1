"""The activity log as a spreadsheet (CSV): every change with its time and who made it —
the facilitator, a phone (by the name it chose, or "anonymous phone"), an import (with its
file), another program — in the workshop's language (or the one given)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Label
from workshopdesk.facts import in_language as _in
from workshopdesk.text import Translator
from workshopdesk.text import render as render_message
from workshopdesk.text.ui import N_

HEADER = (N_("Time"), N_("Origin"), N_("Who"), N_("What"))
"""The column titles in English (scripts read them); other languages translate them."""


def _origin(source: str, language: Translator) -> str:
    """Who made a change, by kind: the facilitator, a phone, an import, another program."""
    origins = {
        "facilitator": language.pgettext("origin", "Facilitator"),
        "phone": language.pgettext("origin", "Phone"),
        "import": language.pgettext("origin", "Import"),
        "outside": language.pgettext("origin", "Another program"),
    }
    return origins.get(source, source)


ANONYMOUS = N_("anonymous phone")
"""The core's name for a phone that stayed anonymous (``phones.ANONYMOUS``)."""


def what(label: Label, language: Translator | None = None) -> str:
    """The change in words (an undo or a redo says so), in ``language`` (by default the
    interface's)."""
    prefix, _, msgid = label.msgid.partition(":")
    if msgid and prefix == "undo":
        done = render_message(Label(msgid, label.params), language)
        return _in(language).gettext("Undo: {change}").format(change=done)
    if msgid and prefix == "redo":
        done = render_message(Label(msgid, label.params), language)
        return _in(language).gettext("Redo: {change}").format(change=done)
    return render_message(label, language)


def who(entry: ActivityEntry, language: Translator | None = None) -> str:
    if entry.source == "phone":
        return entry.name or _in(language).gettext(ANONYMOUS)
    return entry.name or ""


def render(
    entries: Sequence[ActivityEntry], *, excel: bool = False, language: Translator | None = None
) -> str:
    """One row per change, oldest first (``entries`` come newest first, as the log keeps
    them), in ``language`` (the export passes the workshop's)."""
    tr = _in(language)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(tuple(tr.gettext(column) for column in HEADER))
    for entry in reversed(entries):
        writer.writerow(
            (
                entry.at,
                _origin(entry.source, tr),
                who(entry, tr),
                what(entry.label, tr),
            )
        )
    return ("\ufeff" if excel else "") + out.getvalue()
