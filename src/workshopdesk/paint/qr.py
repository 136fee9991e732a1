"""Drawing a QR code with QtGui only, from :func:`workshopdesk.links.qr_matrix`.

The Share panel, the wall and posters all draw the same matrix: crisp square modules,
dark on light, the quiet zone included in the matrix (so it is never forgotten).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from workshopdesk.links import QrMatrix


def qr_image(matrix: QrMatrix, module_px: int = 1) -> QImage:
    """The code as an image, ``module_px`` pixels per module, quiet zone included."""
    size = len(matrix) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_qr(painter, QRectF(0, 0, size, size), matrix)
    finally:
        painter.end()
    return image


def paint_qr(
    painter: QPainter,
    rect: QRectF,
    matrix: QrMatrix,
    dark: QColor | str = "black",
    light: QColor | str = "white",
) -> None:
    """Paint the code into the largest square centred in ``rect``; modules snap to whole
    device pixels when the square allows it, so scanners see sharp edges."""
    count = len(matrix)
    if count == 0:
        return
    side = min(rect.width(), rect.height())
    module = side / count
    if module >= 1:
        module = float(int(module))
    side = module * count
    left = round(rect.center().x() - side / 2)
    top = round(rect.center().y() - side / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(left, top, side, side), QColor(light))
    painter.setBrush(QColor(dark))
    for y, row in enumerate(matrix):
        x = 0
        while x < count:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < count and row[x]:
                x += 1
            painter.drawRect(
                QRectF(left + start * module, top + y * module, (x - start) * module, module)
            )
    painter.restore()
