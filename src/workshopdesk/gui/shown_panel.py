"""A panel that follows the workshop only while it is shown.

Hidden, it only notes that it is behind, and catches up when it is shown: a move on a
1,000-problem board never waits for a follow-ups list or a round's problem list that
nobody is looking at.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class ShownPanel(QWidget):
    _behind = False

    def refresh(self) -> None:  # each panel says how it catches up
        raise NotImplementedError

    def follow(self) -> None:
        """The workshop changed in a way this panel shows."""
        if self.isVisible():
            self.refresh()
        else:
            self._behind = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind:
            self._behind = False
            self.refresh()
