"""The window speaks the interface's language: every text the window, its menus, the
start screen, the board's cards and the room's panels show is translated (found with the
pseudo-language), Swedish reads Swedish (Qt's own buttons too), and the preference in the
window overrides the system's locale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.phone_helpers import done, dot, first_problem, join, send
from tests.pseudo_locale import untranslated, widget_texts, workshop_texts

from workshopdesk import __version__, starters
from workshopdesk.core.entities import RoundKind
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

NOT_OURS = {
    "WorkshopDesk",  # the product's name (and its version, in About)
    f"WorkshopDesk {__version__}",
    "English",  # each language by its own name, in the preferences
    "Svenska",
    # Qt's own words (Qt's catalogue translates them: see the Swedish test)
    "OK",
    "Cancel",
    "Close",
    "Float",
    "Closes the dock widget",
    "Undocks and re-attaches the dock widget",
}
"""What the window shows that is not the app's to translate."""


ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


@pytest.fixture
def speak(interface_language: Any) -> Iterator[Any]:
    """Speak a language in the window, Qt's own texts included; English again after."""
    from workshopdesk.gui.app import use_language

    before = QLocale()
    yield use_language
    use_language("en")
    interface_language("en")
    QLocale.setDefault(before)


def model_texts(model: Any) -> Iterator[str]:
    """Every cell's words (shown, tooltip, spoken) and the headers of an item model."""
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(model.rowCount()):
        for column in range(columns):
            for role in ROLES:
                value = model.index(row, column).data(role)
                yield value if isinstance(value, str) else ""


def card_texts(window: Any) -> Iterator[str]:
    """What the board's cards say: painted (the pill, the footer), spoken, and as tooltips."""
    from workshopdesk.gui.card_delegate import card_layout
    from workshopdesk.gui.card_model import CardRole

    for column in window.page.board.columns.values():
        yield from model_texts(column.model)
        delegate = column.cards.itemDelegate()
        for row in range(column.model.rowCount()):
            card = column.model.index(row, 0).data(CardRole)
            layout = card_layout(card, 300, 1.0, delegate.fonts)
            yield layout.pill_text
            yield layout.footer_text


def room_and_follow_ups(window: Any, qtbot: Any, monkeypatch: Any) -> list[str]:
    """Phones joined, a writing round with an idea waiting, then a hidden vote with its
    results, and a follow-up: so the panels show their lists and sentences, not only their
    empty states. Returns what the round panel said on the way."""
    from itertools import count

    from workshopdesk.core import operations as ops

    # Each round starts a minute after the last (in one second, which is the later of two
    # rounds that both ended would be a toss-up).
    minutes = count()
    monkeypatch.setattr(
        "workshopdesk.gui.round_panel.now",
        lambda: f"2027-02-11T09:{next(minutes):02d}:00+01:00",
    )

    document = window.document
    panel = window.phone_docks.round
    phones = [join(document, "Ann"), join(document)]
    panel.kind.setCurrentIndex(panel.kind.findData(RoundKind.WRITE.value))
    panel.start()
    send(document, phones[0], first_problem(document), "A quiet idea")
    done(document, phones[0])
    said = [panel.status_label.text(), panel.detail_label.text()]
    panel.reveal()
    said += [panel.status_label.text(), panel.detail_label.text()]
    panel.stop()
    problem = next(
        p for p in document.workshop.ordered_problems() if document.workshop.solutions_of(p.id)
    )
    solution = document.workshop.solutions_of(problem.id)[0]
    panel.kind.setCurrentIndex(panel.kind.findData(RoundKind.VOTE.value))
    panel.scope.setCurrentIndex(panel.scope.findData(problem.id))
    panel.hidden.setChecked(True)
    panel.start()
    dot(document, phones[1], solution.id)
    said += [panel.status_label.text(), panel.detail_label.text(), panel.phones_label.text()]
    panel.stop()
    qtbot.waitUntil(lambda: panel.results.topLevelItemCount() == 2)  # a problem, its solution
    said.append(panel.status_label.text())
    for row in range(panel.results.topLevelItemCount()):
        item = panel.results.topLevelItem(row)
        said += [item.text(0), item.text(1), item.data(0, Qt.ItemDataRole.AccessibleTextRole)]
    send(document, phones[0], problem, "Another idea")  # waits in the Ideas panel
    document.do(lambda ws: ops.add_follow_up(ws, problem.id, "Call the customer"))
    return [text for text in said if isinstance(text, str)]


