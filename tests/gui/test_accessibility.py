"""The window for everyone: every control has a name a screen reader says, the keyboard
alone reaches every control of every dialog, and one card at a time shows the focus ring.

Walks the main window with every panel open (ideas, round and phones, activity, sharing,
the wall's preview and controls, with the wall up), then each dialog: the problem editor, the goal,
people and invitation dialogs, export and import, the agreement dialog, an idea's editing
and merging dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tests.gui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def interactive(root: Any) -> Iterator[Any]:
    """The controls under ``root`` that a person can use (shown, enabled or not)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, kinds) or not widget.isVisibleTo(root.window()):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox)
        ):
            continue  # the editor inside a combo or spin box: the box carries the name
        if (
            isinstance(widget, QAbstractSlider)
            and isinstance(widget.parent(), QWidget)
            and (
                widget.parent().objectName() == "qt_scrollarea_vcontainer"
                or widget.parent().objectName() == "qt_scrollarea_hcontainer"
            )
        ):
            continue  # a scroll area's scroll bars
        yield widget


def describe(widget: Any) -> str:
    path = []
    node = widget
    while node is not None and len(path) < 4:
        path.append(f"{type(node).__name__}({node.objectName()})")
        node = node.parent()
    return " < ".join(path)


def name_of(widget: Any) -> str:
    from PySide6.QtGui import QAccessible

    face = QAccessible.queryAccessibleInterface(widget)
    return "" if face is None else face.text(QAccessible.Text.Name).strip()


def unnamed(root: Any) -> list[str]:
    return [describe(w) for w in interactive(root) if not name_of(w)]


def every_window(qtbot: Any, window: Any) -> Iterator[tuple[str, Any]]:
    """The main window with every panel open, the wall, then each dialog in turn (each
    closed before the next opens)."""
    from PySide6.QtWidgets import QToolButton
    from tests.gui.phone_helpers import join, send

    from workshopdesk.gui.agree_dialog import AgreeDialog
    from workshopdesk.gui.idea_dialogs import EditIdeaDialog, MergeIdeaDialog

    document = window.document
    workshop = document.workshop
    problem = next(p for p in workshop.ordered_problems() if workshop.solutions_of(p.id))
    send(document, join(document, "Ann"), problem, "Invoices in euros from March")
    for action in window.phone_docks.actions:
        action.trigger()
    window.share.action.trigger()
    window.wall.action.trigger()
    window.wall.preview_action.isChecked() or window.wall.preview_action.trigger()
    qtbot.waitUntil(lambda: window.share.panel.isVisible())
    yield "main window", window  # the wall's controls are in its preview, docked here
    size = window.size()
    window.resize(520, size.height())  # the toolbar's tools that do not fit: under »
    qtbot.waitUntil(
        lambda: window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button").isVisible()
    )
    yield "narrow main window", window
    window.resize(size)
    window.wall.action.trigger()
    window.share.action.trigger()

    opened: list[tuple[str, Callable[[], Any]]] = [
        ("problem editor", lambda: window.edit_problem(problem.id)),
        ("goal and rules", window.edit_goal),
        ("people", window.edit_people),
        ("invitation", window.edit_invitation),
        ("export", window.export),
        ("import", window.import_rows),
    ]
    for title, open_it in opened:
        open_it()
        dialog = window.dialog
        qtbot.waitUntil(dialog.isVisible)
        yield title, dialog
        dialog.reject()
    idea = next(iter(document.workshop.ideas.values()))
    solutions = document.workshop.solutions_of(problem.id)
    made = [
        ("agreement", AgreeDialog(problem, solutions, "Solution agreed", window)),
        ("editing an idea", EditIdeaDialog(idea, problem.title, window)),
        ("merging an idea", MergeIdeaDialog(idea, problem.title, solutions, window)),
    ]
    for title, dialog in made:
        dialog.open()
        qtbot.waitUntil(dialog.isVisible)
        yield title, dialog
        dialog.reject()
        dialog.deleteLater()


def test_every_control_of_every_window_has_a_name(qtbot: Any, window: Any) -> None:
    faults: list[str] = []
    walked: dict[str, int] = {}
    for title, shown in every_window(qtbot, window):
        controls = list(interactive(shown))
        walked[title] = len(controls)
        faults.extend(f"{title}: {what}" for what in unnamed(shown))
    assert len(walked) == 11 and min(walked.values()) >= 2, walked
    assert faults == [], "\n".join(faults)


