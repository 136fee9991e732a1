"""Goal & ground rules: the workshop's title, venue, dates and facilitator, the shared goal
both teams commit to, and the ground rules that make the room safe to speak in.

OK saves everything as one undo step; Cancel changes nothing. If the details change
elsewhere meanwhile, what the facilitator typed is kept and the rest follows.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.changes import Step
from workshopdesk.core.entities import DEFAULT_GROUND_RULES, LANGUAGES, WorkshopInfo
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_cards import GrowingText
from workshopdesk.gui.length_note import LengthNote
from workshopdesk.gui.preparation.base import PreparationDialog
from workshopdesk.gui.preparation.workshop_dates import to_iso, wall_time, zone_names
from workshopdesk.text import translator
from workshopdesk.text.language import ENGLISH, SWEDISH
from workshopdesk.text.ui import N_, _

FIELDS = (
    "title",
    "venue",
    "facilitator",
    "starts_at",
    "ends_at",
    "timezone",
    "goal",
    "ground_rules",
    "language",
)
CHANGED_ELSEWHERE = N_(
    "The workshop's details were changed elsewhere while this was open. What you typed is "
    "kept; the rest shows the latest values."
)
DISPLAY = "ddd d MMM yyyy  HH:mm"
LANGUAGE_NAMES = {ENGLISH: N_("English"), SWEDISH: N_("Svenska")}
"""The workshop's languages by their own names."""


def details(info: WorkshopInfo) -> dict[str, Any]:
    return {name: getattr(info, name) for name in FIELDS}


def default_rules(dialog: PreparationDialog) -> tuple[str, ...]:
    """The default ground rules in the language chosen for the room."""
    box = getattr(dialog, "language_box", None)
    words = translator(box.currentData() if box is not None else ENGLISH)
    return tuple(words.pgettext("template", rule) for rule in DEFAULT_GROUND_RULES)


def _qt(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def _python(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class RulesEditor(QWidget):
    """The ground rules as an editable list: add, edit, remove, reorder, defaults."""

    def __init__(self, dialog: PreparationDialog) -> None:
        super().__init__(dialog)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Ground rules"))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setSpacing(2)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = dialog.button(_("+ Add rule"), _("Add a ground rule"), self)
        self.up_button = dialog.button("↑", _("Move the selected rule up"), self)
        self.down_button = dialog.button("↓", _("Move the selected rule down"), self)
        self.remove_button = dialog.button(_("Remove"), _("Remove the selected rule"), self)
        self.defaults_button = dialog.button(
            _("Use the defaults"), _("Replace the rules with the default ground rules"), self
        )
        self.add_button.clicked.connect(self.add)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove)
        self.defaults_button.clicked.connect(lambda: self.set_rules(default_rules(dialog)))
        self.buttons = (
            self.add_button,
            self.up_button,
            self.down_button,
            self.remove_button,
            self.defaults_button,
        )
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def rules(self) -> tuple[str, ...]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return tuple(t for t in texts if t)

    def set_rules(self, rules: tuple[str, ...]) -> None:
        if rules == self.rules():
            return
        self.list.clear()
        for rule in rules:
            self.list.addItem(self._item(rule))

    def add(self) -> None:
        item = self._item("")
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.list.setFocus()
        self.list.editItem(item)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not read_only)
        if read_only:
            self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


