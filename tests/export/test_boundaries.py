"""What the export and import code may load, and what the HTML report may reach."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshopdesk.core.errors import ValidationError
from workshopdesk.core.session import Session
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import csv_format, html_report
from workshopdesk.imports.preview import preview


def test_text_exports_and_imports_load_no_qt() -> None:
    code = (
        "import sys\n"
        "import workshopdesk.export.formats, workshopdesk.imports.preview\n"
        "import workshopdesk.commands.import_\n"
        "from workshopdesk.export import markdown, csv_format, ics, vcard, invitation\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_html_report_is_self_contained(demo: Workshop) -> None:
    page = html_report.render(demo)
    for outside in ("<link", "src=", "@import", "http://", "https://", "<script"):
        assert outside not in page
    # the only URLs carry their data: the shipped font, inside the page
    assert page.count("url(") == page.count("url(data:font/otf;base64,") == 2
    assert "@media print" in page and "@page" in page


def test_html_report_escapes_what_people_typed(demo: Workshop) -> None:
    from dataclasses import replace

    problem = next(iter(demo.problems.values()))
    demo.problems[problem.id] = replace(problem, title="<script>alert('x')</script> & more")
    page = html_report.render(demo)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page


def test_formula_cells_survive_export_and_import(session: Session, blank_path: Path) -> None:
    from workshopdesk.core.operations import add_problem
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    column = session.workshop.ordered_columns()[0].id
    titles = ["=1+1", "+46 70 555", "-minus", "@mention", "Plain"]
    for title in titles:
        session.do(add_problem(session.workshop, column, title, customer='=HYPERLINK("x")'))
    text = csv_format.render(session.workshop, excel=True)
    assert "'=1+1" in text
    with WorkshopFile.open(blank_path, Mode.WRITE) as file:
        target = Session(file)
        result = preview(target.workshop, text.encode("utf-8"), "problems")
        assert result.ok, result.errors
        target.do_all(result.label(), result.builders())
        imported = {p.title: p for p in target.workshop.problems.values()}
    assert set(titles) <= set(imported)
    assert imported["=1+1"].customer == '=HYPERLINK("x")'


def test_every_format_handles_an_empty_workshop() -> None:
    from workshopdesk import starters
    from workshopdesk.export.formats import FORMATS, ExportRequest

    ws = starters.template("blank")
    for name, chosen in FORMATS.items():
        options = {"include-private": True} if name == "bundle" else {}
        if name.startswith("check-in"):  # about a check-in: none yet, and it says so
            with pytest.raises(ValidationError, match="No check-in"):
                chosen.render(ExportRequest(ws, {}, options))
            continue
        data = chosen.render(ExportRequest(ws, {}, options))
        assert data or name == "vcf", name  # nobody agreed to share a card
        assert isinstance(data, bytes) == chosen.binary, name
