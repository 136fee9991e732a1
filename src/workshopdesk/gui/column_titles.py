"""The column titles of a table model's horizontal header, from one tuple of names."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from workshopdesk.text.ui import _


def column_title(
    titles: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """What ``headerData`` answers: the title of ``section`` across the top (``titles``
    are marked with N_ and shown in the interface's language), else nothing."""
    if (
        orientation is Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(titles)
    ):
        return _(titles[section])
    return None
