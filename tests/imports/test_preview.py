"""Previewing and applying an import: rows checked, teams to create, one undo step."""

from __future__ import annotations

from tests.words import raises_saying
from workshopdesk.core.session import Session
from workshopdesk.imports.preview import preview
from workshopdesk.imports.reading import NotACsvFile
from workshopdesk.text import render


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_swedish_headers_map_case_insensitively(session: Session) -> None:
    data = csv(
        "TITEL;kund;Beskrivning;Varför det fastnade;Lag;TAGGAR;Kolumn;Färg;Okänd",
        'Fakturor;Acme AB;"Rad ett\nRad två";Ingen ägare;Sales, Nya laget;a, b;Discussing;'
        "#AABBCC;x",
    )
    result = preview(session.workshop, data, "problems")
    assert result.ok, result.errors
    assert result.ignored_columns == ("Okänd",)
    assert result.new_teams == ("Nya laget",)
    row = result.rows[0]
    assert row.values["description"] == "Rad ett\nRad två"
    assert row.values["color"] == "#aabbcc"
    assert "will be created" in row.status


def test_bad_rows_are_named_by_row_number(session: Session) -> None:
    data = csv(
        "Title,Customer,Column,Colour",
        "Fine,Acme,,",
        ",Nobody,,",
        "Too long " + "x" * 300 + ",Acme,,",
        "Wrong column,Acme,Nowhere,",
        "Bad colour,Acme,,red",
        "Fine too,Acme,,",
    )
    result = preview(session.workshop, data, "problems")
    assert not result.ok
    errors = {r.number: r.error for r in result.errors}
    assert set(errors) == {3, 4, 5, 6}
    assert "cannot be empty" in errors[3]
    assert "too long" in errors[4]
    assert "no column called 'Nowhere'" in errors[5]
    assert "colour" in errors[6]
    assert "nothing will be imported" in result.summary()


def test_a_bad_row_in_the_middle_writes_nothing(session: Session) -> None:
    before = session.repository.revision()
    count = len(session.workshop.problems)
    lines = ["Title,Customer"] + [f"Problem {i},Acme" for i in range(50)]
    lines[25] = ",Acme"
    result = preview(session.workshop, csv(*lines), "problems")
    assert [r.number for r in result.errors] == [26]
    with raises_saying(Exception, "nothing will be imported"):
        session.do_all(result.label(), result.builders())
    assert session.repository.revision() == before
    assert len(session.workshop.problems) == count


def test_an_import_is_one_undo_step(session: Session) -> None:
    count, teams = len(session.workshop.problems), len(session.workshop.teams)
    data = csv("Title,Teams", "One,Brand new", "Two,Sales", "Three,brand NEW")
    result = preview(session.workshop, data, "problems")
    assert result.new_teams == ("Brand new",)
    session.do_all(result.label(), result.builders())
    ws = session.workshop
    assert len(ws.problems) == count + 3 and len(ws.teams) == teams + 1
    numbers = sorted(p.number for p in ws.problems.values())
    assert numbers == list(range(1, count + 4))
    label = session.history.undo_label()
    assert label is not None and render(label) == "Import 3 problems"
    session.undo()
    assert len(session.workshop.problems) == count and len(session.workshop.teams) == teams
    reopened = session.repository.load()
    assert len(reopened.problems) == count


def test_attendees_with_consent_in_either_language(session: Session) -> None:
    data = csv(
        "Namn,Team,Roll,E-post,Telefon,Samtycke",
        "Åsa Öst,Sales,Säljare,asa@example.se,+46 70 1,ja",
        "Bo Berg,Ekonomi,,,,nej",
        "Cy,,,,,",
        "Di,,,not-an-address,,",
        "Ed,,,,,kanske",
    )
    result = preview(session.workshop, data, "attendees")
    assert {r.number: r.error for r in result.errors}.keys() == {5, 6}
    good = csv(*data.decode().splitlines()[:4])
    result = preview(session.workshop, good, "attendees")
    assert result.ok and result.new_teams == ("Ekonomi",)
    session.do_all(result.label(), result.builders())
    people = {a.name: a for a in session.workshop.attendees.values()}
    assert people["Åsa Öst"].consent_to_share and not people["Bo Berg"].consent_to_share
    assert people["Åsa Öst"].email == "asa@example.se"
    team = session.workshop.teams[people["Bo Berg"].team_id or ""]
    assert team.name == "Ekonomi"


def test_a_file_without_the_required_column(session: Session) -> None:
    with raises_saying(NotACsvFile, "no Title column"):
        preview(session.workshop, csv("Name,Customer", "x,y"), "problems")
    with raises_saying(NotACsvFile, "no rows"):
        preview(session.workshop, csv("Title"), "problems")


def test_odd_unicode_survives(session: Session) -> None:
    titles = ["🚀 Launch 👩🏽‍💻", "مشكلة في الفواتير", "עברית ו-English", "Zalgo z̷̢a̶l̵g̸o"]
    result = preview(session.workshop, csv("Title", *titles), "problems")
    assert result.ok
    session.do_all(result.label(), result.builders())
    stored = {p.title for p in session.repository.load().problems.values()}
    assert set(titles) <= stored


def test_ten_thousand_rows(session: Session) -> None:
    lines = ["Title,Customer,Tags"] + [
        f"Problem {i},Customer {i % 37},t{i % 5}" for i in range(10_000)
    ]
    result = preview(session.workshop, csv(*lines), "problems")
    assert result.ok and len(result.accepted) == 10_000
    before = len(session.workshop.problems)
    session.do_all(result.label(), result.builders())
    assert len(session.repository.load().problems) == before + 10_000


def test_our_own_csv_export_imports_each_problem_once(session: Session) -> None:
    from workshopdesk.export import csv_format

    text = csv_format.render(session.workshop, excel=True)
    result = preview(session.workshop, text.encode("utf-8"), "problems")
    assert result.ok
    assert len(result.accepted) == len(session.workshop.problems)
    assert all(r.skipped.startswith("Same problem as row") for r in result.rows if r.skipped)
