"""Search and filter the board by text, team and tag."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from workshopdesk.core.entities import Problem
from workshopdesk.core.workshop import Workshop
from workshopdesk.text.ui import _


@dataclass(frozen=True, slots=True)
class CardFilter:
    text: str = ""
    team_id: str | None = None
    tag: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or self.team_id is not None or self.tag is not None

    def __call__(self, ws: Workshop, problem: Problem) -> bool:
        if self.team_id is not None and self.team_id not in problem.team_ids:
            return False
        if self.tag is not None and self.tag.casefold() not in (t.casefold() for t in problem.tags):
            return False
        needle = self.text.strip().casefold()
        if not needle:
            return True
        haystack = [
            problem.title,
            problem.customer,
            problem.description,
            problem.stalled_because,
            f"#{problem.number}",
            *problem.tags,
            *(s.text for s in ws.solutions_of(problem.id)),
        ]
        return any(needle in text.casefold() for text in haystack)


class FilterBar(QWidget):
    changed = Signal(object)
    """The new :class:`CardFilter`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_("Search problems, customers, solutions…"))
        self.search.setAccessibleName(_("Search the board"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(360)
        self.team = QComboBox()
        self.team.setAccessibleName(_("Show the problems of a team"))
        self.tag = QComboBox()
        self.tag.setAccessibleName(_("Show the problems with a tag"))
        self.clear_button = QPushButton(_("Clear"))
        self.clear_button.setObjectName("flat")
        self.clear_button.setAccessibleName(_("Clear the search and filters"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.team)
        layout.addWidget(self.tag)
        layout.addWidget(self.clear_button)
        self.search.textChanged.connect(self._emit)
        self.team.currentIndexChanged.connect(self._emit)
        self.tag.currentIndexChanged.connect(self._emit)
        self._update_clear()

    def set_choices(self, ws: Workshop) -> None:
        """Offer the workshop's teams and tags, keeping the current choice if it still exists."""
        team, tag = self.team.currentData(), self.tag.currentData()
        tags = sorted({t for p in ws.problems.values() for t in p.tags}, key=str.casefold)
        for combo, items, label, keep in (
            (self.team, [(t.name, t.id) for t in ws.ordered_teams()], _("All teams"), team),
            (self.tag, [(f"#{t}", t) for t in tags], _("All tags"), tag),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, None)
            for text, data in items:
                combo.addItem(text, data)
            found = combo.findData(keep) if keep is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        if (team is not None and self.team.currentData() != team) or (
            tag is not None and self.tag.currentData() != tag
        ):
            self._emit()

    def current(self) -> CardFilter:
        return CardFilter(self.search.text(), self.team.currentData(), self.tag.currentData())

    def clear(self) -> None:
        self.search.clear()
        self.team.setCurrentIndex(0)
        self.tag.setCurrentIndex(0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _emit(self) -> None:
        self._update_clear()
        self.changed.emit(self.current())

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.current().active)
