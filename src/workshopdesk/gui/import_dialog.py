"""File ▸ Import…: problems or attendees from a spreadsheet, with a preview first.

Every row is shown with what will be imported and its status: an error (the row number
and the reason), a repeat that is skipped, or teams that will be created. Import is
possible only when every row is accepted; it is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.errors import WorkshopError
from workshopdesk.gui import style
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_style import apply_style
from workshopdesk.imports.headers import Kind
from workshopdesk.imports.preview import FIELD_NAMES, Preview, PreviewRow, guess_kind, preview
from workshopdesk.text import error_text
from workshopdesk.text.ui import N_, _

ENCODINGS = (
    (N_("Automatic (UTF-8, else Windows-1252)"), None),
    (N_("UTF-8"), "utf-8"),
    (N_("Windows-1252 (Excel on Windows)"), "cp1252"),
    (N_("UTF-16 (Excel Unicode text)"), "utf-16"),
    (N_("ISO-8859-1 (Latin-1)"), "latin-1"),
    (N_("Mac Roman"), "mac-roman"),
)

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The rows of an import preview: row number, status, then each imported field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: Preview | None = None

    def set_preview(self, result: Preview | None) -> None:
        self.beginResetModel()
        self.preview = result
        self.endResetModel()

    def _fields(self) -> tuple[str, ...]:
        return self.preview.fields if self.preview is not None else ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return 2 + len(self._fields())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _("Row")
        if section == 1:
            return _("Status")
        fields = self._fields()
        if 0 <= section - 2 < len(fields):
            name = fields[section - 2]
            return _(FIELD_NAMES[name]) if name in FIELD_NAMES else name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.preview is None:
            return None
        if not (0 <= index.row() < len(self.preview.rows)):
            return None
        row = self.preview.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(row.number)
            if column == 1:
                return row_status(row)
            fields = self._fields()
            if 0 <= column - 2 < len(fields):
                text = row.values.get(fields[column - 2], "")
                return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split())
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            if row.error:
                return QColor(style.DANGER)
            if row.skipped:
                return QColor(style.FAINT)
            if row.new_teams:
                return QColor(style.OPEN)
            return QColor(style.AGREED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def ask_source(parent: QWidget, folder: str) -> Path | None:
    name, _chosen = QFileDialog.getOpenFileName(
        parent,
        _(_("Import from a spreadsheet")),
        folder,
        _("CSV files ({patterns})").format(patterns="*.csv *.txt *.tsv")
        + ";;"
        + _("All files ({patterns})").format(patterns="*"),
    )
    return Path(name) if name else None


class ImportDialog(QDialog):
    def __init__(
        self,
        document: Document,
        parent: QWidget | None = None,
        ask: Callable[[QWidget, str], Path | None] = ask_source,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.ask = ask
        self.source: Path | None = None
        self.data: bytes = b""
        self.current: Preview | None = None
        self.setWindowTitle(_("Import from a spreadsheet"))
        self.setObjectName("ImportDialog")
        apply_style(self)
        self.resize(1000, 640)

        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(_("Choose a CSV file…"))
        self.path.setAccessibleName(_("CSV file"))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self.choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("What the rows are"))
        self.kind.addItem(_("Problems"), Kind.PROBLEMS.value)
        self.kind.addItem(_("Attendees"), Kind.ATTENDEES.value)
        self.kind.currentIndexChanged.connect(lambda _: self.refresh())
        self.encoding = QComboBox()
        self.encoding.setAccessibleName(_("Text encoding"))
        for label, name in ENCODINGS:
            self.encoding.addItem(_(label), name)
        self.encoding.currentIndexChanged.connect(lambda _: self.refresh())
        form = QFormLayout()
        form.addRow(_("File:"), file_row)
        form.addRow(_("The rows are:"), self.kind)
        form.addRow(_("Encoding:"), self.encoding)

        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Preview of the rows to import"))
        self.table.horizontalHeader().setAccessibleName(_("Columns of the rows to import"))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(
            _(
                "Column names may be English or Swedish: Title or Titel, "
                "Customer or Kund, Name or Namn, Team or Lag …"
            )
        )
        self.summary.setWordWrap(True)
        self.summary.setObjectName("ImportSummary")

        self.import_button = QPushButton(_("Import"))
        self.import_button.setDefault(True)
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.apply)
        cancel = QPushButton(_("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        document.changed.connect(lambda _: self.refresh())

    def choose(self) -> None:
        folder = str(self.source.parent if self.source else self.document.path.parent)
        path = self.ask(self, folder)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read ``path`` and preview it (also what tests call)."""
        self.source = path
        self.path.setText(str(path))
        try:
            self.data = path.read_bytes()
        except OSError as error:
            self.data = b""
            reason = error.strerror or str(error)
            self._show(
                None, _("Cannot read {file}: {reason}.").format(file=path.name, reason=reason)
            )
            return
        guessed = guess_kind(self.data, self.encoding.currentData())
        if guessed is not None and guessed.value != self.kind.currentData():
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(guessed.value))
            self.kind.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self.source is None or not self.data:
            return
        try:
            result = preview(
                self.document.workshop, self.data, self.kind.currentData(),
                self.encoding.currentData(),
            )  # fmt: skip
        except WorkshopError as error:
            problem = error_text(error)
            self._show(
                None,
                _("{file}: {problem} Nothing can be imported.").format(
                    file=self.source.name, problem=problem
                ),
            )
            return
        text = result.summary()
        if result.errors:
            first = result.errors[0]
            text += " " + _("First: row {number}: {problem}").format(
                number=first.number, problem=first.error
            )
        if result.ignored_columns:
            text += " " + _("Ignored columns: {columns}.").format(
                columns=", ".join(result.ignored_columns)
            )
        if self.document.read_only:
            text += " " + _("This workshop is open read-only.")
        self._show(result, text)

    def _show(self, result: Preview | None, text: str) -> None:
        self.current = result
        self.model.set_preview(result)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        color = style.DANGER if result is None or result.errors else style.TEXT
        self.summary.setStyleSheet(f"color: {color};")
        self.summary.setText(text)
        self.import_button.setEnabled(
            result is not None and result.ok and not self.document.read_only
        )

    def apply(self) -> None:
        if self.current is None or not self.current.ok:
            return
        step = self.document.do_all(self.current.label(), self.current.builders())
        if step is not None:
            self.accept()


def row_status(row: PreviewRow) -> str:
    """What becomes of a row, in the window's language."""
    if row.error:
        return row.error
    if row.skipped:
        return row.skipped
    if row.new_teams:
        return _("New team(s) will be created: {teams}").format(teams=", ".join(row.new_teams))
    return _("OK")
