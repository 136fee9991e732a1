"""The Share panel's place in the main window: a dock and View ▸ Share to Phones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from workshopdesk.gui.document import Document
from workshopdesk.text.ui import _

if TYPE_CHECKING:  # the panel and the network modules load when first shown
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
        self._panel: SharePanel | None = None
        self._document: Document | None = None
        self.dock = QDockWidget(_("Share to phones"), window)
        self.dock.setObjectName("shareDock")
        self.dock.visibilityChanged.connect(self._visible)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText(_("Share to &Phones"))
        self.action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.action.setObjectName("shareToPhones")
        self.action.setEnabled(False)
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.action)

    @property
    def panel(self) -> SharePanel:
        """The panel, made the first time it is needed: the window starts without it."""
        if self._panel is None:
            from workshopdesk.gui.share_panel import SharePanel

            self._panel = SharePanel()
            self._panel.urlChanged.connect(self._show_on_wall)
            self._panel.wifiChanged.connect(self._wifi_on_wall)
            self.dock.setWidget(self._panel)
            if self._document is not None:
                self._panel.attach(self._document)
        return self._panel

    def phones(self) -> int | None:
        """How many phones are connected now, or None while the workshop is not shared."""
        if self._panel is None or self._panel.server is None or not self._panel.sharing:
            return None
        return self._panel.server.phones()

    def attach(self, document: Document) -> None:
        self._document = document
        if self._panel is not None:
            self._panel.attach(document)
        self.action.setEnabled(True)

    def detach(self) -> None:
        self._document = None
        if self._panel is not None:
            self._panel.detach()
        self.action.setEnabled(False)
        self.dock.hide()

    def _visible(self, shown: bool) -> None:
        if shown:
            self.panel.setFocus()

    def _show_on_wall(self, url: str | None) -> None:
        wall = getattr(self.window, "wall", None)
        if wall is not None and hasattr(wall, "set_join_url"):
            wall.set_join_url(url)

    def _wifi_on_wall(self, wifi: object) -> None:
        wall = getattr(self.window, "wall", None)
        if wall is not None and hasattr(wall, "set_wifi"):
            wall.set_wifi(wifi)
