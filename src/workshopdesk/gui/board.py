"""The problem wall: columns side by side, each a list of cards, with the actions a
facilitator uses on it (move, add, delete, rename, reorder). Every edit goes through the
:class:`Document`; the board redraws from its ``changed`` signal only."""

from __future__ import annotations

from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.changes import Step
from workshopdesk.core.errors import WorkshopError
from workshopdesk.gui import style
from workshopdesk.gui.board_filter import CardFilter
from workshopdesk.gui.card_model import ColumnModel
from workshopdesk.gui.column_widget import ColumnWidget
from workshopdesk.gui.document import Document
from workshopdesk.text.translation import translator
from workshopdesk.text.ui import _, ngettext

if TYPE_CHECKING:
    from workshopdesk.gui.agree_dialog import AgreeDialog

# The operations and the agree dialog are loaded where they are used (the first edit,
# or the room's panels just after the first paint), so the board shows sooner.


def touched_problems(step: Step | None) -> frozenset[str] | None:
    """The problems whose card may look different after ``step`` (None: any of them): a
    team or an attendee (whose team counts in a solution's teams) may change any card."""
    if step is None or {"team", "attendee"} & step.kinds():
        return None
    ids = set(step.ids("problem"))
    for change in step.changes:
        if change.kind == "solution":
            for side in (change.before, change.after):
                if side is not None:
                    ids.add(side.problem_id)  # type: ignore[union-attr]
    return frozenset(ids)


