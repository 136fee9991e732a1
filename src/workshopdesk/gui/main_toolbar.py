"""The main window's toolbar: adding problems and columns, undo and redo, the goal and
the people, and the room's two big moments kept at hand (the phones and the projector).

Its actions are the window's: ``window.toolbar_actions``, ``window.toolbar_undo`` and
``window.toolbar_redo``, enabled with the window's other actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget

from workshopdesk.paint.fonts import pixel_font
from workshopdesk.text.ui import _

if TYPE_CHECKING:
    from workshopdesk.gui.main_window import MainWindow


def build_toolbar(window: MainWindow) -> QToolBar:
    bar = QToolBar(_("Main toolbar"))
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setFont(pixel_font(14))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.toolbar_actions = {
        "problem": QAction(_("+ Problem"), window),
        "column": QAction(_("+ Column"), window),
    }
    window.toolbar_actions["problem"].triggered.connect(window.focus_quick_add)
    window.toolbar_actions["column"].triggered.connect(window.add_column)
    bar.addAction(window.toolbar_actions["problem"])
    bar.addAction(window.toolbar_actions["column"])
    bar.addSeparator()
    window.toolbar_undo = QAction(_("Undo"), window)
    window.toolbar_undo.triggered.connect(window.undo)
    window.toolbar_redo = QAction(_("Redo"), window)
    window.toolbar_redo.triggered.connect(window.redo)
    bar.addAction(window.toolbar_undo)
    bar.addAction(window.toolbar_redo)
    bar.addSeparator()
    window.toolbar_actions["goal"] = QAction(_("Goal && rules"), window)
    window.toolbar_actions["goal"].triggered.connect(window.edit_goal)
    window.toolbar_actions["people"] = QAction(_("People"), window)
    window.toolbar_actions["people"].triggered.connect(window.edit_people)
    bar.addAction(window.toolbar_actions["goal"])
    bar.addAction(window.toolbar_actions["people"])
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    # The room's two big moments, kept at hand: the phones and the projector.
    bar.addAction(window.share.action)
    bar.addAction(window.wall.action)
    for button in bar.findChildren(QWidget):
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    # Names a screen reader says: "+ Problem" means adding one; » shows the tools that
    # do not fit a narrow window. The others are named by their text.
    said = {"problem": _("Add a problem"), "column": _("Add a column")}
    for button in bar.findChildren(QToolButton):
        action = button.defaultAction()
        if action is None:
            button.setAccessibleName(_("More tools"))
        for key, name in said.items():
            if action is window.toolbar_actions[key]:
                button.setAccessibleName(name)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
