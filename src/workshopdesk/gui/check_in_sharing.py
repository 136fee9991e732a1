"""Phones show the check-in while the facilitator does: on the wall, or in the window's
check-in dialog. Each says so in the workshop's settings (the day it is shown), so the
phone server, in this program or in ``workshopdesk serve``, sees it like the timer."""

from __future__ import annotations

from datetime import date

from workshopdesk.gui.document import Document


def share_check_in(document: Document, where: str, day: date | None) -> None:
    """Say the check-in is shown ``where`` today (``day``), or no longer (None)."""
    value = day.isoformat() if day is not None else None
    if not document.is_open or document.read_only or document.workspace.setting(where) == value:
        return
    document.change_settings({where: value})
