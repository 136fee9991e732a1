"""Teams & attendees: who comes to the workshop, in which team, and who shares contacts.

Every edit here is saved at once as its own undo step (the Undo button, Ctrl+Z).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.app.events import Action, Applied
from workshopdesk.core import operations
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import Attendee, Team
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_parts import FlowLayout, swatch
from workshopdesk.gui.preparation.attendees_model import (
    CONSENT,
    EMAIL,
    TEAM,
    TEAM_ID_ROLE,
    AttendeesModel,
)
from workshopdesk.gui.preparation.base import PreparationDialog
from workshopdesk.gui.preparation.teams_model import COLOUR, TeamsModel, free_name
from workshopdesk.text import render
from workshopdesk.text.ui import _, ngettext

Index = QModelIndex | QPersistentModelIndex


class TeamDelegate(QStyledItemDelegate):
    """Picks an attendee's team from a list."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(_("Team"))
        combo.addItem(swatch(""), _("No team"), None)
        for team in self.document.workshop.ordered_teams():
            combo.addItem(swatch(team.color), team.name, team.id)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(TEAM_ID_ROLE))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _table(model, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.horizontalHeader().setAccessibleName(_("{name}: column headings").format(name=name))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 16)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return view


class PeopleDialog(PreparationDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(
            document,
            _("Teams & attendees"),
            _("Changes are saved as you make them; Undo takes back the last one."),
            parent,
        )
        self.teams_model = TeamsModel(document, self)
        self.attendees_model = AttendeesModel(document, self)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(self._teams_panel(), 0)
        body.addLayout(self._attendees_panel(), 1)
        self.outer.addLayout(body, 1)

        self._own: list[Step] = []
        """The steps made here, so Undo takes back only this dialog's changes."""
        document.applied.connect(self._applied)
        self.undo_button = self.button(_("Undo"), _("Undo the last change made here"))
        self.undo_button.clicked.connect(self.undo)
        self.close_button = self.button(_("Close"), _("Close"))
        self.close_button.setProperty("primary", True)
        self.close_button.clicked.connect(self.accept)
        self.footer(self.close_button, left=self.undo_button)
        for keys, action in (
            (QKeySequence.StandardKey.Undo, self.undo),
            (QKeySequence.StandardKey.Redo, self.redo),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(action)

        for view, remove in (
            (self.teams_view, self.remove_team),
            (self.attendees_view, self.remove_attendee),
        ):
            delete = QShortcut(QKeySequence.StandardKey.Delete, view)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while typing in a cell
            delete.activated.connect(remove)

        self.workshop_changed(None)
        if self.read_only:
            for button in (*self.team_buttons, *self.attendee_buttons, self.undo_button):
                button.setEnabled(False)
        self.resize(1320, 700)

    # -- building ---------------------------------------------------------------------------
    def _teams_panel(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(self.section(_("Teams")))
        self.teams_view = _table(self.teams_model, _("Teams"), self)
        header = self.teams_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLOUR, QHeaderView.ResizeMode.ResizeToContents)
        self.teams_view.activated.connect(self._team_activated)  # Enter or double-click
        self.teams_view.setFixedWidth(310)
        column.addWidget(self.teams_view, 1)
        self.add_team_button = self.button(_("+ Add team"), _("Add a team"))
        self.colour_button = self.button(_("Colour…"), _("Pick the selected team's colour"))
        self.up_button = self.button("↑", _("Move the selected team up"))
        self.down_button = self.button("↓", _("Move the selected team down"))
        for button in (self.up_button, self.down_button):
            button.setToolTip(button.accessibleName())
            button.setStyleSheet("QPushButton { padding: 5px 8px; }")
            button.setMinimumHeight(self.add_team_button.sizeHint().height())
        self.remove_team_button = self.button(_("Remove"), _("Remove the selected team"))
        self.add_team_button.clicked.connect(self.add_team)
        self.colour_button.clicked.connect(lambda: self.pick_colour())
        self.up_button.clicked.connect(lambda: self.move_team(-1))
        self.down_button.clicked.connect(lambda: self.move_team(1))
        self.remove_team_button.clicked.connect(self.remove_team)
        self.team_buttons = (
            self.add_team_button,
            self.colour_button,
            self.up_button,
            self.down_button,
            self.remove_team_button,
        )
        buttons = QWidget(self)
        flow = FlowLayout(buttons, spacing=6)
        for button in self.team_buttons:
            flow.addWidget(button)
        column.addWidget(buttons)
        return column

    def _attendees_panel(self) -> QVBoxLayout:
        column = QVBoxLayout()
        heading = QHBoxLayout()
        heading.addWidget(self.section(_("Attendees")))
        heading.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        heading.addWidget(self.summary)
        column.addLayout(heading)
        self.attendees_view = _table(self.attendees_model, _("Attendees"), self)
        self.attendees_view.setItemDelegateForColumn(TEAM, TeamDelegate(self.document, self))
        header = self.attendees_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((150, 130, 170, 220, 140)):
            self.attendees_view.setColumnWidth(col, width)
        header.setSectionResizeMode(EMAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CONSENT, QHeaderView.ResizeMode.ResizeToContents)
        column.addWidget(self.attendees_view, 1)
        row = QHBoxLayout()
        self.add_attendee_button = self.button(_("+ Add attendee"), _("Add an attendee"))
        self.remove_attendee_button = self.button(_("Remove"), _("Remove the selected attendee"))
        self.add_attendee_button.clicked.connect(self.add_attendee)
        self.remove_attendee_button.clicked.connect(self.remove_attendee)
        self.attendee_buttons = (self.add_attendee_button, self.remove_attendee_button)
        for button in self.attendee_buttons:
            row.addWidget(button)
        row.addStretch(1)
        note = QLabel(_("Contact details reach others only with consent."), self)
        note.setProperty("role", "hint")
        row.addWidget(note)
        column.addLayout(row)
        return column

    # -- following the workshop -------------------------------------------------------------
    def _applied(self, event: Applied) -> None:
        # The dialog is modal: the facilitator's edits while it is open are its own.
        if event.action is Action.DONE and event.origin.undoable and event.step is not None:
            self._own.append(event.step)
        self._show_undo()

    def _own_next(self, step: Step | None) -> bool:
        return step is not None and any(step is own for own in self._own)

    def undo(self) -> None:
        history = self.document.history
        if history.can_undo and self._own_next(history.next_undo()):
            self.document.undo()

    def redo(self) -> None:
        history = self.document.history
        if history.can_redo and self._own_next(history.next_redo()):
            self.document.redo()

    def _show_undo(self) -> None:
        history = self.document.history
        mine = history.can_undo and self._own_next(history.next_undo())
        label = history.undo_label() if mine else None
        self.undo_button.setEnabled(label is not None and not self.read_only)
        self.undo_button.setText(
            _("Undo: {action}").format(action=render(label)) if label else _("Undo")
        )
        self.undo_button.setToolTip(
            self.undo_button.text() if label else _("Nothing changed here yet to undo")
        )

    def workshop_changed(self, step: Step | None) -> None:
        self._show_undo()
        attendees = self.document.workshop.attendees.values()
        sharing = sum(1 for a in attendees if a.consent_to_share)
        count = ngettext("{count} attendee", "{count} attendees", len(attendees)).format(
            count=len(attendees)
        )
        shared = ngettext(
            "{count} shares their contact details", "{count} share their contact details", sharing
        ).format(count=sharing)
        self.summary.setText(f"{count} · {shared}")
        if step is not None and step.changes and not self.read_only:
            self.banner.clear()  # a good edit after a refused one

    def _select(self, view: QTableView, row: int, column: int = 0) -> QModelIndex:
        index = view.model().index(row, column)
        view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(index)
        view.setFocus()
        return index

    def _current_team(self) -> Team | None:
        index = self.teams_view.currentIndex()
        return self.teams_model.entity(index.row()) if index.isValid() else None

    def _current_attendee(self) -> Attendee | None:
        index = self.attendees_view.currentIndex()
        return self.attendees_model.entity(index.row()) if index.isValid() else None

    # -- teams ------------------------------------------------------------------------------
    def add_team(self) -> None:
        step = self.document.do(lambda ws: operations.add_team(ws, free_name(ws)))
        if step is None:
            return
        row = self.teams_model.row_of(step.changes[-1].id)
        self.teams_view.edit(self._select(self.teams_view, row))

    def _team_activated(self, index: QModelIndex) -> None:
        if index.column() == COLOUR:
            # After the key press is done: the dialog would otherwise take the Enter that
            # opened the picker as a click on the picker's OK.
            QTimer.singleShot(0, self.pick_colour)

    def pick_colour(self) -> QColorDialog | None:
        """Open the colour dialog for the selected team (window-modal)."""
        team = self._current_team()
        if team is None or self.read_only:
            return None
        dialog = QColorDialog(QColor(team.color), self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setWindowTitle(_("Colour of {name}").format(name=team.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        team_id = team.id
        dialog.colorSelected.connect(
            lambda colour: self.document.do(
                lambda ws: operations.edit_team(ws, team_id, color=colour.name())
            )
        )
        dialog.open()
        return dialog

    def move_team(self, delta: int) -> None:
        team = self._current_team()
        if team is None:
            return
        row = self.teams_model.row_of(team.id)
        target = row + delta
        if not 0 <= target < self.teams_model.rowCount():
            return
        if self.document.do(lambda ws: operations.move_team(ws, team.id, target)) is not None:
            self._select(self.teams_view, self.teams_model.row_of(team.id))

    def remove_team(self) -> None:
        team = self._current_team()
        if team is None:
            return
        row = self.teams_model.row_of(team.id)
        removed = self.document.do(lambda ws: operations.delete_team(ws, team.id))
        if removed is not None and self.teams_model.rowCount():
            self._select(self.teams_view, min(row, self.teams_model.rowCount() - 1))

    # -- attendees --------------------------------------------------------------------------
    def add_attendee(self) -> None:
        current = self._current_attendee()
        team_id = current.team_id if current else None
        step = self.document.do(
            lambda ws: operations.add_attendee(ws, _("New attendee"), team_id=team_id)
        )
        if step is None:
            return
        row = self.attendees_model.row_of(step.changes[-1].id)
        self.attendees_view.edit(self._select(self.attendees_view, row))

    def remove_attendee(self) -> None:
        attendee = self._current_attendee()
        if attendee is None:
            return
        row = self.attendees_model.row_of(attendee.id)
        removed = self.document.do(lambda ws: operations.delete_attendee(ws, attendee.id))
        if removed is not None and self.attendees_model.rowCount():
            self._select(self.attendees_view, min(row, self.attendees_model.rowCount() - 1))

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.document.applied.disconnect(self._applied)
        super().done(result)
