"""The Ideas panel: what phones sent, waiting for the facilitator's yes or no.

Each waiting idea shows its problem, its author and when it came. Enter puts the selected
idea on the wall (a new solution credited to its author), F2 edits the wording first,
Ctrl+M merges it into a solution the problem already has, Delete sets it aside. Each is
one step of the facilitator's, so Undo takes it back. "Ideas wait for me" is the
moderation switch: off, phones' ideas go straight to the wall.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.app.moderation import MODERATION_KEY, moderated
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import Idea
from workshopdesk.core.participation import private_ideas
from workshopdesk.gui import style
from workshopdesk.gui.document import Document
from workshopdesk.gui.idea_dialogs import EditIdeaDialog, MergeIdeaDialog
from workshopdesk.gui.ideas_model import AUTHOR, NUMBER, PROBLEM, RELEVANT, SENT, TEXT, IdeasModel
from workshopdesk.text.ui import N_, _, ngettext


def private_sentence(count: int) -> str:
    """What the writing round keeps to itself, in the command line's words."""
    if count == 0:
        return ""
    return ngettext(
        "{n} idea written, private until you reveal them.",
        "{n} ideas written, private until you reveal them.",
        count,
    ).format(n=count)


TABLE_STYLE = f"""
QTableView#ideasTable, QTableView#activityTable {{
    background: #ffffff; border: 1px solid {style.CARD_BORDER}; border-radius: 10px;
    alternate-background-color: #fafbfc; gridline-color: transparent; outline: none;
    selection-background-color: {style.ACCENT_SOFT}; selection-color: {style.TEXT};
}}
QTableView#ideasTable:focus, QTableView#activityTable:focus {{ border: 2px solid {style.ACCENT}; }}
QTableView::item {{ padding: 4px 8px; border: none; }}
QHeaderView::section {{
    background: #ffffff; color: {style.MUTED}; border: none;
    border-bottom: 1px solid {style.CARD_BORDER}; padding: 6px 8px; font-weight: 600;
}}
QCheckBox {{ spacing: 8px; }}
QPushButton:disabled {{
    color: {style.FAINT}; background: {style.BOARD_BG}; border: 1px solid {style.COLUMN_BG};
}}
QPushButton#primary:disabled {{ color: #ffffff; background: #b9b5f3; border-color: #b9b5f3; }}
QWidget#ideasPanel, QWidget#activityPanel, QWidget#roundPanel {{ background: {style.BOARD_BG}; }}
QComboBox:disabled {{ color: {style.FAINT}; background: {style.BOARD_BG}; }}
"""


def header_width(header: QHeaderView, column: int) -> int:
    """Room for a column's title in any language (a bold title and the header's padding)."""
    title = str(header.model().headerData(column, Qt.Orientation.Horizontal) or "")
    font = header.font()
    font.setWeight(QFont.Weight.DemiBold)
    return QFontMetrics(font).horizontalAdvance(title) + 28


