"""The Share panel, offscreen, with the real server on 127.0.0.1 and real files."""

from __future__ import annotations

import contextlib
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core.share_link import ShareSettings
from workshopdesk.server.addresses import NetworkAddress
from workshopdesk.store.workshop_file import Mode, WorkshopFile

# The offscreen platform's window-manager notices are not faults of the panel.
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def scanned(widget: Any) -> Any:
    """Read a QR code off what the widget shows on screen."""
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    return zxingcpp.read_barcode(image)


def decoded_qr(panel: Any) -> str:
    result = scanned(panel.qr)
    assert result is not None, "no QR code found in the panel"
    assert result.ec_level == "M"
    return str(result.text)


def saved(path: Path) -> ShareSettings | None:
    with WorkshopFile.open(path, Mode.READ) as file:
        return ShareSettings.from_settings(file.settings())


@pytest.fixture
def panel(qtbot: Any, qapp: Any) -> Any:
    from workshopdesk.gui.share_panel import SharePanel

    answers: list[bool] = []
    widget = SharePanel(
        addresses=lambda: [],  # phones on loopback only: tests never listen on the network
        confirm=lambda parent, title, text: answers.pop(0) if answers else False,
    )
    widget.answers = answers
    qtbot.addWidget(widget)
    widget.resize(380, 720)
    widget.show()
    yield widget
    widget.detach()


@pytest.fixture
def document(qapp: Any, demo_path: Path) -> Any:
    from workshopdesk.gui.document import Document

    opened = Document(demo_path)
    yield opened
    opened.close()


def test_sharing_shows_a_qr_code_that_decodes_to_the_join_url(
    qtbot: Any, panel: Any, demo_path: Path, document: Any
) -> None:
    panel.attach(document)
    assert panel.switch.isEnabled() and not panel.sharing
    assert panel.address.currentData() == "127.0.0.1"
    with qtbot.waitSignal(panel.urlChanged) as started:
        qtbot.mouseClick(panel.switch, _left())
    url = panel.url
    assert started.args == [url]
    assert url.startswith("HTTP://127.0.0.1:")
    assert panel.url_label.text() == url
    assert decoded_qr(panel) == url
    assert status_of(url) == 200
    share = saved(demo_path)
    assert share is not None and url == f"HTTP://127.0.0.1:{share.port}/J/{share.token}"

    with qtbot.waitSignal(panel.urlChanged) as stopped:
        qtbot.mouseClick(panel.switch, _left())
    assert stopped.args == [None]
    assert panel.url is None and panel.url_label.text() == ""
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)


def test_phones_connected_are_counted(qtbot: Any, panel: Any, document: Any) -> None:
    panel.attach(document)
    assert panel.start()
    qtbot.waitUntil(lambda: panel.phones_label.text() == "No phones connected yet")
    feed = urllib.request.urlopen(panel.url + "/EVENTS", timeout=10)
    try:
        qtbot.waitUntil(lambda: panel.phones_label.text() == "1 phone connected", timeout=5000)
    finally:
        feed.close()


def test_new_link_warns_then_cuts_off_the_old_link(
    qtbot: Any, panel: Any, demo_path: Path, document: Any
) -> None:
    panel.attach(document)
    assert panel.start()
    old = panel.url
    panel.answers.append(False)
    assert panel.new_link() is False
    assert panel.url == old and status_of(old) == 200

    panel.answers.append(True)
    with qtbot.waitSignal(panel.urlChanged) as changed:
        assert panel.new_link() is True
    new = panel.url
    assert changed.args == [new] and new != old
    assert status_of(old) == 404 and status_of(new) == 200
    assert decoded_qr(panel) == new
    assert "posters" in panel.message.text()
    share = saved(demo_path)
    assert share is not None and new.endswith(share.token)


