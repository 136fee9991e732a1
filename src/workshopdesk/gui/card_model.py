"""The cards of one board column as a thin list model over the open workshop.

The model keeps only the ids of the cards it shows (in order, after the board's filter)
and reads everything else from the workshop when asked. An update compares the new id
list with the old one and reports removals, moves and insertions row by row, so the
selection and the keyboard focus survive edits, undo and outside changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from workshopdesk.core.bridges import is_bridged, proposing_teams
from workshopdesk.core.entities import Problem, SolutionStatus
from workshopdesk.core.workshop import Workshop
from workshopdesk.text.ui import _, ngettext

MIME_TYPE = "application/x-workshopdesk-problem"

ProblemIdRole = Qt.ItemDataRole.UserRole + 1
CardRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Card:
    """What a card shows, gathered from the workshop for painting."""

    problem: Problem
    teams: tuple[tuple[str, str], ...]
    """(name, colour) of the teams with a stake."""
    solutions: int
    agreed: bool
    votes: int
    together: int = 0
    """How many teams its agreed solution brings together, when that is every team of the
    workshop (a bridge); 0 otherwise."""
    proposed_by: tuple[str, ...] = ()
    """The names of the teams its solutions came from."""

    @staticmethod
    def of(ws: Workshop, problem: Problem) -> Card:
        solutions = ws.solutions_of(problem.id)
        teams = tuple(
            (ws.teams[t].name, ws.teams[t].color) for t in problem.team_ids if t in ws.teams
        )
        return Card(
            problem=problem,
            teams=teams,
            solutions=len(solutions),
            agreed=any(s.status is SolutionStatus.AGREED for s in solutions),
            votes=sum(s.votes for s in solutions),
            together=len(ws.teams) if is_bridged(ws, problem.id) else 0,
            proposed_by=tuple(t.name for t in proposing_teams(ws, problem.id)),
        )

    def pill(self) -> str:
        """The word at the card's top right: agreed (by every team) or not yet."""
        if self.together:
            return _("Agreed by both teams") if self.together == 2 else _("Agreed by all teams")
        return _("Agreed") if self.agreed else _("Needs a solution")

    def tooltip(self) -> str:
        """The card's longer texts, for the mouse pointer resting on it."""
        p = self.problem
        parts = [p.title]
        if p.customer:  # often cut short on the card
            parts.append(_("Customer: {customer}").format(customer=p.customer))
        if p.description:
            parts.append(_shortened(p.description))
        if p.stalled_because:
            parts.append(_("Why it stalled: {reason}").format(reason=_shortened(p.stalled_because)))
        if self.proposed_by:
            parts.append(self.from_teams())
        return "\n\n".join(parts)

    def from_teams(self) -> str:
        """Which teams its solutions came from, as a sentence."""
        return _("Solutions from: {teams}").format(teams=", ".join(self.proposed_by))

    def spoken(self) -> str:
        """The card as one sentence for screen readers."""
        p = self.problem
        parts = [_("Problem {number}: {title}.").format(number=p.number, title=p.title)]
        if p.customer:
            parts.append(_("Customer: {customer}.").format(customer=p.customer))
        if self.teams:
            teams = ", ".join(name for name, _colour in self.teams)
            parts.append(_("Teams: {teams}.").format(teams=teams))
        parts.append(
            ngettext("{n} solution.", "{n} solutions.", self.solutions).format(n=self.solutions)
        )
        if self.together:
            parts.append(self.pill() + ".")
        else:
            parts.append(_("Agreed.") if self.agreed else _("No agreed solution yet."))
        if self.proposed_by:
            parts.append(self.from_teams() + ".")
        if self.votes:
            parts.append(ngettext("{n} vote.", "{n} votes.", self.votes).format(n=self.votes))
        if p.tags:
            parts.append(_("Tags: {tags}.").format(tags=", ".join(p.tags)))
        return " ".join(parts)


Drop = Callable[[list[str], str, int | None], bool]
"""Asked to move problem ids into a column at an index among the column's other cards."""


