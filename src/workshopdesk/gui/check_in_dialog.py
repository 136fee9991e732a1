"""The check-in: the short meeting weeks after the workshop.

The shared goal on top, then the progress, then the follow-ups due since the last
check-in, each marked done, still open or dropped with a note; who came, the notes and
the date of the next one. Recording it is one step the facilitator can undo.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core import check_ins
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.core.follow_ups import Listed
from workshopdesk.core.limits import TEXT_MAX
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_style import apply_style
from workshopdesk.text import render, ui
from workshopdesk.text.ui import N_, _, ngettext

MARKS = (
    (FollowUpStatus.DONE, N_("Done")),
    (FollowUpStatus.OPEN, N_("Still open")),
    (FollowUpStatus.DROPPED, N_("Dropped")),
)
NEXT_IN_DAYS = 14
"""The next check-in is offered two weeks on."""
DAY = "d MMM yyyy"
"""How the dates to pick read: ``1 Mar 2027``."""
PROBLEM_WIDTH = 230
"""The problem's column: its number and the start of its title (all of it on the tooltip),
so the follow-up itself gets the room."""


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _iso(value: QDate) -> str:
    return date(value.year(), value.month(), value.day()).isoformat()


class CheckInDialog(QDialog):
    """Go through the follow-ups due since the last check-in and record the meeting."""

    def __init__(self, document: Document, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        ws = document.workshop
        self.setObjectName("checkInDialog")
        self.setWindowTitle(_("Check-in"))
        self.setMinimumSize(860, 640)
        apply_style(self)
        self.rows: list[Listed] = check_ins.due(ws, today)

        goal_caption = QLabel(_("Our shared goal"))
        goal_caption.setProperty("muted", True)
        # The goal's first paragraph, as the wall shows it; all of it on the tooltip.
        first = ws.info.goal.strip().split("\n\n")[0].strip()
        goal = QLabel(first or _("No shared goal was written down."))
        goal.setObjectName("checkInGoal")
        goal.setWordWrap(True)
        goal.setToolTip(ws.info.goal.strip())
        goal.setStyleSheet("font-size: 16pt; font-weight: 600;")
        progress = QLabel(render(ws.progress().message()))
        progress.setObjectName("checkInProgress")

        self.due_caption = QLabel(self._since_text(ws))
        self.due_caption.setWordWrap(True)
        self.table = self._follow_up_table()

        self.held_on = QDateEdit(_qdate(today))
        self.held_on.setDisplayFormat(DAY)
        self.held_on.setCalendarPopup(True)
        self.held_on.setAccessibleName(_("The check-in's date"))
        self.came = QListWidget()
        self.came.setObjectName("checkInCame")
        self.came.setAccessibleName(_("Who came"))
        self.came.setMaximumHeight(120)
        for attendee in ws.ordered_attendees():
            item = QListWidgetItem(attendee.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.came.addItem(item)
        self.others = QLineEdit()
        self.others.setPlaceholderText(_("Others who came, separated by commas"))
        self.others.setAccessibleName(_("Others who came"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_("What was said, what changed, what is next"))
        self.notes.setAccessibleName(_("The check-in's notes"))
        self.notes.setMaximumHeight(100)
        self.has_next = QCheckBox(_("Next check-in on"))
        self.has_next.setChecked(True)
        self.next_on = QDateEdit(_qdate(today + timedelta(days=NEXT_IN_DAYS)))
        self.next_on.setDisplayFormat(DAY)
        self.next_on.setCalendarPopup(True)
        self.next_on.setAccessibleName(_("The next check-in's date"))
        self.has_next.toggled.connect(self.next_on.setEnabled)
        next_row = QHBoxLayout()
        next_row.addWidget(self.has_next)
        next_row.addWidget(self.next_on)
        next_row.addStretch(1)

        form = QFormLayout()
        form.addRow(_("Held on"), self.held_on)
        form.addRow(_("Who came"), self.came)
        form.addRow("", self.others)
        form.addRow(_("Notes"), self.notes)
        form.addRow("", _widget(next_row))

        cancel = QPushButton(_("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.record_button = QPushButton(_("Record the check-in"))
        self.record_button.setProperty("primary", True)
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.record_button)

        layout = QVBoxLayout(self)
        layout.addWidget(goal_caption)
        layout.addWidget(goal)
        layout.addWidget(progress)
        layout.addSpacing(8)
        layout.addWidget(self.due_caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _since_text(self, ws: Workshop) -> str:
        tr = ui.current()
        count = len(self.rows)
        previous = check_ins.last(ws)
        if previous is not None:
            when = tr.date(date.fromisoformat(previous.held_on))
            text = ngettext(
                "{count} follow-up due since the last check-in on {date}:",
                "{count} follow-ups due since the last check-in on {date}:",
                count,
            )
        else:
            day = check_ins.workshop_day(ws)
            when = tr.date(day) if day is not None else ""
            text = ngettext(
                "{count} follow-up due since the workshop on {date}:",
                "{count} follow-ups due since the workshop on {date}:",
                count,
            )
        if count == 0:
            return _("Nothing fell due since then: record who came and what was said.")
        return text.format(count=count, date=when)

    def _follow_up_table(self) -> QTableWidget:
        headers = [_("Problem"), _("Follow-up"), _("Owner"), _("Due"), _("Now"), _("Note")]
        table = QTableWidget(len(self.rows), len(headers))
        table.setObjectName("checkInFollowUps")
        table.setAccessibleName(_("Follow-ups to go through"))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        tr = ui.current()
        for row, listed in enumerate(self.rows):
            f = listed.follow_up
            due = f.due or f.check_in
            cells = (
                f"#{listed.problem.number} {listed.problem.title}",
                f.text,
                listed.owner,
                tr.date(date.fromisoformat(due), "medium") if due else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
            mark = QComboBox()
            mark.setAccessibleName(_("What became of it"))
            for status, words in MARKS:
                mark.addItem(_(words), status.value)
            mark.setCurrentIndex(next(i for i, (s, _words) in enumerate(MARKS) if s is f.status))
            table.setCellWidget(row, 4, mark)
            note = QLineEdit()
            note.setMaxLength(TEXT_MAX)
            note.setAccessibleName(_("A note on the outcome"))
            note.setPlaceholderText(f.outcome or _("What came of it"))
            table.setCellWidget(row, 5, note)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), PROBLEM_WIDTH))
        # The longest mark, its arrow and the style's padding: never "Still op".
        widest = max(table.fontMetrics().horizontalAdvance(_(words)) for _s, words in MARKS)
        table.setColumnWidth(4, max(table.columnWidth(4), widest + 56))
        # Two lines of a follow-up's text show; all of it on the tooltip.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() * 2 + 14)
        return table

    def marks(self) -> dict[str, tuple[FollowUpStatus, str]]:
        result = {}
        for row, listed in enumerate(self.rows):
            mark = self.table.cellWidget(row, 4)
            note = self.table.cellWidget(row, 5)
            assert isinstance(mark, QComboBox) and isinstance(note, QLineEdit)
            result[listed.follow_up.id] = (FollowUpStatus(mark.currentData()), note.text())
        return result

    def came_names(self) -> list[str]:
        names = [
            self.came.item(i).text()
            for i in range(self.came.count())
            if self.came.item(i).checkState() == Qt.CheckState.Checked
        ]
        names.extend(n.strip() for n in self.others.text().split(",") if n.strip())
        return names

    def record(self) -> None:
        """Record the check-in; the dialog stays open if it was refused (the reason shows)."""
        held_on = _iso(self.held_on.date())
        next_on = _iso(self.next_on.date()) if self.has_next.isChecked() else None
        marks, came, notes = self.marks(), self.came_names(), self.notes.toPlainText()
        step = self.document.do(
            lambda ws: ops.record_check_in(
                ws, held_on=held_on, came=came, notes=notes, next_on=next_on, marks=marks
            )
        )
        if step is not None:
            self.accept()


def _widget(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
