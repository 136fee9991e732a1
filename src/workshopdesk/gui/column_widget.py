"""One board column: its header (name, count, menu), its cards, and quick-add."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.entities import Column
from workshopdesk.gui import style
from workshopdesk.gui.card_delegate import SCROLLBAR_ROOM
from workshopdesk.gui.card_list import CardList
from workshopdesk.gui.card_model import ColumnModel
from workshopdesk.gui.length_note import LengthNote
from workshopdesk.gui.one_line_label import OneLineLabel
from workshopdesk.paint.fonts import pixel_font
from workshopdesk.text.ui import _, ngettext

if TYPE_CHECKING:
    from workshopdesk.gui.board import Board


class _NameEdit(QLineEdit):
    """The column's name while it is being renamed: Enter keeps it, Escape cancels."""

    def __init__(self, column: ColumnWidget) -> None:
        super().__init__()
        self._column = column

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._column.cancel_rename()
            return
        super().keyPressEvent(event)


class _NameLabel(OneLineLabel):
    """The column's name on one line, or on two when it is longer than the header's room
    (a long name, often in Swedish: "Lösning överenskommen"); cut short only when two lines
    are not enough."""

    LINES = 2

    def __init__(self, column: ColumnWidget) -> None:
        super().__init__()
        self._column = column

    def lines(self, width: int | None = None) -> list[str]:
        """The name wrapped at spaces into at most :data:`LINES` lines of ``width``."""
        metrics = self.fontMetrics()
        room = self.contentsRect().width() if width is None else width
        words, lines = self.text().split(), [""]
        for word in words:
            joined = f"{lines[-1]} {word}" if lines[-1] else word
            if lines[-1] and metrics.horizontalAdvance(joined) > room:
                lines.append(word)
            else:
                lines[-1] = joined
        if len(lines) > self.LINES:
            lines = [*lines[: self.LINES - 1], " ".join(lines[self.LINES - 1 :])]
        return lines

    def is_elided(self) -> bool:
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        return any(metrics.horizontalAdvance(line) > room for line in self.lines())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        height = len(self.lines()) * self.fontMetrics().lineSpacing()
        height += margins.top() + margins.bottom()
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        rect, metrics = self.contentsRect(), self.fontMetrics()
        lines = self.lines()
        top = rect.top() + (rect.height() - len(lines) * metrics.lineSpacing()) // 2
        for line in lines:
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            box = QRect(rect.left(), top, rect.width(), metrics.lineSpacing())
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            top += metrics.lineSpacing()
        painter.end()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._column.start_rename()


