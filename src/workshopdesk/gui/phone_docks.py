"""The room's panels in the main window: Ideas, Round and phones, the Activity log and
the Follow-ups, each a dock with its entry in the View menu.

The main window makes one and tells it about the open workshop::

    self.phone_docks = PhoneDocks(self, self.view_menu, phones=self.share.phones)
    self.phone_docks.attach(document)   # in open_file
    self.phone_docks.detach()           # in close_file, before the document closes
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from workshopdesk.gui.activity_panel import ActivityPanel
from workshopdesk.gui.document import Document
from workshopdesk.gui.follow_ups_panel import FollowUpsPanel
from workshopdesk.gui.ideas_panel import IdeasPanel
from workshopdesk.gui.round_panel import RoundPanel

BOTTOM_HEIGHT = 300
"""The Ideas and Activity docks' height when first shown, in logical pixels."""


class PhoneDocks(QObject):
    def __init__(
        self,
        window: QMainWindow,
        view_menu: QMenu | None = None,
        *,
        phones: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._sized: set[str] = set()
        self.ideas = IdeasPanel()
        self.round = RoundPanel(phones=phones)
        self.activity = ActivityPanel()
        self.follow_ups = FollowUpsPanel()
        self.ideas_dock = self._dock("Ideas", "ideasDock", self.ideas)
        self.round_dock = self._dock("Round and phones", "roundDock", self.round)
        self.activity_dock = self._dock("Activity", "activityDock", self.activity)
        self.follow_ups_dock = self._dock("Follow-ups", "followUpsDock", self.follow_ups)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.ideas_dock)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.activity_dock)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.follow_ups_dock)
        window.tabifyDockWidget(self.ideas_dock, self.activity_dock)
        window.tabifyDockWidget(self.activity_dock, self.follow_ups_dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.round_dock)
        self.ideas_action = self._toggle(self.ideas_dock, "&Ideas from Phones", "Ctrl+Shift+D")
        self.round_action = self._toggle(self.round_dock, "&Round and Phones", "Ctrl+Shift+R")
        self.activity_action = self._toggle(self.activity_dock, "&Activity", "Ctrl+Shift+L")
        self.follow_ups_action = self._toggle(self.follow_ups_dock, "&Follow-ups", "Ctrl+Shift+U")
        self.actions = [
            self.ideas_action,
            self.round_action,
            self.activity_action,
            self.follow_ups_action,
        ]
        if view_menu is not None:
            view_menu.addSeparator()
            for action in self.actions:
                view_menu.addAction(action)

    def _dock(self, title: str, name: str, panel: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setAccessibleName(title)
        dock.setWidget(panel)
        dock.hide()
        dock.visibilityChanged.connect(lambda shown: shown and panel.setFocus())
        return dock

    def _toggle(self, dock: QDockWidget, text: str, keys: str) -> QAction:
        action = dock.toggleViewAction()
        action.setText(text)
        action.setShortcut(QKeySequence(keys))
        action.setObjectName(dock.objectName().removesuffix("Dock") + "Panel")
        action.setEnabled(False)
        action.triggered.connect(lambda shown: shown and self._raise(dock))
        return action

    def _raise(self, dock: QDockWidget) -> None:
        """Bring a dock forward (over the dock it shares tabs with), tall enough to read
        the first time."""
        dock.raise_()
        area = self.window.dockWidgetArea(dock)
        if dock.objectName() not in self._sized and area == Qt.DockWidgetArea.BottomDockWidgetArea:
            self._sized.add(dock.objectName())
            QTimer.singleShot(
                0,
                lambda: self.window.resizeDocks([dock], [BOTTOM_HEIGHT], Qt.Orientation.Vertical),
            )

    def attach(self, document: Document) -> None:
        self.ideas.attach(document)
        self.round.attach(document)
        self.activity.attach(document)
        self.follow_ups.attach(document)
        for action in self.actions:
            action.setEnabled(True)

    def detach(self) -> None:
        self.ideas.detach()
        self.round.detach()
        self.activity.detach()
        self.follow_ups.detach()
        for action in self.actions:
            action.setEnabled(False)
        for dock in (self.ideas_dock, self.round_dock, self.activity_dock, self.follow_ups_dock):
            dock.hide()
