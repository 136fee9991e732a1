"""Every follow-up of the workshop as an item model, one row each: problem, action, owner,
due date, check-in date, status, outcome.

Status and outcome are edited in place: :meth:`FollowUpsModel.setData` hands the change to
``edit`` (the panel sends it to the document as one undo step) and the row shows it once the
workshop has it. :meth:`FollowUpsModel.refresh` moves only the rows that came or went
when it can, so the view keeps its selection. :class:`FollowUpsFilter` narrows the rows
to one owner and one status and sorts them by date.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.core.follow_ups import UNDATED, Listed, is_overdue, listed, same_name
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui import style
from workshopdesk.gui.column_titles import column_title
from workshopdesk.gui.dates import short_day
from workshopdesk.gui.row_sync import sync_rows
from workshopdesk.text.ui import N_, _, pgettext

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    N_("Problem"),
    N_("Follow-up"),
    N_("Owner"),
    N_("Due"),
    N_("Check-in"),
    N_("Status"),
    N_("Outcome"),
)
PROBLEM, TEXT, OWNER, DUE, CHECK_IN, STATUS, OUTCOME = range(len(COLUMNS))
EDITABLE = frozenset({STATUS, OUTCOME})


class _Shown(Mapping[FollowUpStatus, str]):
    """Names marked with N_, given in the interface's language when read."""

    def __init__(self, names: dict[FollowUpStatus, str]) -> None:
        self._names = names

    def __getitem__(self, key: FollowUpStatus) -> str:
        return _(self._names[key])

    def __iter__(self) -> Iterator[FollowUpStatus]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


STATUS_NAMES: Mapping[FollowUpStatus, str] = _Shown(
    {
        FollowUpStatus.OPEN: N_("Open"),
        FollowUpStatus.DONE: N_("Done"),
        FollowUpStatus.DROPPED: N_("Dropped"),
    }
)
"""Each status's name, in the interface's language."""
NO_OWNER = N_("No owner")

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The follow-up's id."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""A text that sorts the column: dates soonest first (undated last), names by letter."""
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
"""True for a follow-up still open after its due date."""

RELEVANT = frozenset({"follow_up", "problem", "attendee"})
"""What a change must touch to change the list or how its rows read."""

OVERDUE_COLOR = QColor(style.DANGER)

