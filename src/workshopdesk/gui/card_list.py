"""The list of cards in one column: a QListView that drags, drops and speaks keyboard."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QCursor,
    QDrag,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from workshopdesk.gui import style
from workshopdesk.gui.card_delegate import CardDelegate
from workshopdesk.gui.card_model import ColumnModel, ProblemIdRole
from workshopdesk.paint.fonts import pixel_font
from workshopdesk.text.ui import _


class CardList(QListView):
    open_requested = Signal(str)
    delete_requested = Signal(str)
    move_requested = Signal(str, int, int)
    """A problem id and a step: (dx, 0) to another column, (0, dy) within the column."""
    menu_requested = Signal(str, QPoint)
    """The card's context menu, at a screen position."""
    neighbour_requested = Signal(int)
    """Arrow left/right without Ctrl: focus the column beside this one."""

    def __init__(self, model: ColumnModel, zoom: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardList")
        # A viewport made here is known to Python: one made by Qt would have PySide work
        # out its class on first use, and make every widget class and enum it has not yet
        # made to do so, before the first paint.
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")  # as Qt's own: the same look
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self.card_delegate = CardDelegate(self, zoom)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)  # a long column paints at once
        self.setBatchSize(40)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The model last: setting the options above with a model would lay every card
        # out at once, at a width the column does not have yet.
        self.setItemDelegate(self.card_delegate)
        self.setModel(model)

    def column_model(self) -> ColumnModel:
        model = self.model()
        assert isinstance(model, ColumnModel)
        return model

    def set_zoom(self, zoom: float) -> None:
        self.card_delegate.set_zoom(zoom)
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    def current_id(self) -> str | None:
        index = self.currentIndex()
        pid = index.data(ProblemIdRole) if index.isValid() else None
        return pid if isinstance(pid, str) else None

    def select_id(self, pid: str) -> bool:
        row = self.column_model().row_of(pid)
        if row < 0:
            return False
        index = self.column_model().index(row)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)
        return True

    def make_drag(self) -> QDrag | None:
        """The drag of the selected card: its MIME data and a picture of the card."""
        indexes = [i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        if not indexes:
            return None
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(indexes))
        rect = self.visualRect(indexes[0])
        pixmap = self.viewport().grab(rect)
        drag.setPixmap(pixmap)
        drag.setHotSpot(self.viewport().mapFromGlobal(QCursor.pos()) - rect.topLeft())
        return drag

    def startDrag(self, supported: Qt.DropAction) -> None:
        drag = self.make_drag()
        if drag is not None:
            drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    def _open_index(self, index: QModelIndex) -> None:
        pid = index.data(ProblemIdRole)
        if isinstance(pid, str):
            self.open_requested.emit(pid)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model().rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        zoom = self.card_delegate.zoom
        box = QRectF(2, 1, self.card_delegate.card_width(), 84 * zoom)
        focused = self.hasFocus()
        pen = QPen(QColor(style.ACCENT if focused else "#c3c8d4"), 2 if focused else 1.2)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(box, 10 * zoom, 10 * zoom)
        painter.setFont(pixel_font(round(14 * zoom)))
        painter.setPen(QColor(style.MUTED))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, _("No problems here yet"))
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.currentIndex().isValid() and self.model().rowCount() > 0:
            self.selectionModel().setCurrentIndex(
                self.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            index = self.currentIndex()
        pid = index.data(ProblemIdRole) if index.isValid() else None
        if isinstance(pid, str):
            self.setCurrentIndex(index)
            self.menu_requested.emit(pid, event.globalPos())
            event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self._open_index(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        pid = self.current_id()
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if ctrl and key in steps:
            if pid is not None:
                self.move_requested.emit(pid, *steps[key])
            event.accept()
            return
        if not ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.neighbour_requested.emit(-1 if key == Qt.Key.Key_Left else 1)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and pid is not None:
            self.open_requested.emit(pid)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and pid is not None:
            self.delete_requested.emit(pid)
            event.accept()
            return
        super().keyPressEvent(event)