class ColumnWidget(QWidget):
    def __init__(self, board: Board, column: Column, model: ColumnModel) -> None:
        super().__init__()
        self.setObjectName("column")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.board = board
        self.column_id = column.id
        self.model = model

        self.name_label = _NameLabel(self)
        self.name_label.setObjectName("columnName")
        self.name_edit = _NameEdit(self)
        self.name_edit.setObjectName("columnNameEdit")
        self.name_edit.hide()
        self.name_edit.returnPressed.connect(self.finish_rename)
        self.name_edit.editingFinished.connect(self.finish_rename)
        self.name_note = LengthNote(self.name_edit, parent=self)
        self.count_label = QLabel()
        self.count_label.setObjectName("columnCount")
        self.done_badge = QLabel(_("Done"))
        self.done_badge.setObjectName("doneBadge")
        self.done_badge.setToolTip(_("Problems here count as done: they need an agreed solution."))
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("columnMenu")
        self.menu_button.setText("•••")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.menu_button.setMenu(self._build_menu())

        header = QHBoxLayout()
        header.setContentsMargins(4, 2, SCROLLBAR_ROOM + 2, 2)
        header.setSpacing(6)
        header.addWidget(self.name_label)
        header.addWidget(self.name_edit, 1)
        header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.done_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addStretch(1)
        header.addWidget(self.menu_button)

        self.cards = CardList(model, board.zoom)
        self.cards.open_requested.connect(board.open_problem)
        self.cards.delete_requested.connect(board.delete_problem)
        self.cards.move_requested.connect(board.move_by)
        self.cards.menu_requested.connect(board.card_menu)
        self.cards.neighbour_requested.connect(lambda dx: board.focus_neighbour(self.column_id, dx))

        self.quick_add = QLineEdit()
        self.quick_add.setObjectName("quickAdd")
        self.quick_add.setClearButtonEnabled(True)
        self.quick_add.returnPressed.connect(self._add_problem)
        self.quick_add_note = LengthNote(self.quick_add, parent=self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 4, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.name_note)
        layout.addWidget(self.cards, 1)
        add_row = QVBoxLayout()
        add_row.setContentsMargins(2, 0, SCROLLBAR_ROOM + 2, 0)
        add_row.setSpacing(4)
        add_row.addWidget(self.quick_add)
        add_row.addWidget(self.quick_add_note)
        layout.addLayout(add_row)
        self.apply_zoom(board.zoom)
        self.update_column(column)

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        self.rename_action = QAction(_("Rename column"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(self.start_rename)
        self.addAction(self.rename_action)  # F2 works anywhere in the column
        self.move_left_action = QAction(_("Move column left"), self)
        self.move_left_action.triggered.connect(lambda: self.board.move_column(self.column_id, -1))
        self.move_right_action = QAction(_("Move column right"), self)
        self.move_right_action.triggered.connect(lambda: self.board.move_column(self.column_id, 1))
        for action, keys in (
            (self.move_left_action, "Ctrl+Shift+Left"),
            (self.move_right_action, "Ctrl+Shift+Right"),
        ):
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)  # works anywhere in the column, like F2
        self.done_action = QAction(_("Make this the done column"), self)
        self.done_action.triggered.connect(lambda: self.board.make_done(self.column_id))
        self.delete_action = QAction(_("Delete column…"), self)
        self.delete_action.triggered.connect(lambda: self.board.delete_column(self.column_id))
        for action in (self.rename_action, self.move_left_action, self.move_right_action):
            menu.addAction(action)
        menu.addAction(self.done_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    # -- showing ----------------------------------------------------------------------
    def update_column(self, column: Column) -> None:
        self.column_name = column.name
        self.name_label.setText(column.name)
        self.done_badge.setVisible(column.is_done)
        self.done_action.setEnabled(not column.is_done)
        name = column.name
        self.setAccessibleName(_("Column {column}").format(column=name))
        self.cards.setAccessibleName(_("Cards in {column}").format(column=name))
        self.quick_add.setPlaceholderText(_("+  Add a problem"))
        self.quick_add.setAccessibleName(_("Add a problem to {column}").format(column=name))
        self.menu_button.setAccessibleName(_("Column {column} actions").format(column=name))
        self.menu_button.setToolTip(_("Rename, move or delete {column}").format(column=name))
        self.name_edit.setAccessibleName(_("New name for column {column}").format(column=name))
        self.update_count()

    def update_count(self) -> None:
        """Show how many cards the column holds (and how many the filter lets through)."""
        shown = self.model.rowCount()
        cid = self.column_id
        total = sum(1 for p in self.board.document.workshop.problems.values() if p.column_id == cid)
        if shown == total:
            text = str(total)
            said = ngettext("{n} problem", "{n} problems", total).format(n=total)
        else:
            text = _("{shown} of {total}").format(shown=shown, total=total)
            said = ngettext(
                "{shown} of {total} problem", "{shown} of {total} problems", total
            ).format(shown=shown, total=total)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(said)

    def set_width(self, width: int) -> None:
        if width != self.width() or self.minimumWidth() != width:
            self.setFixedWidth(width)

    def apply_zoom(self, zoom: float) -> None:
        self.setFixedWidth(round(style.COLUMN_WIDTH * zoom))
        self.name_label.setFont(pixel_font(round(15 * zoom), self.name_label.font().weight()))
        small = pixel_font(round(12 * zoom))
        self.count_label.setFont(small)
        self.done_badge.setFont(small)
        self.quick_add.setFont(pixel_font(round(14 * zoom)))
        self.quick_add_note.setFont(small)
        self.name_note.setFont(small)
        # The count and the badge as tall as the header's one line, whether the name
        # takes one line or two.
        one_line = max(self.menu_button.sizeHint().height(), self.name_label.sizeHint().height())
        for label in (self.count_label, self.done_badge):
            label.setFixedHeight(one_line)
        self.cards.set_zoom(zoom)

    def set_editable(self, editable: bool) -> None:
        self.model.editable = editable
        self.cards.setDragEnabled(editable)
        self.cards.setAcceptDrops(editable)
        self.quick_add.setVisible(editable)
        for action in (
            self.rename_action,
            self.move_left_action,
            self.move_right_action,
            self.delete_action,
        ):
            action.setEnabled(editable)
        self.done_action.setEnabled(editable and not self.done_badge.isVisibleTo(self))
        self.menu_button.setEnabled(editable)

    # -- editing ----------------------------------------------------------------------
    def start_rename(self) -> None:
        if not self.model.editable:
            return
        self.name_edit.setText(self.column_name)
        self.name_label.hide()
        self.name_edit.show()
        self.name_edit.selectAll()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_rename(self) -> None:
        self.name_edit.setText(self.column_name)
        self.finish_rename()

    def finish_rename(self) -> None:
        if self.name_edit.isHidden():
            return
        name = self.name_edit.text()
        if not self.name_note.fits():
            if self.name_edit.hasFocus():
                return  # Enter on a name too long to keep: the note says so; Escape cancels
            name = self.column_name  # left while too long: the old name stays
        self.name_edit.hide()
        self.name_note.hide()
        self.name_label.show()
        if name.strip() and name.strip() != self.column_name:
            self.board.rename_column(self.column_id, name)
        self.cards.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_problem(self) -> None:
        title = self.quick_add.text()
        if not title.strip() or not self.quick_add_note.fits():
            return  # too long: the note under the field already says by how much
        if self.board.add_problem(self.column_id, title):
            self.quick_add.clear()
