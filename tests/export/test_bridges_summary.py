"""The report's bridges: only agreed solutions that every team is part of count, and each
says it was agreed, in every report format and language."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.core.board import IDS, board, uid
from tests.export.visible import pdf_text
from workshopdesk.core.entities import Solution, SolutionStatus
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import html_report, markdown
from workshopdesk.paint import pdf_report
from workshopdesk.text import translator

AGREED = "Agreed by the sales lead and the dev lead together"
REJECTED = "Rejected although both teams backed it"
PROPOSED = "Proposed by both, never decided"


def with_bridges() -> Workshop:
    """#2 has one agreed solution of both teams; #1 a rejected and #3 a merely proposed one
    of both teams; #4's agreed solution is Dev's alone."""
    ws = board()
    both = (IDS.sales, IDS.dev)
    ws._put(Solution(uid(41), IDS.p2, AGREED, 1.0, status=SolutionStatus.AGREED, team_ids=both))
    ws._put(Solution(uid(42), IDS.p1, REJECTED, 2.0, status=SolutionStatus.REJECTED,
                     team_ids=both))  # fmt: skip
    ws._put(Solution(uid(43), IDS.p3, PROPOSED, 1.0, team_ids=both))
    return ws


def bridges_section(text: str) -> str:
    return text[text.index("Solutions that bridged teams") :]


def test_markdown_counts_and_lists_agreed_bridges_only() -> None:
    section = bridges_section(markdown.render(with_bridges()))
    assert "1 of 2 agreed solutions involve every team." in section
    assert f"**2. Lost leads** — {AGREED} *(agreed · Sales + Dev)*" in section
    assert REJECTED not in section and PROPOSED not in section
    assert "Old quotes" not in section  # agreed, but by one team


def test_html_shows_each_bridges_status() -> None:
    section = bridges_section(html_report.render(with_bridges()))
    assert "<p>1 of 2 agreed solutions involve every team.</p>" in section
    assert f'{AGREED} <span class="status agreed">agreed</span>' in section
    assert REJECTED not in section and PROPOSED not in section


def test_the_printed_report_says_the_same(tmp_path: Path) -> None:
    text = " ".join(pdf_text(pdf_report.render(with_bridges()), tmp_path).split())
    # on paper the outcome comes before the attendance and the problems
    section, attendance, _ = bridges_section(text).partition("Attendance")
    assert attendance
    assert "1 of 2 agreed solutions involve every team." in section
    assert "(agreed · Sales + Dev)" in section
    assert REJECTED not in section and PROPOSED not in section


def test_in_swedish_with_its_plural() -> None:
    sv = translator("sv")
    text = markdown.render(with_bridges(), sv)
    assert "1 av 2 överenskomna lösningar involverar alla team." in text
    assert "*(överenskommen · Sales + Dev)*" in text


def test_before_anything_is_agreed_the_report_says_so() -> None:
    ws = board()
    ws._put(replace(ws.solutions[IDS.s4], status=SolutionStatus.PROPOSED))
    section = bridges_section(markdown.render(ws))
    assert "No solution has been agreed yet." in section


def test_a_workshop_of_one_team_has_no_bridges_section() -> None:
    ws = with_bridges()
    del ws.teams[IDS.dev]
    assert "Solutions that bridged teams" not in markdown.render(ws)
