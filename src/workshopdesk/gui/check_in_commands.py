"""Starting a check-in: from the Workshop menu, or offered when a workshop is opened
after its day with follow-ups still open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from workshopdesk.core import check_ins
from workshopdesk.core.check_ins import SHOWN_IN_WINDOW
from workshopdesk.core.follow_ups import open_count
from workshopdesk.gui.check_in_sharing import share_check_in
from workshopdesk.gui.document import Document
from workshopdesk.text.ui import _, ngettext

if TYPE_CHECKING:
    from workshopdesk.gui.check_in_dialog import CheckInDialog


class CheckInCommands:
    """The "Start a Check-in…" action of a window, and the offer when a workshop opens."""

    def __init__(
        self,
        parent: QWidget,
        document: Callable[[], Document | None],
        today: Callable[[], date] = date.today,
    ) -> None:
        self._parent = parent
        self._document = document
        self._today = today
        self.action = QAction(_("Start a &Check-in…"), parent)
        self.action.setObjectName("startCheckIn")
        self.action.triggered.connect(self.start)
        self.offer_box: QMessageBox | None = None

    def start(self) -> CheckInDialog | None:
        document = self._document()
        if document is None or document.read_only:
            return None
        from workshopdesk.gui.check_in_dialog import CheckInDialog  # loaded when first asked for

        today = self._today()
        dialog = CheckInDialog(document, today, self._parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda: share_check_in(document, SHOWN_IN_WINDOW, None))
        share_check_in(document, SHOWN_IN_WINDOW, today)
        dialog.open()
        return dialog

    def offer(self) -> bool:
        """Offer a check-in if the workshop's day is over and follow-ups are open."""
        document = self._document()
        if document is None or document.read_only:
            return False
        ws = document.workshop
        if not check_ins.worth_offering(ws, self._today()):
            return False
        count = open_count(ws)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Check-in"),
            ngettext(
                "This workshop's day is over and {count} follow-up is still open. "
                "Start a check-in to go through what fell due?",
                "This workshop's day is over and {count} follow-ups are still open. "
                "Start a check-in to go through what fell due?",
                count,
            ).format(count=count),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setObjectName("checkInOffer")
        start = box.addButton(_("Start a check-in"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(start)

        def answered() -> None:
            if box.clickedButton() is start:
                self.start()
            box.deleteLater()
            self.offer_box = None

        box.finished.connect(answered)
        self.offer_box = box
        box.open()
        return True
