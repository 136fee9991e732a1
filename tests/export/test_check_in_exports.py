"""A check-in's summary (Markdown, PDF) and the next check-in for calendars, from a real file
through the command line, in the workshop's language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from tests.export.visible import (
    calendar_texts,
    left_untranslated,
    markdown_texts,
    pdf_leftovers,
    pdf_text,
)
from workshopdesk import starters
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.core.follow_ups import listed
from workshopdesk.core.session import Session
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import check_in
from workshopdesk.paint import pdf_report
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import translator


def with_check_in(path: Path, language: str = "en", next_on: str | None = "2027-03-06") -> Workshop:
    WorkshopFile.create(path, starters.demo(language), force=True)
    with WorkshopFile.open(path, Mode.EDIT) as file:
        session = Session(file)
        ws = session.workshop
        rows = listed(ws)
        session.do(
            ops.record_check_in(
                ws,
                held_on="2027-02-20",
                came=["Annika Löfgren", "Jonas Öberg"],
                notes="Good start. <img src=x onerror=alert(1)>",
                next_on=next_on,
                marks={
                    rows[0].follow_up.id: (FollowUpStatus.DONE, "Collected on the 19th."),
                    rows[1].follow_up.id: (FollowUpStatus.DROPPED, ""),
                },
            )
        )
        return session.workshop


def workshopdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *args], capture_output=True, text=True, check=False
    )


def test_the_summary_puts_the_goal_first_and_says_what_became_of_each(tmp_path: Path) -> None:
    path = tmp_path / "malmo.workshop"
    ws = with_check_in(path)
    result = workshopdesk("export", str(path), "--format", "check-in-md")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Check-in of Saturday 20 February 2027\n")
    order = ["## Our shared goal", "## Progress", "## Who came", "## Follow-ups gone through"]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)
    first = listed(ws)[0].follow_up
    assert f"- **done**: {first.text}" in text and "Collected on the 19th." in text
    assert "- **dropped**:" in text
    assert "Annika Löfgren, Jonas Öberg" in text
    assert "Next check-in: Saturday 6 March 2027" in text
    shown = " ".join(markdown_texts(text))
    assert "<img" in shown, "the notes show as text, not as a tag"
    assert "<img" not in text.replace("&lt;img", "")


def test_the_next_check_in_is_a_calendar_event_on_its_day(tmp_path: Path) -> None:
    path = tmp_path / "malmo.workshop"
    with_check_in(path)
    result = workshopdesk("export", str(path), "--format", "check-in-ics")
    assert result.returncode == 0, result.stderr
    (event,) = icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")
    assert str(event["dtstart"].dt) == "2027-03-06"
    assert str(event["dtend"].dt) == "2027-03-07"
    assert str(event["summary"]).startswith("Check-in: Sales × Development")
    assert str(event["uid"]).endswith("-next@workshopdesk")


@pytest.mark.parametrize(
    ("next_on", "fmt", "words"),
    [(None, "check-in-ics", "no next date"), ("2027-03-06", None, "No check-in")],
)
def test_without_a_check_in_or_a_next_date_the_export_says_so(
    tmp_path: Path, next_on: str | None, fmt: str | None, words: str
) -> None:
    path = tmp_path / "malmo.workshop"
    if fmt is None:
        WorkshopFile.create(path, starters.demo(), force=True)
        fmt = "check-in-md"
    else:
        with_check_in(path, next_on=next_on)
    result = workshopdesk("export", str(path), "--format", fmt)
    assert result.returncode == 1
    assert words in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_the_printed_summary_says_the_same_in_swedish(tmp_path: Path) -> None:
    path = tmp_path / "malmo.workshop"
    ws = with_check_in(path, "sv")
    result = workshopdesk(
        "export", str(path), "--format", "check-in-pdf", "-o", str(tmp_path / "c.pdf")
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text((tmp_path / "c.pdf").read_bytes(), tmp_path)
    flat = " ".join(text.split())
    for words in ("Avstämning lördag 20 februari 2027", "Vårt gemensamma mål", "Framsteg",
                  "Vilka som kom", "Genomgångna uppföljningar", "KLAR", "STRUKEN",
                  "Nästa avstämning: lördag 6 mars 2027"):  # fmt: skip
        assert words in flat, words
    assert ws.info.goal.split()[0] in flat


def test_every_word_of_a_check_in_export_is_translated(tmp_path: Path) -> None:
    ws = with_check_in(tmp_path / "malmo.workshop")
    pseudo = translator("pseudo")
    texts = markdown_texts(check_in.markdown(ws, pseudo))
    texts += [t for t in calendar_texts(check_in.next_event(ws, language=pseudo)) if t]
    assert left_untranslated(texts, ws) == []
    pdf = pdf_report.render_check_in(ws, check_in.latest(ws), language=pseudo)
    assert pdf_leftovers(pdf_text(pdf, tmp_path), ws) == []
