"""The attendees as a table: name, team, role, e-mail, phone and consent to share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from workshopdesk.core import operations
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import Attendee, Team
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.editor_parts import swatch
from workshopdesk.gui.preparation.table_model import WorkshopTableModel
from workshopdesk.text.ui import N_, _

NAME, TEAM, ROLE, EMAIL, PHONE, CONSENT = range(6)
FIELDS = {NAME: "name", ROLE: "role", EMAIL: "email", PHONE: "phone"}
TEAM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The attendee's team id (None for no team) in the team column."""


class AttendeesModel(WorkshopTableModel):
    headers = (N_("Name"), N_("Team"), N_("Role"), N_("E-mail"), N_("Phone"), N_("Shares contact"))
    watched = frozenset({Attendee.kind, Team.kind})

    def load(self, ws: Workshop) -> list[Attendee]:
        return ws.ordered_attendees()

    def team(self, attendee: Attendee) -> Team | None:
        return self.document.workshop.teams.get(attendee.team_id or "")

    def cell(self, row: Attendee, column: int, role: int) -> Any:
        display = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)
        if column in FIELDS and display:
            return getattr(row, FIELDS[column])
        if column == TEAM:
            team = self.team(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return team.name if team else _("No team")
            if role in (Qt.ItemDataRole.EditRole, TEAM_ID_ROLE):
                return team.id if team else None
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(team.color if team else "", 12)
        if column == CONSENT:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.consent_to_share else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("Agreed to share their e-mail and phone with the other attendees")
            if role == Qt.ItemDataRole.AccessibleTextRole:
                if row.consent_to_share:
                    return _("{name} shares their contact details").format(name=row.name)
                return _("{name} does not share their contact details").format(name=row.name)
        if role == Qt.ItemDataRole.AccessibleTextRole and column in FIELDS:
            value = getattr(row, FIELDS[column])
            return _("{field} of {name}: {value}").format(
                field=_(self.headers[column]), name=row.name, value=value or _("empty")
            )
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CONSENT:
            flags &= ~Qt.ItemFlag.ItemIsEditable
            if not self.document.read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def edit(
        self, row: Attendee, column: int, value: Any, role: int
    ) -> Callable[[Workshop], Step] | None:
        if column == CONSENT:
            if role != Qt.ItemDataRole.CheckStateRole:
                return None
            consent = Qt.CheckState(value) == Qt.CheckState.Checked
            return lambda ws: operations.edit_attendee(ws, row.id, consent_to_share=consent)
        if role != Qt.ItemDataRole.EditRole:
            return None
        if column == TEAM:
            team_id = value if isinstance(value, str) and value else None
            return lambda ws: operations.edit_attendee(ws, row.id, team_id=team_id)
        if column in FIELDS and isinstance(value, str):
            field = FIELDS[column]
            return lambda ws: operations.edit_attendee(ws, row.id, **{field: value})
        return None