def panels_texts(window: Any, qtbot: Any) -> Iterator[str]:
    docks = window.phone_docks
    for dock in docks.build().docks.values():
        qtbot.waitUntil(dock.isVisible)
        yield from widget_texts(dock)
    built = docks.build()
    for model in (built.ideas.model, built.activity.model, built.follow_ups.model):
        yield from model_texts(model)
    yield from model_texts(built.round.devices)


def test_the_window_leaves_no_text_untranslated(
    qtbot: Any, make_window: Any, demo_path: Path, speak: Any, monkeypatch: Any
) -> None:
    speak("pseudo")
    window = make_window(demo_path)
    ws = window.document.workshop
    for action in window.phone_docks.actions:  # the panels follow the workshop when shown
        action.trigger()
    qtbot.waitUntil(window.phone_docks.round.isVisible)
    said = room_and_follow_ups(window, qtbot, monkeypatch)
    user = workshop_texts(window.document.workshop) | {demo_path.name, str(demo_path.parent)}
    texts = [*said, *widget_texts(window), *card_texts(window), *panels_texts(window, qtbot)]
    board = window.page.board
    texts.append(window.windowTitle())
    texts.append(window.progress_label.text())
    # The questions, the messages and the preferences.
    board.delete_column(ws.ordered_columns()[0].id)
    box = board.pending
    texts += [box.windowTitle(), box.text(), box.informativeText()]
    texts += [b.text() for b in box.buttons()]
    box.reject()
    window.about()
    window.edit_preferences()
    for dialog in window.findChildren(QWidget):
        if dialog.isWindow() and dialog is not window and dialog.isVisible():
            texts += widget_texts(dialog)
            if isinstance(dialog, QMessageBox):
                texts += [dialog.text(), dialog.informativeText()]
            dialog.close()
    window.add_column()  # a new column, named in the workshop's language: its data
    window.undo()
    texts.append(window.statusBar().currentMessage())
    # The start screen, with a recent workshop.
    window.close_action.trigger()
    texts += widget_texts(window)
    user |= {demo_path.name}
    shown = [re.sub(r"<[^>]+>", "", text) for text in texts]  # rich text: its words
    assert shown and untranslated(shown, user | NOT_OURS) == []


def test_the_window_speaks_swedish_qt_buttons_too(
    qtbot: Any, make_window: Any, tmp_path: Path, speak: Any
) -> None:
    speak("sv")
    path = tmp_path / "demo.workshop"
    WorkshopFile.create(path, starters.demo("sv"))
    window = make_window(path)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&Arkiv", "&Redigera", "&Visa"]
    assert window.open_action.text() == "&Öppna…"
    assert window.toolbar_undo.text() == "Ångra"
    first = next(iter(window.page.board.columns.values()))
    assert first.quick_add.placeholderText() == "+  Lägg till ett problem"
    assert window.progress_label.text() == "5 av 10 problem har en överenskommen lösning"
    window.page.board.delete_column(window.document.workshop.ordered_columns()[0].id)
    box = window.page.board.pending
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Avbryt"
    assert box.windowTitle() == "Ta bort kolumn"
    box.reject()
    window.edit_preferences()
    preferences = window.findChild(QWidget, "preferences")
    cancel = preferences.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Avbryt"
    assert preferences.windowTitle() == "Inställningar"
    preferences.reject()
    assert QLocale().monthName(2) == "februari"  # Qt's date editors in Swedish too


