"""The problem editor: one customer problem with its solutions and follow-up actions.

Everything typed here stays in the dialog until OK, which applies it to the workshop
as ONE undo step; Cancel changes nothing. If the same problem changes elsewhere while the
editor is open (the phone page, another process), the facilitator's text is kept, the
untouched fields move to the latest values, and a message says so.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.changes import Label, Step
from workshopdesk.core.errors import NotFoundError, ValidationError
from workshopdesk.core.limits import TITLE_MAX
from workshopdesk.core.messages import Message
from workshopdesk.core.validation import clean_line
from workshopdesk.gui.card_model import Card
from workshopdesk.gui.document import Document
from workshopdesk.gui.editor_card_list import CardList, new_follow_up, new_solution
from workshopdesk.gui.editor_cards import FollowUpCard, GrowingText, SolutionCard
from workshopdesk.gui.editor_drafts import (
    EditorState,
    FollowUpDraft,
    ProblemDraft,
    SolutionDraft,
    builders,
    rebase,
)
from workshopdesk.gui.editor_parts import ColourSwatches, MessageBanner, TeamChips
from workshopdesk.gui.editor_style import apply_style, set_role
from workshopdesk.gui.editor_tags import TagCompleter, split_tags
from workshopdesk.gui.length_note import LengthNote
from workshopdesk.text import error_text
from workshopdesk.text.ui import N_, _

CHANGED_ELSEWHERE = N_(
    "This problem was changed elsewhere while you were editing it. Your edits are kept; "
    "the fields you did not touch now show the latest values. OK applies your edits on top."
)
DELETED_ELSEWHERE = N_(
    "This problem was deleted elsewhere while you were editing it, so it cannot be saved. "
    "Your text is still here to copy."
)
READ_ONLY = N_(
    "This workshop is open read-only (another window is editing it), "
    "so nothing here can be changed."
)

PROBLEM_TITLE = Message("field.problem_title")


class ProblemEditor(QDialog):
    def __init__(self, document: Document, problem_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.problem_id = problem_id
        self._applying = False
        self._gone = False
        base = EditorState.of(document.workshop, problem_id)
        if base is None:
            raise NotFoundError(_("That problem no longer exists."))
        self._base = base
        problem = document.workshop.problems[problem_id]
        self.setWindowTitle(
            _("Problem {number}: {title}").format(number=problem.number, title=problem.title)
        )
        self.setAccessibleName(_("Problem editor"))
        self.setObjectName("problemEditor")
        apply_style(self)
        self._build(problem.number)
        self._refresh_choices()
        self._show(base)
        self.read_only = document.read_only
        if self.read_only:
            self._set_read_only()
        document.changed.connect(self._on_changed)
        document.failed.connect(self._on_failed)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ---------------------------------------------------------------------------
    def _build(self, number: int) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 18)
        outer.setSpacing(14)

        header = QHBoxLayout()
        self.number_label = QLabel(_("Problem {number}").format(number=number), self)
        self.number_label.setProperty("role", "hint")
        header.addWidget(self.number_label)
        header.addStretch(1)
        self.column_label = QLabel(self._column_name(), self)
        self.column_label.setProperty("role", "hint")
        header.addWidget(self.column_label)
        outer.addLayout(header)

        self.banner = MessageBanner(self)
        outer.addWidget(self.banner)

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self._scrolled(self._details(), _("Problem details")), 4)
        self.actions_area = self._scrolled(self._actions(), _("Solutions and follow-ups"))
        body.addWidget(self.actions_area, 6)
        for cards in (self.solutions, self.follow_ups):
            cards.added.connect(self._reveal)
            cards.restructured.connect(self._order_tabs)
        outer.addLayout(body, 1)

        footer = QHBoxLayout()
        self.keys_hint = QLabel(_("Ctrl+Enter saves · Esc cancels"), self)
        self.keys_hint.setProperty("role", "hint")
        footer.addWidget(self.keys_hint)
        footer.addStretch(1)
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setAccessibleName(_("Cancel: close without changing anything"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(_("OK"), self)
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.setAccessibleName(_("OK: save the problem"))
        self.ok_button.setMinimumWidth(96)
        self.ok_button.clicked.connect(self.accept)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.ok_button)
        outer.addLayout(footer)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.accept)
        self.resize(1180, 780)

    def _scrolled(self, inner: QWidget, name: str) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setAccessibleName(name)
        area.setWidget(inner)
        return area

    def _field_label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "field")
        label.setBuddy(buddy)
        return label

    def _details(self) -> QWidget:
        panel = QWidget(self)
        form = QVBoxLayout(panel)
        form.setContentsMargins(0, 0, 8, 0)
        form.setSpacing(6)

        self.title = QLineEdit(panel)
        self.title.setAccessibleName(_("Title"))
        self.title.setPlaceholderText(_("The problem in one line"))
        self.title.setMaxLength(TITLE_MAX * 2)  # longer text gets a clear message, not a cut
        self.title.setStyleSheet(
            "QLineEdit { font-size: 12pt; font-weight: 600; padding: 5px 8px; }"
            "QLineEdit:read-only { background: #eef0f3; }"
        )
        self.title_error = QLabel(panel)
        self.title_error.setProperty("role", "error")
        self.title_error.setWordWrap(True)
        self.title_error.hide()
        self.title.textChanged.connect(self._check_title)

        self.customer = QLineEdit(panel)
        self.customer.setAccessibleName(_("Customer"))
        self.customer.setPlaceholderText(_("Who is waiting for this?"))
        self.customer_note = LengthNote(self.customer, parent=panel)
        self.description = GrowingText(_("Description and impact"), 3, 10, panel)
        self.description.setPlaceholderText(_("What happened, and what it costs the customer"))
        self.stalled = GrowingText(_("Why it stalled"), 2, 8, panel)
        self.stalled.setPlaceholderText(_("Where the teams got stuck — without blame"))
        self.stake = TeamChips(_("has a stake"), panel)
        self.tags = QLineEdit(panel)
        self.tags.setAccessibleName(_("Tags, separated by commas"))
        self.tags.setPlaceholderText(_("pricing, security"))
        known = sorted({t for p in self.document.workshop.problems.values() for t in p.tags})
        completer = TagCompleter(known, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.colour = ColourSwatches(panel)

        rows: list[tuple[str, QWidget]] = [
            (_("Title"), self.title),
            (_("Customer"), self.customer),
            (_("Description and impact"), self.description),
            (_("Why it stalled"), self.stalled),
            (_("Teams with a stake"), self.stake),
            (_("Tags"), self.tags),
            (_("Card colour"), self.colour),
        ]
        for text, widget in rows:
            focus = widget if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else None
            form.addWidget(self._field_label(text, focus or widget))
            form.addWidget(widget)
            if widget is self.title:
                form.addWidget(self.title_error)
            if widget is self.customer:
                form.addWidget(self.customer_note)
            form.addSpacing(8)
        form.addStretch(1)
        return panel

    def _actions(self) -> QWidget:
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)

        self.solutions: CardList[SolutionCard, SolutionDraft] = CardList(
            SolutionCard,
            _("No solutions yet. The rule of the day: at least one for every problem."),
            panel,
        )
        self.add_solution_button = self._section(column, _("Solutions"), _("Add solution"), panel)
        self.add_solution_button.clicked.connect(lambda: self.solutions.add(new_solution()))
        self.solutions_from = QLabel(panel)
        self.solutions_from.setObjectName("solutionsFrom")
        self.solutions_from.setProperty("role", "hint")
        self.solutions_from.setWordWrap(True)
        self.solutions_from.hide()
        column.addWidget(self.solutions_from)
        column.addWidget(self.solutions)
        column.addSpacing(10)

        self.follow_ups: CardList[FollowUpCard, FollowUpDraft] = CardList(
            FollowUpCard, _("No follow-up actions yet."), panel
        )
        self.add_follow_up_button = self._section(
            column, _("Follow-up actions"), _("Add follow-up"), panel
        )
        self.add_follow_up_button.clicked.connect(lambda: self.follow_ups.add(new_follow_up()))
        column.addWidget(self.follow_ups)
        column.addStretch(1)
        return panel

    def _section(
        self, column: QVBoxLayout, title: str, action: str, parent: QWidget
    ) -> QPushButton:
        row = QHBoxLayout()
        label = QLabel(title, parent)
        label.setProperty("role", "section")
        button = QPushButton(f"+ {action}", parent)
        button.setAutoDefault(False)
        button.setAccessibleName(action)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(label)
        row.addStretch(1)
        row.addWidget(button)
        column.addLayout(row)
        return button

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Start with the cursor at the end of the title, nothing selected: a stray key
        # should not replace the whole title.
        QTimer.singleShot(0, lambda: self.title.end(False))

    def _order_tabs(self) -> None:
        """Tab goes down the details, then through each card, then to Cancel and OK."""
        chain: list[QWidget] = [
            self.title,
            self.customer,
            self.description,
            self.stalled,
            *self.stake.chips(),
            self.tags,
            *self.colour.focus_chain(),
            self.add_solution_button,
            *self.solutions.focus_chain(),
            self.add_follow_up_button,
            *self.follow_ups.focus_chain(),
            self.cancel_button,
            self.ok_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _reveal(self, card: QWidget) -> None:
        """Scroll a newly added card into view once the layout has placed it."""
        QTimer.singleShot(0, lambda: self.actions_area.ensureWidgetVisible(card, 0, 40))

    # -- showing and reading ----------------------------------------------------------------
    def _column_name(self) -> str:
        problem = self.document.workshop.problems.get(self.problem_id)
        column = self.document.workshop.columns.get(problem.column_id) if problem else None
        return _("In “{column}”").format(column=column.name) if column else ""

    def _refresh_choices(self) -> None:
        ws = self.document.workshop
        teams, attendees = ws.ordered_teams(), ws.ordered_attendees()
        self._choices = (tuple(teams), tuple(attendees))
        self.stake.set_teams(teams)
        self.solutions.set_choices(teams, attendees)
        self.follow_ups.set_choices(teams, attendees)
        self._order_tabs()

    def _show(self, state: EditorState) -> None:
        p = state.problem
        if self.title.text() != p.title:
            self.title.setText(p.title)
        if self.customer.text() != p.customer:
            self.customer.setText(p.customer)
        self.description.set_text(p.description)
        self.stalled.set_text(p.stalled_because)
        self.stake.set_checked_ids(p.team_ids)
        if split_tags(self.tags.text()) != p.tags:
            self.tags.setText(", ".join(p.tags))
        self.colour.set_value(p.color)
        self.solutions.show_drafts(state.solutions)
        self.follow_ups.show_drafts(state.follow_ups)
        self._show_teams_behind()

    def _show_teams_behind(self) -> None:
        """Which teams the saved solutions came from, and whether every team is part of
        the agreed one."""
        ws = self.document.workshop
        card = Card.of(ws, ws.problems[self.problem_id]) if self.problem_id in ws.problems else None
        text = ""
        if card is not None and card.proposed_by:
            text = card.from_teams()
            if card.together:
                text += " · " + card.pill()
        self.solutions_from.setText(text)
        self.solutions_from.setVisible(bool(text))

    def state(self, *, keep_empty: bool = False) -> EditorState:
        """What the dialog holds now (new cards left empty are ignored unless ``keep_empty``)."""
        problem = ProblemDraft(
            title=self.title.text(),
            customer=self.customer.text(),
            description=self.description.toPlainText(),
            stalled_because=self.stalled.toPlainText(),
            team_ids=self.stake.checked_ids(),
            tags=split_tags(self.tags.text()),
            color=self.colour.value(),
        )
        return EditorState(
            problem_id=self.problem_id,
            problem=problem,
            solutions=tuple(
                d for d in self.solutions.drafts() if keep_empty or d.id or d.text.strip()
            ),
            follow_ups=tuple(
                d for d in self.follow_ups.drafts() if keep_empty or d.id or d.text.strip()
            ),
        )

    def _check_title(self) -> bool:
        try:
            clean_line(self.title.text(), PROBLEM_TITLE, required=True)
        except ValidationError as error:
            self.title_error.setText(error_text(error))
            self.title_error.show()
            set_role(self.title, "invalid", True)
            return False
        self.title_error.hide()
        set_role(self.title, "invalid", False)
        return True

    def _set_read_only(self) -> None:
        self.banner.show_message(_(READ_ONLY), "info")
        for line in (self.title, self.customer, self.tags):
            line.setReadOnly(True)
        self.description.setReadOnly(True)
        self.stalled.setReadOnly(True)
        self.stake.set_read_only(True)
        self.colour.set_read_only(True)
        self.solutions.set_read_only(True)
        self.follow_ups.set_read_only(True)
        self.add_solution_button.setEnabled(False)
        self.add_follow_up_button.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.keys_hint.hide()
        self.cancel_button.setText(_("Close"))

    # -- outside changes --------------------------------------------------------------------
    def _on_changed(self, step: Step | None) -> None:
        if self._applying:
            return
        ws = self.document.workshop
        if (tuple(ws.ordered_teams()), tuple(ws.ordered_attendees())) != self._choices:
            self._refresh_choices()
        self.column_label.setText(self._column_name())
        latest = EditorState.of(ws, self.problem_id)
        if latest is None:
            self._gone = True
            self.ok_button.setEnabled(False)
            self.banner.show_message(_(DELETED_ELSEWHERE), "error")
            return
        if self._gone:  # back again (an undo elsewhere)
            self._gone = False
            self.ok_button.setEnabled(not self.read_only)
        if latest == self._base:
            return
        merged = rebase(self._base, latest, self.state(keep_empty=True))
        self._base = latest
        self._show(merged)
        self.banner.show_message(_(CHANGED_ELSEWHERE), "warning")

    def _on_failed(self, message: str) -> None:
        if self.isVisible() or self._applying:
            self.banner.show_message(message, "error")

    # -- OK and Cancel ----------------------------------------------------------------------
    def pending(self) -> list:
        """The operations OK would apply (empty when nothing was changed)."""
        return builders(self._base, self.state())

    def accept(self) -> None:
        if self.read_only or self._gone:
            return
        if not self._check_title():
            self.title.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        todo = self.pending()
        if todo:
            title = clean_line(self.title.text(), PROBLEM_TITLE, required=True)
            self._applying = True
            try:
                step = self.document.do_all(Label("edit_problem", {"title": title}), todo)
            finally:
                self._applying = False
            if step is None:  # refused: the reason is in the banner; nothing was changed
                self._on_changed(None)
                return
        super().accept()

    def done(self, result: int) -> None:
        try:
            self.document.changed.disconnect(self._on_changed)
            self.document.failed.disconnect(self._on_failed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