Edit = Callable[[str, dict[str, str]], bool]
"""Set fields of the follow-up with this id; False if the workshop refused."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


class FollowUpsModel(QAbstractTableModel):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        edit: Edit | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.rows: list[Listed] = []
        self.edit = edit
        self.today = today
        self.read_only = False

    # -- reading ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        f = row.follow_up
        column = index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        overdue = is_overdue(f, self.today())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, overdue)
        if role == Qt.ItemDataRole.EditRole:
            if column == STATUS:
                return f.status.value
            if column == OUTCOME:
                return f.outcome
            return self._display(row, column, overdue)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TEXT:
                return f.text
            if column == OUTCOME:
                return f.outcome or None
            if column == PROBLEM:
                return f"{row.problem.number}. {row.problem.title}"
            if column == DUE and overdue:
                return _("Overdue: still open after its due date")
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(row, column, overdue) or pgettext("an empty cell, said", "none")
            return _("{column}: {value}").format(column=_(COLUMNS[column]), value=text)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column in (DUE, STATUS):
                return QBrush(OVERDUE_COLOR)
            if f.status is not FollowUpStatus.OPEN:
                return QBrush(QColor(style.MUTED))
            return None
        if role == Qt.ItemDataRole.FontRole and overdue and column in (DUE, STATUS):
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return f.id
        if role == OVERDUE_ROLE:
            return overdue
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        return None

    def _display(self, row: Listed, column: int, overdue: bool) -> str:
        f = row.follow_up
        match column:
            case 0:  # PROBLEM
                return f"{row.problem.number} · {_one_line(row.problem.title)}"
            case 1:  # TEXT
                return _one_line(f.text)
            case 2:  # OWNER
                return row.owner or _(NO_OWNER)
            case 3:  # DUE
                return short_day(f.due) if f.due else "—"
            case 4:  # CHECK_IN
                return short_day(f.check_in) if f.check_in else "—"
            case 5:  # STATUS
                return _("Overdue") if overdue else STATUS_NAMES[f.status]
            case _:  # OUTCOME
                return _one_line(f.outcome)

    def _sort_key(self, row: Listed, column: int) -> str:
        f = row.follow_up
        tail = f"{row.problem.number:09d}{f.position:020.6f}"
        match column:
            case 0:  # PROBLEM
                return tail
            case 3:  # DUE
                return f"{f.due or UNDATED}{f.check_in or UNDATED}{tail}"
            case 4:  # CHECK_IN
                return f"{f.check_in or UNDATED}{f.due or UNDATED}{tail}"
            case 5:  # STATUS
                return f"{list(FollowUpStatus).index(f.status)}{f.due or UNDATED}{tail}"
        return self._display(row, column, False).casefold() + tail

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_title(COLUMNS, section, orientation, role)

    # -- editing ----------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self.read_only and self.edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
            or self.edit is None
        ):
            return False
        f = self.rows[index.row()].follow_up
        if index.column() == STATUS:
            status = str(value)
            if status not in {s.value for s in FollowUpStatus}:
                return False
            if status == f.status.value:
                return True
            return self.edit(f.id, {"status": status})
        text = "" if value is None else str(value)
        if text.strip() == f.outcome:
            return True
        return self.edit(f.id, {"outcome": text})

    # -- following the workshop -------------------------------------------------------------
    def refresh(self, ws: Workshop | None) -> None:
        """Show the workshop's follow-ups (none for None)."""
        new = listed(ws) if ws is not None else []
        if _same_order(self.rows, new, _key):
            sync_rows(self, self.rows, new, _key, len(COLUMNS))
        else:
            self.beginResetModel()
            self.rows = new
            self.endResetModel()

    def owners(self) -> list[str]:
        """The owners' names, by letter, once each ("" for follow-ups without one)."""
        names: dict[str, str] = {}
        for row in self.rows:
            names.setdefault(" ".join(row.owner.split()).casefold(), row.owner)
        return sorted(names.values(), key=str.casefold)

    def overdue_count(self) -> int:
        today = self.today()
        return sum(1 for row in self.rows if is_overdue(row.follow_up, today))


def _key(row: Listed) -> Hashable:
    return row.follow_up.id


def _same_order(old: list[Listed], new: list[Listed], key: Callable[[Listed], Hashable]) -> bool:
    """True when the rows that stay keep their order (then rows can come and go in place)."""
    old_keys = [key(r) for r in old]
    new_keys = [key(r) for r in new]
    stay_old, stay_new = set(old_keys), set(new_keys)
    return [k for k in old_keys if k in stay_new] == [k for k in new_keys if k in stay_old]


class FollowUpsFilter(QSortFilterProxyModel):
    """One owner's follow-ups (any case), of one status; sorted by the column asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.owner: str | None = None
        """An owner's name, ``""`` for follow-ups without one, None for everyone."""
        self.status: FollowUpStatus | None = None
        self.setSortRole(SORT_ROLE)

    def set_owner(self, owner: str | None) -> None:
        self._refilter(lambda: setattr(self, "owner", owner))

    def set_status(self, status: FollowUpStatus | None) -> None:
        self._refilter(lambda: setattr(self, "status", status))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt 6.8
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FollowUpsModel) or not 0 <= source_row < len(model.rows):
            return False
        row = model.rows[source_row]
        if self.owner is not None and not (
            same_name(row.owner, self.owner) if self.owner else not row.owner
        ):
            return False
        return self.status is None or row.follow_up.status is self.status
