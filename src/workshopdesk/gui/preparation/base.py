"""What the preparation dialogs share: a heading, a message banner, buttons and sections."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workshopdesk.core import operations
from workshopdesk.core.changes import Step
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_parts import MessageBanner
from workshopdesk.gui.editor_style import apply_style
from workshopdesk.text.ui import N_, _

READ_ONLY = N_(
    "This workshop is open read-only (another window is editing it), "
    "so nothing here can be changed."
)


class PreparationDialog(QDialog):
    def __init__(
        self, document: Document, title: str, intro: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.read_only = document.read_only
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        apply_style(self)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(28, 22, 28, 20)
        self.outer.setSpacing(12)
        heading = QLabel(title, self)
        heading.setProperty("role", "heading")
        self.outer.addWidget(heading)
        if intro:
            hint = QLabel(intro, self)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            self.outer.addWidget(hint)
        self.banner = MessageBanner(self)
        self.outer.addWidget(self.banner)
        if self.read_only:
            self.banner.show_message(_(READ_ONLY), "info")
        self._applying = False
        """True while this dialog's own edit is being saved (not an outside change)."""
        document.failed.connect(self._on_failed)
        document.changed.connect(self._document_changed)

    def _document_changed(self, step: Step | None) -> None:
        if not self._applying:
            self.workshop_changed(step)

    def workshop_changed(self, step: Step | None) -> None:
        """The workshop changed (None: anything may have); not called while this dialog's
        own :meth:`save_workshop` is saving."""

    def save_workshop(self, **fields: Any) -> bool:
        """Save the workshop's own fields as one undo step; False when refused (the banner
        says why)."""
        self._applying = True
        try:
            step = self.document.do(lambda ws: operations.edit_workshop(ws, **fields))
        finally:
            self._applying = False
        return step is not None

    def _on_failed(self, message: str) -> None:
        self.banner.show_message(message, "error")

    def button(self, text: str, accessible: str, parent: QWidget | None = None) -> QPushButton:
        button = QPushButton(text, parent or self)
        button.setAutoDefault(False)
        button.setAccessibleName(accessible)
        return button

    def section(self, text: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(text, parent or self)
        label.setProperty("role", "section")
        return label

    def footer(self, *buttons: QPushButton, left: QWidget | None = None) -> QHBoxLayout:
        row = QHBoxLayout()
        if left is not None:
            row.addWidget(left)
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        self.outer.addLayout(row)
        return row

    def ok_cancel(self, saves: str) -> None:
        """The footer every preparation dialog ends with: Cancel, OK (``saves`` says what
        OK keeps), the keys hint, and Ctrl+Enter for OK."""
        self.cancel_button = self.button(_("Cancel"), _("Cancel: close without changing anything"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = self.button(_("OK"), _("OK: save {what}").format(what=saves))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.setMinimumWidth(96)
        self.ok_button.clicked.connect(self.accept)
        hint = QLabel(_("Ctrl+Enter saves · Esc cancels"), self)
        hint.setProperty("role", "hint")
        self.footer(self.cancel_button, self.ok_button, left=hint)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.document.failed.disconnect(self._on_failed)
        with contextlib.suppress(RuntimeError, TypeError):
            self.document.changed.disconnect(self._document_changed)
        super().done(result)
