"""Rendering a view of a workshop offscreen to an image (``workshopdesk shot``).

Each view is a function in :data:`VIEWS` from a :class:`ShotRequest` to a QImage; a new
view (the wall, …) is one more entry. Desktop views ignore themes: the command refuses
``--theme`` for the views in :data:`DESKTOP_VIEWS`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from workshopdesk.core.errors import WorkshopError
from workshopdesk.gui.app import make_application
from workshopdesk.gui.app_settings import AppSettings, isolated_settings
from workshopdesk.gui.main_window import MainWindow
from workshopdesk.text.ui import _


@dataclass(frozen=True, slots=True)
class ShotRequest:
    path: Path
    width: int = 1600
    height: int = 1000
    problem: int | None = None
    theme: str | None = None


ShotView = Callable[[ShotRequest], QImage]


def settle(ms: int = 60) -> None:
    """Let pending layouts and paints happen."""
    app = QApplication.instance()
    assert app is not None
    for _turn in range(3):
        app.processEvents()
        loop = QEventLoop()
        QTimer.singleShot(ms // 3, loop.quit)
        loop.exec()


def grab(widget: QWidget) -> QImage:
    settle()
    return widget.grab().toImage()


@contextmanager
def desktop_window(request: ShotRequest, *, open_file: bool = True) -> Iterator[MainWindow]:
    """The main window with empty, isolated settings (nothing of the user's shows)."""
    make_application()
    with tempfile.TemporaryDirectory(prefix="workshopdesk-shot-") as folder:
        window = MainWindow(AppSettings(isolated_settings(Path(folder))))
        try:
            window.resize(request.width, request.height)
            if open_file and not window.open_file(request.path):
                raise WorkshopError(_("Cannot open {path}.").format(path=request.path))
            window.show()
            settle()
            yield window
        finally:
            window.close()
            window.deleteLater()
            settle(10)


def board_view(request: ShotRequest) -> QImage:
    with desktop_window(request) as window:
        return grab(window)


def start_view(request: ShotRequest) -> QImage:
    with desktop_window(request, open_file=False) as window:
        return grab(window)


def editor_view(request: ShotRequest) -> QImage:
    with desktop_window(request) as window:
        document = window.document
        assert document is not None
        number = request.problem or 1
        problem = document.workshop.problem_by_number(number)
        if problem is None:
            raise WorkshopError(
                _("There is no problem {number} in this workshop.").format(number=number)
            )
        from workshopdesk.gui.problem_editor import ProblemEditor

        editor = ProblemEditor(document, problem.id, window)
        editor.show()
        settle()
        background = grab(window)
        dialog = grab(editor)
        try:
            return _composite(background, dialog)
        finally:
            editor.reject()
            editor.deleteLater()


def _composite(background: QImage, dialog: QImage) -> QImage:
    """The dialog centred over the dimmed window, as the user sees it."""
    result = background.copy()
    painter = QPainter(result)
    ratio = background.devicePixelRatio()
    painter.fillRect(QRect(QPoint(0, 0), background.size() / ratio), QColor(16, 24, 40, 90))
    x = (background.width() - dialog.width()) / 2 / ratio
    y = max((background.height() - dialog.height()) / 2 / ratio, 0)
    painter.drawImage(QPoint(int(x), int(y)), dialog)
    painter.end()
    return result


VIEWS: dict[str, ShotView] = {
    "board": board_view,
    "editor": editor_view,
    "start": start_view,
}

DESKTOP_VIEWS = frozenset(VIEWS)
"""Views of the desktop window: they have no themes."""

from workshopdesk.gui.wall_shots import WALL_VIEWS  # noqa: E402  (the wall's views)

VIEWS.update(WALL_VIEWS)


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise WorkshopError(_("Could not encode the image as PNG."))
    buffer.close()
    return bytes(data.data())
