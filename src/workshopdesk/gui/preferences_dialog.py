"""The window's preferences: the language of the interface (the system's, English or
Swedish). The choice is stored in the app's settings; the window reopens in it at once
(``live``), or, while phones are connected to the shared workshop, at the next start."""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.gui.app_settings import AppSettings
from workshopdesk.text.language import LANGUAGES, NAMES, system_language
from workshopdesk.text.ui import _


class PreferencesDialog(QDialog):
    def __init__(
        self, settings: AppSettings, parent: QWidget | None = None, *, live: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(_("Preferences"))
        self.settings = settings
        self.language = QComboBox()
        self.language.setObjectName("interfaceLanguage")
        system = NAMES[system_language(os.environ)]
        self.language.addItem(_("System ({language})").format(language=system), "")
        for code in LANGUAGES:
            self.language.addItem(NAMES[code], code)  # each language by its own name
        chosen = self.language.findData(settings.interface_language())
        self.language.setCurrentIndex(max(chosen, 0))
        self.language.setAccessibleName(_("Language of the window"))
        note = QLabel(
            _("The window reopens in the language you choose.")
            if live
            else _("Takes effect when WorkshopDesk starts again.")
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Language"), self.language)
        form.addRow("", note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.set_interface_language(self.language.currentData() or "")
        self.settings.sync()
        super().accept()
