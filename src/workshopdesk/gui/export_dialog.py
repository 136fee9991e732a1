"""File ▸ Export…: pick a format and its options, see the report as it will print, save.

The export runs off the GUI thread, in a ``workshopdesk export`` process with its own
read-only connection to the workshop file, so the window and the wall keep moving while
a large report or bundle is made. The print preview is the report laid out by the
PDF exporter, on the chosen paper (QtPrintSupport).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QLocale, QProcess, QProcessEnvironment, Qt, Signal
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.export.bundle import slug
from workshopdesk.export.formats import FORMATS, PAPERS
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_style import apply_style
from workshopdesk.text import ui
from workshopdesk.text.ui import N_, _

PREVIEW_LIMIT = 300
"""Problems beyond which the preview waits to be asked for (laying out takes a moment)."""

PAPER_NAMES = {"a4": N_("A4"), "a3": N_("A3"), "letter": N_("US Letter")}
LABELS = {
    "html": N_("Report (web page)"),
    "pdf": N_("Report (PDF)"),
    "md": N_("Report (Markdown, for a wiki)"),
    "csv": N_("Spreadsheet (CSV)"),
    "followups-csv": N_("Follow-ups spreadsheet (CSV)"),
    "activity": N_("Activity log (CSV)"),
    "json": N_("Full workshop (JSON)"),
    "ics": N_("Follow-ups for calendars (ICS)"),
    "vcf": N_("Contact cards (vCard)"),
    "posters": N_("Posters with QR codes (PDF)"),
    "invitation-pdf": N_("Invitation (PDF)"),
    "invitation-md": N_("Invitation (Markdown)"),
    "png": N_("The wall as an image (PNG)"),
    "bundle": N_("Everything (zip)"),
}


def export_command(
    source: Path, format_name: str, options: dict[str, object], target: Path
) -> list[str]:
    """The ``workshopdesk export`` command line for an export (the bundled app is its own
    command line)."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [
        sys.executable, "-m", "workshopdesk"
    ]  # fmt: skip
    arguments = [*program, "export", str(source), "--format", format_name, "-o", str(target)]
    for name, value in options.items():
        if value is True:
            arguments.append(f"--{name}")
        elif value:
            arguments += [f"--{name}", str(value)]
    return arguments


