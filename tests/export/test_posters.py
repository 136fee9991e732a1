"""Posters: one page per problem, QR codes that scan to that problem's phone page."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader

from tests.export.conftest import SHARE
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import report_problems
from workshopdesk.links import problem_url
from workshopdesk.paint import posters

DPI = 100


def rasterise(pdf: bytes, page: int, folder: Path) -> Path:
    """One page as a PNG, with poppler's pdftoppm (an independent PDF renderer)."""
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is installed by scripts/setup.sh"
    source = folder / "posters.pdf"
    source.write_bytes(pdf)
    prefix = folder / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-gray", "-singlefile", "-f", str(page),
         "-l", str(page), str(source), str(prefix)],
        check=True,
    )  # fmt: skip
    return prefix.with_suffix(".png")


def decode(png: Path) -> list[zxingcpp.Barcode]:
    from PySide6.QtGui import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    return list(zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode))


@pytest.mark.parametrize(("paper", "minimum_mm"), [("a4", 120), ("a3", 150)])
def test_each_poster_scans_to_its_problem(
    demo: Workshop, tmp_path: Path, paper: str, minimum_mm: float
) -> None:
    pdf = posters.render(demo, SHARE, paper)
    reader = PdfReader(io.BytesIO(pdf))
    problems = report_problems(demo)
    assert len(reader.pages) == len(problems)
    for page in (1, len(problems)):  # the first and the last poster
        problem = problems[page - 1]
        codes = decode(rasterise(pdf, page, tmp_path))
        assert len(codes) == 1
        expected = problem_url("192.168.1.23", 8765, SHARE["share.token"], problem.number)
        assert codes[0].text == expected
        assert codes[0].ec_level == "Q"
        position = codes[0].position
        width_mm = (position.top_right.x - position.top_left.x) / DPI * 25.4
        assert width_mm >= minimum_mm
        text = " ".join(reader.pages[page - 1].extract_text().split())
        assert expected in text.replace(" ", "") or expected in text
        assert " ".join(problem.title.split()[:3]) in text


def test_without_sharing_settings_the_poster_says_why(demo: Workshop, tmp_path: Path) -> None:
    pdf = posters.render(demo, {}, "a4")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "No QR code on this poster" in text
    assert "sharing to phones has not been set up" in text
    assert decode(rasterise(pdf, 1, tmp_path)) == []


def test_long_titles_and_odd_text_stay_on_the_page(demo: Workshop, tmp_path: Path) -> None:
    from dataclasses import replace

    problem = report_problems(demo)[0]
    long_title = "🚀 مشكلة " + "Extraordinarily long customer problem title " * 4
    demo.problems[problem.id] = replace(
        problem, title=long_title.strip()[:200], description="ő " * 3000
    )
    pdf = posters.render(demo, SHARE, "a4")
    codes = decode(rasterise(pdf, 1, tmp_path))
    assert [c.text for c in codes] == [
        problem_url("192.168.1.23", 8765, SHARE["share.token"], problem.number)
    ]
