"""Every standard format read back by a real parser of that standard."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import icalendar
import jsonschema
import pytest
import vobject
from pypdf import PdfReader

from workshopdesk.core.entities import Attendee, Problem
from workshopdesk.core.operations import add_problem, edit_attendee
from workshopdesk.core.session import Session
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import csv_format, ics, json_format, vcard
from workshopdesk.text import render

ROOT = Path(__file__).parents[2]


def test_ics_has_one_all_day_event_per_date_with_stable_uids(demo: Workshop) -> None:
    calendar = icalendar.Calendar.from_ical(ics.render(demo))
    events = list(calendar.walk("VEVENT"))
    expected = sum(bool(f.due) + bool(f.check_in) for f in demo.follow_ups.values())
    assert len(events) == expected > 0
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == expected
    for follow_up in demo.follow_ups.values():
        if follow_up.due:
            assert f"{follow_up.id}-due@workshopdesk" in uids
        if follow_up.check_in:
            assert f"{follow_up.id}-checkin@workshopdesk" in uids
    for event in events:
        start = event.decoded("DTSTART")
        assert isinstance(start, date) and not hasattr(start, "hour")  # all-day
        assert (event.decoded("DTEND") - start).days == 1
        assert "Owner:" in str(event["DESCRIPTION"])
    # a re-export keeps the same UIDs, so calendars update instead of duplicating
    again = icalendar.Calendar.from_ical(ics.render(demo))
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == uids


def test_ics_names_owners_but_never_their_e_mail(demo: Workshop) -> None:
    text = ics.render(demo, invitation=True)
    emails = [a.email for a in demo.attendees.values() if a.email]
    assert emails and not any(e in text for e in emails)
    assert "@example" not in text


def test_ics_invitation_adds_the_workshop_as_a_timed_event(demo: Workshop) -> None:
    calendar = icalendar.Calendar.from_ical(ics.render(demo, invitation=True))
    workshop = [
        e for e in calendar.walk("VEVENT") if str(e["UID"]).endswith("-workshop@workshopdesk")
    ]
    assert len(workshop) == 1
    start = workshop[0].decoded("DTSTART")
    assert start.isoformat() == "2027-02-11T08:00:00+00:00"
    assert str(workshop[0]["LOCATION"]).startswith("Ateljé Varvet")


def test_vcards_only_for_attendees_who_consented(demo: Workshop) -> None:
    text = vcard.render(demo)
    cards = list(vobject.readComponents(text))
    consented = [a for a in demo.ordered_attendees() if a.consent_to_share]
    refused = [a for a in demo.ordered_attendees() if not a.consent_to_share]
    assert consented and refused
    assert [c.fn.value for c in cards] == [a.name for a in consented]
    for card, attendee in zip(cards, consented, strict=True):
        assert card.version.value == "3.0"
        if attendee.email:
            assert card.email.value == attendee.email
    for attendee in refused:
        assert attendee.name not in text
        assert not attendee.email or attendee.email not in text


def test_vcard_escapes_and_folds_odd_names(demo: Workshop) -> None:
    attendee = next(a for a in demo.attendees.values() if a.consent_to_share)
    odd = "Zoë O'Brien-Ñúñez, Jr.; 名前 🎉 " + "x" * 80
    session_ws = demo
    step = edit_attendee(session_ws, attendee.id, name=odd, role="Lead; sales, north\\south")
    session_ws.apply_all(step.changes)
    text = vcard.render(session_ws)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    card = next(c for c in vobject.readComponents(text) if c.fn.value == odd)
    assert card.title.value == "Lead; sales, north\\south"


def test_csv_one_row_per_solution_both_dialects(demo: Workshop) -> None:
    without = [p for p in demo.problems.values() if not demo.solutions_of(p.id)]
    for excel in (False, True):
        text = csv_format.render(demo, excel=excel)
        if excel:
            assert text.startswith("\ufeff") and "\r\n" in text
        delimiter = ";" if excel else ","
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""),
                                   delimiter=delimiter))  # fmt: skip
        assert len(rows) == len(demo.solutions) + len(without)
        texts = {r["Solution"] for r in rows}
        assert all(s.text in texts for s in demo.solutions.values())
        numbers = {int(r["Number"]) for r in rows}
        assert numbers == {p.number for p in demo.problems.values()}


def test_csv_formula_cells_get_a_quote(demo: Workshop) -> None:
    column = demo.ordered_columns()[0].id
    for title in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTab"):
        step = add_problem(demo, column, title.strip() if title.startswith("\t") else title)
        demo.apply_all(step.changes)
    step = add_problem(demo, column, "Plain", customer="=cmd|' /C calc'!A0")
    demo.apply_all(step.changes)
    rows = list(csv.DictReader(io.StringIO(csv_format.render(demo), newline="")))
    titles = {r["Title"] for r in rows}
    assert {'\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)"} <= titles
    assert "'=cmd|' /C calc'!A0" in {r["Customer"] for r in rows}


def test_json_export_matches_the_schema_and_round_trips(demo: Workshop) -> None:
    schema = json.loads((ROOT / "docs" / "workshop.schema.json").read_text(encoding="utf-8"))
    text = json_format.dumps(demo)
    jsonschema.validate(json.loads(text), schema)
    assert json_format.dumps(json_format.loads(text)) == text


def test_report_pdf_has_every_problem(demo: Workshop) -> None:
    from workshopdesk.paint import pdf_report

    reader = PdfReader(io.BytesIO(pdf_report.render(demo)))
    assert 3 <= len(reader.pages) <= 20
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert demo.info.title in text
    assert render(demo.progress().message()) in text
    for problem in demo.problems.values():
        assert " ".join(problem.title.split()[:4]) in text
    width = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert abs(width - 210) < 1  # A4


@pytest.mark.parametrize(("paper", "width_mm"), [("a4", 210), ("a3", 297), ("letter", 215.9)])
def test_invitation_pdf_on_each_paper(demo: Workshop, paper: str, width_mm: float) -> None:
    from workshopdesk.paint import pdf_report

    reader = PdfReader(io.BytesIO(pdf_report.render_invitation(demo, paper)))
    assert abs(float(reader.pages[0].mediabox.width) / 72 * 25.4 - width_mm) < 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Thursday 11 February 2027" in text
    assert "Ateljé Varvet" in text
    assert "Deliver genuine, lasting value" in text


def _unused(_: Problem | Attendee | Session) -> None:  # keep imports honest for type checkers
    pass


def test_report_pdf_with_odd_text_and_long_words(demo: Workshop) -> None:
    from dataclasses import replace

    from workshopdesk.paint import pdf_report

    problem = next(iter(demo.problems.values()))
    demo.problems[problem.id] = replace(
        problem,
        title="مشكلة في الفواتير 🚀 עברית and English",
        description="x" * 3000 + "\n\n" + "Ünïcödé " * 400,
    )
    reader = PdfReader(io.BytesIO(pdf_report.render(demo, "a3")))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "and English" in text
    assert "xxxxxxxxxx" in text
    assert abs(float(reader.pages[0].mediabox.width) / 72 * 25.4 - 297) < 1
