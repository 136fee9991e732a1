"""The Follow-ups panel: every follow-up of the workshop in one list, for the weeks after
the day — problem, action, owner, due and check-in dates, status and outcome.

Filter by owner and by status; click a column title to sort (by due date at first).
Follow-ups still open after their due date stand out in red. Status and outcome are
edited in place (F2 or a double click; the status is a list to pick from); each edit is
one step of the facilitator's, so Undo takes it back.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.gui import style
from workshopdesk.gui.document import Document
from workshopdesk.gui.follow_ups_model import (
    CHECK_IN,
    DUE,
    NO_OWNER,
    OUTCOME,
    OWNER,
    PROBLEM,
    RELEVANT,
    STATUS,
    STATUS_NAMES,
    TEXT,
    FollowUpsFilter,
    FollowUpsModel,
)
from workshopdesk.gui.ideas_panel import TABLE_STYLE, make_table
from workshopdesk.gui.shown_panel import ShownPanel
from workshopdesk.text.ui import N_, _, ngettext

Index = QModelIndex | QPersistentModelIndex
EVERYONE = N_("Everyone")
ANY_STATUS = N_("Any status")


class StatusDelegate(QStyledItemDelegate):
    """The status column's editor: Open, Done or Dropped from a list."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setAccessibleName(_("Follow-up status"))
        for status, name in STATUS_NAMES.items():
            editor.addItem(name, status.value)
        editor.activated.connect(lambda _: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class FollowUpsPanel(ShownPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.document: Document | None = None

        title = QLabel(_("Follow-ups"))
        title.setObjectName("heading")
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.owner_filter.setAccessibleName(_("Show the follow-ups of"))
        self.owner_filter.setMinimumContentsLength(14)
        self.owner_filter.currentIndexChanged.connect(self._owner_chosen)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(_("Show the follow-ups that are"))
        self.status_filter.addItem(_(ANY_STATUS), None)
        for status, name in STATUS_NAMES.items():
            self.status_filter.addItem(name, status.value)
        self.status_filter.currentIndexChanged.connect(self._status_chosen)
        owner_label = QLabel(_("&Owner"))
        owner_label.setBuddy(self.owner_filter)
        status_label = QLabel(_("&Status"))
        status_label.setBuddy(self.status_filter)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(owner_label)
        top.addWidget(self.owner_filter)
        top.addSpacing(8)
        top.addWidget(status_label)
        top.addWidget(self.status_filter)

        self.summary = QLabel("")
        self.summary.setObjectName("muted")
        self.summary.setAccessibleName(_("Follow-ups shown"))

        self.model = FollowUpsModel(self, edit=self._edit)
        self.proxy = FollowUpsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("followUpsTable", _("Every follow-up of the workshop"))
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        self.setFocusProxy(self.table)
        header = self.table.horizontalHeader()
        for column, width in (
            (PROBLEM, 210),
            (OWNER, 140),
            (DUE, 118),
            (CHECK_IN, 118),
            (STATUS, 90),
            (OUTCOME, 200),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setStyleSheet(
            TABLE_STYLE.replace(
                "QTableView#ideasTable, QTableView#activityTable {",
                "QTableView#ideasTable, QTableView#activityTable, QTableView#followUpsTable {",
            ).replace(
                "QTableView#ideasTable:focus,",
                "QTableView#followUpsTable:focus, QTableView#ideasTable:focus,",
            )
            + f"QWidget#followUpsPanel {{ background: {style.BOARD_BG}; }}"
        )
        self._show_owners()
        self._show_summary()

    # -- the workshop -----------------------------------------------------------------------
    def attach(self, document: Document) -> None:
        self.detach()
        self.document = document
        self.model.read_only = document.read_only
        document.changed.connect(self._changed)
        self.refresh()

    def detach(self) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
        self.document = None
        self.refresh()

    def _changed(self, step: Step | None) -> None:
        if step is None or step.kinds() & RELEVANT:
            self.follow()

    def refresh(self) -> None:
        self.model.refresh(self.document.workshop if self.document is not None else None)
        self._show_owners()
        self._show_summary()

    def _edit(self, follow_up_id: str, fields: dict[str, str]) -> bool:
        if self.document is None:
            return False
        step = self.document.do(lambda ws: ops.edit_follow_up(ws, follow_up_id, **fields))
        return step is not None

    # -- filters ----------------------------------------------------------------------------
    def _show_owners(self) -> None:
        chosen = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(_(EVERYONE), None)
        for name in self.model.owners():
            self.owner_filter.addItem(name or _(NO_OWNER), name)
        found = self.owner_filter.findData(chosen) if chosen is not None else 0
        self.owner_filter.setCurrentIndex(max(found, 0))
        self.owner_filter.blockSignals(False)
        if found < 0:
            self._owner_chosen()

    def _owner_chosen(self) -> None:
        self.proxy.set_owner(self.owner_filter.currentData())
        self._show_summary()

    def _status_chosen(self) -> None:
        value = self.status_filter.currentData()
        self.proxy.set_status(FollowUpStatus(value) if value else None)
        self._show_summary()

    def choose_owner(self, name: str | None) -> None:
        index = self.owner_filter.findData(name) if name is not None else 0
        self.owner_filter.setCurrentIndex(max(index, 0))

    def choose_status(self, status: FollowUpStatus | None) -> None:
        index = self.status_filter.findData(status.value if status else None)
        self.status_filter.setCurrentIndex(max(index, 0))

    def _show_summary(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            self.summary.setText(_("No follow-ups yet: add them in a problem's editor."))
            return
        if shown != total:
            parts = [_("{shown} of {total} shown").format(shown=shown, total=total)]
        else:
            parts = [ngettext("{n} follow-up", "{n} follow-ups", total).format(n=total)]
        overdue = self.model.overdue_count()
        if overdue:
            parts.append(ngettext("{n} overdue", "{n} overdue", overdue).format(n=overdue))
        parts.append(_("F2 edits the status or outcome; Ctrl+Z undoes"))
        self.summary.setText(" · ".join(parts))
