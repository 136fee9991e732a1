"""The report and the invitation as PDFs (A4 by default), headless, with the shipped font.

The report is laid out by :mod:`pdf_layout` (fast enough for a thousand problems); the
invitation, a page or two, by Qt's rich-text engine with :data:`INVITATION_CSS`.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from workshopdesk.core.workshop import Workshop
from workshopdesk.export import invitation, report_flow
from workshopdesk.export.pdf_layout import Flow
from workshopdesk.export.qt_app import ensure_gui_app
from workshopdesk.paint.fonts import font

PAPERS = {"a4": QPageSize.PageSizeId.A4, "a3": QPageSize.PageSizeId.A3,
          "letter": QPageSize.PageSizeId.Letter}  # fmt: skip
MARGINS_MM = QMarginsF(18, 18, 18, 20)
RESOLUTION = 300

PRINT_CSS = """
body { color: #1d2330; }
h1 { font-size: 26pt; font-weight: 700; margin-top: 6pt; margin-bottom: 10pt; }
h2 { font-size: 15pt; font-weight: 700; margin-top: 20pt; margin-bottom: 6pt; }
h3 { font-size: 12.5pt; font-weight: 700; margin-top: 20pt; margin-bottom: 3pt; }
h4 { font-size: 8pt; font-weight: 700; color: #5b6475; margin-top: 8pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 3pt; }
.spacer { font-size: 40pt; }
.kicker { font-size: 10pt; color: #2f5fb3; font-weight: 700; }
.cover h1 { font-size: 30pt; }
.facts { font-size: 11pt; }
.rules li { font-size: 12pt; margin-bottom: 4pt; }
.goal p { margin-bottom: 6pt; }
.facts { margin-bottom: 8pt; }
.label { color: #5b6475; padding-right: 14pt; }
.progress { font-size: 13pt; font-weight: 600; color: #1f7a4d; margin-top: 12pt;
  margin-bottom: 6pt; }
.goal { font-size: 12pt; }
.meta { color: #5b6475; font-size: 8.5pt; }
.by { color: #5b6475; font-size: 8.5pt; margin-top: 0pt; margin-bottom: 5pt; }
.number { color: #5b6475; }
.badge { font-size: 7.5pt; font-weight: 700; }
.solved { background-color: #1f7a4d; color: #ffffff; }
.open { background-color: #fdf1d8; color: #8a5a00; }
.stalled { color: #3d4452; background-color: #f3f4f7; margin-left: 8pt; }
.status { font-weight: 700; font-size: 8pt; }
.none { color: #8c8c8c; font-style: italic; }
table.grid { border-width: 0.5pt; border-style: solid; border-color: #d6dae2; }
th { font-size: 8pt; color: #5b6475; font-weight: 700; background-color: #f2f4f7; }
td { }
"""


INVITATION_CSS = (
    PRINT_CSS
    + """
.kicker { font-size: 11pt; color: #2f5fb3; margin-top: 30pt; }
h1 { font-size: 30pt; }
.facts { font-size: 12pt; margin-bottom: 14pt; }
.letter { font-size: 12.5pt; }
p { margin-bottom: 8pt; }
h2 { font-size: 14pt; margin-top: 18pt; }
li { font-size: 12pt; }
"""
)


def pdf_font(size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """The shipped font without contextual alternates: Inter's alternate glyphs (the colon
    in 09:00, the dash in 09:00–17:00) have no Unicode mapping in the PDF, so copying or
    searching the text would lose them."""
    result = font(size, weight)
    for tag in ("calt", "case"):
        result.setFeature(QFont.Tag(tag), 0)
    return result


def _document(body: str, css: str, size: float) -> QTextDocument:
    ensure_gui_app()
    document = QTextDocument()
    document.setDefaultFont(pdf_font(size))
    document.setDefaultStyleSheet(css)
    document.setDocumentMargin(0)
    document.setHtml(f"<html><body>{body}</body></html>")
    return document


def paint_report(ws: Workshop, device: QPagedPaintDevice) -> int:
    """Paint the report on ``device`` (a PDF writer, a printer or the print preview,
    its page layout set); return the number of pages."""
    ensure_gui_app()
    return Flow(device, ws.info.title).paint(report_flow.paragraphs(ws))


def page_layout(paper: str = "a4") -> QPageLayout:
    return QPageLayout(
        QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait, MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )  # fmt: skip


def write_document(document: QTextDocument, title: str, paper: str = "a4") -> bytes:
    """Print ``document`` to PDF bytes on ``paper``, with a footer naming the page."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    paint_pages(document, _writer(buffer, title, paper), title)
    buffer.close()
    return bytes(data.data())


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, title: str) -> None:
    """Lay ``document`` out for ``device`` (a PDF writer or a printer, whose page layout is
    set) and paint every page with a footer: the title and "page / pages"."""
    document.documentLayout().setPaintDevice(device)
    footer_font = pdf_font(7.5)
    footer_height = device.logicalDpiY() * 0.25  # a quarter inch
    width, height = float(device.width()), float(device.height()) - footer_height
    document.setPageSize(QSizeF(width, height))
    pages = document.pageCount()
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#8a91a0"))
            footer = QRectF(0, height, width, footer_height)
            bottom = Qt.AlignmentFlag.AlignBottom
            painter.drawText(footer, bottom | Qt.AlignmentFlag.AlignLeft, title)
            painter.drawText(footer, bottom | Qt.AlignmentFlag.AlignRight, f"{page + 1} / {pages}")
    finally:
        painter.end()


def _writer(buffer: QBuffer, title: str, paper: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("WorkshopDesk")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout(paper))
    return writer


def render(ws: Workshop, paper: str = "a4") -> bytes:
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    paint_report(ws, _writer(buffer, ws.info.title, paper))
    buffer.close()
    return bytes(data.data())


def render_invitation(ws: Workshop, paper: str = "a4") -> bytes:
    document = _document(invitation.html_body(ws), INVITATION_CSS, 12.0)
    return write_document(document, ws.info.title, paper)
