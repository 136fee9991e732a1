"""The problem editor's cards in order: kept in step with a tuple of drafts, with new
cards added and thrown-away ones removed."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workshopdesk.core.entities import Attendee, Team
from workshopdesk.gui.editor_cards import FollowUpCard, SolutionCard
from workshopdesk.gui.editor_drafts import FollowUpDraft, SolutionDraft

_new_keys = itertools.count(1)


def new_key() -> str:
    return f"new-{next(_new_keys)}"


C = TypeVar("C", SolutionCard, FollowUpCard)
D = TypeVar("D", SolutionDraft, FollowUpDraft)


class CardList(QWidget, Generic[C, D]):
    """Cards in order, kept in step with a tuple of drafts."""

    changed = Signal()
    added = Signal(QWidget)
    restructured = Signal()
    """Cards were added or removed (the tab order needs redoing)."""

    def __init__(
        self, make: Callable[[D, QWidget], C], empty: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._make = make
        self._cards: list[C] = []
        self._choices: tuple[Sequence[Team], Sequence[Attendee]] = ((), ())
        self._read_only = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self.empty = QLabel(empty, self)
        self.empty.setProperty("role", "hint")
        self._layout.addWidget(self.empty)

    def cards(self) -> list[C]:
        return list(self._cards)

    def focus_chain(self) -> list[QWidget]:
        return [widget for card in self._cards for widget in card.focus_chain()]

    def drafts(self) -> tuple[D, ...]:
        return tuple(card.draft() for card in self._cards)  # type: ignore[misc]

    def set_choices(self, teams: Sequence[Team], attendees: Sequence[Attendee]) -> None:
        self._choices = (teams, attendees)
        for card in self._cards:
            card.set_choices(teams, attendees)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for card in self._cards:
            card.set_read_only(read_only)

    def show_drafts(self, drafts: Sequence[D]) -> None:
        """Make the cards show ``drafts``, keeping the cards (and focus) that stay."""
        by_key = {card.key: card for card in self._cards}
        wanted = {d.key for d in drafts}
        for card in self._cards:
            if card.key not in wanted:
                self._layout.removeWidget(card)
                card.deleteLater()
        cards: list[C] = []
        for draft in drafts:
            card = by_key.get(draft.key)
            if card is None:
                card = self._new_card(draft)
            else:
                card.show_draft(draft)  # type: ignore[arg-type]
            cards.append(card)
        self._cards = cards
        for index, card in enumerate(cards):
            self._layout.insertWidget(index, card)
        self._renumber()
        self.restructured.emit()

    def _new_card(self, draft: D) -> C:
        card = self._make(draft, self)
        card.set_choices(*self._choices)
        card.show_draft(draft)  # type: ignore[arg-type]
        card.set_read_only(self._read_only)
        card.changed.connect(self.changed)
        card.remove_requested.connect(self.remove)
        return card

    def add(self, draft: D) -> C:
        card = self._new_card(draft)
        self._cards.append(card)
        self._layout.insertWidget(len(self._cards) - 1, card)
        self._renumber()
        card.show()
        self.restructured.emit()
        card.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.added.emit(card)
        self.changed.emit()
        return card

    def remove(self, key: str) -> None:
        for card in self._cards:
            if card.key == key:
                self._cards.remove(card)
                self._layout.removeWidget(card)
                card.hide()
                card.deleteLater()
                break
        self._renumber()
        self.restructured.emit()
        self.changed.emit()

    def _renumber(self) -> None:
        self.empty.setVisible(not self._cards)
        for number, card in enumerate(self._cards, start=1):
            card.set_number(number)


def new_solution() -> SolutionDraft:
    return SolutionDraft(key=new_key())


def new_follow_up() -> FollowUpDraft:
    return FollowUpDraft(key=new_key())
