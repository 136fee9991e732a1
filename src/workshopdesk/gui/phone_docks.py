"""The room's panels in the main window: Ideas, Round and phones, the Activity log and
the Follow-ups, each a dock with its entry in the View menu.

The main window makes one and tells it about the open workshop::

    self.phone_docks = PhoneDocks(self, self.view_menu, phones=self.share.phones)
    self.phone_docks.attach(document)   # in open_file
    self.phone_docks.detach()           # in close_file, before the document closes

The View menu's entries and their shortcuts exist from the start; the panels behind them
are built when the window has first painted its board (``build``), or at once when an
entry is used before that, so opening a workshop shows the board without waiting for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from workshopdesk.text.ui import N_, _

if TYPE_CHECKING:
    from workshopdesk.gui.activity_panel import ActivityPanel
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.follow_ups_panel import FollowUpsPanel
    from workshopdesk.gui.ideas_panel import IdeasPanel
    from workshopdesk.gui.round_panel import RoundPanel

BOTTOM_HEIGHT = 300
"""The Ideas and Activity docks' height when first shown, in logical pixels."""

_ENTRIES = (  # key, dock title, object name, menu text, shortcut
    ("ideas", N_("Ideas"), "ideasDock", N_("&Ideas from Phones"), "Ctrl+Shift+D"),
    ("round", N_("Round and phones"), "roundDock", N_("&Round and Phones"), "Ctrl+Shift+R"),
    ("activity", N_("Activity"), "activityDock", N_("&Activity"), "Ctrl+Shift+L"),
    ("follow_ups", N_("Follow-ups"), "followUpsDock", N_("&Follow-ups"), "Ctrl+Shift+U"),
)


@dataclass
class _Built:
    ideas: IdeasPanel
    round: RoundPanel
    activity: ActivityPanel
    follow_ups: FollowUpsPanel
    docks: dict[str, QDockWidget]


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
        self._phones = phones
        self._sized: set[str] = set()
        self._built: _Built | None = None
        self.document: Document | None = None
        entries = {
            key: self._toggle(key, name, text, keys) for key, _title, name, text, keys in _ENTRIES
        }
        self.ideas_action = entries["ideas"]
        self.round_action = entries["round"]
        self.activity_action = entries["activity"]
        self.follow_ups_action = entries["follow_ups"]
        self.actions = list(entries.values())
        if view_menu is not None:
            view_menu.addSeparator()
            for action in self.actions:
                view_menu.addAction(action)

    # -- the panels, built once -------------------------------------------------------
    @property
    def built(self) -> bool:
        return self._built is not None

    def build(self) -> _Built:
        """Make the four panels and their docks (once), following the open workshop."""
        if self._built is not None:
            return self._built
        from workshopdesk.gui.activity_panel import ActivityPanel
        from workshopdesk.gui.follow_ups_panel import FollowUpsPanel
        from workshopdesk.gui.ideas_panel import IdeasPanel
        from workshopdesk.gui.round_panel import RoundPanel

        ideas = IdeasPanel()
        round_panel = RoundPanel(phones=self._phones)
        activity = ActivityPanel()
        follow_ups = FollowUpsPanel()
        panels: dict[str, QWidget] = {
            "ideas": ideas,
            "round": round_panel,
            "activity": activity,
            "follow_ups": follow_ups,
        }
        docks = {key: self._dock(title, name, panels[key]) for key, title, name, *_rest in _ENTRIES}
        built = _Built(ideas, round_panel, activity, follow_ups, docks)
        self._place(docks)
        for action, (key, *_rest) in zip(self.actions, _ENTRIES, strict=True):
            docks[key].toggleViewAction().toggled.connect(action.setChecked)
        self._built = built
        if self.document is not None:
            for panel in (ideas, round_panel, activity, follow_ups):
                panel.attach(self.document)
        return built

    def _place(self, docks: dict[str, QDockWidget]) -> None:
        """Where the facilitator left them last time (the window's saved state), else
        Ideas, Activity and Follow-ups as tabs at the bottom and the Round on the right."""
        window = self.window
        restored = {key: window.restoreDockWidget(dock) for key, dock in docks.items()}
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        if not any(restored.values()):
            window.addDockWidget(bottom, docks["ideas"])
            window.addDockWidget(bottom, docks["activity"])
            window.addDockWidget(bottom, docks["follow_ups"])
            window.tabifyDockWidget(docks["ideas"], docks["activity"])
            window.tabifyDockWidget(docks["activity"], docks["follow_ups"])
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["round"])
        else:
            for key, dock in docks.items():
                if not restored[key]:
                    area = Qt.DockWidgetArea.RightDockWidgetArea if key == "round" else bottom
                    window.addDockWidget(area, dock)
        for dock in docks.values():
            dock.hide()

    @property
    def ideas(self) -> IdeasPanel:
        return self.build().ideas

    @property
    def round(self) -> RoundPanel:
        return self.build().round

    @property
    def activity(self) -> ActivityPanel:
        return self.build().activity

    @property
    def follow_ups(self) -> FollowUpsPanel:
        return self.build().follow_ups

    @property
    def ideas_dock(self) -> QDockWidget:
        return self.build().docks["ideas"]

    @property
    def round_dock(self) -> QDockWidget:
        return self.build().docks["round"]

    @property
    def activity_dock(self) -> QDockWidget:
        return self.build().docks["activity"]

    @property
    def follow_ups_dock(self) -> QDockWidget:
        return self.build().docks["follow_ups"]

    def _dock(self, title: str, name: str, panel: QWidget) -> QDockWidget:
        dock = QDockWidget(_(title), self.window)
        dock.setObjectName(name)
        dock.setAccessibleName(_(title))
        dock.setWidget(panel)
        dock.hide()
        dock.visibilityChanged.connect(lambda shown: shown and panel.setFocus())
        return dock

    def _toggle(self, key: str, name: str, text: str, keys: str) -> QAction:
        action = QAction(_(text), self.window)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(keys))
        action.setObjectName(name.removesuffix("Dock") + "Panel")
        action.setEnabled(False)
        action.triggered.connect(lambda shown: self._show(key, shown))
        return action

    def _show(self, key: str, shown: bool) -> None:
        """What a View menu entry does: show (and bring forward) or close its dock, which
        is built first if it was not yet."""
        dock = self.build().docks[key]
        dock.toggleViewAction().setChecked(not shown)  # as if the dock's own entry were used
        dock.toggleViewAction().trigger()
        if shown:
            self._raise(dock)

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
        self.document = document
        if self._built is not None:
            for panel in self._panels(self._built):
                panel.attach(document)
        for action in self.actions:
            action.setEnabled(True)

    def detach(self) -> None:
        self.document = None
        if self._built is not None:
            for panel in self._panels(self._built):
                panel.detach()
        for action in self.actions:
            action.setEnabled(False)
        if self._built is not None:
            for dock in self._built.docks.values():
                dock.hide()

    @staticmethod
    def _panels(built: _Built) -> tuple[IdeasPanel, RoundPanel, ActivityPanel, FollowUpsPanel]:
        return (built.ideas, built.round, built.activity, built.follow_ups)
