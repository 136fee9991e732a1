"""The main window's file commands: open, new from a template, the demo, save a copy,
the recent list. A mixin of :class:`MainWindow`; it uses the window's settings, prompts
and document, and opens files with the window's ``open_file``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workshopdesk import starters
from workshopdesk.core.entities import LANGUAGES
from workshopdesk.core.errors import FileProblem, WorkshopError
from workshopdesk.gui.style import STATUS_MS
from workshopdesk.store.lock import EditLock
from workshopdesk.store.workshop_file import WorkshopFile
from workshopdesk.text import error_text
from workshopdesk.text.language import ENGLISH
from workshopdesk.text.ui import _, current

if TYPE_CHECKING:
    from workshopdesk.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


def menu_text(text: str) -> str:
    """A text shown in a menu as written (a lone & would become a shortcut marker)."""
    return text.replace("&", "&&")


def workshop_language() -> str:
    """The language a new workshop (or the demo) speaks: the interface's, if a workshop
    can speak it, else English."""
    language = current().language
    return language if language in LANGUAGES else ENGLISH


class FileCommands(_Base):
    def open_dialog(self) -> None:
        path = self.prompts.open_workshop(self, self.settings.last_folder())
        if path is not None:
            self.open_file(path)

    def open_demo(self) -> None:
        from workshopdesk.starters import fresh_demo_copy

        try:
            path = fresh_demo_copy(workshop_language())
        except WorkshopError as error:
            self.show_error(_("Cannot open the demo"), error_text(error))
            return
        self.open_file(path)

    def new_from_template(self, name: str) -> None:
        folder = Path(self.settings.last_folder() or Path.home())
        suggested = folder / ("workshop.workshop" if name == "blank" else f"{name}.workshop")
        path = self.prompts.save_workshop(self, _("New workshop"), suggested)
        if path is None:
            return
        try:
            if EditLock(path).is_held_elsewhere():
                raise FileProblem(
                    _("{file} is open in another window; pick another name.").format(file=path.name)
                )
            if self.document is not None and path.resolve() == self.document.path.resolve():
                raise FileProblem(
                    _("{file} is the workshop open here; pick another name.").format(file=path.name)
                )
            ws = starters.template(name, language=workshop_language())
            WorkshopFile.create(path, ws, force=True)
        except WorkshopError as error:
            self.show_error(_("Cannot create the workshop"), error_text(error))
            return
        self.open_file(path)

    def save_copy_as(self) -> None:
        if self.document is None:
            return
        current = self.document.path
        suggested = current.with_name(_("{name} copy").format(name=current.stem) + current.suffix)
        path = self.prompts.save_workshop(self, _("Save a copy as"), suggested)
        if path is None:
            return
        if path.resolve() == current.resolve():
            self.show_error(_("Not copied"), _("That is the workshop itself; pick another name."))
            return
        try:
            # The copy gets a link of its own when shared: the printed posters and the
            # phones of this workshop never open the copy.
            from workshopdesk.core.share_link import KEYS

            self.document.workspace.copy_to(path, without=KEYS)
        except WorkshopError as error:
            self.show_error(_("Cannot save the copy"), error_text(error))
            return
        self.statusBar().showMessage(
            _("Saved a copy as {copy}. You are still working in {file}.").format(
                copy=path.name, file=current.name
            ),
            STATUS_MS,
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.settings.recent_files()
        for path in paths:
            action = self.recent_menu.addAction(menu_text(path.name))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, path=path: self.open_file(path))
        if not paths:
            empty = self.recent_menu.addAction(_("No recent workshops"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(_("Clear the list"))
            clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        if self._start is not None:
            self._start.show_recent([])
