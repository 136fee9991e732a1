"""The Activity panel: what changed in the workshop, when, and who did it, newest first.

It re-reads the log after every change the workspace announces (a burst of phones'
dots is read once) and while hidden it waits until it is shown again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from workshopdesk.gui.activity_model import TIME, WHAT, WHO, ActivityModel
from workshopdesk.gui.document import Document
from workshopdesk.gui.ideas_panel import TABLE_STYLE, make_table
from workshopdesk.text.ui import _

LIMIT = 500
"""The newest lines the panel shows."""
SETTLE_MS = 60


class ActivityPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.document: Document | None = None
        title = QLabel(_("Activity"))
        title.setObjectName("heading")
        hint = QLabel(
            _("Every change, who made it and when: you, phones, imports, other programs.")
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.model = ActivityModel(self)
        self.table = make_table("activityTable", _("Activity log, newest first"))
        self.table.setModel(self.model)
        self.setFocusProxy(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TIME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TIME, 84)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WHO, 170)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self.setStyleSheet(TABLE_STYLE)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self._stale = False

    def attach(self, document: Document) -> None:
        self.detach()
        self.document = document
        document.applied.connect(self._applied)
        self.refresh()

    def detach(self) -> None:
        if self.document is not None:
            self.document.applied.disconnect(self._applied)
        self.document = None
        self._settle.stop()
        self.model.update([])

    def _applied(self, _event: object) -> None:
        if self.isVisible():
            self._settle.start()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.document is not None:
            self.model.update(self.document.workspace.activity(LIMIT))
