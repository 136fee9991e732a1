"""The main window's editing commands: undo and redo, find, the card under the keyboard,
the editor and preparation dialogs, export, zoom. A mixin of :class:`MainWindow`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from workshopdesk.gui import style
from workshopdesk.gui.style import STATUS_MS
from workshopdesk.text import render
from workshopdesk.text.ui import _, current

if TYPE_CHECKING:
    from workshopdesk.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class EditCommands(_Base):
    # -- editing ----------------------------------------------------------------------
    def undo(self) -> None:
        if self.document is not None:
            step = self.document.undo()
            if step is not None:
                self.statusBar().showMessage(
                    _("Undone: {step}").format(step=render(step.label)), STATUS_MS
                )

    def redo(self) -> None:
        if self.document is not None:
            step = self.document.redo()
            if step is not None:
                self.statusBar().showMessage(
                    _("Redone: {step}").format(step=render(step.label)), STATUS_MS
                )

    def find(self) -> None:
        if self.page is not None:
            self.page.filter_bar.focus_search()

    def delete_current(self) -> None:
        if self.page is not None and (pid := self.page.board.current_problem()):
            self.page.board.delete_problem(pid)

    def edit_current(self) -> None:
        if self.page is not None and (pid := self.page.board.current_problem()):
            self.edit_problem(pid)

    def focus_quick_add(self) -> None:
        if self.page is None or self.document is None or self.document.read_only:
            return
        board = self.page.board
        pid = board.current_problem()
        problem = self.document.workshop.problems.get(pid) if pid else None
        order = board.column_order()
        cid = problem.column_id if problem else (order[0] if order else None)
        if cid is not None:
            board.columns[cid].quick_add.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_column(self) -> None:
        if self.page is not None:
            self.page.board.add_column()

    # The dialogs' code loads the first time one is opened, not when the window starts.
    def edit_problem(self, problem_id: str) -> None:
        if self.document is None:
            return
        from workshopdesk.gui.problem_editor import ProblemEditor

        self._show_dialog(ProblemEditor(self.document, problem_id, self))

    def edit_goal(self) -> None:
        if self.document is None:
            return
        from workshopdesk.gui.preparation import GoalDialog

        self._show_dialog(GoalDialog(self.document, self))

    def edit_people(self) -> None:
        if self.document is None:
            return
        from workshopdesk.gui.preparation import PeopleDialog

        self._show_dialog(PeopleDialog(self.document, self))

    def edit_invitation(self) -> None:
        if self.document is None:
            return
        from workshopdesk.gui.preparation import InvitationDialog

        self._show_dialog(InvitationDialog(self.document, self))

    def _show_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if self.page is not None:
            self.page.board.setFocus()

    def export(self) -> None:
        if self.document is None:
            return
        from workshopdesk.gui.export_dialog import ExportDialog

        self._show_dialog(ExportDialog(self.document, self))

    def import_rows(self) -> None:
        if self.document is None:
            return
        from workshopdesk.gui.import_dialog import ImportDialog

        self._show_dialog(ImportDialog(self.document, self))

    # -- view -------------------------------------------------------------------------
    def step_zoom(self, direction: int) -> None:
        steps = style.ZOOM_STEPS
        index = min(range(len(steps)), key=lambda i: abs(steps[i] - self.zoom)) + direction
        self.set_zoom(steps[max(0, min(index, len(steps) - 1))])

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.settings.set_zoom(zoom)
        if self.page is not None:
            self.page.board.set_zoom(zoom)
        self.statusBar().showMessage(
            _("Zoom {percent}").format(percent=current().percent(zoom)), 2000
        )
