"""The two questions the Ideas panel asks before an idea goes on the wall: how to word
it (edit, then put on the wall) and which solution to merge it into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.entities import Idea, Solution
from workshopdesk.text.ui import _


class EditIdeaDialog(QDialog):
    """The idea's text to correct before it goes on the wall; Ctrl+Enter puts it there."""

    def __init__(self, idea: Idea, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editIdeaDialog")
        self.setWindowTitle(_("Edit idea {number}").format(number=idea.number))
        self.idea = idea
        intro = QLabel(
            _("For problem {problem}. Correct the wording, then put it on the wall.").format(
                problem=problem
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.text = QPlainTextEdit(idea.text)
        self.text.setAccessibleName(_("The idea's text"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumSize(420, 120)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok = self.buttons.addButton(
            _("Put on the Wall"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok.setObjectName("primary")
        self.ok.setToolTip(_("Put the idea on the wall as written here (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(lambda: self.ok.setEnabled(bool(self.wording())))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._accept_if_ready)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        cursor = self.text.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.text.setTextCursor(cursor)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def wording(self) -> str:
        return self.text.toPlainText().strip()

    def _accept_if_ready(self) -> None:
        if self.wording():
            self.accept()


class MergeIdeaDialog(QDialog):
    """The solutions of the idea's problem; the chosen one takes the idea in."""

    def __init__(
        self, idea: Idea, problem: str, solutions: list[Solution], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeIdeaDialog")
        self.setWindowTitle(_("Merge idea {number}").format(number=idea.number))
        self.idea = idea
        merge = _("Merge it into a solution of problem {problem}:").format(problem=problem)
        intro = QLabel(f"“{idea.text}”\n\n{merge}")
        intro.setWordWrap(True)
        self.solutions = QListWidget()
        self.solutions.setAccessibleName(_("Solutions to merge the idea into"))
        self.solutions.setObjectName("recentList")
        self.solutions.setMinimumSize(420, 160)
        for solution in solutions:
            item = QListWidgetItem(solution.text)
            item.setData(Qt.ItemDataRole.UserRole, solution.id)
            self.solutions.addItem(item)
        self.solutions.setCurrentRow(0)
        self.solutions.itemActivated.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok = self.buttons.addButton(_("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.solutions)
        layout.addWidget(self.buttons)
        self.solutions.setFocus(Qt.FocusReason.OtherFocusReason)

    def solution_id(self) -> str | None:
        item = self.solutions.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