def make_table(name: str, accessible: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.horizontalHeader().setAccessibleName(
        _("{table}: column headings").format(table=accessible)
    )
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table


class IdeasPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ideasPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.document: Document | None = None
        self.dialog: QDialog | None = None
        """The edit or merge question that is open, if any."""

        title = QLabel(_("Ideas from phones"))
        title.setObjectName("heading")
        self.moderation = QCheckBox(_("Ideas wait for me"))
        self.moderation.setAccessibleName(_("Ideas wait for me"))
        self.moderation.setToolTip(
            _(
                "On: phones' ideas wait here until you put them on the wall. "
                "Off: they go straight to the wall."
            )
        )
        self.moderation.setChecked(True)
        self.moderation.toggled.connect(self._moderation_toggled)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.moderation)

        self.private_label = QLabel("")
        self.private_label.setObjectName("privateIdeas")
        self.private_label.hide()
        self.empty_label = QLabel(_("No ideas are waiting."))
        self.empty_label.setObjectName("muted")

        self.model = IdeasModel(self)
        self.table = make_table("ideasTable", _("Ideas waiting for you"))
        self.table.setModel(self.model)
        self.setFocusProxy(self.table)
        header = self.table.horizontalHeader()
        for column, width in ((NUMBER, 48), (PROBLEM, 220), (AUTHOR, 190), (SENT, 64)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(width, header_width(header, column)))
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())

        self.approve_action = self._action(
            N_("Put on the Wall"), self.approve, [Qt.Key.Key_Return, Qt.Key.Key_Enter]
        )
        self.edit_action = self._action(N_("Edit…"), self.edit, [Qt.Key.Key_F2, "Ctrl+E"])
        self.merge_action = self._action(N_("Merge…"), self.merge, ["Ctrl+M"])
        self.reject_action = self._action(
            N_("Set Aside"), self.reject, [Qt.Key.Key_Delete, Qt.Key.Key_Backspace]
        )
        self.approve_button = self._button(self.approve_action, "primary", _("Enter"))
        self.edit_button = self._button(self.edit_action, "", "F2")
        self.merge_button = self._button(self.merge_action, "", "Ctrl+M")
        self.reject_button = self._button(self.reject_action, "", _("Delete"))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.private_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setStyleSheet(
            TABLE_STYLE + f"QLabel#privateIdeas {{ color: {style.OPEN}; background: "
            f"{style.OPEN_BG}; border-radius: 8px; padding: 6px 10px; font-weight: 600; }}"
        )
        self._enable()

    def _action(self, text: str, slot: object, keys: list[object]) -> QAction:
        action = QAction(_(text), self)
        action.setObjectName(text)  # the English text (marked with N_), shown translated
        action.setShortcuts([QKeySequence(k) for k in keys])  # type: ignore[call-overload]
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the table's keys only
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def _button(self, action: QAction, name: str, keys: str) -> QPushButton:
        button = QPushButton(action.text())
        if name:
            button.setObjectName(name)
        button.setAccessibleName(action.text().rstrip("…"))
        button.setToolTip(_("{action} ({keys})").format(action=action.text(), keys=keys))
        button.clicked.connect(action.trigger)
        return button

    # -- the workshop ---------------------------------------------------------------------
    def attach(self, document: Document) -> None:
        self.detach()
        self.document = document
        document.changed.connect(self._changed)
        document.settings_changed.connect(self._settings_changed)
        self.refresh()
        self._settings_changed()

    def detach(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
            self.document.settings_changed.disconnect(self._settings_changed)
        self.document = None
        self.model.update([])
        self._show_private(0)
        self._enable()

    def _changed(self, step: Step | None) -> None:
        if step is None or not RELEVANT.isdisjoint(step.kinds()):
            self.refresh()

    def refresh(self) -> None:
        if self.document is None:
            return
        ws = self.document.workshop
        self.model.refresh(ws)
        self._show_private(private_ideas(ws))
        self._select_current()
        self._enable()

    def _settings_changed(self) -> None:
        if self.document is None:
            return
        on = moderated(self.document.workspace.settings)
        self.moderation.blockSignals(True)
        self.moderation.setChecked(on)
        self.moderation.blockSignals(False)

    def _moderation_toggled(self, on: bool) -> None:
        if self.document is not None and not self.document.change_settings(
            {MODERATION_KEY: "on" if on else "off"}
        ):
            self._settings_changed()  # not saved: show what holds

    def _show_private(self, count: int) -> None:
        text = private_sentence(count)
        self.private_label.setText(text)
        self.private_label.setAccessibleName(text)
        self.private_label.setVisible(bool(text))

    # -- deciding ---------------------------------------------------------------------------
    def current_idea(self) -> Idea | None:
        index = self.table.currentIndex()
        return self.model.idea_at(index.row()) if index.isValid() else None

    def select(self, number: int) -> None:
        row = self.model.row_of(number)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, TEXT))

    def _select_current(self) -> None:
        """Keep a row selected (the next one after a decision), so Enter goes on."""
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rows:
            index = self.model.index(0, TEXT)
            self.table.setCurrentIndex(index)
        elif index.isValid() and not self.table.selectionModel().isSelected(index):
            self.table.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def approve(self) -> Step | None:
        idea = self.current_idea()
        if idea is None or self.document is None:
            return None
        return self.document.do(lambda ws: ops.approve_idea(ws, idea.id))

    def reject(self) -> Step | None:
        idea = self.current_idea()
        if idea is None or self.document is None:
            return None
        return self.document.do(lambda ws: ops.reject_idea(ws, idea.id))

    def edit(self) -> None:
        idea = self.current_idea()
        if idea is None or self.document is None:
            return
        dialog = EditIdeaDialog(
            idea, self.model.rows[self.table.currentIndex().row()].problem, self
        )
        dialog.accepted.connect(lambda: self._approve_as(idea, dialog.wording()))
        self._open(dialog)

    def merge(self) -> None:
        idea = self.current_idea()
        if idea is None or self.document is None:
            return
        solutions = self.document.workshop.solutions_of(idea.problem_id)
        if not solutions:
            return
        dialog = MergeIdeaDialog(
            idea, self.model.rows[self.table.currentIndex().row()].problem, solutions, self
        )
        dialog.accepted.connect(lambda: self._merge_into(idea, dialog.solution_id()))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _approve_as(self, idea: Idea, text: str) -> None:
        if self.document is not None and text:
            self.document.do(lambda ws: ops.approve_idea(ws, idea.id, text=text))

    def _merge_into(self, idea: Idea, solution_id: str | None) -> None:
        if self.document is not None and solution_id is not None:
            self.document.do(lambda ws: ops.approve_idea(ws, idea.id, merge_into=solution_id))

    def _enable(self) -> None:
        editable = self.document is not None and not self.document.read_only
        idea = self.current_idea()
        chosen = editable and idea is not None
        has_solutions = (
            chosen
            and self.document is not None
            and idea is not None
            and bool(self.document.workshop.solutions_of(idea.problem_id))
        )
        for action, button, on in (
            (self.approve_action, self.approve_button, chosen),
            (self.edit_action, self.edit_button, chosen),
            (self.merge_action, self.merge_button, has_solutions),
            (self.reject_action, self.reject_button, chosen),
        ):
            action.setEnabled(on)
            button.setEnabled(on)
        self.moderation.setEnabled(editable)
        self.empty_label.setVisible(not self.model.rows)
