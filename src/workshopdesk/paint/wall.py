"""The wall on the projector, painted with QPainter and no widgets.

One rendering for the wall window, its preview on the laptop, ``workshopdesk shot
--view wall|spotlight|rules|join|check-in`` and PNG exports::

    image = render_wall(WallScene(workshop, theme=theme("dark")), QSize(1920, 1080))
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from workshopdesk.paint.wall_board import paint_board
from workshopdesk.paint.wall_check_in import paint_check_in
from workshopdesk.paint.wall_join import paint_join
from workshopdesk.paint.wall_parts import alarm_frame
from workshopdesk.paint.wall_scene import Canvas, View, WallScene
from workshopdesk.paint.wall_slides import paint_rules
from workshopdesk.paint.wall_spotlight import paint_spotlight

__all__ = ["View", "WallScene", "paint_wall", "render_wall"]


def paint_wall(painter: QPainter, target: QRectF, scene: WallScene) -> None:
    """Paint ``scene`` filling ``target`` (any size; laid out as a 1920×1080 wall)."""
    canvas = Canvas.inside(target)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(target, QColor(scene.theme.background))
    painter.translate(target.topLeft())
    painter.scale(canvas.scale, canvas.scale)
    rect = canvas.rect
    if scene.view is View.SPOTLIGHT:
        paint_spotlight(painter, rect, scene)
    elif scene.view is View.RULES:
        paint_rules(painter, rect, scene)
    elif scene.view is View.JOIN and scene.join is not None:
        paint_join(painter, rect, scene)
    elif scene.view is View.CHECK_IN:
        paint_check_in(painter, rect, scene)
    else:
        paint_board(painter, rect, scene)
    face = scene.timer_face
    if face is not None and face.finished:
        alarm_frame(painter, rect, scene.theme, scene.flash)
    painter.restore()


def render_wall(scene: WallScene, size: QSize) -> QImage:
    """The scene as an image of ``size`` pixels (device-pixel-ratio 1)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(scene.theme.background))
    painter = QPainter(image)
    try:
        paint_wall(painter, QRectF(0, 0, size.width(), size.height()), scene)
    finally:
        painter.end()
    return image
