"""The facilitator's main window: menus, toolbar, status bar, and either the start
screen or the board of the open workshop.

Menus are built one method per menu (``_build_file_menu`` …), so a feature adds its
action with a small edit there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from workshopdesk.core.changes import Step
from workshopdesk.core.entities import Progress
from workshopdesk.core.errors import WorkshopError
from workshopdesk.gui import style
from workshopdesk.gui.app_settings import AppSettings
from workshopdesk.gui.board_page import BoardPage
from workshopdesk.gui.check_in_commands import CheckInCommands
from workshopdesk.gui.contact_exchange_commands import ContactExchangeCommands
from workshopdesk.gui.document import Document
from workshopdesk.gui.edit_commands import EditCommands
from workshopdesk.gui.file_commands import FileCommands, menu_text
from workshopdesk.gui.file_prompts import FilePrompts
from workshopdesk.gui.first_paint import AfterFirstPaint
from workshopdesk.gui.icons import app_icon
from workshopdesk.gui.main_toolbar import build_toolbar
from workshopdesk.gui.phone_docks import PhoneDocks
from workshopdesk.gui.share_mode import ShareMode
from workshopdesk.gui.step_effects import may_change_header, may_change_progress
from workshopdesk.gui.style import STATUS_MS
from workshopdesk.gui.wall_menu import WallMode
from workshopdesk.paint.fonts import pixel_font
from workshopdesk.starters import DEFAULT_TEMPLATE
from workshopdesk.text import error_text, render
from workshopdesk.text.ui import N_, _

if TYPE_CHECKING:
    from workshopdesk.gui.start_screen import StartScreen


class MainWindow(FileCommands, EditCommands, QMainWindow):
    toolbar_actions: dict[str, QAction]
    toolbar_undo: QAction
    toolbar_redo: QAction

    def __init__(
        self,
        settings: AppSettings,
        prompts: FilePrompts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.prompts = prompts or FilePrompts()
        self.document: Document | None = None
        self.page: BoardPage | None = None
        self.dialog: QDialog | None = None
        """The editor or preparation dialog that is open, if any."""
        self.respeak: Callable[[], None] | None = None
        """Makes the window anew in the language the preferences chose (given by the app;
        without it, a new language waits for the next start)."""
        self.zoom = settings.zoom() if settings.zoom() in style.ZOOM_STEPS else 1.0
        self.setWindowIcon(app_icon())
        self.setStyleSheet(style.style_sheet())
        self.setMinimumSize(880, 560)

        self._start: StartScreen | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)

        self._build_actions()
        self._build_file_menu()
        self._build_edit_menu()
        self._build_view_menu()
        self._build_board_menu()
        self._build_workshop_menu()
        self._build_help_menu()
        self._build_toolbar()
        self._build_status_bar()
        self.resize(1440, 900)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.window_state()
        if state is not None:  # where the facilitator left the wall preview and share docks
            self.restoreState(state)
        self.show_start()
        # The board first; the room's panels as soon as it is on screen.
        self.after_first_paint = AfterFirstPaint(self, self.phone_docks.build)

    @property
    def start(self) -> StartScreen:
        """The start screen, made when first shown: a workshop opened at start, as
        ``workshopdesk FILE`` does, never needs it (nor reads the recent files for it)."""
        if self._start is None:
            from workshopdesk.gui.start_screen import StartScreen

            self._start = StartScreen(app_icon())
            self._start.new_requested.connect(self.new_from_template)
            self._start.open_requested.connect(self.open_dialog)
            self._start.demo_requested.connect(self.open_demo)
            self._start.recent_requested.connect(self.open_file)
            self.stack.addWidget(self._start)
        return self._start

    # -- building ---------------------------------------------------------------------
    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, name: str = ""
    ) -> QAction:
        """An action showing ``text`` (marked with N_) in the interface's language, named
        ``name`` or its English ``text``."""
        action = QAction(_(text), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name or text)
        return action

    def _build_actions(self) -> None:
        KS = QKeySequence.StandardKey
        self.new_action = self._action(
            N_("&New Workshop…"), lambda: self.new_from_template(DEFAULT_TEMPLATE), KS.New
        )
        self.open_action = self._action(N_("&Open…"), self.open_dialog, KS.Open)
        self.demo_action = self._action(N_("Open the &Demo"), self.open_demo)
        self.copy_action = self._action(N_("Save a &Copy As…"), self.save_copy_as, KS.SaveAs)
        self.export_action = self._action(N_("&Export…"), self.export, "Ctrl+Shift+E")
        self.import_action = self._action(
            N_("&Import from a Spreadsheet…"), self.import_rows, "Ctrl+Shift+I"
        )
        self.close_action = self._action(N_("&Close"), self.close_file, KS.Close)
        self.save_action = self._action(N_("Save"), self.say_saved, KS.Save)
        self.addAction(self.save_action)  # Ctrl+S by habit: there is nothing left to save
        self.quit_action = self._action(N_("&Quit"), self.close, KS.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self._action(N_("&Undo"), self.undo, KS.Undo)
        self.redo_action = self._action(N_("&Redo"), self.redo, KS.Redo)
        self.find_action = self._action(N_("&Find…"), self.find, KS.Find)
        self.delete_action = self._action(N_("&Delete Problem"), self.delete_current)
        self.zoom_in_action = self._action(N_("Zoom &In"), lambda: self.step_zoom(1), KS.ZoomIn)
        self.zoom_out_action = self._action(N_("Zoom &Out"), lambda: self.step_zoom(-1), KS.ZoomOut)
        self.zoom_reset_action = self._action(N_("&Actual Size"), self.reset_zoom, "Ctrl+0")
        self.add_problem_action = self._action(
            N_("New &Problem"), self.focus_quick_add, "Ctrl+Shift+N"
        )
        self.add_column_action = self._action(N_("Add &Column"), self.add_column)
        self.edit_problem_action = self._action(N_("&Edit Problem…"), self.edit_current)
        self.goal_action = self._action(N_("&Goal && Ground Rules…"), self.edit_goal)
        self.people_action = self._action(N_("&Teams && Attendees…"), self.edit_people)
        self.invitation_action = self._action(N_("&Invitation…"), self.edit_invitation)
        self.check_ins = CheckInCommands(self, lambda: self.document)
        self.contacts = ContactExchangeCommands(
            self, lambda: self.document, lambda text: self.statusBar().showMessage(text, STATUS_MS)
        )
        self.preferences_action = self._action(
            N_("&Preferences…"), self.edit_preferences, KS.Preferences
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action(N_("&About WorkshopDesk"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.document_actions = [
            self.save_action,
            self.goal_action,  # a read-only window may read them too
            self.people_action,
            self.invitation_action,
            self.copy_action,
            self.export_action,
            self.close_action,
            self.find_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.zoom_reset_action,
        ]
        self.edit_actions = [
            self.delete_action,
            self.add_problem_action,
            self.add_column_action,
            self.edit_problem_action,
            self.import_action,
            self.check_ins.action,
            self.contacts.action,
        ]

    def _build_file_menu(self) -> None:
        menu = self.menuBar().addMenu(_("&File"))
        menu.addAction(self.new_action)
        templates = menu.addMenu(_("New from &Template"))
        for key, text in _TEMPLATES:
            templates.addAction(
                self._action(text, lambda _checked=False, key=key: self.new_from_template(key))
            )
        menu.addAction(self.open_action)
        self.recent_menu = menu.addMenu(_("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addAction(self.demo_action)
        menu.addSeparator()
        menu.addAction(self.copy_action)
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        menu.addSeparator()
        menu.addAction(self.close_action)
        menu.addAction(self.quit_action)
        self.file_menu = menu

    def _build_edit_menu(self) -> None:
        menu = self.menuBar().addMenu(_("&Edit"))
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        menu.addAction(self.edit_problem_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.find_action)
        menu.addSeparator()
        menu.addAction(self.preferences_action)
        self.edit_menu = menu

    def _build_view_menu(self) -> None:
        menu = self.menuBar().addMenu(_("&View"))
        menu.addAction(self.zoom_in_action)
        menu.addAction(self.zoom_out_action)
        menu.addAction(self.zoom_reset_action)
        self.view_menu = menu
        self.wall = WallMode(
            self,
            menu,
            self.settings.qsettings,
            current_problem=lambda: self.page.board.current_problem() if self.page else None,
        )
        self.share = ShareMode(self, menu)
        self.phone_docks = PhoneDocks(self, menu, phones=self.share.phones)

    def _build_board_menu(self) -> None:
        menu = self.menuBar().addMenu(_("&Board"))
        menu.addAction(self.add_problem_action)
        menu.addAction(self.add_column_action)
        self.board_menu = menu

    def _build_workshop_menu(self) -> None:
        menu = self.menuBar().addMenu(_("&Workshop"))
        menu.addAction(self.goal_action)
        menu.addAction(self.people_action)
        menu.addAction(self.invitation_action)
        menu.addSeparator()
        menu.addAction(self.check_ins.action)
        menu.addAction(self.contacts.action)
        self.workshop_menu = menu

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu(_("&Help"))
        menu.addAction(self.about_action)
        self.help_menu = menu

    def _build_toolbar(self) -> None:
        self.toolbar = build_toolbar(self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setFont(pixel_font(13))
        bar.setSizeGripEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressText")
        self.progress_label.setFont(pixel_font(14, self.progress_label.font().weight()))
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.progress_label)

    # -- files ------------------------------------------------------------------------
    def open_file(self, path: Path) -> bool:
        """Open ``path`` in this window (closing the workshop shown now)."""
        path = Path(path)
        try:
            document = Document(path)
        except WorkshopError as error:
            self.settings.forget_recent(path)
            self.show_error(_("Cannot open the workshop"), error_text(error))
            return False
        self._close_document()
        self.document = document
        self.wall.attach(document)
        self.share.attach(document)
        self.phone_docks.attach(document)
        self.contacts.attach(document)
        document.changed.connect(self._changed)
        document.failed.connect(lambda text: self.show_error(_("That change was not saved"), text))
        document.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self.page = BoardPage(document, self.zoom)
        self.page.board.open_requested.connect(self.edit_problem)
        self.page.board.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self.stack.addWidget(self.page)
        self.stack.setCurrentWidget(self.page)
        self.settings.add_recent(path)
        self.settings.set_last_folder(path.resolve().parent)
        self._changed(None)
        self._enable()
        first = next(iter(self.page.board.columns.values()), None)
        if first is not None:
            first.cards.setFocus(Qt.FocusReason.OtherFocusReason)
        self.check_ins.offer()
        return True

    def close_file(self) -> None:
        self._close_document()
        self.show_start()

    def _close_document(self) -> None:
        self.statusBar().clearMessage()  # what was said was about the workshop just closed
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        if self.page is not None:
            question = self.page.board.pending  # an unanswered question about this file
            if question is not None:
                question.reject()
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None
        if self.document is not None:
            self.phone_docks.detach()
            self.share.detach()
            self.wall.detach()
            self.contacts.close_with(self.document)
            self.document.close()
            self.document.deleteLater()
            self.document = None

    def show_start(self) -> None:
        """The start screen with the recent workshops, once the window is on screen."""
        self.setWindowTitle("WorkshopDesk")
        self._enable()
        if self.isVisible() or self._start is not None:
            self.start.show_recent(self.settings.recent_files())
            self.stack.setCurrentWidget(self.start)

    def showEvent(self, event: QShowEvent) -> None:
        if self.page is None and self._start is None:  # shown with no workshop open
            self.show_start()
        super().showEvent(event)

    def say_saved(self) -> None:
        self.statusBar().showMessage(
            _("Saved automatically — every change is saved as you make it"), STATUS_MS
        )

    def edit_preferences(self) -> None:
        from workshopdesk.gui.preferences_dialog import PreferencesDialog

        # While phones are connected or the wall is on the projector, the window is not
        # made anew: the room would lose them in the middle of the workshop.
        live = (
            self.respeak is not None
            and self.share.phones() is None
            and not self.wall.action.isChecked()
        )
        dialog = PreferencesDialog(self.settings, self, live=live)  # owned while open
        dialog.finished.connect(dialog.deleteLater)
        if live:
            dialog.accepted.connect(self._respeak_later)
        dialog.open()

    def _respeak_later(self) -> None:
        """After the preferences dialog has closed: the window is made anew then."""
        if self.respeak is not None:
            QTimer.singleShot(0, self.respeak)

    # -- help -------------------------------------------------------------------------
    def about(self) -> None:
        from workshopdesk import __version__

        box = QMessageBox(self)
        box.setWindowTitle(_("About WorkshopDesk"))
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setText(f"<b>WorkshopDesk {__version__}</b>")
        box.setInformativeText(
            _(
                "The problem wall for off-site workshops: customer problems on the projector "
                "and on every phone, until every problem has a solution."
            )
        )
        box.finished.connect(box.deleteLater)
        box.open()

    # -- following the document -------------------------------------------------------
    def _changed(self, step: Step | None) -> None:
        document = self.document
        if document is None:
            return
        ws = document.workshop
        if self.page is not None and (step is None or may_change_header(step)):
            self.page.refresh()
        name = document.path.name
        title = _("{title} — {file} (read-only)") if document.read_only else _("{title} — {file}")
        self.setWindowTitle(title.format(title=ws.info.title, file=name))
        if step is None or may_change_progress(step):
            self._show_progress(ws.progress())
        self._update_undo()

    def _show_progress(self, progress: Progress) -> None:
        self.progress_bar.setMaximum(max(progress.total, 1))
        self.progress_bar.setValue(progress.solved)
        self.progress_label.setText(render(progress.message()))
        self.progress_label.setAccessibleName(render(progress.message()))
        self.progress_bar.setAccessibleName(render(progress.message()))

    def _update_undo(self) -> None:
        history = self.document.history if self.document else None
        editable = self.document is not None and not self.document.read_only
        for action, toolbar, word, label in (
            (self.undo_action, self.toolbar_undo, _("Undo"), history and history.undo_label()),
            (self.redo_action, self.toolbar_redo, _("Redo"), history and history.redo_label()),
        ):
            text = word_and_step(word, render(label)) if label else word
            action.setText(menu_text(text))
            action.setEnabled(bool(label) and editable)
            toolbar.setEnabled(bool(label) and editable)
            toolbar.setToolTip(text)

    def _enable(self) -> None:
        has_document = self.document is not None
        editable = has_document and not self.document.read_only  # type: ignore[union-attr]
        for action in self.document_actions:
            action.setEnabled(has_document)
        for action in self.edit_actions:
            action.setEnabled(editable)
        for key, action in self.toolbar_actions.items():
            action.setEnabled(has_document if key in ("goal", "people") else editable)
        self.toolbar.setVisible(has_document)
        self.progress_bar.setVisible(has_document)
        self.progress_label.setVisible(has_document)
        self._update_undo()

    def show_error(self, title: str, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorMessage")
        box.finished.connect(box.deleteLater)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_document()  # first, so the layout saved is the one without a workshop
        self._enable()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)


_TEMPLATES = (
    ("problem-wall", N_("&Problem Wall")),
    ("retrospective", N_("&Retrospective")),
    ("blank", N_("&Blank")),
)


def word_and_step(word: str, step: str) -> str:
    """ "Undo Move problem": the menu's word and the step it would take back or redo."""
    return _("{action} {step}").format(action=word, step=step)
