"""The Round and phones panel: start a silent writing round or a dot vote, reveal the
ideas written, stop the round; see how many phones are connected, joined and done, the
vote's results, and pause a phone that misbehaves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.app.moderation import moderated
from workshopdesk.app.workspace import now
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import RoundKind
from workshopdesk.core.limits import DOTS_MAX
from workshopdesk.core.participation import (
    RoundStatus,
    open_round,
    private_ideas,
    ranked,
    round_status,
)
from workshopdesk.core.workshop import Workshop
from workshopdesk.gui import style
from workshopdesk.gui.devices_model import DEVICE_ROLE, DevicesModel
from workshopdesk.gui.document import Document
from workshopdesk.gui.ideas_panel import TABLE_STYLE, private_sentence
from workshopdesk.gui.shown_panel import ShownPanel
from workshopdesk.text.ui import _, ngettext

COUNT_MS = 1000
RELEVANT = frozenset({"round", "device", "finished", "dot", "idea", "problem", "solution", "team"})


def status_sentence(status: RoundStatus | None, ws: Workshop) -> str:
    """The round in a line: "Silent writing, running: 9 of 14 phones done."."""
    if status is None:
        return _("No round yet.")
    round_ = status.round
    problem = ws.problems.get(round_.problem_id) if round_.problem_id else None
    if problem is None:
        kind = _("Vote") if status.is_vote else _("Silent writing")
    elif status.is_vote:
        kind = _("Vote on problem {number}").format(number=problem.number)
    else:
        kind = _("Silent writing on problem {number}").format(number=problem.number)
    n = status.joined
    if round_.ended_at is None:
        sentence = ngettext(
            "{round}, running: {done} of {n} phone done.",
            "{round}, running: {done} of {n} phones done.",
            n,
        )
    else:
        sentence = ngettext(
            "{round}, ended: {done} of {n} phone done.",
            "{round}, ended: {done} of {n} phones done.",
            n,
        )
    return sentence.format(round=kind, done=status.done, n=n)


def phones_sentence(connected: int | None, joined: int) -> str:
    """How many phones are here: "3 phones connected · 5 joined"."""
    if connected is None:
        return _("Not sharing · {joined} joined").format(joined=joined)
    return ngettext(
        "{n} phone connected · {joined} joined", "{n} phones connected · {joined} joined", connected
    ).format(n=connected, joined=joined)


class RoundPanel(ShownPanel):
    def __init__(
        self, parent: QWidget | None = None, *, phones: Callable[[], int | None] = lambda: None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roundPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.document: Document | None = None
        self._phones = phones

        title = QLabel(_("Round"))
        title.setObjectName("heading")
        self.status_label = QLabel(_("No round yet."))
        self.status_label.setObjectName("roundStatus")
        self.status_label.setWordWrap(True)
        self.phones_label = QLabel("")
        self.phones_label.setObjectName("muted")
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("roundDetail")
        self.detail_label.setWordWrap(True)

        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of round"))
        self.kind.addItem(_("Silent writing"), RoundKind.WRITE.value)
        self.kind.addItem(_("Dot vote"), RoundKind.VOTE.value)
        self.kind.currentIndexChanged.connect(lambda _i: self._enable())
        self.scope = QComboBox()
        self.scope.setAccessibleName(_("Problems in the round"))
        self.dots = QSpinBox()
        self.dots.setRange(1, DOTS_MAX)
        self.dots.setValue(3)
        self.dots.setSuffix(_(" per phone"))
        self.dots.setAccessibleName(_("Dots per phone"))
        self.hidden = QCheckBox(_("Hide the counts until the end"))
        self.hidden.setAccessibleName(_("Hide the counts until the end"))
        self.hidden.setToolTip(_("Phones and the wall see the dots only when the vote ends"))
        self.form = form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Problems"), self.scope)
        form.addRow(_("Dots"), self.dots)
        form.addRow("", self.hidden)

        self.start_button = self._button(_("Start"), "primary", self.start)
        self.reveal_button = self._button(_("Reveal Ideas"), "", self.reveal)
        self.reveal_button.setToolTip(_("Show everyone's ideas of the writing round at once"))
        self.stop_button = self._button(_("Stop"), "", self.stop)
        self.stop_button.setToolTip(_("End the round (a writing round's ideas are revealed)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.stop_button)

        self.results_title = QLabel(_("Results"))
        self.results_title.setObjectName("heading")
        self.results = QTreeWidget()
        self.results.setObjectName("voteResults")
        self.results.setAccessibleName(_("The vote's results, most dots first"))
        self.results.setHeaderLabels([_("Solution"), _("Dots")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.header().setStretchLastSection(False)
        self.results.header().setSectionResizeMode(0, self.results.header().ResizeMode.Stretch)
        self.results.header().setSectionResizeMode(
            1, self.results.header().ResizeMode.ResizeToContents
        )

        phones_title = QLabel(_("Phones"))
        phones_title.setObjectName("heading")
        self.devices = DevicesModel(self)
        self.device_list = QListView()
        self.device_list.setObjectName("deviceList")
        self.device_list.setAccessibleName(_("Phones that joined"))
        self.device_list.setModel(self.devices)
        self.device_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.device_list.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.pause_button = self._button(_("Pause This Phone"), "", self.pause_phone)
        self.pause_button.setToolTip(
            _("The phone can no longer send ideas or vote; its waiting ideas and its dots go")
        )
        self.no_phones = QLabel(_("No phones have joined yet."))
        self.no_phones.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.status_label)
        layout.addWidget(self.phones_label)
        layout.addWidget(self.detail_label)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(_line())
        layout.addWidget(self.results_title)
        layout.addWidget(self.results, 2)
        layout.addWidget(_line())
        layout.addWidget(phones_title)
        layout.addWidget(self.no_phones)
        layout.addWidget(self.device_list, 1)
        layout.addWidget(self.pause_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setStyleSheet(
            TABLE_STYLE + f"QLabel#roundStatus {{ font-weight: 600; color: {style.TEXT}; }}"
            f"QLabel#roundDetail {{ color: {style.OPEN}; background: {style.OPEN_BG};"
            " border-radius: 8px; padding: 6px 10px; }"
            f"QTreeWidget#voteResults, QListView#deviceList {{ background: #ffffff;"
            f" border: 1px solid {style.CARD_BORDER}; border-radius: 10px; outline: none;"
            f" selection-background-color: {style.ACCENT_SOFT}; selection-color: {style.TEXT}; }}"
            f"QTreeWidget#voteResults:focus, QListView#deviceList:focus {{"
            f" border: 2px solid {style.ACCENT}; }}"
            "QListView#deviceList::item { padding: 5px 8px; }"
            "QTreeWidget#voteResults::item { padding: 3px 4px; }"
            f"QHeaderView::section {{ background: #ffffff; color: {style.MUTED}; border: none;"
            f" border-bottom: 1px solid {style.CARD_BORDER}; padding: 5px 8px; font-weight: 600; }}"
        )
        self._count = QTimer(self)
        self._count.setInterval(COUNT_MS)
        self._count.timeout.connect(self._show_phones)
        self._enable()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        if name:
            button.setObjectName(name)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    # -- the workshop -----------------------------------------------------------------------
    def attach(self, document: Document) -> None:
        self.detach()
        self.document = document
        document.changed.connect(self._changed)
        self._count.start()
        self.refresh()

    def detach(self) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
        self.document = None
        self._count.stop()
        self.devices.clear()
        self.results.clear()
        self._enable()

    def _changed(self, step: Step | None) -> None:
        if step is None or not RELEVANT.isdisjoint(step.kinds()):
            self.follow()

    def refresh(self) -> None:
        if self.document is None:
            return
        ws = self.document.workshop
        status = round_status(ws)
        text = status_sentence(status, ws)
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
        self._show_detail(ws, status)
        self._fill_scope(ws)
        self._show_results(ws, status)
        self.devices.refresh(ws)
        self._show_phones()
        self._enable()

    def _show_detail(self, ws: Workshop, status: RoundStatus | None) -> None:
        text = ""
        if status is not None and status.is_vote:
            round_ = status.round
            text = ngettext(
                "{n} dot cast, {dots} per phone.", "{n} dots cast, {dots} per phone.", status.dots
            ).format(n=status.dots, dots=round_.dots)
            if round_.hidden and round_.ended_at is None:
                text += " " + _("Counts stay hidden until the vote ends.")
        elif status is not None and status.round.ended_at is None:
            text = private_sentence(private_ideas(ws)) or (
                _("Ideas are revealed.") if status.round.revealed else _("No ideas written yet.")
            )
        self.detail_label.setText(text)
        self.detail_label.setAccessibleName(text)
        self.detail_label.setVisible(bool(text))

    def _fill_scope(self, ws: Workshop) -> None:
        chosen = self.scope.currentData()
        items = [(_("All problems"), None)] + [
            (f"{p.number} · {p.title}", p.id) for p in ws.ordered_problems()
        ]
        current = [
            (self.scope.itemText(i), self.scope.itemData(i)) for i in range(self.scope.count())
        ]
        if items == current:
            return
        self.scope.blockSignals(True)
        self.scope.clear()
        for text, problem_id in items:
            self.scope.addItem(text, problem_id)
        found = self.scope.findData(chosen) if chosen is not None else 0
        self.scope.setCurrentIndex(max(found, 0))
        self.scope.blockSignals(False)

    def _show_results(self, ws: Workshop, status: RoundStatus | None) -> None:
        ended_vote = status is not None and status.is_vote and status.round.ended_at is not None
        self.results.clear()
        self.results_title.setVisible(ended_vote)
        self.results.setVisible(ended_vote)
        if not ended_vote or status is None:
            return
        round_ = status.round
        problems = [p for p in ws.ordered_problems() if round_.problem_id in (None, p.id)]
        for problem in problems:
            ranking = [(s, n) for s, n in ranked(ws, round_.id, problem.id) if n]
            if not ranking:
                continue  # as on the command line: only what got dots
            heading = QTreeWidgetItem([f"{problem.number} · {problem.title}", ""])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.results.addTopLevelItem(heading)
            for solution, count in ranking:
                item = QTreeWidgetItem([f"    {solution.text}", str(count)])
                item.setToolTip(0, solution.text)
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                item.setData(
                    0,
                    Qt.ItemDataRole.AccessibleTextRole,
                    ngettext("{solution}: {n} dot", "{solution}: {n} dots", count).format(
                        solution=solution.text, n=count
                    ),
                )
                self.results.addTopLevelItem(item)
        if not self.results.topLevelItemCount():
            self.results.addTopLevelItem(QTreeWidgetItem([_("No dots were cast."), ""]))

    def _show_phones(self) -> None:
        if self.document is None:
            self.phones_label.setText("")
            return
        text = phones_sentence(self._phones(), len(self.devices.rows))
        if text != self.phones_label.text():
            self.phones_label.setText(text)
            self.phones_label.setAccessibleName(text)

    # -- the facilitator's hand ---------------------------------------------------------------
    def start(self) -> Step | None:
        if self.document is None:
            return None
        kind = RoundKind(self.kind.currentData())
        problem_id = self.scope.currentData()
        dots, hidden = self.dots.value(), self.hidden.isChecked()
        stamp = now()
        if kind is RoundKind.WRITE:
            return self.document.do(
                lambda ws: ops.start_round(ws, kind, stamp, problem_id=problem_id)
            )
        return self.document.do(
            lambda ws: ops.start_round(
                ws, kind, stamp, problem_id=problem_id, dots=dots, hidden=hidden
            )
        )

    def reveal(self) -> Step | None:
        if self.document is None:
            return None
        moderation = moderated(self.document.workspace.settings)
        return self.document.do(lambda ws: ops.reveal_round(ws, moderated=moderation))

    def stop(self) -> Step | None:
        if self.document is None:
            return None
        moderation = moderated(self.document.workspace.settings)
        stamp = now()
        return self.document.do(lambda ws: ops.stop_round(ws, stamp, moderated=moderation))

    def pause_phone(self) -> Step | None:
        index = self.device_list.currentIndex()
        if self.document is None or not index.isValid():
            return None
        device_id = str(index.data(DEVICE_ROLE))
        return self.document.do(lambda ws: ops.block_device(ws, device_id))

    def _enable(self) -> None:
        editable = self.document is not None and not self.document.read_only
        round_ = open_round(self.document.workshop) if self.document is not None else None
        idle = editable and round_ is None
        vote = self.kind.currentData() == RoundKind.VOTE.value
        for widget in (self.kind, self.scope, self.start_button):
            widget.setEnabled(idle)
        self.dots.setEnabled(idle and vote)
        self.hidden.setEnabled(idle and vote)
        self.form.setRowVisible(self.dots, vote)  # a writing round has no dots
        self.form.setRowVisible(self.hidden, vote)
        writing = round_ is not None and round_.round_kind is RoundKind.WRITE
        self.reveal_button.setEnabled(
            editable and writing and round_ is not None and not round_.revealed
        )
        self.stop_button.setEnabled(editable and round_ is not None)
        self.pause_button.setEnabled(editable and self.device_list.currentIndex().isValid())
        self.no_phones.setVisible(not self.devices.rows)


def _line() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: {style.CARD_BORDER};")
    return line
