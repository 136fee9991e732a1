"""An import numbers, places and colours what it adds exactly as the window does: with
the core's own operations."""

from __future__ import annotations

from tests.core.test_operations import reopened
from tests.imports.test_preview import csv
from workshopdesk.core import operations as ops
from workshopdesk.core.palette import TEAM_COLOURS
from workshopdesk.core.session import Session
from workshopdesk.imports.preview import preview
from workshopdesk.text import render


def test_imported_cards_follow_the_last_number_and_the_end_of_their_columns(
    session: Session,
) -> None:
    ws = session.workshop
    discussing = next(c for c in ws.columns.values() if c.name == "Discussing")
    wall = ws.ordered_columns()[0]
    # a card added in the window first, at the top of Discussing
    session.do(ops.add_problem(ws, discussing.id, "Typed in the window", index=0))
    last = max(p.number for p in ws.problems.values())
    held = {c: [p.id for p in ws.problems_in(c)] for c in (discussing.id, wall.id)}
    before = reopened(session)
    data = csv("Title,Column", "One,Discussing", "Two,", "Three,discussing")
    result = preview(ws, data, "problems")
    session.do_all(result.label(), result.builders())
    shown = lambda column: [p.title for p in ws.problems_in(column)]  # noqa: E731
    assert shown(discussing.id)[-2:] == ["One", "Three"]
    assert shown(wall.id)[-1] == "Two"
    assert [p.id for p in ws.problems_in(discussing.id)][:-2] == held[discussing.id]
    assert [p.id for p in ws.problems_in(wall.id)][:-1] == held[wall.id]
    numbers = {p.title: p.number for p in ws.problems.values()}
    assert (numbers["One"], numbers["Two"], numbers["Three"]) == (last + 1, last + 2, last + 3)
    # the next card added in the window goes on from there
    session.do(ops.add_problem(ws, wall.id, "Next"))
    assert numbers["Three"] + 1 == next(p.number for p in ws.problems.values() if p.title == "Next")
    session.undo()
    session.undo()
    assert reopened(session) == before


def test_new_teams_get_the_free_colours_the_window_would_give(session: Session) -> None:
    ws = session.workshop
    used = {t.color for t in ws.teams.values()}
    free = [c for c in TEAM_COLOURS if c not in used]
    data = csv("Name,Team", "Åsa,Support", "Bo,Finance", "Cy,support")
    result = preview(ws, data, "attendees")
    assert result.new_teams == ("Support", "Finance")
    session.do_all(result.label(), result.builders())
    colours = {t.name: t.color for t in ws.teams.values()}
    assert (colours["Support"], colours["Finance"]) == (free[0], free[1])
    people = {a.name: a for a in ws.attendees.values()}
    assert people["Cy"].team_id == people["Åsa"].team_id
    assert [a.name for a in ws.ordered_attendees()][-3:] == ["Åsa", "Bo", "Cy"]
    # the window's next team takes the next free colour
    session.do(ops.add_team(ws, "Legal"))
    assert next(t.color for t in ws.teams.values() if t.name == "Legal") == free[2]
    label = session.history.undo_label()
    assert label is not None and render(label) == "Add team 'Legal'"
    session.undo()
    label = session.history.undo_label()
    assert label is not None and render(label) == "Import 3 attendees"