def test_a_new_column_is_named_in_the_workshops_language(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    path = tmp_path / "demo.workshop"
    WorkshopFile.create(path, starters.demo("sv"))
    window = make_window(path)  # the window in English, the workshop in Swedish
    window.add_column()
    names = [c.name for c in window.document.workshop.ordered_columns()]
    assert names[-1] == "Ny kolumn"
    assert window.undo_action.text().startswith("Undo ")


def test_the_preference_overrides_the_system_locale(window_settings: Any) -> None:
    from workshopdesk.gui.app import preferred_language

    swedish_system = {"LANG": "sv_SE.UTF-8"}
    assert preferred_language(window_settings, swedish_system) == "sv"
    assert preferred_language(window_settings, {"LANG": "C"}) == "en"
    window_settings.set_interface_language("en")
    assert preferred_language(window_settings, swedish_system) == "en"
    window_settings.set_interface_language("sv")
    assert preferred_language(window_settings, {"LANG": "en_GB.UTF-8"}) == "sv"
    window_settings.set_interface_language("")  # "System": the locale again
    assert preferred_language(window_settings, swedish_system) == "sv"


def test_the_preferences_store_the_choice(
    qtbot: Any, window: Any, window_settings: Any, monkeypatch: Any
) -> None:
    monkeypatch.setenv("LANGUAGE", "sv")
    window.edit_preferences()
    dialog = window.findChild(QWidget, "preferences")
    combo = dialog.language
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "System (Svenska)",
        "English",
        "Svenska",
    ]
    assert combo.currentData() == ""
    assert "starts again" in " ".join(widget_texts(dialog))
    combo.setCurrentIndex(combo.findData("en"))
    dialog.accept()
    assert window_settings.interface_language() == "en"


def test_new_workshops_and_the_demo_speak_the_interfaces_language(
    qtbot: Any, window: Any, tmp_path: Path, prompts: Any, speak: Any, monkeypatch: Any
) -> None:
    speak("sv")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window.open_demo()
    assert window.document.workshop.info.language == "sv"
    names = [c.name for c in window.document.workshop.ordered_columns()]
    assert names == [c.name for c in starters.demo("sv").ordered_columns()]
    prompts.answers.append(tmp_path / "new.workshop")
    window.new_from_template("problem-wall")
    assert window.document.path == tmp_path / "new.workshop"
    assert window.document.workshop.info.language == "sv"
    assert prompts.asked[-1] == "Ny workshop"


def test_a_long_swedish_column_name_takes_two_lines_not_cut(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    from workshopdesk.core import operations as ops

    path = tmp_path / "demo.workshop"
    WorkshopFile.create(path, starters.demo("sv"))
    window = make_window(path)
    window.resize(1600, 1000)
    ws = window.document.workshop
    done = next(c for c in ws.ordered_columns() if c.is_done)
    window.document.do(lambda w: ops.rename_column(w, done.id, "Lösning överenskommen"))
    column = window.page.board.columns[done.id]
    qtbot.waitUntil(lambda: column.name_label.text() == "Lösning överenskommen")
    label = column.name_label
    qtbot.waitUntil(lambda: not label.is_elided(), timeout=2000)
    assert label.lines() == ["Lösning", "överenskommen"]
    assert label.height() >= 2 * label.fontMetrics().lineSpacing()
    for other in window.page.board.columns.values():
        assert not other.name_label.is_elided(), other.column_name


def test_the_demo_from_the_command_line_speaks_the_preferred_language(
    qapp: Any, tmp_path: Path, monkeypatch: Any, speak: Any
) -> None:
    from workshopdesk.commands import open as open_command
    from workshopdesk.gui.app_settings import AppSettings, isolated_settings
    from workshopdesk.text import ui

    settings = isolated_settings(tmp_path)
    AppSettings(settings).set_interface_language("sv")
    monkeypatch.setattr("workshopdesk.gui.app.user_settings", lambda: settings)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    opened: list[Path] = []
    monkeypatch.setattr(open_command, "_window", lambda path: opened.append(path) or 0)
    assert open_command.open_demo() == 0
    assert ui.current().language == "sv"
    with WorkshopFile.open(opened[0], Mode.READ) as file:
        assert file.load().info.language == "sv"


def test_choosing_a_language_reopens_the_window_in_it(
    qtbot: Any, window_settings: Any, demo_path: Path, speak: Any
) -> None:
    from workshopdesk.gui.app import WindowKeeper

    speak("en")
    keeper = WindowKeeper(window_settings, report_errors=False)
    old = keeper.window  # made anew below: closed by hand, not by qtbot
    old.open_file(demo_path)
    old.show()
    old.edit_preferences()
    dialog = old.findChild(QWidget, "preferences")
    assert "reopens" in " ".join(widget_texts(dialog))
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    dialog.accept()
    qtbot.waitUntil(lambda: keeper.window is not old)
    new = keeper.window
    qtbot.addWidget(new)
    assert new.file_menu.title() == "&Arkiv"
    assert new.document is not None and new.document.path == demo_path
    assert not new.document.read_only  # the old window let go of the workshop
    assert new.isVisible() and not old.isVisible()
    new.close()
