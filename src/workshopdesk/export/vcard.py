"""Contact cards (vCard 3.0) of the attendees who agreed to share them: the export. The
cards themselves are written by :mod:`workshopdesk.contact_cards`, which the phone
server's contact exchange uses too."""

from __future__ import annotations

from workshopdesk.contact_cards import escape, fold, render, shared

__all__ = ["escape", "fold", "render", "shared"]
