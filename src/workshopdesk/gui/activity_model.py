"""The activity log as an item model: every change with its time and who made it (the
facilitator, a phone by its name, an import by its file, another program), newest first.

:meth:`ActivityModel.update` puts new lines on top with one insertion instead of a
reset, so a view scrolled down the log stays where it is.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workshopdesk.app.origin import Source
from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Label
from workshopdesk.gui.column_titles import column_title
from workshopdesk.gui.dates import clock, long_moment
from workshopdesk.text import render
from workshopdesk.text.ui import N_, _

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (N_("Time"), N_("Who"), N_("What"))
TIME, WHO, WHAT = range(len(COLUMNS))
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The line's origin: ``facilitator``, ``phone``, ``import`` or ``outside``."""
MATCH_WITHIN = 64
"""How many new lines an update looks for on top before it re-reads the whole log."""


def who(entry: ActivityEntry) -> str:
    """Who made the change, as the log names them."""
    match entry.source:
        case Source.FACILITATOR:
            return _("Facilitator")
        case Source.PHONE:
            return entry.name or _("anonymous phone")
        case Source.IMPORT:
            return _("Import from {file}").format(file=entry.name) if entry.name else _("An import")
        case Source.OUTSIDE:
            return _("Another program")
    return entry.source


def what(label: Label) -> str:
    """The change in words; an undo or redo says so: "Undo: Put idea 3 on the wall"."""
    prefix, _colon, msgid = label.msgid.partition(":")
    if msgid and prefix in ("undo", "redo"):
        step = render(Label(msgid, label.params))
        return (_("Undo: {step}") if prefix == "undo" else _("Redo: {step}")).format(step=step)
    return render(label)


def when(moment: str) -> tuple[str, str]:
    """The clock time and the full date of an ISO-8601 moment."""
    try:
        at = datetime.fromisoformat(moment).astimezone()
    except ValueError:
        return moment, moment
    return clock(at, seconds=True), long_moment(at)


class ActivityModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[ActivityEntry] = []
        self._text: list[tuple[str, str, str, str]] = []
        """Per line: time, full date, who, what (worked out once, not at every paint)."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        time, date, person, change = self._text[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (time, person, change)[column] if 0 <= column < len(COLUMNS) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return date if column == TIME else (time, person, change)[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("{time}, {person}: {change}").format(time=time, person=person, change=change)
        if role == SOURCE_ROLE:
            return self.entries[index.row()].source
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_title(COLUMNS, section, orientation, role)

    def update(self, entries: list[ActivityEntry]) -> None:
        """Show ``entries`` (newest first): new lines go in on top, lines past the limit
        leave at the bottom; anything else is read afresh."""
        fresh = _new_on_top(self.entries, entries)
        if fresh is None:
            self.beginResetModel()
            self.entries = list(entries)
            self._text = [_words(e) for e in self.entries]
            self.endResetModel()
            return
        if fresh:
            self.beginInsertRows(QModelIndex(), 0, fresh - 1)
            self.entries[0:0] = entries[:fresh]
            self._text[0:0] = [_words(e) for e in entries[:fresh]]
            self.endInsertRows()
        if len(self.entries) > len(entries):
            self.beginRemoveRows(QModelIndex(), len(entries), len(self.entries) - 1)
            del self.entries[len(entries) :]
            del self._text[len(entries) :]
            self.endRemoveRows()


def _words(entry: ActivityEntry) -> tuple[str, str, str, str]:
    time, date = when(entry.at)
    return time, date, who(entry), what(entry.label)


def _new_on_top(old: list[ActivityEntry], new: list[ActivityEntry]) -> int | None:
    """How many lines of ``new`` came on top of ``old``, or None if it is not that."""
    if not old:
        return None if new else 0
    for fresh in range(min(len(new), MATCH_WITHIN) + 1):
        overlap = min(len(new) - fresh, len(old))
        if overlap and new[fresh : fresh + overlap] == old[:overlap]:
            return fresh
    return None
