"""The moderation queue as an item model: the ideas phones sent that wait for the
facilitator, one row each (number, problem, idea, author, time), oldest first.

:meth:`IdeasModel.refresh` re-reads the queue and moves only the rows that came or went
(never a reset, see :mod:`~workshopdesk.gui.row_sync`), so the view keeps its selection
and stays smooth with a thousand ideas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from workshopdesk.core.entities import Device, Idea
from workshopdesk.core.participation import waiting_ideas
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.column_titles import column_title
from workshopdesk.gui.dates import clock as shown_clock
from workshopdesk.gui.row_sync import sync_rows
from workshopdesk.text.ui import N_, _

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (N_("No."), N_("Problem"), N_("Idea"), N_("From"), N_("Sent"))
NUMBER, PROBLEM, TEXT, AUTHOR, SENT = range(len(COLUMNS))
IDEA_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`~workshopdesk.core.entities.Idea`."""

RELEVANT = frozenset({"idea", "round", "problem", "device", "team"})
"""What a change must touch to change the queue or how its rows read."""


@dataclass(frozen=True, slots=True)
class IdeaRow:
    idea: Idea
    problem: str
    """The problem's number and title: "4 · Quotes take two weeks"."""
    author: str
    """The phone's name and team, or "anonymous phone"."""
    sent: str
    """The time it was sent, as the clock shows it: "14:03"."""


def author_of(ws: Workshop, device: Device | None) -> str:
    """A phone as the window names it: "Anna · Sales", "Anna", or "anonymous phone"."""
    if device is None or not device.name:
        return _("anonymous phone")
    team = ws.teams.get(device.team_id) if device.team_id else None
    return f"{device.name} · {team.name}" if team is not None else device.name


def clock(moment: str) -> str:
    """An ISO-8601 moment as the laptop's clock: "14:03" (the text itself if unreadable)."""
    try:
        return shown_clock(datetime.fromisoformat(moment).astimezone())
    except ValueError:
        return moment


def idea_rows(ws: Workshop) -> list[IdeaRow]:
    problems = {p.id: p for p in ws.problems.values()}
    rows = []
    for idea in waiting_ideas(ws):
        problem = problems.get(idea.problem_id)
        where = f"{problem.number} · {problem.title}" if problem is not None else ""
        rows.append(
            IdeaRow(idea, where, author_of(ws, ws.devices.get(idea.device_id)), clock(idea.sent_at))
        )
    return rows


class IdeasModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[IdeaRow] = []

    # -- reading ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == NUMBER:
                return str(row.idea.number)
            if column == PROBLEM:
                return row.problem
            if column == TEXT:
                return row.idea.text
            if column == AUTHOR:
                return row.author
            if column == SENT:
                return row.sent
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TEXT:
            idea = row.idea
            return _("Idea {number} from {author} for problem {problem}: {text}").format(
                number=idea.number, author=row.author, problem=row.problem, text=idea.text
            )
        if role == IDEA_ROLE:
            return row.idea
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, SENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_title(COLUMNS, section, orientation, role)

    def idea_at(self, row: int) -> Idea | None:
        return self.rows[row].idea if 0 <= row < len(self.rows) else None

    def row_of(self, number: int) -> int:
        """The row of idea ``number``, or -1."""
        return next((i for i, r in enumerate(self.rows) if r.idea.number == number), -1)

    # -- following the workshop ---------------------------------------------------------------
    def refresh(self, ws: Workshop) -> None:
        """Show the queue as it is now: rows that left are removed, new ones inserted and
        changed ones repainted, so selections and the scroll position stay put."""
        self.update(idea_rows(ws))

    def update(self, new: list[IdeaRow]) -> None:
        sync_rows(self, self.rows, new, lambda r: r.idea.id, len(COLUMNS))
