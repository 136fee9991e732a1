"""Asking the user for a file: the platform's own open and save dialogs.

The window asks through one :class:`FilePrompts` object it is given, so tests (where no
native dialog can be answered) hand it a :class:`FixedPrompts` with the answers.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from workshopdesk.text.ui import N_, _

WORKSHOP_FILTER = N_("Workshops (*.workshop);;All files (*)")
SUFFIX = ".workshop"


class FilePrompts:
    def open_workshop(self, parent: QWidget, folder: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Open a workshop"), folder, _(WORKSHOP_FILTER)
        )
        return Path(name) if name else None

    def save_workshop(self, parent: QWidget, caption: str, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, caption, str(suggested), _(WORKSHOP_FILTER)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(SUFFIX)


class FixedPrompts(FilePrompts):
    """Answers given in advance, one per question (None = the user cancelled)."""

    def __init__(self, *answers: Path | None) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def open_workshop(self, parent: QWidget, folder: str) -> Path | None:
        self.asked.append("open")
        return self.answers.pop(0) if self.answers else None

    def save_workshop(self, parent: QWidget, caption: str, suggested: Path) -> Path | None:
        self.asked.append(caption)
        return self.answers.pop(0) if self.answers else None
