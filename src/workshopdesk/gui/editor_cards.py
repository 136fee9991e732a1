"""The problem editor's solutions and follow-up actions, one card each.

A card shows one draft (:mod:`workshopdesk.gui.editor_drafts`) and gives it back;
:mod:`workshopdesk.gui.editor_card_list` keeps them in order. Nothing here touches the
workshop.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from workshopdesk.core.entities import Attendee, FollowUpStatus, SolutionStatus, Team
from workshopdesk.gui.editor_drafts import FollowUpDraft, SolutionDraft
from workshopdesk.gui.editor_parts import FlowLayout, OptionalDateEdit, PersonCombo, TeamChips
from workshopdesk.gui.editor_style import set_role
from workshopdesk.gui.follow_ups_model import STATUS_NAMES
from workshopdesk.text.ui import _, ngettext


class GrowingText(QPlainTextEdit):
    """A text box that grows with its text, between ``min_lines`` and ``max_lines``."""

    def __init__(
        self,
        accessible: str,
        min_lines: int = 2,
        max_lines: int = 10,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lines = (min_lines, max_lines)
        self.setAccessibleName(accessible)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        lines = int(self.document().documentLayout().documentSize().height())
        low, high = self._lines
        shown = max(low, min(high, lines))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom() + 6
        self.setFixedHeight(shown * self.fontMetrics().lineSpacing() + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def set_text(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)


class VoteBox(QSpinBox):
    """A vote count: "1 vote", "9 votes"."""

    def textFromValue(self, value: int) -> str:
        return ngettext("{count} vote", "{count} votes", value).format(count=value)

    def valueFromText(self, text: str) -> int:
        digits = "".join(c for c in text if c.isdigit())
        return int(digits) if digits else 0

    def validate(self, text: str, pos: int) -> object:
        from PySide6.QtGui import QValidator

        digits = "".join(c for c in text if c.isdigit())
        state = QValidator.State.Acceptable if digits else QValidator.State.Intermediate
        return state, text, pos


class Card(QFrame):
    """What :class:`CardList` needs from a card."""

    changed = Signal()
    remove_requested = Signal(str)

    key: str
    text: GrowingText

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setProperty("card", True)

    def _remove_button(self, name: str, tip: str) -> QPushButton:
        button = QPushButton(_("Remove"), self)
        button.setProperty("flat", True)
        button.setAutoDefault(False)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self.remove_requested.emit(self.key))
        return button

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    def focus_chain(self) -> list[QWidget]:
        raise NotImplementedError

    def set_number(self, number: int) -> None:
        raise NotImplementedError


class SolutionCard(Card):
    def __init__(self, draft: SolutionDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft.key, parent)
        self._id = draft.id
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 12)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(0)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[SolutionStatus, QPushButton] = {}
        for status, text in (
            (SolutionStatus.PROPOSED, _("Proposed")),
            (SolutionStatus.AGREED, _("Agreed")),
            (SolutionStatus.REJECTED, _("Rejected")),
        ):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setProperty("segment", True)
            button.setProperty("status", status.value)
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            top.addWidget(button)
        self.status_group.buttonToggled.connect(self._status_toggled)
        top.addStretch(1)
        self.vote_buttons: list[QToolButton] = []
        self.votes = VoteBox(self)
        self.votes.setRange(0, 9999)
        self.votes.setAccessibleName(_("Votes"))
        # The arrow buttons are hidden by the style sheet: the − and + buttons replace them.
        self.votes.setProperty("votes", True)
        self.votes.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.votes.setMinimumWidth(
            self.votes.fontMetrics().horizontalAdvance(self.votes.textFromValue(9999)) + 16
        )
        for text, step, tip in (("−", -1, _("One vote less")), ("+", 1, _("One vote more"))):
            button = QToolButton(self)
            button.setText(text)
            button.setProperty("stepper", True)
            button.setToolTip(
                _("{action} (or the arrow keys in the votes field)").format(action=tip)
            )
            button.setAccessibleName(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field takes the arrow keys
            button.setAutoRepeat(True)
            button.clicked.connect(lambda _=False, step=step: self.votes.stepBy(step))
            if step < 0:
                top.addWidget(button)
                top.addWidget(self.votes)
            else:
                top.addWidget(button)
            self.vote_buttons.append(button)
        top.addSpacing(8)
        self.remove = self._remove_button(
            _("Remove this solution"), _("Remove this solution (Cancel brings it back)")
        )
        top.addWidget(self.remove)
        grid.addLayout(top, 0, 0, 1, 2)

        self.text = GrowingText(_("Solution text"), 2, 8, self)
        self.text.setPlaceholderText(_("What will we do about it?"))
        grid.addWidget(self.text, 1, 0, 1, 2)

        proposer_row = QHBoxLayout()
        label = QLabel(_("Proposed by"), self)
        label.setProperty("role", "field")
        self.proposer = PersonCombo(_("Anonymous"), _("Proposed by"), self)
        label.setBuddy(self.proposer)
        proposer_row.setSpacing(8)
        proposer_row.addWidget(label)
        proposer_row.addWidget(self.proposer)
        proposer_row.addSpacing(12)
        teams_label = QLabel(_("Teams"), self)
        teams_label.setProperty("role", "field")
        proposer_row.addWidget(teams_label)
        grid.addLayout(proposer_row, 2, 0)
        self.teams = TeamChips(_("teams involved"), self)
        grid.addWidget(self.teams, 2, 1)
        grid.setColumnStretch(1, 1)

        self.show_draft(draft)
        self.text.textChanged.connect(self.changed)
        self.votes.valueChanged.connect(self.changed)
        self.proposer.currentIndexChanged.connect(self.changed)
        self.teams.toggled.connect(self.changed)

    def _status_toggled(self, button: QPushButton, checked: bool) -> None:
        if checked:
            set_role(self, "status", button.property("status"))
            self.changed.emit()

    def set_choices(self, teams: Sequence[Team], attendees: Sequence[Attendee]) -> None:
        self.teams.set_teams(teams)
        self.proposer.set_people(attendees, {t.id: t for t in teams})

    def status(self) -> SolutionStatus:
        for status, button in self.status_buttons.items():
            if button.isChecked():
                return status
        return SolutionStatus.PROPOSED

    def draft(self) -> SolutionDraft:
        return SolutionDraft(
            key=self.key,
            id=self._id,
            text=self.text.toPlainText(),
            status=self.status(),
            proposer_id=self.proposer.person_id(),
            team_ids=self.teams.checked_ids(),
            votes=self.votes.value(),
        )

    def show_draft(self, draft: SolutionDraft) -> None:
        self._id = draft.id
        self.text.set_text(draft.text)
        button = self.status_buttons[SolutionStatus(draft.status)]
        if not button.isChecked():
            button.setChecked(True)
        if self.votes.value() != draft.votes:
            self.votes.setValue(draft.votes)
        if self.proposer.person_id() != draft.proposer_id:
            self.proposer.set_person_id(draft.proposer_id)
        self.teams.set_checked_ids(draft.team_ids)

    def focus_chain(self) -> list[QWidget]:
        return [
            *self.status_buttons.values(),
            self.votes,
            self.remove,
            self.text,
            self.proposer,
            *self.teams.chips(),
        ]

    def set_number(self, number: int) -> None:
        self.text.setAccessibleName(_("Solution {number} text").format(number=number))
        for button in self.status_buttons.values():
            button.setAccessibleName(
                _("Mark solution {number} {status}").format(
                    number=number, status=button.text().lower()
                )
            )
        self.votes.setAccessibleName(_("Solution {number} votes").format(number=number))
        self.proposer.setAccessibleName(_("Solution {number} proposed by").format(number=number))
        self.remove.setAccessibleName(_("Remove solution {number}").format(number=number))

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        for widget in (
            *self.status_buttons.values(),
            *self.vote_buttons,
            self.votes,
            self.proposer,
            self.remove,
        ):
            widget.setEnabled(not read_only)
        self.teams.set_read_only(read_only)


class FollowUpCard(Card):
    def __init__(self, draft: FollowUpDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft.key, parent)
        self._id = draft.id
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.text = GrowingText(_("Follow-up action"), 1, 6, self)
        self.text.setPlaceholderText(_("Who does what next?"))
        grid.addWidget(self.text, 0, 0, 1, 4)
        self.remove = self._remove_button(
            _("Remove this follow-up"), _("Remove this follow-up (Cancel brings it back)")
        )
        grid.addWidget(self.remove, 0, 4, Qt.AlignmentFlag.AlignTop)

        details = QWidget(self)
        flow = FlowLayout(details, spacing=12)
        owner_box = QWidget(details)
        owner_row = QHBoxLayout(owner_box)
        owner_row.setContentsMargins(0, 0, 0, 0)
        owner_row.setSpacing(8)
        owner_label = QLabel(_("Owner"), owner_box)
        owner_label.setProperty("role", "field")
        self.owner = PersonCombo(_("No owner yet"), _("Owner"), owner_box)
        owner_label.setBuddy(self.owner)
        owner_row.addWidget(owner_label)
        owner_row.addWidget(self.owner)
        self.due = OptionalDateEdit(_("Due"), _("Set a due date"), _("Due date"), details)
        self.check_in = OptionalDateEdit(
            _("Check-in"), _("Set a check-in date"), _("Check-in date"), details
        )
        status_box = QWidget(details)
        status_row = QHBoxLayout(status_box)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.setSpacing(8)
        status_label = QLabel(_("Status"), status_box)
        status_label.setProperty("role", "field")
        self.status = QComboBox(status_box)
        for status in FollowUpStatus:
            self.status.addItem(_(STATUS_NAMES[status]), status.value)
        self.status.setAccessibleName(_("Status"))
        status_label.setBuddy(self.status)
        status_row.addWidget(status_label)
        status_row.addWidget(self.status)
        for widget in (owner_box, self.due, self.check_in, status_box):
            flow.addWidget(widget)
        grid.addWidget(details, 1, 0, 1, 5)
        self.outcome = GrowingText(_("Outcome"), 1, 4, self)
        self.outcome.setPlaceholderText(_("What came of it (for the check-in)"))
        grid.addWidget(self.outcome, 2, 0, 1, 5)
        grid.setColumnStretch(0, 1)

        self.show_draft(draft)
        self.text.textChanged.connect(self.changed)
        self.owner.currentIndexChanged.connect(self.changed)
        self.due.changed.connect(self.changed)
        self.check_in.changed.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)
        self.outcome.textChanged.connect(self.changed)

    def set_choices(self, teams: Sequence[Team], attendees: Sequence[Attendee]) -> None:
        self.owner.set_people(attendees, {t.id: t for t in teams})

    def draft(self) -> FollowUpDraft:
        return FollowUpDraft(
            key=self.key,
            id=self._id,
            text=self.text.toPlainText(),
            owner_id=self.owner.person_id(),
            due=self.due.value(),
            check_in=self.check_in.value(),
            status=str(self.status.currentData()),
            outcome=self.outcome.toPlainText(),
        )

    def show_draft(self, draft: FollowUpDraft) -> None:
        self._id = draft.id
        self.text.set_text(draft.text)
        if self.owner.person_id() != draft.owner_id:
            self.owner.set_person_id(draft.owner_id)
        self.due.set_value(draft.due)
        self.check_in.set_value(draft.check_in)
        index = self.status.findData(draft.status)
        if index >= 0 and index != self.status.currentIndex():
            self.status.setCurrentIndex(index)
        self.outcome.set_text(draft.outcome)

    def focus_chain(self) -> list[QWidget]:
        return [
            self.text,
            self.remove,
            self.owner,
            self.due.check,
            self.due.edit,
            self.check_in.check,
            self.check_in.edit,
            self.status,
            self.outcome,
        ]

    def set_number(self, number: int) -> None:
        self.text.setAccessibleName(_("Follow-up {number} action").format(number=number))
        self.owner.setAccessibleName(_("Follow-up {number} owner").format(number=number))
        self.due.check.setAccessibleName(
            _("Follow-up {number} has a due date").format(number=number)
        )
        self.due.edit.setAccessibleName(_("Follow-up {number} due date").format(number=number))
        self.check_in.check.setAccessibleName(
            _("Follow-up {number} has a check-in date").format(number=number)
        )
        self.check_in.edit.setAccessibleName(
            _("Follow-up {number} check-in date").format(number=number)
        )
        self.status.setAccessibleName(_("Follow-up {number} status").format(number=number))
        self.outcome.setAccessibleName(_("Follow-up {number} outcome").format(number=number))
        self.remove.setAccessibleName(_("Remove follow-up {number}").format(number=number))

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        self.owner.setEnabled(not read_only)
        self.remove.setEnabled(not read_only)
        self.due.set_read_only(read_only)
        self.check_in.set_read_only(read_only)
        self.status.setEnabled(not read_only)
        self.outcome.setReadOnly(read_only)
