"""Wall mode in the main window: the View ▸ Wall mode action and the preview dock.

``install_wall(window, document, view_menu)`` is the one call the main window makes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from workshopdesk.gui.document import Document
from workshopdesk.gui.wall_controller import WallController
from workshopdesk.gui.wall_preview import WallPreview

SHORTCUTS = (QKeySequence(Qt.Key.Key_F5), QKeySequence("Ctrl+Shift+W"))


@dataclass(frozen=True)
class WallMode:
    controller: WallController
    action: QAction
    """View ▸ Wall mode (checked while the wall is up)."""
    dock: QDockWidget
    """The preview and controls."""


def install_wall(
    window: QMainWindow,
    document: Document,
    view_menu: QMenu | None = None,
    settings: QSettings | None = None,
) -> WallMode:
    """Add wall mode to ``window`` (call ``.controller.close()`` with the document)."""
    controller = WallController(document, settings=settings, parent=window)
    dock = QDockWidget("Wall", window)
    dock.setObjectName("wallDock")
    dock.setWidget(WallPreview(controller, dock))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()

    action = QAction("&Wall mode", window)
    action.setObjectName("wallModeAction")
    action.setCheckable(True)
    action.setShortcuts(list(SHORTCUTS))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.setStatusTip("Show the wall full screen on the projector, with its preview here")
    action.toggled.connect(controller.toggle_wall)

    def shown(up: bool) -> None:
        if action.isChecked() != up:
            action.blockSignals(True)
            action.setChecked(up)
            action.blockSignals(False)
        if up:
            dock.show()

    controller.shownChanged.connect(shown)
    window.addAction(action)
    if view_menu is not None:
        view_menu.addAction(action)
        view_menu.addAction(dock.toggleViewAction())
    return WallMode(controller, action, dock)