class Board(QWidget):
    open_requested = Signal(str)
    status = Signal(str)

    def __init__(self, document: Document, zoom: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("board")
        self.document = document
        self.zoom = zoom
        self.card_filter = CardFilter()
        self.columns: dict[str, ColumnWidget] = {}
        self.pending_menu: QMenu | None = None
        self.pending: QDialog | QMessageBox | None = None
        """The question being asked (agreed solution, delete column), for tests and close."""

        self.row = QHBoxLayout()
        self.row.setContentsMargins(24, 8, 24, 16)
        self.row.setSpacing(16)
        self.row.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.add_column_button = QPushButton(_("+  Add column"))
        self.add_column_button.setObjectName("addColumn")
        self.add_column_button.setAccessibleName(_("Add a column"))
        self.add_column_button.clicked.connect(self.add_column)
        add_holder = QVBoxLayout()
        add_holder.addWidget(self.add_column_button)
        add_holder.addStretch(1)
        self.row.addLayout(add_holder)
        inner = QWidget()
        inner.setObjectName("boardInner")
        inner.setLayout(self.row)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.sync_columns()
        document.changed.connect(self.follow)

    # -- showing ----------------------------------------------------------------------
    def follow(self, step: Step | None) -> None:
        """Show what ``step`` changed (None: anything may have changed)."""
        if step is None or "column" in step.kinds():
            self.sync_columns()
        touched = touched_problems(step)
        if touched is None:
            for column in self.columns.values():
                column.model.refresh(None)
                column.update_count()
            return
        ws = self.document.workshop
        affected: set[str] = set()
        for change in step.changes if step else ():
            for side in (change.before, change.after):
                if side is None:
                    continue
                if change.kind == "problem":
                    affected.add(side.column_id)  # type: ignore[union-attr]
                elif change.kind == "solution":
                    problem = ws.problems.get(side.problem_id)  # type: ignore[union-attr]
                    if problem is not None:
                        affected.add(problem.column_id)
        for cid in affected:
            column = self.columns.get(cid)
            if column is not None:
                column.model.refresh(touched)
                column.update_count()

    def sync_columns(self) -> None:
        ws = self.document.workshop
        ordered = ws.ordered_columns()
        wanted = {c.id for c in ordered}
        for cid in [cid for cid in self.columns if cid not in wanted]:
            widget = self.columns.pop(cid)
            self.row.removeWidget(widget)
            widget.deleteLater()
        for column in ordered:
            widget = self.columns.get(column.id)
            if widget is None:
                model = ColumnModel(
                    lambda: self.document.workshop, column.id, self.card_filter, self
                )
                model.on_drop = self.drop
                widget = self.columns[column.id] = ColumnWidget(self, column, model)
                widget.set_editable(not self.document.read_only)
            else:
                widget.update_column(column)
                widget.set_editable(not self.document.read_only)
        for column in ordered:
            self.row.removeWidget(self.columns[column.id])
        for i, column in enumerate(ordered):
            self.row.insertWidget(i, self.columns[column.id])
        for i, column in enumerate(ordered):
            widget = self.columns[column.id]
            widget.move_left_action.setEnabled(not self.document.read_only and i > 0)
            widget.move_right_action.setEnabled(
                not self.document.read_only and i < len(ordered) - 1
            )
        self.add_column_button.setVisible(not self.document.read_only)
        self._tab_order()
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Narrow the columns (down to a readable minimum) so the whole board and its
        "Add column" button fit the window; a narrow window keeps the button short."""
        count = len(self.columns)
        if not count:
            return
        margins = self.row.contentsMargins()
        room = (
            self.width()
            - 2 * self.scroll.frameWidth()
            - margins.left()
            - margins.right()
            - self.row.spacing() * count
        )
        widest = round(style.COLUMN_WIDTH * self.zoom)
        narrowest = round(style.COLUMN_MIN_WIDTH * self.zoom)
        button = self.add_column_button
        full = _("+  Add column")
        button.setText(full)
        wide = (room - (button.sizeHint().width() if button.isVisibleTo(self) else 0)) // count
        if wide < narrowest:
            button.setText("+")
            button.setToolTip(_("Add a column"))
            wide = (room - button.sizeHint().width()) // count
        else:
            button.setToolTip("")
        width = max(narrowest, min(widest, wide))
        for column in self.columns.values():
            column.set_width(width)

    def _tab_order(self) -> None:
        chain: list[QWidget] = []
        for column in self.document.workshop.ordered_columns():
            widget = self.columns[column.id]
            chain += [widget.menu_button, widget.cards, widget.quick_add]
        chain.append(self.add_column_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_filter(self, card_filter: CardFilter) -> None:
        self.card_filter = card_filter
        for column in self.columns.values():
            column.model.set_filter(card_filter)
            column.update_count()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        for column in self.columns.values():
            column.apply_zoom(zoom)
        self.fit_columns()

    def column_order(self) -> list[str]:
        return [c.id for c in self.document.workshop.ordered_columns()]

    def select(self, pid: str) -> bool:
        """Put the keyboard focus on a card."""
        problem = self.document.workshop.problems.get(pid)
        column = self.columns.get(problem.column_id) if problem else None
        if column is None or not column.cards.select_id(pid):
            return False
        column.cards.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def current_problem(self) -> str | None:
        for column in self.columns.values():
            if column.cards.hasFocus():
                return column.cards.current_id()
        return None

    def focus_neighbour(self, column_id: str, dx: int) -> None:
        order = self.column_order()
        i = order.index(column_id) + dx
        if 0 <= i < len(order):
            target = self.columns[order[i]].cards
            row = self.columns[column_id].cards.currentIndex().row()
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            count = target.model().rowCount()
            if count:
                target.setCurrentIndex(target.model().index(min(max(row, 0), count - 1), 0))

    # -- cards ------------------------------------------------------------------------
    def open_problem(self, pid: str) -> None:
        self.open_requested.emit(pid)

    def card_menu(self, pid: str, where: QPoint) -> None:
        """Right-click (or the menu key) on a card: edit, move to a column, delete."""
        ws = self.document.workshop
        problem = ws.problems.get(pid)
        if problem is None:
            return
        menu = QMenu(self)
        menu.setObjectName("cardMenu")
        edit = menu.addAction(_("Edit…"), lambda: self.open_problem(pid))
        move_to = menu.addMenu(_("Move to"))
        for column in ws.ordered_columns():
            action = move_to.addAction(
                column.name.replace("&", "&&"),
                partial(self.move_problem, pid, column.id, None),
            )
            action.setEnabled(column.id != problem.column_id)
        menu.addSeparator()
        menu.addAction(_("Delete"), lambda: self.delete_problem(pid))
        for action in menu.actions():
            if action is not edit:
                action.setEnabled(action.isEnabled() and not self.document.read_only)
        self.pending_menu = menu
        menu.popup(where)

    def add_problem(self, column_id: str, title: str) -> bool:
        from workshopdesk.core import operations as ops

        step = self.document.do(lambda ws: ops.add_problem(ws, column_id, title))
        if step is None:
            return False
        pid = next(c.id for c in step.changes if c.kind == "problem" and c.before is None)
        column = self.columns.get(column_id)
        if column is not None:
            row = column.model.row_of(pid)
            if row >= 0:
                column.cards.scrollTo(column.model.index(row))
            else:
                self.status.emit(_("Added. The filter hides the new problem; clear it to see it."))
        return True

    def delete_problem(self, pid: str) -> None:
        from workshopdesk.core import operations as ops

        if self.document.read_only:
            return
        problem = self.document.workshop.problems.get(pid)
        if problem is None:
            return
        column = self.columns.get(problem.column_id)
        row = column.model.row_of(pid) if column else -1
        if self.document.do(lambda ws: ops.delete_problem(ws, pid)) is None:
            return
        self.status.emit(
            _("Deleted “{title}”. Undo brings it back (Ctrl+Z).").format(title=problem.title)
        )
        if column is not None and column.model.rowCount():
            index = column.model.index(min(row, column.model.rowCount() - 1))
            column.cards.setCurrentIndex(index)

    def drop(self, ids: list[str], column_id: str, index: int | None) -> bool:
        """Cards dropped on a column (a drag, or the keyboard): move them there."""
        if self.document.read_only:
            return False
        for offset, pid in enumerate(ids):
            self.move_problem(pid, column_id, None if index is None else index + offset)
        return True

    def move_by(self, pid: str, dx: int, dy: int) -> None:
        """Ctrl+arrow: to the column beside (same row), or one place up or down."""
        if self.document.read_only:
            return
        problem = self.document.workshop.problems.get(pid)
        if problem is None or problem.column_id not in self.columns:
            return
        source = self.columns[problem.column_id]
        row = source.model.row_of(pid)
        if dx:
            order = self.column_order()
            i = order.index(problem.column_id) + dx
            if not 0 <= i < len(order):
                return
            target = self.columns[order[i]]
            self.move_problem(pid, target.column_id, target.model.index_among_others([pid], row))
            return
        visible = source.model.ids()
        new_row = row + dy
        if not 0 <= new_row < len(visible):
            return
        others = [p.id for p in self.document.workshop.problems_in(problem.column_id)]
        others.remove(pid)
        neighbour = others.index(visible[new_row])
        self.move_problem(pid, problem.column_id, neighbour + (1 if dy > 0 else 0))

    def move_problem(
        self, pid: str, column_id: str, index: int | None, agree: str | None = None
    ) -> None:
        """Move a card. When the workshop needs an agreed solution for the move, ask which
        one with the Agree dialog, then move with the answer."""
        from workshopdesk.core import operations as ops

        try:
            ops.move_problem(self.document.workshop, pid, column_id, index, agree=agree)
        except ops.NeedsAgreedSolution as needed:
            self._ask_agreed(needed.problem_id, needed.column_id, index)
            return
        except WorkshopError:
            pass  # the document refuses it below and says why
        if self.document.do(lambda ws: ops.move_problem(ws, pid, column_id, index, agree=agree)):
            self.select(pid)

    def _ask_agreed(self, pid: str, column_id: str, index: int | None) -> None:
        ws = self.document.workshop
        from workshopdesk.gui.agree_dialog import AgreeDialog

        dialog = AgreeDialog(
            ws.problems[pid], ws.solutions_of(pid), ws.columns[column_id].name, self.window()
        )
        dialog.accepted.connect(partial(self._agree_and_move, dialog, pid, column_id, index))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _: setattr(self, "pending", None))
        self.pending = dialog
        dialog.open()

    def _agree_and_move(
        self, dialog: AgreeDialog, pid: str, column_id: str, index: int | None
    ) -> None:
        agree = dialog.written_text() or dialog.chosen_solution()
        if agree:
            self.move_problem(pid, column_id, index, agree=agree)

    # -- columns ----------------------------------------------------------------------
    def add_column(self) -> None:
        from workshopdesk.core import operations as ops

        # The column's name is the workshop's, written in its language like the others.
        tr = translator(self.document.workshop.info.language)
        name = tr.gettext("New column")
        step = self.document.do(lambda ws: ops.add_column(ws, name))
        if step is None:
            return
        cid = next(c.id for c in step.changes if c.kind == "column" and c.before is None)
        widget = self.columns.get(cid)
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)
            widget.start_rename()

    def rename_column(self, column_id: str, name: str) -> None:
        from workshopdesk.core import operations as ops

        self.document.do(lambda ws: ops.rename_column(ws, column_id, name))

    def move_column(self, column_id: str, dx: int) -> None:
        from workshopdesk.core import operations as ops

        order = self.column_order()
        index = order.index(column_id) + dx
        if 0 <= index < len(order) and self.document.do(
            lambda ws: ops.move_column(ws, column_id, index)
        ):
            focused = QApplication.focusWidget()
            widget = self.columns[column_id]
            self.scroll.ensureWidgetVisible(widget)
            if focused is not None and widget.isAncestorOf(focused):
                focused.setFocus(Qt.FocusReason.OtherFocusReason)  # keep the keyboard there

    def make_done(self, column_id: str) -> None:
        from workshopdesk.core import operations as ops

        self.document.do(lambda ws: ops.set_done_column(ws, column_id))

    def delete_column(self, column_id: str) -> None:
        from workshopdesk.core import operations as ops

        ws = self.document.workshop
        column = ws.columns.get(column_id)
        if column is None:
            return
        count = len(ws.problems_in(column_id))
        if count == 0:
            self._delete_column(column_id, None)
            return
        heir = ops.heir_column(ws, column_id)
        heir_id = heir.id if heir is not None else None
        box = QMessageBox(self.window())
        box.setObjectName("deleteColumnQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Delete column"))
        box.setText(
            ngettext(
                "“{column}” still holds {n} problem.", "“{column}” still holds {n} problems.", count
            ).format(column=column.name, n=count)
        )
        box.setInformativeText(
            ngettext(
                "What should happen to it? You can undo either choice.",
                "What should happen to them? You can undo either choice.",
                count,
            )
        )
        move_button = None
        if heir_id is not None:
            move_button = box.addButton(
                ngettext("Move it to “{column}”", "Move them to “{column}”", count).format(
                    column=ws.columns[heir_id].name
                ),
                QMessageBox.ButtonRole.AcceptRole,
            )
            move_button.setObjectName("moveProblems")
        delete_button = box.addButton(
            ngettext(
                "Delete the column and its problem", "Delete the column and its problems", count
            ),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        delete_button.setObjectName("deleteProblems")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(move_button or delete_button)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            clicked = box.clickedButton()
            self.pending = None
            if clicked is not None and clicked is move_button:
                self._delete_column(column_id, heir_id)
            elif clicked is delete_button:
                self._delete_column(column_id, None)
            box.deleteLater()

        box.finished.connect(answered)
        self.pending = box
        box.open()

    def _delete_column(self, column_id: str, move_to: str | None) -> None:
        from workshopdesk.core import operations as ops

        name = self.document.workshop.columns[column_id].name
        if self.document.do(lambda ws: ops.delete_column(ws, column_id, move_to=move_to)):
            self.status.emit(
                _("Deleted the column “{column}”. Undo brings it back (Ctrl+Z).").format(
                    column=name
                )
            )
