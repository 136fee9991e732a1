"""The report and the invitation as PDFs (A4 by default), headless, with the shipped font.

Both are laid out by :mod:`pdf_layout` from the paragraphs in :mod:`report_flow`, the
report with a bookmark per problem (:mod:`pdf_outline`); the
window's print preview and printing paint the same pages (:func:`paint_report`). They
speak the workshop's language unless another is given.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from workshopdesk.core.entities import CheckIn
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import check_in_summary, room_language
from workshopdesk.paint import report_flow
from workshopdesk.paint.pdf_layout import Flow, Para
from workshopdesk.paint.pdf_outline import Bookmark, with_outline
from workshopdesk.paint.qt_app import ensure_gui_app
from workshopdesk.text import Translator

PAPERS = {
    "a4": QPageSize.PageSizeId.A4,
    "a3": QPageSize.PageSizeId.A3,
    "letter": QPageSize.PageSizeId.Letter,
}
MARGINS_MM = QMarginsF(18, 18, 18, 20)
RESOLUTION = 300


def page_layout(paper: str = "a4") -> QPageLayout:
    return QPageLayout(
        QPageSize(PAPERS[paper]),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def paint_report(
    ws: Workshop, device: QPagedPaintDevice, language: Translator | None = None
) -> int:
    """Paint the report on ``device`` (a PDF writer, a printer or the print preview,
    its page layout set); return the number of pages."""
    ensure_gui_app()
    return Flow(device, ws.info.title).paint(report_flow.paragraphs(ws, language))


def _pdf(title: str, paper: str, paragraphs: Iterable[Para]) -> bytes:
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("WorkshopDesk")
    writer.setResolution(RESOLUTION)
    layout = page_layout(paper)
    writer.setPageLayout(layout)
    flow = Flow(writer, title)
    flow.paint(paragraphs)
    buffer.close()
    # the outline's entries point at the paragraphs' tops, in points from the page's bottom
    top = layout.fullRectPoints().height() - layout.paintRectPoints().top()
    marks = [Bookmark(a.title, a.page, top - a.y / flow.scale) for a in flow.anchors]
    return with_outline(bytes(data.data()), marks)


def render(ws: Workshop, paper: str = "a4", language: Translator | None = None) -> bytes:
    return _pdf(ws.info.title, paper, report_flow.paragraphs(ws, language))


def render_check_in(
    ws: Workshop, check_in: CheckIn, paper: str = "a4", language: Translator | None = None
) -> bytes:
    summary = check_in_summary(ws, check_in, language or room_language(ws))
    return _pdf(summary.heading, paper, report_flow.check_in_paragraphs(summary))


def render_invitation(ws: Workshop, paper: str = "a4", language: Translator | None = None) -> bytes:
    return _pdf(ws.info.title, paper, report_flow.invitation_paragraphs(ws, language))
