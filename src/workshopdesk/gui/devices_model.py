"""The phones that joined the workshop, in the order they joined, as a list model: each
named as the Ideas panel names authors, with "done" once it said so in the round."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workshopdesk.core.participation import finished_in, joined, open_round
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.ideas_model import author_of
from workshopdesk.gui.row_sync import sync_rows
from workshopdesk.text.ui import _

Index = QModelIndex | QPersistentModelIndex
DEVICE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The phone's device id."""


@dataclass(frozen=True, slots=True)
class DeviceRow:
    device_id: str
    name: str
    done: bool


def device_rows(ws: Workshop) -> list[DeviceRow]:
    round_ = open_round(ws)
    done = finished_in(ws, round_.id) if round_ is not None else set()
    return [DeviceRow(d.id, author_of(ws, d), d.id in done) for d in joined(ws)]


class DevicesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DeviceRow] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _("{phone}  ✓ done").format(phone=row.name) if row.done else row.name
        if role == DEVICE_ROLE:
            return row.device_id
        return None

    def refresh(self, ws: Workshop) -> None:
        sync_rows(self, self.rows, device_rows(ws), lambda r: r.device_id)

    def clear(self) -> None:
        sync_rows(self, self.rows, [], lambda r: r.device_id)