class ExportJob(QProcess):
    """One export, made by the ``workshopdesk export`` command in a process of its own:
    its own read connection, its own Qt and Python, so nothing it does can stall the
    window (a worker thread would share the window's interpreter lock). :attr:`exported`
    and :attr:`failed` say how it ended."""

    exported = Signal(str)
    failed = Signal(str)

    _running: ClassVar[set[ExportJob]] = set()  # kept alive until done, even if the dialog closes

    def __init__(
        self, source: Path, format_name: str, options: dict[str, object], target: Path
    ) -> None:
        super().__init__()
        self.target = target
        self.arguments = export_command(source, format_name, options, target)
        self.setProgram(self.arguments[0])
        self.setArguments(self.arguments[1:])
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("QT_QPA_PLATFORM", "offscreen")  # it draws, but shows nothing
        environment.insert("LANGUAGE", ui.current().language)  # its messages in the window's
        self.setProcessEnvironment(environment)
        self.finished.connect(self._ended)
        self.errorOccurred.connect(self._not_started)

    def begin(self) -> None:
        ExportJob._running.add(self)
        self.start()

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        ExportJob._running.discard(self)
        if code == 0 and status == QProcess.ExitStatus.NormalExit:
            self.exported.emit(str(self.target))
            return
        error = bytes(self.readAllStandardError().data()).decode("utf-8", "replace").strip()
        lines = [line.removeprefix("workshopdesk: ") for line in error.splitlines() if line]
        self.failed.emit(lines[-1] if lines else _("The export stopped unexpectedly."))

    def _not_started(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            ExportJob._running.discard(self)
            self.failed.emit(_("The export could not be started."))


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


def ask_target(parent: QWidget, suggested: Path, extension: str) -> Path | None:
    name, _chosen = QFileDialog.getSaveFileName(
        parent,
        _("Export to"),
        str(suggested),
        _("{kind} files ({pattern})").format(kind=extension.upper(), pattern=f"*.{extension}"),
    )
    return Path(name) if name else None


class ExportDialog(QDialog):
    exported = Signal(str)
    """The path of a finished export."""

    def __init__(
        self,
        document: Document,
        parent: QWidget | None = None,
        ask: Callable[[QWidget, Path, str], Path | None] = ask_target,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.ask = ask
        self.job: ExportJob | None = None
        self.setWindowTitle(_("Export"))
        self.setObjectName("ExportDialog")
        apply_style(self)
        self.resize(1100, 760)

        self.formats = QListWidget()
        self.formats.setAccessibleName(_("Export format"))
        for name, chosen in FORMATS.items():
            item = QListWidgetItem(_(LABELS[name]) if name in LABELS else name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(chosen.description)
            self.formats.addItem(item)
        self.formats.currentItemChanged.connect(lambda *_: self._format_changed())

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setProperty("role", "hint")
        self.paper = QComboBox()
        self.paper.setAccessibleName(_("Paper size"))
        for paper in PAPERS:
            self.paper.addItem(_(PAPER_NAMES[paper]), paper)
        self.paper.currentIndexChanged.connect(lambda _: self._paper_changed())
        self.excel = QCheckBox(_("For Excel (semicolons, byte-order mark)"))
        self.excel.setChecked(QLocale().decimalPoint() == ",")
        self.private = QCheckBox(_("Include contact data (the JSON file and contact cards)"))
        self.invitation = QCheckBox(_("Add the workshop day itself as an event"))
        options = QFormLayout()
        options.addRow(_("Paper:"), self.paper)
        options.addRow(self.excel)
        options.addRow(self.private)
        options.addRow(self.invitation)
        self.option_rows = options

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("ExportStatus")
        self.status.setProperty("role", "hint")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.export_button = QPushButton(_("Export…"))
        self.export_button.setDefault(True)
        self.export_button.setProperty("primary", True)
        self.export_button.clicked.connect(self.start_export)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_report)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(_section(_("Format")))
        column.addWidget(self.formats, 1)
        column.addWidget(self.description)
        column.addLayout(options)
        column.addWidget(self.status)
        column.addWidget(self.busy)

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview = QPrintPreviewWidget(self.printer)
        self.preview.setAccessibleName(_("Print preview of the report"))
        self.preview.paintRequested.connect(self._paint_preview)
        self.preview_button = QPushButton(_("Show the preview"))
        self.preview_button.clicked.connect(self.show_preview)
        right = QWidget()
        preview_column = QVBoxLayout(right)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(_section(_("Preview of the report")))
        preview_column.addWidget(self.preview, 1)
        preview_column.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 740])
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.formats.setCurrentRow(list(FORMATS).index("pdf"))
        self._set_printer_paper()
        self.previewed = len(document.workshop.problems) <= PREVIEW_LIMIT
        self.preview_button.setVisible(not self.previewed)
        if not self.previewed:
            self.preview.setVisible(False)

    # -- choices ----------------------------------------------------------------------
    @property
    def format_name(self) -> str:
        item = self.formats.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "pdf"

    def select(self, format_name: str) -> None:
        self.formats.setCurrentRow(list(FORMATS).index(format_name))

    def options(self) -> dict[str, object]:
        accepted = FORMATS[self.format_name].options
        chosen: dict[str, object] = {}
        if "paper" in accepted:
            chosen["paper"] = self.paper.currentData()
        if "excel" in accepted and self.excel.isChecked():
            chosen["excel"] = True
        if "include-private" in accepted and self.private.isChecked():
            chosen["include-private"] = True
        if "invitation" in accepted and self.invitation.isChecked():
            chosen["invitation"] = True
        return chosen

    def _format_changed(self) -> None:
        chosen = FORMATS[self.format_name]
        self.description.setText(chosen.description[:1].upper() + chosen.description[1:] + ".")
        # Only the options the chosen format takes are shown.
        self.option_rows.setRowVisible(self.paper, "paper" in chosen.options)
        for box, option in (
            (self.paper, "paper"),
            (self.excel, "excel"),
            (self.private, "include-private"),
            (self.invitation, "invitation"),
        ):
            box.setEnabled(option in chosen.options)
            if box is not self.paper:
                box.setVisible(option in chosen.options)
        if chosen.private:
            self.status.setText(_("This file holds attendees' contact data: share it with care."))
        else:
            self.status.clear()

    def _paper_changed(self) -> None:
        self._set_printer_paper()
        if self.previewed:
            self.preview.updatePreview()

    def _set_printer_paper(self) -> None:
        from workshopdesk.paint.pdf_report import page_layout

        layout = page_layout(str(self.paper.currentData()))
        self.printer.setPageLayout(layout)
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)

    # -- preview and printing --------------------------------------------------------
    def show_preview(self) -> None:
        self.previewed = True
        self.preview.setVisible(True)
        self.preview_button.setVisible(False)
        self.preview.updatePreview()

    def _paint_preview(self, printer: QPrinter) -> None:
        from workshopdesk.paint.pdf_report import paint_report

        if not self.previewed:
            return
        paint_report(self.document.workshop, printer)

    def print_report(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            from workshopdesk.paint.pdf_report import paint_report

            paint_report(self.document.workshop, self.printer)

    # -- exporting --------------------------------------------------------------------
    def suggested_path(self) -> Path:
        chosen = FORMATS[self.format_name]
        stem = slug(self.document.workshop.info.title)
        extra = {"posters": "-posters", "invitation-pdf": "-invitation",
                 "invitation-md": "-invitation", "png": "-wall"}.get(chosen.name, "")  # fmt: skip
        return self.document.path.parent / f"{stem}{extra}.{chosen.extension}"

    def start_export(self) -> None:
        chosen = FORMATS[self.format_name]
        target = self.ask(self, self.suggested_path(), chosen.extension)
        if target is None:
            return
        self.export_to(target)

    def export_to(self, target: Path) -> ExportJob:
        """Start exporting the chosen format to ``target`` on a worker thread."""
        self.job = ExportJob(self.document.path, self.format_name, self.options(), target)
        self.job.exported.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.export_button.setEnabled(False)
        self.busy.setVisible(True)
        label = _(LABELS[self.format_name]) if self.format_name in LABELS else self.format_name
        self.status.setText(_("Exporting {format}…").format(format=label))
        self.job.begin()
        return self.job

    def _finished(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.busy.setVisible(False)
        self.status.setText(
            _("Saved {name} in {folder}.").format(name=Path(path).name, folder=Path(path).parent)
        )
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.busy.setVisible(False)
        self.status.setText(_("Not exported: {reason}").format(reason=message))
