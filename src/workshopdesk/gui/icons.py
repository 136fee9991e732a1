"""The only module that names icon files."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from workshopdesk.resources import resource

APP_ICON = ("icons", "workshopdesk.svg")


@cache
def app_icon() -> QIcon:
    return QIcon(str(resource(*APP_ICON)))
