"""The join QR code on the wall: there while sharing is on, gone when it stops, and it
scans to the same URL the phones' server answers on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
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
    assert url.startswith("HTTP://127.0.0.1:")  # no network here: this computer only
    assert not wall.join.reachable
    assert scan(render_wall(wall.scene(), QSize(1920, 1080))) is None  # no code leads nowhere

    qtbot.keyClick(window, Qt.Key.Key_J)  # the join screen, for the back row
    assert wall.scene().view is View.JOIN
    assert scan(window.grab().toImage()) is None

    room_url = url.replace("127.0.0.1", "192.168.1.23")  # as on the room's Wi-Fi
    sharing.wifiChanged.connect(lambda wifi: wall.set_join_url(room_url, wifi))
    wall.set_join_url(room_url)
    board = replace(wall.scene(), view=View.WALL)
    corner = render_wall(board, QSize(1920, 1080)).copy(1400, 0, 520, 320)
    assert scan(corner) == room_url
    assert scan(window.grab().toImage()) == room_url
    sharing.wifi_name.setText("Hotel-Guest")
    sharing.wifi_password.setText("sill2027")
    sharing.save_wifi()
    assert wall.join.wifi is not None and wall.join.wifi.name == "Hotel-Guest"
    assert sharing.document is not None
    settings = sharing.document.workspace.settings
    assert settings["share.wifi.name"] == "Hotel-Guest"
    assert "share.wifi.password" not in settings  # not kept unless asked
    sharing.keep_password.setChecked(True)
    assert sharing.document.workspace.settings["share.wifi.password"] == "sill2027"
    codes = zxingcpp.read_barcodes(
        window.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    )
    assert sorted(str(c.text) for c in codes) == sorted(
        [room_url, "WIFI:T:WPA;S:Hotel-Guest;P:sill2027;;"]
    )

    with qtbot.waitSignal(sharing.urlChanged):
        sharing.stop()
    assert wall.scene().view is View.WALL
    assert scan(window.grab().toImage()) is None
    wall.close()
