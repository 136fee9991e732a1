"""The join QR code on the wall: there while sharing is on, gone when it stops, and it
scans to the same URL the phones' server answers on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.gui.document import Document
from workshopdesk.gui.wall_controller import WallController
from workshopdesk.paint.wall import render_wall
from workshopdesk.paint.wall_scene import View

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def scan(image: QImage) -> str | None:
    result = zxingcpp.read_barcode(image.convertToFormat(QImage.Format.Format_Grayscale8))
    return None if result is None else str(result.text)


@pytest.fixture
def document(demo_path: Path) -> Iterator[Document]:
    doc = Document(demo_path)
    yield doc
    doc.close()


@pytest.fixture
def sharing(qtbot: QtBot, document: Document) -> Iterator[Any]:
    """The real Share panel, phones on loopback only."""
    from workshopdesk.gui.share_panel import SharePanel

    panel = SharePanel(addresses=lambda: [], confirm=lambda *_: False)
    qtbot.addWidget(panel)
    panel.attach(document)
    yield panel
    panel.detach()


def test_the_wall_shows_the_join_code_while_sharing(
    qtbot: QtBot, document: Document, sharing: Any
) -> None:
    wall = WallController(document)
    sharing.urlChanged.connect(wall.set_join_url)
    window = wall.show_wall()
    qtbot.waitExposed(window)
    assert wall.scene().join is None
    assert scan(render_wall(wall.scene(), QSize(1920, 1080))) is None  # no placeholder

    with qtbot.waitSignal(sharing.urlChanged):
        assert sharing.start()
    url = sharing.url
    assert url is not None and wall.join is not None
    corner = render_wall(wall.scene(), QSize(1920, 1080)).copy(1600, 0, 320, 240)
    assert scan(corner) == url

    qtbot.keyClick(window, Qt.Key.Key_Q)  # full screen, for the back row
    assert wall.scene().view is View.JOIN
    assert scan(window.grab().toImage()) == url

    with qtbot.waitSignal(sharing.urlChanged):
        sharing.stop()
    assert wall.scene().view is View.WALL
    assert scan(window.grab().toImage()) is None
    wall.close()
