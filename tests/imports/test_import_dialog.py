"""File > Import… in the window: the preview table, errors, new teams, one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import OFFSCREEN_NOISE
from workshopdesk.text import render

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def dialog(qtbot: QtBot, demo_path: Path):  # type: ignore[no-untyped-def]
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.import_dialog import ImportDialog

    document = Document(demo_path)
    widget = ImportDialog(document)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    document.close()


def test_the_preview_model_passes_the_model_tester(dialog, qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "p.csv"
    source.write_text("Titel;Kund;Lag\nEtt;A;Sales\n;B;\nTre;C;Ekonomi\n", encoding="utf-8")
    dialog.load(source)
    qtmodeltester.check(dialog.model)
    dialog.model.set_preview(None)
    qtmodeltester.check(dialog.model)


def test_errors_block_the_import(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "p.csv"
    source.write_text("Titel;Kund;Lag\nEtt;A;Sales\n;B;\nTre;C;Ekonomi\n", encoding="utf-8")
    dialog.load(source)
    model = dialog.model
    assert model.rowCount() == 3
    assert (
        model.headerData(2, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        == "Title"
    )
    statuses = [model.index(r, 1).data() for r in range(3)]
    assert statuses[0] == "OK"
    assert statuses[1] == "The title cannot be empty."
    assert "will be created: Ekonomi" in statuses[2]
    assert "row 3" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_an_import_is_one_undo_step_in_the_window(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = dialog.document
    before = len(document.workshop.attendees)
    source = tmp_path / "people.csv"
    source.write_bytes("Namn;Lag;Samtycke\nÅsa;Sales;ja\nBo;Ekonomi;nej\n".encode("cp1252"))
    dialog.load(source)
    assert (
        "2 attendees will be imported; new teams will be created: Ekonomi" in dialog.summary.text()
    )
    assert dialog.import_button.isEnabled()
    changes: list[object] = []
    document.changed.connect(changes.append)
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(document.workshop.attendees) == before + 2
    assert len(changes) == 1
    label = document.history.undo_label()
    assert label is not None and render(label) == "Import 2 attendees"
    document.undo()
    assert len(document.workshop.attendees) == before
    assert "Ekonomi" not in {t.name for t in document.workshop.teams.values()}


def test_a_binary_file_is_refused_in_words(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "photo.csv"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    dialog.load(source)
    assert "not a CSV file" in dialog.summary.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