class ColumnModel(QAbstractListModel):
    def __init__(
        self,
        workshop: Callable[[], Workshop],
        column_id: str,
        visible: Callable[[Workshop, Problem], bool] | None = None,
        parent: object | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._workshop = workshop
        self.column_id = column_id
        self._visible = visible or (lambda ws, p: True)
        self._ids: list[str] = []
        self._cache: dict[str, Card] = {}
        self.editable = True
        self.on_drop: Drop | None = None
        self._ids = self._wanted()

    # -- reading ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        if not 0 <= index.row() < len(self._ids):
            return None
        pid = self._ids[index.row()]
        if role == ProblemIdRole:
            return pid
        card = self.card(pid)
        if card is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return card.problem.title
        if role == CardRole:
            return card
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return card.spoken()
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.tooltip()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return _("Enter edits it, Delete removes it, Ctrl with the arrow keys moves it.")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def card(self, pid: str) -> Card | None:
        card = self._cache.get(pid)
        if card is None:
            ws = self._workshop()
            problem = ws.problems.get(pid)
            if problem is None:
                return None
            card = self._cache[pid] = Card.of(ws, problem)
        return card

    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, pid: str) -> int:
        try:
            return self._ids.index(pid)
        except ValueError:
            return -1

    # -- drag and drop ----------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._ids[r] for r in rows if 0 <= r < len(self._ids)]
        mime = QMimeData()
        payload = {"problems": ids, "from_column": self.column_id}
        mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
        titles = [c.problem.title for c in map(self.card, ids) if c is not None]
        mime.setText("\n".join(titles))
        return mime

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return self.editable and data.hasFormat(MIME_TYPE) and bool(dragged_ids(data))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0 and parent.isValid():
            row = parent.row()
        ids = dragged_ids(data)
        index = self.index_among_others(ids, row)
        return self.on_drop(ids, self.column_id, index) if self.on_drop else False

    def index_among_others(self, moving: Sequence[str], row: int) -> int | None:
        """Where a card dropped before visible ``row`` goes among the column's other
        cards (hidden ones included); None means at the end."""
        everything = [
            p.id for p in self._workshop().problems_in(self.column_id) if p.id not in moving
        ]
        after_visible = [pid for pid in self._ids[max(row, 0) :] if pid not in moving]
        if row < 0 or not after_visible:
            before = [pid for pid in self._ids if pid not in moving]
            if row < 0 or not before:
                return None
            return everything.index(before[-1]) + 1
        return everything.index(after_visible[0])

    # -- updating ---------------------------------------------------------------------
    def set_filter(self, visible: Callable[[Workshop, Problem], bool] | None) -> None:
        self._visible = visible or (lambda ws, p: True)
        self.refresh(None)

    def refresh(self, changed: frozenset[str] | None) -> None:
        """Follow the workshop: ``changed`` are the problems whose card may look different,
        None means any of them."""
        if changed is None:
            self._cache.clear()
        else:
            for pid in changed:
                self._cache.pop(pid, None)
        self._sync(self._wanted())
        if self._ids:
            if changed is None:
                self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))
            else:
                for pid in changed:
                    row = self.row_of(pid)
                    if row >= 0:
                        self.dataChanged.emit(self.index(row), self.index(row))

    def _wanted(self) -> list[str]:
        ws = self._workshop()
        return [p.id for p in ws.problems_in(self.column_id) if self._visible(ws, p)]

    def _sync(self, wanted: list[str]) -> None:
        keep = set(wanted)
        for row in range(len(self._ids) - 1, -1, -1):
            if self._ids[row] not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
        for target, pid in enumerate(wanted):
            if target < len(self._ids) and self._ids[target] == pid:
                continue
            try:
                source = self._ids.index(pid)
            except ValueError:
                self.beginInsertRows(QModelIndex(), target, target)
                self._ids.insert(target, pid)
                self.endInsertRows()
                continue
            # source > target here: everything before target is already in place.
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
            self._ids.insert(target, self._ids.pop(source))
            self.endMoveRows()


def _shortened(text: str, limit: int = 280) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def dragged_ids(data: QMimeData) -> list[str]:
    try:
        payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        ids = payload["problems"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return []
    return ids
