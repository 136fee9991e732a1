"""Asked when a card without an agreed solution is moved into the done column:
which solution did the room agree on? (Or write it down now.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.entities import Problem, Solution, SolutionStatus


class AgreeDialog(QDialog):
    def __init__(
        self, problem: Problem, solutions: list[Solution], column: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreeDialog")
        self.setWindowTitle("Which solution was agreed?")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        intro = QLabel(
            f"<b>{_escape(problem.title)}</b> has no agreed solution yet. "
            f"To move it to <b>{_escape(column)}</b>, pick the solution the room agreed on"
            + (", or write it down." if solutions else ": write it down.")
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.choices = QListWidget()
        self.choices.setObjectName("agreeChoices")
        self.choices.setAccessibleName("Proposed solutions")
        for solution in solutions:
            if solution.status is SolutionStatus.AGREED:
                continue
            votes = f"  ({solution.votes} votes)" if solution.votes else ""
            item = QListWidgetItem(solution.text + votes)
            item.setData(Qt.ItemDataRole.UserRole, solution.id)
            self.choices.addItem(item)
        self.choices.setVisible(self.choices.count() > 0)
        self.new_text = QLineEdit()
        self.new_text.setObjectName("agreeNewText")
        self.new_text.setPlaceholderText("Or write the agreed solution here")
        self.new_text.setAccessibleName("The agreed solution, in words")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Agree and move")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(self.new_text)
        layout.addWidget(self.buttons)
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
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.written_text()) or self.chosen_solution() is not None)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
