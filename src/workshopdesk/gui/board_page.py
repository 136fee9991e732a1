"""The page around the board: the read-only banner, the workshop's name and the filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.board import Board
from workshopdesk.gui.board_filter import FilterBar
from workshopdesk.gui.dates import day
from workshopdesk.gui.document import Document
from workshopdesk.gui.one_line_label import OneLineLabel
from workshopdesk.paint.fonts import pixel_font
from workshopdesk.text.ui import _


def describe(ws: Workshop) -> str:
    parts = [p for p in (ws.info.venue, day(ws.info.starts_at)) if p]
    if ws.info.facilitator:
        parts.append(_("Facilitator: {name}").format(name=ws.info.facilitator))
    return "  ·  ".join(parts)


class BoardPage(QWidget):
    def __init__(self, document: Document, zoom: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.document = document

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner_text = QLabel()
        banner_text.setObjectName("bannerText")
        banner_text.setWordWrap(True)
        banner_text.setFont(pixel_font(14))
        self.banner_text = banner_text
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 10, 16, 10)
        banner_layout.addWidget(banner_text)

        self.title = OneLineLabel()
        self.title.setObjectName("workshopTitle")
        self.title.setFont(pixel_font(22, QFont.Weight.Bold))
        self.title.setMinimumWidth(120)  # a narrow window clips the title, not the filters
        self.meta = OneLineLabel()
        self.meta.setObjectName("workshopMeta")
        self.meta.setFont(pixel_font(13))
        self.meta.setMinimumWidth(120)
        self.goal = OneLineLabel()
        self.goal.setObjectName("workshopGoal")
        self.goal.setFont(pixel_font(13))
        self.goal.setMinimumWidth(120)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.meta)
        titles.addWidget(self.goal)
        self.filter_bar = FilterBar()
        self.filter_bar.setFont(pixel_font(14))
        header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        header.setContentsMargins(24, 18, 24, 6)
        header.setSpacing(24)
        header.addLayout(titles, 3)
        header.addWidget(self.filter_bar, 2, Qt.AlignmentFlag.AlignBottom)
        self.header = header

        self.board = Board(document, zoom)
        self.filter_bar.changed.connect(self.board.set_filter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner_holder = QVBoxLayout()
        banner_holder.setContentsMargins(24, 14, 24, 0)
        banner_holder.addWidget(self.banner)
        layout.addLayout(banner_holder)
        layout.addLayout(header)
        layout.addWidget(self.board, 1)
        self.refresh()

    def refresh(self) -> None:
        ws = self.document.workshop
        self.title.setText(ws.info.title)
        self.title.setAccessibleName(_("Workshop: {title}").format(title=ws.info.title))
        meta = describe(ws)
        self.meta.setText(meta)
        goal = " ".join(ws.info.goal.split())
        self.goal.setText(_("Goal: {goal}").format(goal=goal) if goal else "")
        self.goal.setToolTip(ws.info.goal)
        self.goal.setVisible(bool(goal))
        self.meta.setVisible(bool(meta))
        self.filter_bar.set_choices(ws)
        self._place_filter()
        read_only = self.document.read_only
        self.banner.setVisible(read_only)
        if read_only:
            if self.document.locked_elsewhere:
                text = _(
                    "Another window is editing this workshop, so you can look at it here "
                    "but not change it. Changes made there appear here."
                )
            else:
                text = _("This workshop file cannot be changed here.")
            label = _("Read-only.")
            from html import escape  # only a read-only window has a banner to write

            self.banner_text.setText(f"<b>{escape(label)}</b> {escape(text)}")
            self.banner.setAccessibleName(f"{label} {text}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_filter()

    def _place_filter(self) -> None:
        """The filter beside the workshop's name and details when both fit, else under
        them, so a narrower window (the wall's panel open) still reads them whole."""
        margins = self.header.contentsMargins()
        words = max(
            self.title.fontMetrics().horizontalAdvance(self.title.text()),
            self.meta.fontMetrics().horizontalAdvance(self.meta.text()),
        )
        needed = (
            words
            + self.header.spacing()
            + self.filter_bar.sizeHint().width()
            + margins.left()
            + margins.right()
        )
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self.width() >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self.header.direction() != direction:
            self.header.setDirection(direction)
