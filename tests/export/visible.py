"""What a reader sees in each export, as texts, to check the language they are written in:
the text of an HTML page (Markdown is read as HTML), a spreadsheet's cells, the words a
calendar event or a contact card carries, a PDF's text (poppler's ``pdftotext``)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from tests.pseudo_locale import untranslated, workshop_texts
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import markdown as md
from workshopdesk.text.pseudo import CLOSE, OPEN


class _Text(HTMLParser):
    """The text nodes of a page, outside ``<style>`` and ``<script>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(data)


def html_texts(page: str) -> list[str]:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return parser.texts


def markdown_texts(text: str) -> list[str]:
    """The text a Markdown reader (CommonMark with tables) shows."""
    from markdown_it import MarkdownIt

    return html_texts(MarkdownIt("commonmark").enable("table").render(text))


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"))) for cell in row]


def calendar_texts(text: str) -> list[str]:
    """The calendar's name and each event's summary, description and categories."""
    import icalendar

    calendar = icalendar.Calendar.from_ical(text)
    found = [str(calendar.get("x-wr-calname", ""))]
    for event in calendar.walk("VEVENT"):
        found += [str(event.get("summary", "")), str(event.get("description", ""))]
        categories = event.get("categories")
        if categories is not None:
            found += [str(c) for c in categories.cats]
    return found


def card_notes(text: str) -> list[str]:
    """The NOTE of each contact card, unfolded and unescaped."""
    unfolded = text.replace("\r\n ", "")
    notes = [
        line.removeprefix("NOTE:") for line in unfolded.split("\r\n") if line.startswith("NOTE:")
    ]
    return [
        note.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
        for note in notes
    ]


def user_texts(ws: Workshop) -> set[str]:
    """The workshop's user data, whole, by paragraph and by line, as typed and as the
    Markdown export escapes it."""
    found: set[str] = set()
    for text in workshop_texts(ws):
        parts = {text, *re.split(r"\n\s*\n", text), *text.splitlines()}
        found |= {part.strip() for part in parts if part.strip()}
    return found | {md.escape(text) for text in found}


_INNERMOST = re.compile(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")


def without_translations(text: str) -> str:
    """``text`` with its translated parts cut out, innermost first: a translated text may
    hold another (a date in a sentence)."""
    while True:
        shorter = _INNERMOST.sub("  ", text)
        if shorter == text:
            return text
        text = shorter


def left_untranslated(texts: list[str], ws: Workshop) -> list[str]:
    """The texts (as :func:`~tests.pseudo_locale.untranslated` finds them) left with words
    that are neither translated nor the workshop's own."""
    return untranslated([without_translations(text) for text in texts], user_texts(ws))


def pdf_text(pdf: bytes, folder: Path) -> str:
    """The text of every page of ``pdf``, as poppler reads it."""
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is installed by scripts/setup.sh"
    source = folder / "export.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(source), "-"], check=True, capture_output=True
    )
    return result.stdout.decode("utf-8")


_ADDRESS = re.compile(r"HTTPS?://\S+", re.IGNORECASE)


def pdf_leftovers(text: str, ws: Workshop) -> list[str]:
    """The words of a PDF's text that are neither translated nor user data nor an address.

    Lines wrap and pages break anywhere in a paragraph, so the text is read as one line
    (each page's footer, the title and "n / m", left out) from which the translated parts
    and then the user data are cut; a user text cut short with "…" (a poster's title or
    description) counts as user data too."""
    lines = [
        line
        for line in text.replace("\f", "\n").splitlines()
        if line.strip() != ws.info.title and not re.fullmatch(r"\s*\d+\s*/\s*\d+\s*", line)
    ]
    rest = " ".join(" ".join(lines).split())
    rest = without_translations(rest)
    rest = _ADDRESS.sub("  ", rest)
    own = sorted({" ".join(t.split()) for t in user_texts(ws)}, key=len, reverse=True)
    rest = _without_cut_texts(rest, own)
    for item in own:
        rest = rest.replace(item, "  ")
    return [part.strip() for part in re.split(r"\s{2,}", rest) if re.search(r"[^\W\d_]", part)]


def _without_cut_texts(text: str, own: list[str]) -> str:
    """``text`` without the user texts in it that were cut short with "…"."""
    start = 0
    while (end := text.find("…", start)) >= 0:
        before = text[:end]
        for item in own:
            found = before.rfind(item[:12])
            if found >= 0 and end - found >= 12 and item.startswith(before[found:]):
                text = text[:found] + "  " + text[end + 1 :]
                end = found
                break
        start = end + 1
    return text
