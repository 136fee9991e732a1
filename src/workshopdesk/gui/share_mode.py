"""The Share panel's place in the main window: a dock and View ▸ Share to Phones."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from workshopdesk.gui.document import Document
from workshopdesk.gui.share_panel import SharePanel


class ShareMode(QObject):
    """The Share panel in the main window: a dock and View ▸ Share to Phones.

    The main window makes one and tells it about the open workshop::

        self.share = ShareMode(self, self.view_menu)
        self.share.attach(document)   # in open_file
        self.share.detach()           # in close_file, before the document closes

    When the window has a wall (``window.wall.set_join_url``), the wall shows the same
    QR code while sharing is on.
    """

    def __init__(self, window: QMainWindow, view_menu: QMenu | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.panel = SharePanel()
        self.dock = QDockWidget("Share to phones", window)
        self.dock.setObjectName("shareDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText("Share to &Phones")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.action.setObjectName("shareToPhones")
        self.action.setEnabled(False)
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.action)
        self.panel.urlChanged.connect(self._show_on_wall)

    def attach(self, document: Document) -> None:
        self.panel.attach(document)
        self.action.setEnabled(True)

    def detach(self) -> None:
        self.panel.detach()
        self.action.setEnabled(False)
        self.dock.hide()

    def _show_on_wall(self, url: str | None) -> None:
        wall = getattr(self.window, "wall", None)
        if wall is not None and hasattr(wall, "set_join_url"):
            wall.set_join_url(url)
