"""The PDF report's two candidate layout engines, side by side, on the 1,000-problem report.

    .venv/bin/python benchmarks/report_engines.py              # 1,000 problems × 20 solutions
    .venv/bin/python benchmarks/report_engines.py --quick --png /tmp/pages   # 30, one run

Today's engine (``paint/pdf_layout.py``, painting with QPdfWriter) against ReportLab's
Platypus, fed the very same paragraphs (``report_flow.paragraphs``): the same words and
styles, a gutter label as Platypus' bullet, badges and call-outs as background colours,
keep-with-next, one bookmark per problem. ReportLab reads TrueType outlines only, and the
shipped Inter is OpenType with PostScript (CFF) outlines: the script converts it to
TrueType first (fontTools, not timed), which is what shipping Platypus would require.

Prints, for each engine, the median wall time of the layout and writing (in process,
fonts already loaded) and its processor time (steadier on a busy machine), the file size,
the page count and the bookmarks; with ``--png`` it writes the
first pages of each as PNG (pdftoppm) to look at. Needs ``reportlab`` and ``fonttools``
(``pip install reportlab fonttools``), which WorkshopDesk itself does not.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.workload import big_workshop
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint import pdf_report, report_flow
from workshopdesk.paint.pdf_layout import Para, Style
from workshopdesk.resources import resource

WEIGHTS = {"Regular": "Inter-Regular.otf", "SemiBold": "Inter-SemiBold.otf",
           "Bold": "Inter-Bold.otf"}  # fmt: skip


def truetype_inter(folder: Path) -> dict[str, Path]:
    """The shipped Inter converted from PostScript to TrueType outlines (cubic to
    quadratic curves), as ReportLab requires."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    out = {}
    for weight, name in WEIGHTS.items():
        font = TTFont(str(resource("fonts", name)))
        glyph_set = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = font.getGlyphOrder()
        glyf.glyphs = {}
        for glyph_name in glyf.glyphOrder:
            pen = TTGlyphPen(glyph_set)
            glyph_set[glyph_name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[glyph_name] = pen.glyph()
        font["glyf"] = glyf
        font["loca"] = newTable("loca")
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                      "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                      "maxComponentElements"):  # fmt: skip
            setattr(maxp, field, 0 if field != "maxZones" else 1)
        maxp.maxComponentDepth = 0
        font["head"].glyphDataFormat = 0
        del font["CFF "]
        if "VORG" in font:
            del font["VORG"]
        font["post"].formatType = 2.0
        font["post"].extraNames = []
        font["post"].mapping = {}
        font["post"].glyphOrder = glyf.glyphOrder
        font.sfntVersion = "\x00\x01\x00\x00"
        path = folder / f"Inter-{weight}.ttf"
        font.save(str(path))
        out[weight] = path
    return out


class PlatypusReport:
    """``report_flow``'s paragraphs laid out and written by ReportLab's Platypus."""

    def __init__(self, fonts: dict[str, Path]) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for weight, path in fonts.items():
            pdfmetrics.registerFont(TTFont(f"Inter-{weight}", str(path)))
        self.styles: dict[tuple[Any, ...], Any] = {}

    @staticmethod
    def face(style: Style) -> str:
        weight = int(style.weight.value) if hasattr(style.weight, "value") else int(style.weight)
        return "Inter-Bold" if weight >= 700 else "Inter-SemiBold" if weight >= 600 else (
            "Inter-Regular")  # fmt: skip

    def style(self, para: Para) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        first = para.runs[0].style if para.runs else Style()
        label = para.label
        key = (first, para.space_before, para.space_after, para.indent, para.label_width,
               para.keep_with_next, para.background, label.style if label else None)  # fmt: skip
        found = self.styles.get(key)
        if found is None:
            found = ParagraphStyle(
                f"s{len(self.styles)}",
                fontName=self.face(first),
                fontSize=first.size,
                leading=first.size * 1.25,
                textColor=first.color,
                spaceBefore=para.space_before,
                spaceAfter=para.space_after,
                leftIndent=para.indent + para.label_width,
                bulletIndent=para.indent,
                bulletFontName=self.face(label.style) if label else "Inter-Regular",
                bulletFontSize=label.style.size if label else first.size,
                bulletColor=label.style.color if label else first.color,
                keepWithNext=1 if para.keep_with_next else 0,
                backColor=para.background,
                allowWidows=0,
                allowOrphans=0,
            )
            self.styles[key] = found
        return found

    def markup(self, para: Para) -> str:
        out = []
        for run in para.runs:
            text = escape(run.text).replace("\n", "<br/>")
            attributes = f'name="{self.face(run.style)}" size="{run.style.size}" ' \
                         f'color="{run.style.color}"'  # fmt: skip
            if run.background:
                attributes += f' backColor="{run.background}"'
            out.append(f"<font {attributes}>{text}</font>")
        return "".join(out)

    def flowables(self, paras: Iterable[Para]) -> list[Any]:
        from reportlab.platypus import Flowable, PageBreak, Paragraph

        class Bookmark(Flowable):  # type: ignore[misc]
            """An outline entry where the next paragraph starts."""

            def __init__(self, key: str, title: str) -> None:
                super().__init__()
                self.key, self.title = key, title
                self.width = self.height = 0

            def draw(self) -> None:
                self.canv.bookmarkPage(self.key)
                self.canv.addOutlineEntry(self.title, self.key, level=0)

        story: list[Any] = []
        for para in paras:
            if para.page_break_before and story:
                story.append(PageBreak())
            if para.runs and para.runs[0].style is report_flow.NUMBER:
                title = "".join(run.text for run in para.runs[:2]).strip()
                story.append(Bookmark(f"p{len(story)}", title))
            bullet = para.label.text if para.label else None
            story.append(Paragraph(self.markup(para), self.style(para), bulletText=bullet))
        return story

    def render(self, ws: Workshop) -> bytes:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import SimpleDocTemplate

        buffer = io.BytesIO()
        title = ws.info.title

        def footer(canvas: Any, doc: Any) -> None:
            canvas.saveState()
            canvas.setFont("Inter-Regular", 7.5)
            canvas.setFillColor("#8a91a0")
            canvas.drawString(18 * mm, 12 * mm, title)
            canvas.drawRightString(A4[0] - 18 * mm, 12 * mm, str(doc.page))
            canvas.restoreState()

        doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                topMargin=18 * mm, bottomMargin=20 * mm, title=title,
                                creator="WorkshopDesk")  # fmt: skip
        doc.build(self.flowables(report_flow.paragraphs(ws)), onFirstPage=footer,
                  onLaterPages=footer)  # fmt: skip
        return buffer.getvalue()


def pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    line = next(x for x in info.decode().splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def outline_entries(pdf: bytes) -> int:
    from pypdf import PdfReader

    def count(items: list[Any]) -> int:
        return sum(count(i) if isinstance(i, list) else 1 for i in items)

    return count(PdfReader(io.BytesIO(pdf)).outline)


def measure(name: str, render: Callable[[], bytes], runs: int, png: Path | None) -> None:
    times, cpu, pdf = [], [], b""
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        pdf = render()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(f"{name:<22} {statistics.median(times):6.2f} s (cpu {statistics.median(cpu):5.2f} s)"
          f"  {len(pdf) / 1e6:6.2f} MB  {pages(pdf):5} pages"
          f"  {outline_entries(pdf):5} bookmarks")  # fmt: skip
    if png is not None:
        png.mkdir(parents=True, exist_ok=True)
        stem = png / name.split()[0].lower()
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "4", "-", str(stem)],
                       input=pdf, check=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=1000)
    parser.add_argument("--solutions", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--png", type=Path, help="write the first pages of each as PNG here")
    parser.add_argument("--quick", action="store_true", help="30 problems, one run")
    args = parser.parse_args()
    if args.quick:
        args.problems, args.runs = 30, 1
    ws = big_workshop(args.problems, args.solutions)
    print(f"report of {args.problems:,} problems × {args.solutions} solutions,"
          f" median of {args.runs} (in process, fonts loaded)")  # fmt: skip
    pdf_report.render(ws)  # Qt and the fonts loaded before the clock starts
    measure("today (QPdfWriter)", lambda: pdf_report.render(ws), args.runs, args.png)
    try:
        import fontTools  # noqa: F401
        import reportlab  # noqa: F401
    except ImportError:
        print("platypus (ReportLab)   not measured: pip install reportlab fonttools")
        return 0
    with tempfile.TemporaryDirectory(prefix="workshopdesk-fonts-") as folder:
        started = time.perf_counter()
        fonts = truetype_inter(Path(folder))
        print(
            f"(Inter converted to TrueType for ReportLab in {time.perf_counter() - started:.1f} s)"
        )
        platypus = PlatypusReport(fonts)
        measure("platypus (ReportLab)", lambda: platypus.render(ws), args.runs, args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
