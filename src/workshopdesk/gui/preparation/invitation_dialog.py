"""The invitation: casual, not about blame. Copy puts it on the clipboard as plain text with
the date, the venue and the shared goal; OK saves the text as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from workshopdesk.core.changes import Step
from workshopdesk.core.entities import WorkshopInfo
from workshopdesk.export import invitation
from workshopdesk.facts import invitation_draft, when
from workshopdesk.gui.document import Document
from workshopdesk.gui.preparation.base import PreparationDialog
from workshopdesk.text.ui import N_, _

COPIED = N_("Copied: the invitation with the date, the venue and the shared goal.")
CHANGED_ELSEWHERE = N_(
    "The invitation was changed elsewhere while this was open. Your text is kept; "
    "OK saves it over the other version."
)


class InvitationDialog(PreparationDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(
            document,
            _("Invitation"),
            _(
                "Keep it casual and about the customers, never about blame. Copy adds the "
                "date, the venue and the shared goal."
            ),
            parent,
        )
        self._base = document.workshop.info.invitation
        body = QHBoxLayout()
        body.setSpacing(24)

        left = QVBoxLayout()
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(_("Invitation text"))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_("Hi everyone, …"))
        self.text.setPlainText(self._base)
        left.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.suggest_button = self.button(
            _("Suggest a draft"), _("Replace the text with a suggested draft")
        )
        self.suggest_button.clicked.connect(self.suggest)
        self.copy_button = self.button(
            _("Copy"), _("Copy the invitation with the date, venue and goal")
        )
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        left.addLayout(row)
        body.addLayout(left, 3)
        body.addWidget(self._facts_panel(), 2)
        self.outer.addLayout(body, 1)

        self.ok_cancel(_("the invitation"))

        if self.read_only:
            self.text.setReadOnly(True)
            self.suggest_button.setEnabled(False)
            self.ok_button.setEnabled(False)
            self.cancel_button.setText(_("Close"))
        self._show_facts(document.workshop.info)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(1000, 660)

    def _facts_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setProperty("card", True)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(6)
        layout.addWidget(self.section(_("Goes with it"), panel))
        self.facts: dict[str, QLabel] = {}
        for key, title in (("when", _("When")), ("where", _("Where")), ("goal", _("Shared goal"))):
            label = QLabel(title, panel)
            label.setProperty("role", "field")
            value = QLabel(panel)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            layout.addSpacing(6)
            layout.addWidget(label)
            layout.addWidget(value)
            self.facts[key] = value
        self.missing = QLabel(panel)
        self.missing.setProperty("role", "error")
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName(_("What the invitation lacks"))
        layout.addSpacing(8)
        layout.addWidget(self.missing)
        layout.addStretch(1)
        note = QLabel(_("Change these under Goal & ground rules."), panel)
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        return panel

    def _show_facts(self, info: WorkshopInfo) -> None:
        self.facts["when"].setText(when(info, zone=True) or _("No date yet"))
        self.facts["where"].setText(info.venue or _("No venue yet"))
        goal = info.goal.strip()
        first = goal.split("\n\n")[0] if goal else _("No shared goal yet")
        self.facts["goal"].setText(first)
        warning = invitation.warning(self.document.workshop)
        self.missing.setText(f"⚠ {warning}" if warning else "")
        self.missing.setVisible(warning is not None)

    # -- actions ----------------------------------------------------------------------------
    def plain_text(self) -> str:
        return invitation.plain_text(self.document.workshop, self.text.toPlainText())

    def copy(self) -> str:
        text = self.plain_text()
        QGuiApplication.clipboard().setText(text)
        self.banner.show_message(_(COPIED), "info")
        return text

    def suggest(self) -> None:
        """Replace the text with a draft; Ctrl+Z in the text brings the old one back."""
        cursor = self.text.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(invitation_draft(self.document.workshop))
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def workshop_changed(self, step: Step | None) -> None:
        if step is not None and WorkshopInfo.kind not in step.kinds():
            return
        info = self.document.workshop.info
        self._show_facts(info)
        if info.invitation == self._base:
            return
        if self.text.toPlainText() == self._base:  # untouched: follow
            self.text.setPlainText(info.invitation)
        else:
            self.banner.show_message(_(CHANGED_ELSEWHERE), "warning")
        self._base = info.invitation

    def accept(self) -> None:
        if self.read_only:
            return
        text = self.text.toPlainText()
        if text != self._base and not self.save_workshop(invitation=text):
            return  # refused: the reason is in the banner
        super().accept()