def test_the_check_fetches_its_own_link_and_explains_the_cure(
    qtbot: Any, panel: Any, demo_path: Path, document: Any
) -> None:
    panel.attach(document)
    assert panel.start()
    with qtbot.waitSignal(panel.checked, timeout=10_000) as result:
        qtbot.mouseClick(panel.check_button, _left())
    assert result.args[0] is True
    assert "reaches its own link" in panel.message.text()
    assert panel.help.isVisible()
    assert "hotspot" in panel.help.text() and "isolation" in panel.help.text()


def test_the_address_picker_prefers_the_saved_one(qtbot: Any, qapp: Any, demo_path: Path) -> None:
    from workshopdesk.gui.share_panel import SharePanel

    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        file.set_settings({"share.token": "A" * 26, "share.host": "10.1.2.3"})
    found = [NetworkAddress("192.168.1.23", "wlan0"), NetworkAddress("10.1.2.3", "ap0")]
    widget = SharePanel(addresses=lambda: found)
    qtbot.addWidget(widget)
    assert widget.address.itemText(0) == "192.168.1.23 (wlan0)"
    assert widget.address.count() == 3  # and "Only this computer"
    from workshopdesk.gui.document import Document

    document = Document(demo_path)
    widget.attach(document)
    assert widget.address.currentData() == "10.1.2.3"
    widget.detach()
    document.close()


def test_a_port_in_use_is_told_not_crashed(qtbot: Any, panel: Any, demo_path: Path) -> None:
    import socket

    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen(1)
    try:
        with WorkshopFile.open(demo_path, Mode.WRITE) as file:
            file.set_settings({"share.port": str(blocker.getsockname()[1])})
        from workshopdesk.gui.document import Document

        document = Document(demo_path)
        panel.attach(document)
        assert panel.start()  # falls back to a free port
        assert panel.server.port != blocker.getsockname()[1]
    finally:
        panel.detach()
        document.close()
        blocker.close()


def test_edits_in_the_window_reach_phones(qtbot: Any, panel: Any, document: Any) -> None:
    from workshopdesk.core.operations import move_problem
    from workshopdesk.server.hub import feed_revision

    try:
        panel.attach(document)
        assert panel.start()
        feed = urllib.request.urlopen(panel.url + "/EVENTS", timeout=10)
        lines: list[bytes] = []

        def read_feed() -> None:
            with contextlib.suppress(OSError, ValueError):  # the feed ends with the test
                lines.extend(iter(feed.readline, b""))

        reader = threading.Thread(target=read_feed, daemon=True)
        reader.start()
        ws = document.workshop
        problem = ws.ordered_problems()[0]
        done = ws.ordered_columns()[2].id
        document.do(lambda w: move_problem(w, problem.id, done, 0, agree="Agreed in the room"))
        workspace = document.workspace
        revision = feed_revision(workspace.revision, workspace.settings_revision)
        qtbot.waitUntil(lambda: f"id: {revision}\n".encode() in lines, timeout=5000)
        panel.detach()  # ends the feed
        reader.join(5)
        feed.close()
    finally:
        panel.detach()


def test_the_panel_looks_right(qtbot: Any, panel: Any, document: Any, tmp_path: Path) -> None:
    panel.attach(document)
    assert panel.start()
    assert panel.grab().width() >= 300
    assert scanned(panel).text == panel.url
    panel.grab().save(str(tmp_path / "share-panel.png"))


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_main_window_shares_and_the_wall_shows_the_same_link(
    qtbot: Any, make_window: Any, demo_path: Path
) -> None:
    window = make_window(demo_path)
    share = window.share
    assert share.action.isEnabled()
    assert saved(demo_path) is None  # opening a workshop writes nothing
    share.action.trigger()
    assert share.dock.isVisible()
    share.panel.address.setCurrentIndex(share.panel.address.findData("127.0.0.1"))
    with qtbot.waitSignal(share.panel.urlChanged):
        assert share.panel.start()
    url = share.panel.url
    assert window.wall.join_url == url
    assert status_of(url) == 200
    window.close_file()
    assert not share.panel.sharing and window.wall.join_url is None
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)
