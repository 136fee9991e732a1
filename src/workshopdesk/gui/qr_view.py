"""A QR code widget, drawn crisp from the sharing module's matrix."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshopdesk.gui import style
from workshopdesk.links import QrMatrix, qr_matrix
from workshopdesk.paint.qr import paint_qr
from workshopdesk.text.ui import _


class QrView(QWidget):
    """A QR code drawn crisp from its matrix (the quiet zone is part of the matrix)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: QrMatrix = []
        self.setMinimumSize(216, 216)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_("QR code"))

    def set_text(self, text: str | None) -> None:
        self.matrix = qr_matrix(text) if text else []
        self.setAccessibleName(
            _("QR code for {link}").format(link=text) if text else _(_("QR code"))
        )
        self.update()

    def heightForWidth(self, width: int) -> int:
        return min(width, 320)

    def hasHeightForWidth(self) -> bool:
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        if self.matrix:
            paint_qr(painter, rect, self.matrix)
        else:
            side = min(rect.width(), rect.height())
            square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
            painter.setPen(QColor(style.CARD_BORDER))
            painter.setBrush(QColor(style.BOARD_BG))
            painter.drawRoundedRect(square.adjusted(1, 1, -1, -1), 12, 12)
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                square.adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                _("Sharing is off.\nPhones see nothing until you start sharing."),
            )
        painter.end()
