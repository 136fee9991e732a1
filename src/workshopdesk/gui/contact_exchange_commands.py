"""The Workshop menu's "Exchange Contacts": at the end of the day the facilitator opens
the contact exchange, phones on the board may share their own card and download everyone
who shared, and closing it stops it. The state is a setting of the file, so the phone
server sees it whether it runs in this window or in ``workshopdesk serve``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from workshopdesk.core.contact_exchange import EXCHANGE_KEY, is_open, shared_cards
from workshopdesk.gui.document import Document
from workshopdesk.text.ui import _, ngettext


class ContactExchangeCommands:
    def __init__(
        self,
        parent: QWidget,
        document: Callable[[], Document | None],
        say: Callable[[str], None],
    ) -> None:
        self._document = document
        self._say = say
        self.action = QAction(_("E&xchange Contacts"), parent)
        self.action.setObjectName("exchangeContacts")
        self.action.setCheckable(True)
        self.action.setStatusTip(
            _("Phones on the board may share their own card and download everyone who shared")
        )
        self.action.triggered.connect(self.set_open)

    def attach(self, document: Document) -> None:
        document.settings_changed.connect(self.sync)
        document.changed.connect(lambda _step: self.sync())
        self.sync()

    def is_open(self) -> bool:
        document = self._document()
        return document is not None and is_open(document.workspace.settings)

    def sync(self) -> None:
        """Show whether the exchange is open (it may change in another program)."""
        self.action.setChecked(self.is_open())

    def set_open(self, on: bool) -> None:
        document = self._document()
        if document is None or document.read_only:
            self.sync()
            return
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        if document.change_settings({EXCHANGE_KEY: stamp if on else None}):
            if on:
                self._say(_("Contact exchange open: phones on the board can share their cards."))
            else:
                count = len(shared_cards(document.workshop))
                self._say(
                    ngettext(
                        "Contact exchange closed: {count} card was shared.",
                        "Contact exchange closed: {count} cards were shared.",
                        count,
                    ).format(count=count)
                )
        self.sync()
