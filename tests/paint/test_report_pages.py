"""The PDF report read back page by page (poppler's ``pdftotext``, pypdf for the outline), in
English and Swedish: the outcome right after the cover, a bookmark per problem, vote counts
that never break, a problem running over a page says so, and no label repeated as its value."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace

import pytest
from benchmarks.workload import big_workshop
from pypdf import PdfReader

from workshopdesk import starters
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import Names, problem_meta
from workshopdesk.paint import pdf_report
from workshopdesk.text import translator

LANGUAGES = ["en", "sv"]
WORDS = {
    "en": {"summary": "Summary", "open": "Open follow-ups", "attendance": "Attendance",
           "problems": "Problems", "continued": "(continued)", "votes": r"votes?",
           "column": "Column"},
    "sv": {"summary": "Sammanfattning", "open": "Öppna uppföljningar", "attendance": "Närvaro",
           "problems": "Problem", "continued": "(forts.)", "votes": r"röst(?:er)?",
           "column": "Kolumn"},
}  # fmt: skip


def pages(pdf: bytes) -> list[list[str]]:
    """Each page's lines of text, the footer (title and page number) left out."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    out = []
    for page in text.split("\f")[:-1]:
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        out.append(lines[:-1])
    return out


def report(ws: Workshop, language: str) -> bytes:
    return pdf_report.render(ws, language=translator(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_outcome_comes_right_after_the_cover(language: str) -> None:
    words = WORDS[language]
    ws = starters.demo(language)
    laid = pages(report(ws, language))
    assert laid[0][0] in ("WORKSHOP REPORT", "WORKSHOPRAPPORT")
    assert laid[1][0] == words["summary"]
    assert words["open"] in laid[1]
    first_follow_up = min((f for f in ws.follow_ups.values() if f.due), key=lambda f: f.due or "")
    assert any(first_follow_up.text[:40] in line for line in laid[1])
    assert laid[2][0] == words["attendance"]
    later = [line for page in laid[2:] for line in page]
    assert words["problems"] in later
    assert words["summary"] not in later


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_problem_has_a_bookmark_to_its_page(language: str) -> None:
    ws = starters.demo(language)
    pdf = report(ws, language)
    reader = PdfReader(io.BytesIO(pdf), strict=True)  # a well-formed update to Qt's file
    laid = pages(pdf)
    problems = sorted(ws.problems.values(), key=lambda p: p.number)
    outline = reader.outline
    assert [item.title for item in outline] == [f"{p.number}. {p.title}" for p in problems]
    for item, problem in zip(outline, problems, strict=True):
        page = reader.get_destination_page_number(item)
        assert any(line.startswith(f"{problem.number}. {problem.title[:30]}")
                   for line in laid[page])  # fmt: skip
        assert 0 < float(item.top) < float(reader.pages[page].mediabox.height)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_vote_count_never_breaks_across_lines(language: str) -> None:
    ws = big_workshop(12, 20)
    text = "\n".join(line for page in pages(report(ws, language)) for line in page)
    votes = WORDS[language]["votes"]
    assert len(re.findall(rf"\d+\s{votes}\b", text)) == 12 * 20
    assert re.findall(rf"\d+\n{votes}\b", text) == []
    # nor does a line open with the separator before it
    demo = [line for page in pages(report(starters.demo(language), language)) for line in page]
    assert [line for line in demo if line.startswith("·")] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_problem_going_on_over_a_page_says_so(language: str) -> None:
    continued = WORDS[language]["continued"]
    ws = big_workshop(12, 20)
    titles = {p.number: p.title for p in ws.problems.values()}
    laid = pages(report(ws, language))
    heading = re.compile(r"^(\d+)\. (.*)")
    current, seen = 0, 0
    for lines in laid[2:]:  # the attendance, then the problems
        first = heading.match(lines[0])
        if current:  # the problems have begun: each page opens with one's heading
            assert first is not None, lines[0]
            number = int(first.group(1))
            if first.group(2).endswith(continued):
                assert number == current
                assert first.group(2) == f"{titles[number]} {continued}"
                seen += 1
            else:
                assert number == current + 1
        for line in lines:
            found = heading.match(line)
            if found and found.group(2).startswith(titles.get(int(found.group(1)), "-")[:20]):
                current = int(found.group(1))
    assert seen >= 5
    # a long title wraps with its last word and the marker together
    demo = [line for page in pages(report(starters.demo(language), language)) for line in page]
    assert any(line.endswith(continued) for line in demo)
    assert continued not in demo


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_label_says_what_its_value_says(language: str) -> None:
    ws = starters.demo(language)
    first_column = ws.ordered_columns()[0]
    problem = min(ws.problems.values(), key=lambda p: p.number)
    ws.problems[problem.id] = replace(problem, column_id=first_column.id)
    names = Names(ws, translator(language))
    for each in ws.problems.values():
        assert all(fact.label != fact.value for fact in problem_meta(names, each))
    text = " ".join(line for page in pages(report(ws, language)) for line in page)
    label = WORDS[language]["column"]
    assert f"{label}: {first_column.name} ·" in text
    assert f"{first_column.name}: {first_column.name}" not in text
