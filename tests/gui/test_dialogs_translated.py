"""Every dialog speaks the window's language: rendered in the pseudo-language, no text of
the program is left untranslated (the workshop's own texts aside); in Swedish, a few key
words read as a Swedish facilitator expects. The workshop's language is chosen in its
details dialog, as one undoable edit that leaves every text as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget
from tests.pseudo_locale import untranslated, widget_texts, workshop_texts

from workshopdesk.core.entities import Idea
from workshopdesk.facts import when
from workshopdesk.gui.document import Document
from workshopdesk.gui.preparation.workshop_dates import zone_names
from workshopdesk.text.ui import _

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def document(qtbot: Any, demo_path: Path) -> Iterator[Document]:
    doc = Document(demo_path)
    yield doc
    doc.close()


def _problem_editor(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.problem_editor import ProblemEditor

    problem = document.workshop.ordered_problems()[0]
    return ProblemEditor(document, problem.id)


def _goal(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.preparation import GoalDialog

    return GoalDialog(document)


def _people(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.preparation import PeopleDialog

    return PeopleDialog(document)


def _invitation(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.preparation import InvitationDialog

    return InvitationDialog(document)


def _export(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.export_dialog import ExportDialog

    return ExportDialog(document)


def _import(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.import_dialog import ImportDialog

    dialog = ImportDialog(document)
    source = tmp_path / "rows.csv"
    source.write_text("Titel;Kund;Lag;Färg\nEtt;A;Sales;\nTvå;B;Ekonomi;\n", encoding="utf-8")
    dialog.load(source)
    return dialog


def _agree(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.agree_dialog import AgreeDialog

    problem = document.workshop.ordered_problems()[0]
    solutions = document.workshop.solutions_of(problem.id)
    return AgreeDialog(problem, solutions, "Solution agreed", None)


def _idea(document: Document) -> Idea:
    problem = document.workshop.ordered_problems()[0]
    return Idea("i1", 1, problem.id, "d1", "Ring kunden samma dag", "2027-02-11T09:00:00")


def _edit_idea(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.idea_dialogs import EditIdeaDialog

    idea = _idea(document)
    return EditIdeaDialog(idea, document.workshop.problems[idea.problem_id].title)


def _merge_idea(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.idea_dialogs import MergeIdeaDialog

    idea = _idea(document)
    problem = document.workshop.problems[idea.problem_id]
    solutions = document.workshop.solutions_of(problem.id)
    return MergeIdeaDialog(idea, problem.title, solutions)


def _share(document: Document, tmp_path: Path) -> QWidget:
    from workshopdesk.gui.share_panel import SharePanel

    panel = SharePanel(addresses=lambda: [], confirm=lambda parent, title, text: False)
    panel.attach(document)
    return panel


def _wall_controls(document: Document, tmp_path: Path) -> QWidget:
    """The wall's dock in a window of its own: its menu entries, the preview and timer."""
    from workshopdesk.gui.wall_menu import WallMode

    window = QMainWindow()
    menu = QMenu(_("&View"), window)
    window.menuBar().addMenu(menu)
    wall = WallMode(window, menu)
    wall.attach(document)
    wall.preview_action.trigger()
    window._wall = wall  # type: ignore[attr-defined]  # kept alive with the window
    return window


DIALOGS: dict[str, Callable[[Document, Path], QWidget]] = {
    "problem editor": _problem_editor,
    "goal and ground rules": _goal,
    "teams and attendees": _people,
    "invitation": _invitation,
    "export": _export,
    "import": _import,
    "which solution was agreed": _agree,
    "edit an idea": _edit_idea,
    "merge an idea": _merge_idea,
    "share to phones": _share,
    "wall preview and timer": _wall_controls,
}


def _shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_is_translated(
    name: str, qtbot: Any, document: Document, tmp_path: Path, interface_language: Any
) -> None:
    interface_language("pseudo")
    widget = _shown(qtbot, DIALOGS[name](document, tmp_path))
    qt_own = {  # Qt's own buttons (a dock's Close and Float): Qt's translations name them
        text
        for child in widget.findChildren(QWidget)
        if child.objectName().startswith("qt_")
        for text in widget_texts(child)
    }
    texts = [t for t in widget_texts(widget) if t and t not in qt_own]
    assert len(texts) > 5
    ws = document.workshop
    user = {
        *workshop_texts(ws),
        *ws.info.goal.split("\n\n"),
        *zone_names(),  # the time zones' own names (Europe/Stockholm)
        when(ws.info, zone=True),  # what the invitation says, in the workshop's language
        "Solution agreed",
        "Ring kunden samma dag",
    }
    assert untranslated(texts, user) == []
    if isinstance(widget, QDialog):
        widget.reject()
    else:
        widget.close()


def test_the_dialogs_speak_swedish(
    qtbot: Any, document: Document, tmp_path: Path, interface_language: Any
) -> None:
    interface_language("sv")
    goal = _shown(qtbot, _goal(document, tmp_path))
    texts = set(widget_texts(goal))
    assert {"Mål och spelregler", "Spelregler", "Gemensamt mål", "Avbryt"} <= texts
    assert "Språk för väggen, mobilerna och exporterna" in texts
    goal.reject()
    people = _shown(qtbot, _people(document, tmp_path))
    count = len(document.workshop.attendees)
    assert people.summary.text().startswith(f"{count} deltagare · ")
    people.reject()


def test_the_workshops_language_is_chosen_in_its_details_and_undone_in_one_step(
    qtbot: Any, document: Document, tmp_path: Path
) -> None:
    from workshopdesk.gui.preparation import GoalDialog

    before = document.workshop
    texts = workshop_texts(before) - {"en", "sv"}
    assert before.info.language == "en"
    dialog = GoalDialog(document)
    qtbot.addWidget(dialog)
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == ["English", "Svenska"]
    box.setCurrentIndex(box.findData("sv"))
    assert dialog.changes() == {"language": "sv"}
    dialog.accept()
    after = document.workshop
    assert after.info.language == "sv"
    assert workshop_texts(after) - {"sv"} == texts  # the facilitator's own words stay
    assert document.history.can_undo
    document.undo()
    assert document.workshop.info.language == "en"
    assert workshop_texts(document.workshop) - {"en"} == texts


def test_the_default_ground_rules_come_in_the_rooms_language(
    qtbot: Any, document: Document
) -> None:
    from workshopdesk.gui.preparation import GoalDialog
    from workshopdesk.text import translator

    dialog = GoalDialog(document)
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("sv"))
    dialog.rules.defaults_button.click()
    swedish = translator("sv").pgettext("template", "All ideas are welcome")
    assert dialog.rules.rules()[0] == swedish


def test_an_export_says_why_it_failed_in_the_windows_language(
    qtbot: Any, document: Document, tmp_path: Path, interface_language: Any
) -> None:
    from workshopdesk.gui.export_dialog import ExportJob

    interface_language("sv")
    job = ExportJob(document.path, "pdf", {}, tmp_path / "report.pdf")
    assert job.processEnvironment().value("LANGUAGE") == "sv"
