"""What the window shows with no workshop open: recent files, new, open, the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.gui import style
from workshopdesk.gui.dates import day
from workshopdesk.paint.fonts import pixel_font
from workshopdesk.text.ui import N_, _, pgettext

TEMPLATE_CHOICES = (
    ("problem-wall", N_("New problem-wall workshop"), N_("Two teams, real customer problems")),
    ("retrospective", N_("New retrospective"), N_("Went well, to improve, actions")),
    ("blank", N_("New blank workshop"), N_("Just the columns")),
)


class _RecentList(QListWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class StartScreen(QWidget):
    new_requested = Signal(str)
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(object)

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        logo = QLabel()
        logo.setPixmap(icon.pixmap(QSize(72, 72)))
        logo.setAccessibleName("WorkshopDesk")
        title = QLabel("WorkshopDesk")
        title.setObjectName("heading")
        title.setFont(pixel_font(30, QFont.Weight.Bold))
        tagline = QLabel(
            _("The problem wall for your workshop — on the projector and on every phone.")
        )
        tagline.setObjectName("muted")
        tagline.setFont(pixel_font(15))
        heading_text = QVBoxLayout()
        heading_text.setSpacing(4)
        heading_text.addWidget(title)
        heading_text.addWidget(tagline)
        heading = QHBoxLayout()
        heading.setSpacing(18)
        heading.addWidget(logo)
        heading.addLayout(heading_text, 1)

        start_label = QLabel(pgettext("start screen heading", "Start"))
        start_label.setObjectName("heading")
        start_label.setFont(pixel_font(16, QFont.Weight.DemiBold))
        actions = QVBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(start_label)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, hint in TEMPLATE_CHOICES:
            button = self._button(_(text), _(hint))
            button.clicked.connect(lambda _checked=False, key=key: self.new_requested.emit(key))
            self.buttons[key] = button
            actions.addWidget(button)
        self.open_button = self._button(_("Open a workshop…"), _("A .workshop file"))
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = self._button(
            _("Open the demo"), _("Sales × Development: ten customer problems")
        )
        self.demo_button.setObjectName("startDemo")
        self.demo_button.clicked.connect(self.demo_requested)
        actions.addSpacing(8)
        actions.addWidget(self.open_button)
        actions.addWidget(self.demo_button)
        actions.addStretch(1)

        recent_label = QLabel(_("Recent workshops"))
        recent_label.setObjectName("heading")
        recent_label.setFont(pixel_font(16, QFont.Weight.DemiBold))
        self.recent = _RecentList()
        self.recent.setObjectName("recentList")
        self.recent.setAccessibleName(_("Recent workshops"))
        self.recent.setFont(pixel_font(14))
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemDoubleClicked.connect(self._open_recent)
        self.empty = QLabel(
            _("Workshops you open appear here.\nStart with the demo to see a board in action.")
        )
        self.empty.setObjectName("muted")
        self.empty.setFont(pixel_font(14))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyRecent")
        recent_box = QVBoxLayout()
        recent_box.setSpacing(10)
        recent_box.addWidget(recent_label)
        recent_box.addWidget(self.recent, 1)
        recent_box.addWidget(self.empty, 1)

        card = QFrame()
        card.setObjectName("startCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(40, 36, 40, 36)
        grid.setHorizontalSpacing(40)
        grid.setVerticalSpacing(28)
        grid.addLayout(heading, 0, 0, 1, 2)
        grid.addLayout(actions, 1, 0)
        grid.addLayout(recent_box, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        card.setMaximumWidth(1040)
        card.setMinimumHeight(520)
        card.setMaximumHeight(640)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

    def _button(self, text: str, hint: str) -> QPushButton:
        """A large button with its name and, below it, what it gives."""
        button = QPushButton()
        button.setObjectName("startChoice")
        button.setAccessibleName(text)
        button.setAccessibleDescription(hint)
        button.setToolTip(hint)
        button.setMinimumHeight(58)
        name = QLabel(text)
        name.setFont(pixel_font(15, QFont.Weight.DemiBold))
        name.setObjectName("choiceName")
        detail = QLabel(hint)
        detail.setFont(pixel_font(13))
        detail.setObjectName("choiceHint")
        column = QVBoxLayout(button)
        column.setContentsMargins(16, 8, 16, 8)
        column.setSpacing(1)
        for label in (name, detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(label)
        return button

    def show_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            title, note = recent_summary(path)
            item = QListWidgetItem(f"{title}\n{note}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {note}")
            if title == path.name:  # missing or unreadable: the note says why, muted
                item.setForeground(QColor(style.MUTED))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.empty.setVisible(not paths)
        if paths:
            self.recent.setCurrentRow(0)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))


def recent_summary(path: Path) -> tuple[str, str]:
    """A recent workshop's title and a line under it (its date and file), read through
    a read-only connection that never writes the file; a missing or unreadable file
    gets its name and a short note instead."""
    from workshopdesk.core.errors import WorkshopError
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    if not path.exists():
        return path.name, _("Not found in {folder}").format(folder=path.parent)
    try:
        with WorkshopFile.open(path, Mode.READ) as file:
            info = file.load().info
    except (WorkshopError, OSError, ValueError):
        return path.name, _("Cannot be read: it may be damaged or not a workshop file")
    when = day(info.starts_at)
    return info.title, "  ·  ".join(part for part in (when, path.name) if part)