def focusable(root: Any) -> list[Any]:
    """The controls the keyboard must reach: shown, enabled, and not a table's header."""
    from PySide6.QtWidgets import QHeaderView

    return [
        w
        for w in interactive(root)
        if w.isEnabled() and not isinstance(w, QHeaderView) and w is not root
    ]


ARROW_KEYS_DO = {"One vote less", "One vote more"}
"""Buttons left out of the Tab order on purpose: the field beside them takes the arrow keys
(checked below)."""


def tab_through(qtbot: Any, dialog: Any, presses: int = 400) -> tuple[list[Any], list[str]]:
    """Press Tab until every control was reached (or ``presses`` ran out); the controls
    never reached, and the steps where Tab stayed put (a trap)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    wanted = focusable(dialog)
    reached: set[int] = set()
    stuck: list[str] = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        assert widget is not None
        node = widget
        while node is not None:
            reached.add(id(node))
            node = node.parentWidget()
        if all(id(w) in reached for w in wanted):
            break
        before = (widget, getattr(widget, "toPlainText", lambda: "")())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if after is widget and getattr(widget, "toPlainText", lambda: "")() != before[1]:
            stuck.append(describe(widget) + " takes Tab as text")
            break
    for widget in wanted:
        group = getattr(widget, "group", lambda: None)()
        # one choice of several, like radio buttons: Tab reaches the chosen one, the arrow
        # keys the others
        if (
            group is not None
            and group.exclusive()
            and any(id(other) in reached for other in group.buttons())
        ):
            reached.add(id(widget))
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and name_of(widget) in ARROW_KEYS_DO:
            reached.add(id(widget))
    return [w for w in wanted if id(w) not in reached], stuck


def test_the_keyboard_reaches_every_control_of_every_dialog(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import Qt

    missed: list[str] = []
    walked: list[str] = []
    for title, shown in every_window(qtbot, window):
        if shown is window:
            continue
        walked.append(title)
        left, stuck = tab_through(qtbot, shown)
        missed.extend(f"{title}: {describe(w)} never reached" for w in left)
        missed.extend(f"{title}: {what}" for what in stuck)
        if title == "problem editor":
            votes = next(w for w in interactive(shown) if name_of(w) == "Solution 1 votes")
            was = votes.value()
            qtbot.keyClick(votes, Qt.Key.Key_Up)
            assert votes.value() == was + 1  # what "One vote more" does, from the keyboard
    assert len(walked) == 9
    assert missed == [], "\n".join(missed)


def ringed_cards(window: Any) -> list[str]:
    """The cards drawn with an edge in the focus ring's colour, as the screen shows them."""
    from PySide6.QtGui import QColor

    from workshopdesk.gui import style

    accent = QColor(style.ACCENT)

    def near(pixel: Any) -> bool:
        return (
            abs(pixel.red() - accent.red())
            + abs(pixel.green() - accent.green())
            + abs(pixel.blue() - accent.blue())
        ) < 60

    found: list[str] = []
    for column in window.page.board.columns.values():
        image = column.cards.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        for row in range(column.model.rowCount()):
            rect = column.cards.visualRect(column.model.index(row))
            y = round(rect.center().y() * ratio)
            edge = [image.pixelColor(round((rect.left() + dx) * ratio), y) for dx in range(0, 6)]
            if any(near(pixel) for pixel in edge):
                found.append(column.model.index(row).data())
    return found


def test_one_card_shows_the_focus_ring_after_a_drag(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QPoint
    from tests.gui.board_helpers import column_named, pid
    from tests.gui.test_drag_and_drop import deliver_drop, start_drag

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    board = window.page.board
    on_the_wall = column_named(window, "On the wall")
    board.select(pid(window, 9))  # a card of the same column first: it was the current one
    mime = start_drag(window, 7)
    qtbot.waitUntil(lambda: on_the_wall.cards.hasFocus())
    discussing = column_named(window, "Discussing")
    first = discussing.cards.visualRect(discussing.model.index(0))
    assert deliver_drop(discussing.cards, mime, QPoint(first.center().x(), first.top() + 3))
    qtbot.waitUntil(lambda: discussing.cards.hasFocus())
    ringed = ringed_cards(window)
    assert len(ringed) == 1, ringed
