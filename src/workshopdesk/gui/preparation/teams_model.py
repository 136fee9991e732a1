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
from workshopdesk.text.ui import N_, _

NAME, COLOUR = range(2)


def free_name(ws: Workshop, base: str | None = None) -> str:
    base = base or _("New team")
    taken = {t.name.casefold() for t in ws.teams.values()}
    if base.casefold() not in taken:
        return base
    return next(f"{base} {n}" for n in range(2, 1000) if f"{base} {n}".casefold() not in taken)


_HUES = (
    (12, N_("Red")),
    (40, N_("Orange")),
    (52, N_("Amber")),
    (68, N_("Yellow")),
    (160, N_("Green")),
    (190, N_("Teal")),
    (250, N_("Blue")),
    (280, N_("Violet")),
    (320, N_("Purple")),
    (345, N_("Pink")),
    (361, N_("Red")),
)


def colour_name(value: str) -> str:
    """A colour in words a facilitator says ("Light orange"), never its hex code."""
    colour = QColor(value)
    if not colour.isValid():
        return _("No colour")
    lightness = colour.lightnessF()
    if colour.hslSaturationF() < 0.15 or colour.hslHue() < 0:
        if lightness > 0.9:
            return _("White")
        return (
            _("Black") if lightness < 0.15 else (_("Light grey") if lightness > 0.6 else _("Grey"))
        )
    hue = colour.hslHue()
    name = _(next(word for top, word in _HUES if hue < top))
    if lightness >= 0.72:
        return _("Light {colour}").format(colour=name.lower())
    if lightness <= 0.3:
        return _("Dark {colour}").format(colour=name.lower())
    return name


class TeamsModel(WorkshopTableModel):
    headers = (N_("Team"), N_("Colour"))
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
                return _("Team {name}").format(name=row.name)
        elif column == COLOUR:
            if role == Qt.ItemDataRole.DisplayRole:
                return colour_name(row.color)
            if role == Qt.ItemDataRole.EditRole:
                return row.color
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(row.color, 14, square=True)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("{colour}: double-click or Enter picks another colour").format(
                    colour=colour_name(row.color)
                )
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return _("Colour of {name}: {colour}").format(
                    name=row.name, colour=colour_name(row.color).lower()
                )
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
