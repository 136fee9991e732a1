"""Asked when a card without an agreed solution is moved into the done column:
which solution did the room agree on? (Or write it down now.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.entities import Problem, Solution, SolutionStatus
from workshopdesk.core.limits import TEXT_MAX
from workshopdesk.gui.editor_style import apply_style
from workshopdesk.text.ui import _, ngettext


class AgreeDialog(QDialog):
    def __init__(
        self, problem: Problem, solutions: list[Solution], column: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreeDialog")
        self.setWindowTitle(_("Which solution was agreed?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        apply_style(self)
        open_ones = [s for s in solutions if s.status is not SolutionStatus.AGREED]
        ask = (
            _("pick the solution the room agreed on, or write it down.")
            if open_ones
            else _("write down the solution the room agreed on.")
        )
        intro = QLabel(
            _("{title} has no agreed solution yet. To move it to {column}, {ask}").format(
                title=f"<b>{_escape(problem.title)}</b>",
                column=f"<b>{_escape(column)}</b>",
                ask=ask,
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.choices = QListWidget()
        self.choices.setObjectName("agreeChoices")
        self.choices.setAccessibleName(_("Proposed solutions"))
        for solution in solutions:
            if solution.status is SolutionStatus.AGREED:
                continue
            count = ngettext("{count} vote", "{count} votes", solution.votes)
            votes = f"  ({count.format(count=solution.votes)})" if solution.votes else ""
            item = QListWidgetItem(solution.text + votes)
            item.setData(Qt.ItemDataRole.UserRole, solution.id)
            self.choices.addItem(item)
        self.choices.setVisible(self.choices.count() > 0)
        self.new_text = QLineEdit()
        self.new_text.setObjectName("agreeNewText")
        self.new_text.setPlaceholderText(
            _("Or write the agreed solution here") if open_ones else _("The agreed solution")
        )
        self.new_text.setAccessibleName(_("The agreed solution, in words"))
        self.new_text.setMaxLength(TEXT_MAX)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(_("Agree and move"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()  # plain buttons in the house style, no theme icons
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(self.new_text)
        layout.addLayout(buttons)
        self.choices.currentItemChanged.connect(self._update)
        self.new_text.textChanged.connect(self._update)
        if self.choices.count():
            self.choices.setCurrentRow(0)
        self._update()

    def chosen_solution(self) -> str | None:
        """The id of the picked solution, unless new text was written."""
        if self.new_text.text().strip():
            return None
        item = self.choices.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def written_text(self) -> str:
        return self.new_text.text().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.written_text()) or self.chosen_solution() is not None)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
