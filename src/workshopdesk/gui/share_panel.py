"""The Share panel: the board on every attendee's phone, switched on and off here.

One switch starts the phone server (on its own thread and event loop) on the address the
facilitator picks; the panel shows the QR code and the URL in large type, how many
phones are connected, "New link" (old links, QR codes and posters stop working), and a
_("Phones can't connect?") check that fetches the panel's own URL.

The main window keeps one panel, tells it about the open workshop with :meth:`attach`
and :meth:`detach`, and passes :attr:`SharePanel.urlChanged` on to the wall.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.app import sharing
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.share_link import (
    DEFAULT_PORT,
    ShareSettings,
    WifiNetwork,
    keeps_wifi_password,
    new_token,
)
from workshopdesk.gui import style
from workshopdesk.gui.document import Document
from workshopdesk.gui.qr_view import QrView
from workshopdesk.gui.screen_awake import ScreenAwake
from workshopdesk.server.addresses import LOOPBACK, NetworkAddress, network_addresses
from workshopdesk.text import error_text
from workshopdesk.text.ui import N_, _, ngettext

if TYPE_CHECKING:  # the server's libraries load when sharing starts, not with the window
    from workshopdesk.server.thread import ShareServer

COUNT_MS = 1000
CHECK_TIMEOUT = 3.0

NEW_LINK_WARNING = N_(
    "Phones connected now are cut off, and every printed poster and QR code with the "
    "old link stops working. Attendees scan the new code to join again."
)
HELP = N_(
    "Phones must be on the same network as this computer. Guest Wi-Fi often keeps "
    "devices apart (client isolation), and firewalls can block the port. The cure that "
    "always works: turn on this laptop's hotspot, let the phones join it, and pick the "
    "hotspot's address above."
)

Confirm = Callable[[QWidget, str, str], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    make = box.addButton(_("Make a New Link"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is make


class SharePanel(QWidget):
    urlChanged = Signal(object)
    """The join URL when sharing starts or the link changes; None when sharing stops."""
    wifiChanged = Signal(object)
    """The room's Wi-Fi (a :class:`WifiNetwork`) as the facilitator named it, or None."""
    checked = Signal(bool, str)
    """The result of _("Phones can't connect?"): reachable, and what to tell the facilitator."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        addresses: Callable[[], list[NetworkAddress]] = network_addresses,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sharePanel")
        self._addresses = addresses
        self._confirm = confirm
        self.path: Path | None = None
        self.document: Document | None = None
        self.server: ShareServer | None = None
        self._awake = ScreenAwake(_("Attendees follow the workshop on their phones"))
        self.settings: ShareSettings | None = None
        self._told_wifi: WifiNetwork | None = None
        self.saving = True
        """False when the workshop file cannot be written: the link then lasts until
        sharing stops."""

        title = QLabel(_("Share to phones"))
        title.setFont(_font(15, QFont.Weight.Bold))
        intro = QLabel(
            _(
                "Attendees scan the code and see the board live on their phones: no app, "
                "no account, no internet."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {style.MUTED};")

        self.address = QComboBox()
        self.address.setAccessibleName(_("Network address"))
        self.address.setToolTip(
            _("The network phones join: the venue Wi-Fi or this laptop's hotspot")
        )
        self.address.currentIndexChanged.connect(self._address_picked)
        self.refresh_button = QPushButton(_("Refresh"))
        self.refresh_button.setObjectName("flat")
        self.refresh_button.setToolTip(_("Look for this computer's networks again"))
        self.refresh_button.clicked.connect(self.refresh_addresses)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.refresh_button)

        self.switch = QPushButton(_("Start sharing"))
        self.switch.setCheckable(True)
        self.switch.setObjectName("shareSwitch")
        self.switch.toggled.connect(self._toggled)

        self.qr = QrView()
        self.url_label = QLabel("")
        self.url_label.setObjectName("shareUrl")
        self.url_label.setFont(_font(17, QFont.Weight.DemiBold))
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phones_label = QLabel("")
        self.phones_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phones_label.setFont(_font(11, QFont.Weight.DemiBold))

        self.new_link_button = QPushButton(_("New link…"))
        self.new_link_button.setToolTip(
            _("Make a new link: old links and printed posters stop working")
        )
        self.new_link_button.clicked.connect(self.new_link)
        self.check_button = QPushButton(_("Phones can't connect?"))
        self.check_button.clicked.connect(self.check_connection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_link_button)
        buttons.addWidget(self.check_button)

        self.message = QLabel("")
        self.message.setObjectName("shareMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help = QLabel(_(HELP))
        self.help.setWordWrap(True)
        self.help.setStyleSheet(f"color: {style.MUTED};")
        self.help.hide()

        wifi_title = QLabel(_("The room's Wi-Fi (for the join screen)"))
        wifi_title.setFont(_font(11, QFont.Weight.Bold))
        self.wifi_name = QLineEdit()
        self.wifi_name.setObjectName("wifiName")
        self.wifi_name.setAccessibleName(_("Wi-Fi name"))
        self.wifi_name.setPlaceholderText(_("e.g. Hotel-Guest, or this laptop's hotspot"))
        self.wifi_password = QLineEdit()
        self.wifi_password.setObjectName("wifiPassword")
        self.wifi_password.setAccessibleName(_("Wi-Fi password"))
        self.wifi_password.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.wifi_password.setPlaceholderText(_("empty for an open network"))
        self.keep_password = QCheckBox(_("Keep the password in this workshop file"))
        self.keep_password.setObjectName("wifiKeep")
        self.keep_password.setToolTip(
            _(
                "Otherwise it is forgotten when the workshop closes. It never goes into an "
                "export or a copy."
            )
        )
        for field in (self.wifi_name, self.wifi_password):
            field.editingFinished.connect(self.save_wifi)
        self.keep_password.toggled.connect(self.save_wifi)
        wifi_form = QFormLayout()
        wifi_form.addRow(_("Name"), self.wifi_name)
        wifi_form.addRow(_("Password"), self.wifi_password)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(address_row)
        layout.addWidget(self.switch)
        layout.addWidget(self.qr)
        layout.addWidget(self.url_label)
        layout.addWidget(self.phones_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.help)
        layout.addWidget(wifi_title)
        layout.addLayout(wifi_form)
        layout.addWidget(self.keep_password)
        layout.addStretch(1)
        self.setStyleSheet(
            f"QPushButton#shareSwitch {{ background: {style.ACCENT}; color: white; border: none;"
            " border-radius: 8px; padding: 9px; font-weight: 600; }"
            f"QPushButton#shareSwitch:checked {{ background: {style.DANGER}; }}"
            f"QLabel#shareUrl {{ color: {style.TEXT}; }}"
        )

        self._count = QTimer(self)
        self._count.setInterval(COUNT_MS)
        self._count.timeout.connect(self._show_phones)
        self.checked.connect(self._show_check)
        self.refresh_addresses()
        self._update()

    # -- the workshop -----------------------------------------------------------------------
    def attach(self, document: Document) -> None:
        """Share ``document``'s workshop; sharing starts off."""
        self.detach()
        self.document = document
        self.path = document.path
        self.settings = sharing.saved_link(document.workspace)  # opening writes nothing
        if self.settings is not None and self.settings.host not in (None, LOOPBACK):
            self._select_host(self.settings.host)  # loopback only when asked again
        settings = document.workspace.settings
        wifi = WifiNetwork.from_settings(settings)
        self._show_wifi(wifi, keeps_wifi_password(settings))
        self._update()

    def detach(self) -> None:
        """Stop sharing and forget the workshop (before its document closes)."""
        self.stop()
        self.document = None
        self.path = None
        self._show_wifi(None, False)
        self._update()

    # -- sharing ---------------------------------------------------------------------------
    @property
    def sharing(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def url(self) -> str | None:
        return self.server.url if self.sharing and self.server is not None else None

    def start(self) -> bool:
        """Start sharing on the picked address; False (with a message) if it cannot."""
        if self.document is None:
            return False
        if self.sharing:
            return True
        host = self.address.currentData() or LOOPBACK
        settings = self._share_settings(self.document)
        port = settings.port or DEFAULT_PORT
        from workshopdesk.server.thread import ShareServer

        server = ShareServer(self.document.workspace, settings.token, self.document.post)
        try:
            server.start(host, port, fall_back=True)
        except WorkshopError as error:
            self._say(error_text(error), error=True)
            self._update()
            return False
        self.server = server
        if self.saving:
            self.settings = ShareSettings(settings.token, host, server.port)
            try:
                sharing.save_link(self.document.workspace, self.settings)
            except WorkshopError:
                self.saving = False
        self._say("")
        self._count.start()
        self._awake.hold()  # phones and the projector should not go dark mid-session
        self._update()
        self.urlChanged.emit(server.url)
        return True

    def stop(self) -> None:
        server, self.server = self.server, None
        self._count.stop()
        self._awake.release()
        if server is not None:
            server.stop()
            self.urlChanged.emit(None)
        self._update()

    def new_link(self) -> bool:
        """A new token, after a warning: old phones, links and posters stop working."""
        if self.document is None:
            return False
        if not self._confirm(self, _("Make a new link?"), _(NEW_LINK_WARNING)):
            return False
        token = new_token()
        if self.saving:
            try:
                self.settings = sharing.renew_link(self.document.workspace)
                token = self.settings.token
            except WorkshopError as error:
                self._say(error_text(error), error=True)
                return False
        else:
            old = self.settings or ShareSettings(token)
            self.settings = ShareSettings(token, old.host, old.port)
        if self.server is not None and self.sharing:
            self.server.new_token(token)
            self.urlChanged.emit(self.server.url)
        self._say(_("New link made: old links and posters no longer work."))
        self._update()
        return True

    def check_connection(self) -> None:
        """Fetch this panel's own URL, on a worker thread; the answer arrives as
        :attr:`checked`."""
        self.help.show()
        url = self.url
        if url is None:
            self._say(_("Start sharing first; then this check fetches the link as a phone would."))
            return
        self.check_button.setEnabled(False)
        self._say(_("Checking the link…"))
        threading.Thread(target=self._fetch, args=(url,), daemon=True).start()

    def _fetch(self, url: str) -> None:
        try:
            with urllib.request.urlopen(url, timeout=CHECK_TIMEOUT) as response:
                ok = response.status == 200
        except (urllib.error.URLError, OSError, ValueError):
            ok = False
        port = url.rsplit(":", 1)[-1].split("/", 1)[0]
        if ok:
            text = _(
                "This computer reaches its own link, so the server works. If phones still "
                "cannot connect, the network keeps them apart from this computer."
            )
        else:
            text = _(
                "This computer cannot reach its own link: a firewall on it probably blocks "
                "port {port}. Allow WorkshopDesk in the firewall, or pick another address."
            ).format(port=port)
        self.checked.emit(ok, text)

    def _show_check(self, ok: bool, text: str) -> None:
        self.check_button.setEnabled(self.sharing)
        self._say(text, error=not ok)

    # -- the room's Wi-Fi ------------------------------------------------------------------
    @property
    def wifi(self) -> WifiNetwork | None:
        name = self.wifi_name.text().strip()
        if not name:
            return None
        password = self.wifi_password.text()
        return WifiNetwork(name, password, "WPA" if password else "nopass")

    def save_wifi(self) -> None:
        """Keep the network's name (and its password if asked) in the workshop file, and
        tell the wall."""
        if self.document is None:
            return
        wifi = self.wifi
        keep = self.keep_password.isChecked()
        values = (wifi or WifiNetwork("")).to_settings(keep_password=keep)
        settings = self.document.workspace.settings
        changed = any(settings.get(key) != value for key, value in values.items())
        if changed and not self.document.workspace.read_only:
            self.document.change_settings(values)
        if wifi != self._told_wifi:
            self._told_wifi = wifi
            self.wifiChanged.emit(wifi)

    def _show_wifi(self, wifi: WifiNetwork | None, keep: bool) -> None:
        for widget in (self.wifi_name, self.wifi_password, self.keep_password):
            widget.blockSignals(True)
        self.wifi_name.setText(wifi.name if wifi else "")
        self.wifi_password.setText(wifi.password if wifi else "")
        self.keep_password.setChecked(keep)
        for widget in (self.wifi_name, self.wifi_password, self.keep_password):
            widget.blockSignals(False)
        self._told_wifi = wifi
        self.wifiChanged.emit(wifi)

    # -- addresses ---------------------------------------------------------------------------
    def refresh_addresses(self) -> None:
        current = self.address.currentData()
        self.address.blockSignals(True)
        self.address.clear()
        found = self._addresses()
        for entry in found:
            self.address.addItem(entry.label(), entry.address)
        self.address.addItem(_("Only this computer ({address})").format(address=LOOPBACK), LOOPBACK)
        self.address.blockSignals(False)
        saved = self.settings.host if self.settings else None
        preferred = current or (saved if saved != LOOPBACK else None)
        if preferred:
            self._select_host(preferred)
        if not found:
            self._say(
                _(
                    "No network found: connect to the venue Wi-Fi or turn on this laptop's "
                    "hotspot, then press Refresh."
                ),
                error=True,
            )

    def _select_host(self, host: str) -> None:
        index = self.address.findData(host)
        if index >= 0:
            self.address.setCurrentIndex(index)

    def _address_picked(self) -> None:
        if self.sharing:  # move the server to the new address
            self.stop()
            self.start()

    # -- internals -------------------------------------------------------------------------
    def _toggled(self, on: bool) -> None:
        if on and not self.sharing:
            if not self.start():
                self._update()
        elif not on and self.sharing:
            self.stop()

    def _share_settings(self, document: Document) -> ShareSettings:
        """The saved token (made and saved the first time sharing starts); a link that
        lasts until sharing stops when the file cannot be written."""
        if document.workspace.read_only and self.settings is not None:
            self.saving = False  # keep this sitting's link while the file can't be written
            return self.settings
        try:
            self.settings, self.saving = sharing.share_link(document.workspace)
        except WorkshopError:
            self.saving = False
        if self.settings is None:
            self.settings = ShareSettings(new_token())
        return self.settings

    def _show_phones(self) -> None:
        count = self.server.phones() if self.server is not None else 0
        text = (
            _("No phones connected yet")
            if count == 0
            else ngettext("{count} phone connected", "{count} phones connected", count).format(
                count=count
            )
        )
        self.phones_label.setText(text)
        self.phones_label.setAccessibleName(text)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {style.DANGER if error else style.TEXT};")
        self.message.setVisible(bool(text))

    def _update(self) -> None:
        sharing = self.sharing
        self.switch.blockSignals(True)
        self.switch.setChecked(sharing)
        self.switch.blockSignals(False)
        self.switch.setText(_("Stop sharing") if sharing else _("Start sharing"))
        self.switch.setEnabled(self.path is not None)
        self.new_link_button.setEnabled(self.path is not None)
        self.check_button.setEnabled(sharing)
        url = self.url
        self.qr.set_text(url)
        self.url_label.setText(url or "")
        self.url_label.setVisible(bool(url))
        self.phones_label.setVisible(sharing)
        if sharing:
            self._show_phones()

    def closeEvent(self, event: object) -> None:  # type: ignore[override]
        self.stop()
        super().closeEvent(event)  # type: ignore[arg-type]


def _font(points: float, weight: QFont.Weight) -> QFont:
    from workshopdesk.paint.fonts import font

    return font(points, weight)
