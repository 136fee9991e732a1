"""A thin table over one kind of workshop row (teams, attendees), edited through operations.

Rows are the workshop's entities in their order. ``setData`` runs an operation through the
document, so every edit is one undo step and a refused edit (an empty name, a duplicate
team) changes nothing; the document's ``failed`` signal carries the reason. When the
workshop changes — an edit here, an undo, another process — the model follows: the same
rows in the same order only repaint, anything else resets the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workshopdesk.core.changes import Step
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.document import Document
from workshopdesk.text.ui import _

Index = QModelIndex | QPersistentModelIndex


class WorkshopTableModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()
    watched: frozenset[str] = frozenset()
    """Entity kinds whose changes this table shows."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._rows: list[Any] = self.load(document.workshop)
        document.changed.connect(self._on_changed)

    # -- for subclasses ---------------------------------------------------------------------
    def load(self, ws: Workshop) -> list[Any]:
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def edit(
        self, row: Any, column: int, value: Any, role: int
    ) -> Callable[[Workshop], Step] | None:
        """The operation that sets ``value``, or None if the cell cannot take it."""
        raise NotImplementedError

    def editable(self, column: int) -> bool:
        return not self.document.read_only

    # -- Qt's model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return _(self.headers[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return False
        if self.document.read_only:
            return False
        build = self.edit(self._rows[index.row()], index.column(), value, role)
        if build is None:
            return False
        return self.document.do(build) is not None

    # -- following the workshop -------------------------------------------------------------
    def row_of(self, entity_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == entity_id), -1)

    def entity(self, row: int) -> Any:
        return self._rows[row]

    def _on_changed(self, step: Step | None) -> None:
        if step is not None and not (step.kinds() & self.watched):
            return
        rows = self.load(self.document.workshop)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                last = self.index(len(rows) - 1, len(self.headers) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
