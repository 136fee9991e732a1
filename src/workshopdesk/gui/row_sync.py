"""Bringing a list model's rows up to date without a reset, so views keep their
selection, current row and scroll position."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex

Row = TypeVar("Row")


def sync_rows(
    model: QAbstractItemModel,
    rows: list[Row],
    new: list[Row],
    key: Callable[[Row], Hashable],
    columns: int = 1,
) -> None:
    """Make ``rows`` (the list ``model`` shows) equal to ``new``: runs of rows that left
    are removed, runs of newcomers inserted, changed rows announced. The rows that stay
    must keep their order (a queue, the phones in the order they joined)."""
    keep = {key(r) for r in new}
    row = len(rows) - 1
    while row >= 0:  # from the bottom up, so the rows above keep their numbers
        if key(rows[row]) in keep:
            row -= 1
            continue
        last = row
        while row >= 0 and key(rows[row]) not in keep:
            row -= 1
        model.beginRemoveRows(QModelIndex(), row + 1, last)
        del rows[row + 1 : last + 1]
        model.endRemoveRows()
    present = {key(r) for r in rows}
    row = index = 0
    while index < len(new):
        item = new[index]
        if key(item) in present:
            if rows[row] != item:
                rows[row] = item
                model.dataChanged.emit(model.index(row, 0), model.index(row, columns - 1))
            row += 1
            index += 1
            continue
        end = index
        while end < len(new) and key(new[end]) not in present:
            end += 1
        model.beginInsertRows(QModelIndex(), row, row + end - index - 1)
        rows[row:row] = new[index:end]
        model.endInsertRows()
        row += end - index
        index = end
