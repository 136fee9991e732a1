"""Wall mode in the main window: View ▸ Wall mode and the preview dock.

The main window makes one :class:`WallMode` and tells it when a workshop opens
(:meth:`WallMode.attach`) and closes (:meth:`WallMode.detach`)::

    self.wall = WallMode(self, self.view_menu, settings.qsettings)
    self.wall.attach(document)      # in open_file
    self.wall.detach()              # in close_file, before the document closes
    self.wall.set_join_url(url)     # when sharing starts (None when it stops)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu

from workshopdesk.gui.document import Document
from workshopdesk.text.ui import _

if TYPE_CHECKING:  # the wall's painting loads when the wall or its preview is first wanted
    from workshopdesk.core.share_link import WifiNetwork
    from workshopdesk.gui.wall_controller import WallController

SHORTCUTS = (QKeySequence(Qt.Key.Key_F5), QKeySequence("Ctrl+Shift+W"))


class WallMode(QObject):
    def __init__(
        self,
        window: QMainWindow,
        view_menu: QMenu | None = None,
        settings: QSettings | None = None,
        current_problem: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.current_problem = current_problem
        """The problem selected on the board, for "Spotlight the Selected Problem"."""
        self._controller: WallController | None = None
        self._document: Document | None = None
        self.join_url: str | None = None
        self.wifi: WifiNetwork | None = None

        self.dock = QDockWidget(_("Wall"), window)
        self.dock.setObjectName("wallDock")
        self.dock.setWidget(self._placeholder())
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._preview_visible)

        self.action = QAction(_("&Wall mode"), window)
        self.action.setObjectName("wallModeAction")
        self.action.setCheckable(True)
        self.action.setEnabled(False)
        self.action.setShortcuts(list(SHORTCUTS))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setStatusTip(_("Show the wall full screen on the projector (Esc there leaves)"))
        self.action.toggled.connect(self._toggled)
        window.addAction(self.action)
        self.spotlight_action = QAction(_("&Spotlight the Selected Problem"), window)
        self.spotlight_action.setObjectName("wallSpotlightAction")
        self.spotlight_action.setEnabled(False)
        self.spotlight_action.setShortcut(QKeySequence("Shift+F5"))
        self.spotlight_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.spotlight_action.setStatusTip(_("Show the selected problem large on the wall"))
        self.spotlight_action.triggered.connect(self.spotlight_selected)
        window.addAction(self.spotlight_action)
        self.join_action = QAction(_("Show the &Join Screen"), window)
        self.join_action.setObjectName("wallJoinAction")
        self.join_action.setEnabled(False)
        self.join_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.join_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.join_action.setStatusTip(
            _("The QR codes large on the wall, for phones to join (J on the wall); while sharing")
        )
        self.join_action.triggered.connect(self.show_join)
        window.addAction(self.join_action)
        self.preview_action = self.dock.toggleViewAction()
        self.preview_action.setText(_("Wall &Preview and Timer"))
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.action)
            view_menu.addAction(self.spotlight_action)
            view_menu.addAction(self.join_action)
            view_menu.addAction(self.preview_action)

    def attach(self, document: Document) -> None:
        """Wall mode for the workshop just opened (its wall is made when first wanted)."""
        self.detach()
        self._document = document
        self.action.setEnabled(True)
        self.spotlight_action.setEnabled(self.current_problem is not None)
        self.join_action.setEnabled(self.join_url is not None)
        if self.dock.isVisible():
            self._preview_visible(True)

    @property
    def controller(self) -> WallController | None:
        """The open workshop's wall, made the first time it is needed."""
        if self._controller is None and self._document is not None:
            from workshopdesk.gui.wall_controller import WallController
            from workshopdesk.gui.wall_preview import WallPreview

            controller = WallController(self._document, settings=self.settings, parent=self)
            controller.shownChanged.connect(self._shown)
            controller.set_join_url(self.join_url, self.wifi)
            self._controller = controller
            old = self.dock.widget()
            self.dock.setWidget(WallPreview(controller, self.dock))
            if old is not None:
                old.deleteLater()
        return self._controller

    def detach(self) -> None:
        """The workshop is closing: close its wall, stop its timers."""
        controller, self._controller = self._controller, None
        self._document = None
        if controller is not None:
            controller.close()
            controller.deleteLater()
        old = self.dock.widget()
        self.dock.setWidget(self._placeholder())
        if old is not None:
            old.deleteLater()
        self._shown(False)
        self.action.setEnabled(False)
        self.spotlight_action.setEnabled(False)
        self.join_action.setEnabled(False)

    def set_join_url(self, url: str | None) -> None:
        """Sharing started (its join URL) or stopped (None)."""
        self.join_url = url
        self.join_action.setEnabled(url is not None and self._document is not None)
        if self._controller is not None:
            self._controller.set_join_url(url, self.wifi)

    def set_wifi(self, wifi: WifiNetwork | None) -> None:
        """The room's Wi-Fi as named in the Share panel (None when not named)."""
        self.wifi = wifi
        if self._controller is not None:
            self._controller.set_join_url(self.join_url, wifi)

    def show_join(self) -> None:
        """The join screen on the wall (opening the wall if needed)."""
        controller = self.controller
        if controller is None or controller.join is None:
            return
        controller.show_join()
        if not controller.is_up:
            controller.show_wall()

    def spotlight_selected(self) -> None:
        """The selected problem large on the wall (opening the wall if needed)."""
        controller = self.controller
        problem_id = self.current_problem() if self.current_problem is not None else None
        if controller is None or problem_id is None:
            return
        controller.spotlight(problem_id)
        if not controller.is_up:
            controller.show_wall()

    def _toggled(self, up: bool) -> None:
        controller = self.controller if up else self._controller
        if controller is not None:
            controller.toggle_wall(up)

    def _preview_visible(self, shown: bool) -> None:
        if shown:
            self.controller  # noqa: B018 - makes the wall, so the preview shows it

    def _shown(self, up: bool) -> None:
        if self.action.isChecked() != up:
            self.action.blockSignals(True)
            self.action.setChecked(up)
            self.action.blockSignals(False)
        if up:
            self.dock.show()

    def _placeholder(self) -> QLabel:
        label = QLabel(_("Open a workshop to show its wall."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label
