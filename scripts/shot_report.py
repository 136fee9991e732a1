"""Screenshots of the demo's report: the PDF's first pages (poppler's ``pdftoppm``) and the
HTML report on a 390-pixel phone (Chromium), its top and its attendance table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/shot_report.py docs/screenshots
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.server.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE

from workshopdesk import starters
from workshopdesk.export import html_report
from workshopdesk.paint import pdf_report


def pdf_pages(out: Path, pages: int = 4) -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", str(pages), "-",
             str(Path(folder) / "page")],
            input=pdf_report.render(starters.demo()), check=True,
        )  # fmt: skip
        for number, page in enumerate(sorted(Path(folder).glob("page-*.png")), start=1):
            page.replace(out / f"report-pdf-{number}.png")


def html_phone(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        page.set_content(html_report.render(starters.demo()))
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=str(out / "report-html-390.png"))
        page.evaluate("document.querySelector('table.grid').scrollIntoView()")
        page.evaluate("window.scrollBy(0, -60)")
        page.screenshot(path=str(out / "report-html-390-attendance.png"))
        browser.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pdf_pages(out)
    html_phone(out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
