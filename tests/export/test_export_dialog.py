"""File > Export… in the window: options, preview, and exports off the GUI thread."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.gui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def dialog(qtbot: QtBot, stable_demo_path: Path):  # type: ignore[no-untyped-def]
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.export_dialog import ExportDialog

    document = Document(stable_demo_path)
    answers: list[Path] = []
    widget = ExportDialog(document, ask=lambda parent, suggested, ext: answers.pop(0))
    widget.answers = answers  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    qtbot.waitUntil(
        lambda: widget.job is None or widget.job.state() == widget.job.ProcessState.NotRunning,
        timeout=60_000,
    )
    document.close()


def test_options_follow_the_format(dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.format_name == "pdf"
    assert dialog.paper.isEnabled() and not dialog.excel.isEnabled()
    dialog.select("csv")
    assert dialog.excel.isEnabled() and not dialog.paper.isEnabled()
    dialog.excel.setChecked(True)
    assert dialog.options() == {"excel": True}
    dialog.select("bundle")
    assert dialog.private.isEnabled() and not dialog.invitation.isEnabled()
    dialog.select("json")
    assert "contact data" in dialog.status.text()
    assert dialog.suggested_path().name == "sales-development-malmo-february.json"


def test_preview_shows_the_report_pages(dialog, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.preview.pageCount() > 2)
    pages = dialog.preview.pageCount()
    dialog.paper.setCurrentIndex(dialog.paper.findData("a3"))
    qtbot.waitUntil(lambda: dialog.preview.pageCount() < pages)


def test_export_runs_on_a_worker_thread(dialog, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "everything.zip"
    dialog.select("bundle")
    dialog.private.setChecked(True)
    dialog.answers.append(target)
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled()
        assert dialog.job is not None and dialog.job.state() != dialog.job.ProcessState.NotRunning
    assert blocker.args == [str(target)]
    assert dialog.export_button.isEnabled()
    assert "Saved everything.zip" in dialog.status.text()
    with zipfile.ZipFile(target) as archive:
        names = {Path(n).name for n in archive.namelist()}
    assert {"report.pdf", "workshop.json", "contacts.vcf", "wall.png"} <= names


def test_a_failed_export_says_why(dialog, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.select("pdf")
    dialog.answers.append(tmp_path / "missing-folder" / "report.pdf")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not exported"), timeout=60_000)
    assert "does not exist" in dialog.status.text()


def test_pdf_from_the_window_matches_the_command_line(dialog, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.pdf"
    dialog.answers.append(target)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Sales × Development" in text
