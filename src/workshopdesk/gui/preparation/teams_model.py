"""The workshop's teams as a table: name and colour."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from workshopdesk.core import operations
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import Team
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.editor_parts import swatch
from workshopdesk.gui.preparation.table_model import WorkshopTableModel

NAME, COLOUR = range(2)


def free_name(ws: Workshop, base: str = "New team") -> str:
    taken = {t.name.casefold() for t in ws.teams.values()}
    if base.casefold() not in taken:
        return base
    return next(f"{base} {n}" for n in range(2, 1000) if f"{base} {n}".casefold() not in taken)


_HUES = (
    (12, "Red"),
    (40, "Orange"),
    (52, "Amber"),
    (68, "Yellow"),
    (160, "Green"),
    (190, "Teal"),
    (250, "Blue"),
    (280, "Violet"),
    (320, "Purple"),
    (345, "Pink"),
    (361, "Red"),
)


def colour_name(value: str) -> str:
    """A colour in words a facilitator says ("Light orange"), never its hex code."""
    colour = QColor(value)
    if not colour.isValid():
        return "No colour"
    lightness = colour.lightnessF()
    if colour.hslSaturationF() < 0.15 or colour.hslHue() < 0:
        if lightness > 0.9:
            return "White"
        return "Black" if lightness < 0.15 else ("Light grey" if lightness > 0.6 else "Grey")
    hue = colour.hslHue()
    name = next(word for top, word in _HUES if hue < top)
    if lightness >= 0.72:
        return f"Light {name.lower()}"
    if lightness <= 0.3:
        return f"Dark {name.lower()}"
    return name


class TeamsModel(WorkshopTableModel):
    headers = ("Team", "Colour")
    watched = frozenset({Team.kind})

    def editable(self, column: int) -> bool:
        """The name is typed in place; the colour is picked in the colour dialog."""
        return column == NAME and not self.document.read_only

    def load(self, ws: Workshop) -> list[Team]:
        return ws.ordered_teams()

    def cell(self, row: Team, column: int, role: int) -> Any:
        if column == NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return row.name
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(row.color, 14)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"Team {row.name}"
        elif column == COLOUR:
            if role == Qt.ItemDataRole.DisplayRole:
                return colour_name(row.color)
            if role == Qt.ItemDataRole.EditRole:
                return row.color
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(row.color, 14, square=True)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{colour_name(row.color)}: double-click or Enter picks another colour"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"Colour of {row.name}: {colour_name(row.color).lower()}"
        return None

    def edit(
        self, row: Team, column: int, value: Any, role: int
    ) -> Callable[[Workshop], Step] | None:
        if role != Qt.ItemDataRole.EditRole:
            return None
        if isinstance(value, QColor):  # from a colour editor
            value = value.name()
        if not isinstance(value, str):
            return None
        field = "name" if column == NAME else "color"
        return lambda ws: operations.edit_team(ws, row.id, **{field: value})