class GoalDialog(PreparationDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(
            document,
            _("Goal & ground rules"),
            _("What brings both teams into the room, and how everyone treats each other there."),
            parent,
        )
        self._base = details(document.workshop.info)
        body = QHBoxLayout()
        body.setSpacing(28)
        body.addLayout(self._day(), 5)
        body.addLayout(self._purpose(), 6)
        self.outer.addLayout(body, 1)

        self.ok_cancel(_("the goal, rules and details"))

        self._show(self._base)
        self._loaded_dates = self._date_widgets()
        if self.read_only:
            self._set_read_only()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(1060, 680)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.title.end(False))  # no selection a key could replace

    # -- building ---------------------------------------------------------------------------
    def _labelled(self, grid: QGridLayout, row: int, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setProperty("role", "field")
        label.setBuddy(widget)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(widget, row, 1)

    def _day(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(self.section(_("The day")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(_("Workshop title"))
        self.venue = QLineEdit(self)
        self.venue.setAccessibleName(_("Venue"))
        self.venue.setPlaceholderText(_("Where you meet: the room, the address"))
        self.facilitator = QLineEdit(self)
        self.facilitator.setAccessibleName(_("Facilitator"))
        self.length_notes: list[LengthNote] = []
        for row, (text, edit) in enumerate(
            (
                (_("Title"), self.title),
                (_("Venue"), self.venue),
                (_("Facilitator"), self.facilitator),
            )
        ):
            self._labelled(grid, 2 * row, text, edit)
            note = LengthNote(edit, parent=self)
            self.length_notes.append(note)
            grid.addWidget(note, 2 * row + 1, 1)

        self.dated = QCheckBox(_("The date is set"), self)
        self.dated.setAccessibleName(_("The date is set"))
        grid.addWidget(self.dated, 6, 1)
        self.starts = QDateTimeEdit(self)
        self.ends = QDateTimeEdit(self)
        for edit, name in ((self.starts, _(_("Starts"))), (self.ends, _(_("Ends")))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DISPLAY)
            edit.setAccessibleName(name)
        self._labelled(grid, 7, _("Starts"), self.starts)
        self._labelled(grid, 8, _("Ends"), self.ends)
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.setAccessibleName(_("Time zone"))
        self.zone.addItem("")
        self.zone.addItems(list(zone_names()))
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(list(zone_names()), self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        self.zone.lineEdit().setPlaceholderText(_("e.g. Europe/Stockholm"))
        self._labelled(grid, 9, _("Time zone"), self.zone)
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(_("Language of the wall, phones and exports"))
        self.language_box.setToolTip(
            _("What the room reads: the wall, the phones, the report and the posters")
        )
        for code in LANGUAGES:
            self.language_box.addItem(_(LANGUAGE_NAMES[code]), code)
        self._labelled(grid, 10, _("Language"), self.language_box)
        language_hint = QLabel(_("Of the wall, the phones and the exports"), self)
        language_hint.setProperty("role", "hint")
        grid.addWidget(language_hint, 11, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        self.dated.toggled.connect(self._dates_enabled)
        self.starts.dateTimeChanged.connect(self._keep_order)
        column.addStretch(1)
        return column

    def _purpose(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(self.section(_("Shared goal")))
        self.goal = GrowingText(_("Shared goal"), 4, 9, self)
        self.goal.setPlaceholderText(_("The goal both teams can commit to, in their own words"))
        column.addWidget(self.goal)
        column.addSpacing(8)
        column.addWidget(self.section(_("Ground rules")))
        self.rules = RulesEditor(self)
        column.addWidget(self.rules, 1)
        return column

    def _dates_enabled(self, on: bool) -> None:
        for widget in (self.starts, self.ends):
            widget.setEnabled(on and not self.read_only)
        if on and not self.starts.dateTime().isValid():
            self.starts.setDateTime(QDateTime.currentDateTime())

    def _keep_order(self, starts: QDateTime) -> None:
        if self.ends.dateTime() < starts:
            self.ends.setDateTime(starts.addSecs(8 * 3600))

    # -- showing and reading ----------------------------------------------------------------
    def _show(self, values: dict[str, Any]) -> None:
        for name in ("title", "venue", "facilitator"):
            widget = getattr(self, name)
            if widget.text() != values[name]:
                widget.setText(values[name])
        if self.zone.currentText() != values["timezone"]:
            self.zone.setEditText(values["timezone"])
        starts = wall_time(values["starts_at"], values["timezone"])
        ends = wall_time(values["ends_at"], values["timezone"])
        self.dated.setChecked(starts is not None)
        default = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
        self.starts.setDateTime(_qt(starts or default))
        self.ends.setDateTime(_qt(ends or (starts or default) + timedelta(hours=8)))
        self._dates_enabled(self.dated.isChecked())
        index = self.language_box.findData(values["language"])
        if index >= 0:
            self.language_box.setCurrentIndex(index)
        self.goal.set_text(values["goal"])
        self.rules.set_rules(tuple(values["ground_rules"]))

    def _date_widgets(self) -> tuple[bool, datetime, datetime, str]:
        return (
            self.dated.isChecked(),
            _python(self.starts.dateTime()),
            _python(self.ends.dateTime()),
            self.zone.currentText().strip(),
        )

    def values(self) -> dict[str, Any]:
        dated, starts, ends, zone_name = self._date_widgets()
        if self._date_widgets() == self._loaded_dates:  # untouched: exactly as stored
            starts_at, ends_at = self._base["starts_at"], self._base["ends_at"]
        elif dated:
            starts_at = to_iso(starts, zone_name, self._base["starts_at"])
            ends_at = to_iso(ends, zone_name, self._base["ends_at"] or self._base["starts_at"])
        else:
            starts_at = ends_at = None
        return {
            "title": self.title.text(),
            "venue": self.venue.text(),
            "facilitator": self.facilitator.text(),
            "starts_at": starts_at,
            "ends_at": ends_at,
            "timezone": zone_name,
            "goal": self.goal.toPlainText(),
            "ground_rules": self.rules.rules(),
            "language": self.language_box.currentData(),
        }

    def _set_read_only(self) -> None:
        for line in (self.title, self.venue, self.facilitator):
            line.setReadOnly(True)
        self.goal.setReadOnly(True)
        for widget in (
            self.dated,
            self.starts,
            self.ends,
            self.zone,
            self.language_box,
            self.ok_button,
        ):
            widget.setEnabled(False)
        self.rules.set_read_only(True)
        self.cancel_button.setText(_("Close"))

    # -- outside changes, OK ----------------------------------------------------------------
    def workshop_changed(self, step: Step | None) -> None:
        if step is not None and WorkshopInfo.kind not in step.kinds():
            return
        latest = details(self.document.workshop.info)
        if latest == self._base:
            return
        mine = self.values()
        merged = {
            name: mine[name] if mine[name] != self._base[name] else latest[name] for name in FIELDS
        }
        dates_touched = self._date_widgets() != self._loaded_dates
        self._base = latest
        self._show(merged)
        if not dates_touched:
            self._loaded_dates = self._date_widgets()
        self.banner.show_message(_(CHANGED_ELSEWHERE), "warning")

    def changes(self) -> dict[str, Any]:
        mine = self.values()
        return {name: mine[name] for name in FIELDS if mine[name] != self._base[name]}

    def accept(self) -> None:
        if self.read_only:
            return
        changes = self.changes()
        if changes and not self.save_workshop(**changes):
            return  # refused: the reason is in the banner
        super().accept()
