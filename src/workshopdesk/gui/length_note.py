"""A one-line field's length, said while typing: a quiet count near the limit, and a
clear note (and a red border) once the text is longer than a workshop can keep.

A pasted long text stays whole, so nothing is cut behind the facilitator's back; the
field's owner asks :meth:`LengthNote.fits` before it saves.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from workshopdesk.core.limits import TITLE_MAX
from workshopdesk.text.ui import _

NEAR = 20
"""Characters before the limit at which the count appears."""


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class LengthNote(QLabel):
    def __init__(
        self, edit: QLineEdit, limit: int = TITLE_MAX, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or edit.parentWidget())
        self.setObjectName("lengthNote")
        self.setWordWrap(True)
        self.edit = edit
        self.limit = limit
        edit.setMaxLength(limit * 4)
        edit.textChanged.connect(self._update)
        self._update()

    def fits(self) -> bool:
        return len(self.edit.text().strip()) <= self.limit

    def _update(self) -> None:
        length = len(self.edit.text().strip())
        over = length > self.limit
        if over:
            text = _("{length} / {limit} characters: {over} too many to save").format(
                length=length, limit=self.limit, over=length - self.limit
            )
        elif length >= self.limit - NEAR:
            text = _("{length} / {limit} characters").format(length=length, limit=self.limit)
        else:
            text = ""
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        role = "error" if over else "hint"
        if self.property("role") != role:
            self.setProperty("role", role)
            _repolish(self)
        if bool(self.edit.property("invalid")) != over:
            self.edit.setProperty("invalid", over)
            _repolish(self.edit)
        self.edit.setToolTip(text)
