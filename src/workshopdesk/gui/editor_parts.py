"""Small form widgets used by the problem editor and the preparation dialogs:
team chips, an optional date, a person picker, colour swatches and a message banner."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetItem,
)

from workshopdesk.core.entities import Attendee, Team
from workshopdesk.gui.editor_style import CARD_COLOURS, INK, readable_on, set_role
from workshopdesk.text.ui import N_, _

ISO = "yyyy-MM-dd"


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new lines."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


@cache
def swatch(colour: str, size: int = 12, *, square: bool = False) -> QIcon:
    """A round dot of ``colour`` (a hollow ring for no colour), or a rounded square."""
    ratio = 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if colour:
        painter.setPen(QColor(colour).darker(125))
        painter.setBrush(QColor(colour))
    else:
        painter.setPen(QColor("#98a2b3"))
    if square:
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    else:
        painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # a team's colour stays true when selected
    return icon


class TeamChips(QWidget):
    """The teams as checkable chips in their colours."""

    toggled = Signal()

    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._purpose = purpose
        self._layout = FlowLayout(self)
        self._chips: dict[str, QPushButton] = {}
        self._empty = QLabel(_("No teams yet: add them under Teams & attendees."))
        self._empty.setProperty("role", "hint")
        self._layout.addWidget(self._empty)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_teams(self, teams: Sequence[Team]) -> None:
        checked = set(self.checked_ids())
        for chip in self._chips.values():
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips.clear()
        self._empty.setVisible(not teams)
        for team in teams:
            chip = QPushButton(team.name, self)
            chip.setCheckable(True)
            chip.setAutoDefault(False)
            chip.setChecked(team.id in checked)
            chip.setAccessibleName(
                _("{team} ({purpose})").format(team=team.name, purpose=self._purpose)
            )
            chip.setToolTip(_("{team}: {purpose}").format(team=team.name, purpose=self._purpose))
            chip.setProperty("teamColour", team.color)
            chip.toggled.connect(lambda _on, c=chip: self._paint(c))
            chip.toggled.connect(self.toggled)
            self._paint(chip)
            self._chips[team.id] = chip
            self._layout.addWidget(chip)
        self.updateGeometry()

    def _paint(self, chip: QPushButton) -> None:
        colour = chip.property("teamColour") or "#98a2b3"
        if chip.isChecked():
            text = readable_on(colour)
            chip.setIcon(QIcon())
            chip.setText("✓ " + chip.text().removeprefix("✓ "))
            chip.setStyleSheet(
                f"QPushButton {{ background: {colour}; border: 1px solid {colour};"
                f" color: {text}; border-radius: 11px; padding: 3px 12px; font-weight: 600; }}"
                f"QPushButton:focus {{ border: 2px solid {INK}; padding: 2px 11px; }}"
            )
        else:
            chip.setIcon(swatch(colour))
            chip.setText(chip.text().removeprefix("✓ "))
            chip.setStyleSheet(
                "QPushButton { background: white; border: 1px solid #d3d8e0; color: #384152;"
                " border-radius: 11px; padding: 3px 12px; }"
                "QPushButton:focus { border: 2px solid #3b5bdb; padding: 2px 11px; }"
            )

    def checked_ids(self) -> tuple[str, ...]:
        return tuple(tid for tid, chip in self._chips.items() if chip.isChecked())

    def set_checked_ids(self, team_ids: Iterable[str]) -> None:
        wanted = set(team_ids)
        for tid, chip in self._chips.items():
            if chip.isChecked() != (tid in wanted):
                chip.setChecked(tid in wanted)

    def chip(self, team_id: str) -> QPushButton:
        return self._chips[team_id]

    def chips(self) -> list[QPushButton]:
        return list(self._chips.values())

    def set_read_only(self, read_only: bool) -> None:
        for chip in self._chips.values():
            chip.setEnabled(not read_only)


class PersonCombo(QComboBox):
    """Pick an attendee, or nobody (shown as ``nobody``: "Anonymous", "No owner")."""

    def __init__(self, nobody: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nobody = nobody
        self.setAccessibleName(accessible)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_people([])

    def set_people(
        self, attendees: Sequence[Attendee], teams: dict[str, Team] | None = None
    ) -> None:
        current = self.person_id()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._nobody, None)
        for attendee in attendees:
            team = (teams or {}).get(attendee.team_id or "")
            self.addItem(swatch(team.color) if team else swatch(""), attendee.name, attendee.id)
        self.set_person_id(current)
        self.blockSignals(False)

    def person_id(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None

    def set_person_id(self, attendee_id: str | None) -> None:
        index = self.findData(attendee_id) if attendee_id else 0
        self.setCurrentIndex(max(index, 0))


class OptionalDateEdit(QWidget):
    """A date that may be left unset: a checkbox and a date field."""

    changed = Signal()

    def __init__(
        self, label: str, check_name: str, date_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.check = QCheckBox(label, self)
        self.check.setAccessibleName(check_name)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(ISO)
        self.edit.setAccessibleName(date_name)
        self.edit.setEnabled(False)
        self.default = QDate.currentDate()
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(self.changed)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on and not self.check.property("readOnly"))
        self.changed.emit()

    def value(self) -> str | None:
        return self.edit.date().toString(ISO) if self.check.isChecked() else None

    def set_value(self, iso: str | None) -> None:
        if iso == self.value():
            return
        if iso:
            self.edit.setDate(QDate.fromString(iso, ISO))
        else:
            self.edit.setDate(self.default)
        self.check.setChecked(bool(iso))

    def set_read_only(self, read_only: bool) -> None:
        self.check.setProperty("readOnly", read_only)
        self.check.setEnabled(not read_only)
        self.edit.setEnabled(self.check.isChecked() and not read_only)


class ColourSwatches(QWidget):
    """The card colour: none, a few calm presets, or any colour from the colour dialog."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QToolButton] = {}
        for colour, name in (("", N_("No colour")), *CARD_COLOURS):
            self._add(colour, _(name), layout)
        self._custom = QToolButton(self)
        self._custom.setText(_("Other…"))
        self._custom.setAccessibleName(_("Pick another card colour"))
        self._custom.clicked.connect(self.pick)
        layout.addWidget(self._custom)
        layout.addStretch(1)
        self._value = ""
        self._group.buttonClicked.connect(self._clicked)

    def _add(self, colour: str, name: str, layout: QHBoxLayout | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(True)
        button.setIcon(swatch(colour, 18))
        button.setIconSize(QSize(18, 18))
        button.setAccessibleName(_("Card colour: {name}").format(name=name))
        button.setToolTip(name)
        button.setProperty("colour", colour)
        button.setStyleSheet(
            "QToolButton { border: 2px solid transparent; border-radius: 14px; padding: 2px;"
            " background: transparent; }"
            "QToolButton:checked { border: 2px solid #1d2433; }"
            "QToolButton:focus { border: 2px solid #3b5bdb; }"
        )
        self._group.addButton(button)
        self._buttons[colour] = button
        if layout is not None:
            layout.addWidget(button)
        else:
            row = self.layout()
            assert isinstance(row, QHBoxLayout)
            row.insertWidget(row.count() - 2, button)
        return button

    def focus_chain(self) -> list[QWidget]:
        return [*self._group.buttons(), self._custom]

    def _clicked(self, button: QToolButton) -> None:
        self._value = button.property("colour")
        self.changed.emit()

    def value(self) -> str:
        return self._value

    def set_value(self, colour: str) -> None:
        colour = colour.lower()
        if colour not in self._buttons:
            self._add(colour, colour)
        self._buttons[colour].setChecked(True)
        if colour != self._value:
            self._value = colour
            self.changed.emit()

    def pick(self) -> QColorDialog:
        """Open the colour dialog (window-modal, so tests and the window stay responsive)."""
        dialog = QColorDialog(QColor(self._value or "#f2cc8f"), self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setWindowTitle(_("Card colour"))
        dialog.colorSelected.connect(lambda c: self.set_value(c.name()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_read_only(self, read_only: bool) -> None:
        for button in (*self._buttons.values(), self._custom):
            button.setEnabled(not read_only)


class MessageBanner(QFrame):
    """One sentence for the facilitator: information, a warning or an error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.setAccessibleName(_("Message"))
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        set_role(self, "banner", kind)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()
