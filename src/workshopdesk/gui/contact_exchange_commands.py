"""The Workshop menu's "Exchange Contacts": at the end of the day the facilitator opens
the contact exchange, phones on the board may share their own card and download everyone
who shared, and closing it stops it. The state is a setting of the file (the day it was
opened), so the phone server sees it whether it runs in this window or in
``workshopdesk serve``; closing the workshop closes it, and one left open by a program that
stopped never opens again on another day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

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

    def close_with(self, document: Document) -> None:
        """The window lets go of the workshop: an exchange it left open closes with it."""
        if document.is_open and not document.read_only and self.is_open():
            document.change_settings({EXCHANGE_KEY: None})

    def attach(self, document: Document) -> None:
        document.settings_changed.connect(self.sync)
        document.changed.connect(lambda _step: self.sync())
        self.sync()

    def is_open(self) -> bool:
        document = self._document()
        return document is not None and is_open(document.workspace.settings, date.today())

    def sync(self) -> None:
        """Show whether the exchange is open (it may change in another program)."""
        self.action.setChecked(self.is_open())

    def set_open(self, on: bool) -> None:
        document = self._document()
        if document is None or document.read_only:
            self.sync()
            return
        day = date.today().isoformat()  # open for today only, whatever happens next
        if document.change_settings({EXCHANGE_KEY: day if on else None}):
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
