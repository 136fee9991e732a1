"""Check-ins after the workshop: what is due, when one is offered, and what recording one does."""

from __future__ import annotations

from datetime import date

import pytest

from workshopdesk import starters
from workshopdesk.core import check_ins
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Change, Step
from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.core.errors import NotFoundError, ValidationError
from workshopdesk.core.follow_ups import listed
from workshopdesk.core.workshop import Workshop
from workshopdesk.export.json_format import dumps, loads
from workshopdesk.text import error_text


def applied(ws: Workshop, step: Step) -> Workshop:
    ws.apply_all(step.changes)
    return ws


def undone(ws: Workshop, step: Step) -> Workshop:
    ws.apply_all(Change(c.after, c.before) for c in reversed(step.changes))
    return ws


@pytest.fixture
def ws() -> Workshop:
    """The demo: held on 11 February 2027, eight open follow-ups due 18 Feb – 26 March."""
    return starters.demo()


def by_due(ws: Workshop) -> dict[str, str]:
    return {row.follow_up.due: row.follow_up.id for row in listed(ws) if row.follow_up.due}


def test_a_check_in_is_offered_only_after_the_day_while_follow_ups_are_open(ws: Workshop) -> None:
    assert not check_ins.worth_offering(ws, date(2027, 2, 11)), "not on the day itself"
    assert not check_ins.worth_offering(ws, date(2027, 2, 1)), "nor before it"
    assert check_ins.worth_offering(ws, date(2027, 2, 20))
    applied(ws, ops.record_check_in(ws, held_on="2027-02-20"))
    assert not check_ins.worth_offering(ws, date(2027, 2, 20)), "one was held today"
    assert check_ins.worth_offering(ws, date(2027, 3, 6))
    for follow_up in list(ws.follow_ups.values()):
        applied(ws, ops.edit_follow_up(ws, follow_up.id, status=FollowUpStatus.DONE))
    assert not check_ins.worth_offering(ws, date(2027, 3, 6)), "nothing left open"


def test_a_workshop_without_a_date_never_offers_one(ws: Workshop) -> None:
    applied(ws, ops.edit_workshop(ws, starts_at=None, ends_at=None))
    assert not check_ins.worth_offering(ws, date(2030, 1, 1))


def test_the_first_check_in_goes_through_what_fell_due_since_the_workshop(ws: Workshop) -> None:
    due = by_due(ws)
    first = [row.follow_up.id for row in check_ins.due(ws, date(2027, 2, 20))]
    assert first == [due["2027-02-18"], due["2027-02-19"]]


def test_the_next_one_skips_what_was_settled_and_keeps_what_is_still_open(ws: Workshop) -> None:
    due = by_due(ws)
    marks = {
        due["2027-02-18"]: (FollowUpStatus.DONE, "Tenant list collected."),
        due["2027-02-19"]: (FollowUpStatus.OPEN, "The CFO is away until March."),
    }
    applied(ws, ops.record_check_in(ws, held_on="2027-02-20", marks=marks))
    second = [row.follow_up.id for row in check_ins.due(ws, date(2027, 3, 6))]
    assert second == [
        due["2027-02-19"],  # still open from before
        due["2027-02-25"],
        due["2027-02-26"],
        due["2027-03-04"],
        due["2027-03-05"],
    ]
    assert check_ins.since(ws) == date(2027, 2, 20)


def test_recording_marks_each_follow_up_and_keeps_the_meeting(ws: Workshop) -> None:
    due = by_due(ws)
    done, dropped, kept = due["2027-02-18"], due["2027-02-19"], due["2027-02-25"]
    ws = applied(ws, ops.edit_follow_up(ws, kept, outcome="Slot booked for April."))
    step = ops.record_check_in(
        ws,
        held_on="2027-02-20",
        came=["Annika Löfgren", " Jonas Öberg ", "Annika Löfgren"],
        notes="Good progress.",
        next_on="2027-03-06",
        marks={
            done: (FollowUpStatus.DONE, "Collected."),
            dropped: (FollowUpStatus.DROPPED, "The customer moved on."),
            kept: (FollowUpStatus.OPEN, "  "),
        },
    )
    applied(ws, step)
    (check_in,) = ws.check_ins.values()
    assert check_in.held_on == "2027-02-20"
    assert check_in.came == ("Annika Löfgren", "Jonas Öberg")
    assert check_in.reviewed == (done, dropped, kept)
    assert (check_in.notes, check_in.next_on) == ("Good progress.", "2027-03-06")
    assert (ws.follow_ups[done].status, ws.follow_ups[done].outcome) == (
        FollowUpStatus.DONE,
        "Collected.",
    )
    assert ws.follow_ups[dropped].status is FollowUpStatus.DROPPED
    assert ws.follow_ups[dropped].outcome == "The customer moved on."
    assert ws.follow_ups[kept].outcome == "Slot booked for April.", "an empty note keeps it"
    assert step.label.msgid == "record_check_in"
    assert step.label.params == {"date": "2027-02-20"}


def test_undoing_a_check_in_restores_every_follow_up(ws: Workshop) -> None:
    before = dict(ws.follow_ups)
    due = by_due(ws)
    step = ops.record_check_in(
        ws, held_on="2027-02-20", marks={due["2027-02-18"]: (FollowUpStatus.DONE, "Done.")}
    )
    undone(applied(ws, step), step)
    assert ws.check_ins == {}
    assert ws.follow_ups == before


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"held_on": "20 Feb"}, "check-in's date"),
        ({"held_on": "2027-02-20", "next_on": "2027-02-19"}, "after this one"),
        ({"held_on": "2027-02-20", "next_on": "2027-02-20"}, "after this one"),
        ({"held_on": "2027-02-20", "came": ["ok", "x\ny"]}, "name of who came"),
        ({"held_on": "2027-02-20", "came": [f"P{i}" for i in range(101)]}, "at most 100"),
    ],
)
def test_a_wrong_check_in_is_refused_saying_why(
    ws: Workshop, fields: dict[str, object], words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ops.record_check_in(ws, **fields)  # type: ignore[arg-type]
    assert words in error_text(caught.value)


def test_marking_a_follow_up_that_is_gone_is_refused(ws: Workshop) -> None:
    with pytest.raises(NotFoundError):
        ops.record_check_in(ws, held_on="2027-02-20", marks={"nope": (FollowUpStatus.DONE, "")})


def test_deleting_a_follow_up_or_its_problem_takes_it_off_the_check_ins(ws: Workshop) -> None:
    due = by_due(ws)
    first, second = due["2027-02-18"], due["2027-02-19"]
    marks = {first: (FollowUpStatus.DONE, ""), second: (FollowUpStatus.OPEN, "")}
    applied(ws, ops.record_check_in(ws, held_on="2027-02-20", marks=marks))
    applied(ws, ops.delete_follow_up(ws, first))
    (check_in,) = ws.check_ins.values()
    assert check_in.reviewed == (second,)
    problem = ws.follow_ups[second].problem_id
    step = ops.delete_problem(ws, problem)
    applied(ws, step)
    assert ws.check_ins[check_in.id].reviewed == ()
    undone(ws, step)
    assert ws.check_ins[check_in.id].reviewed == (second,)


def test_editing_and_deleting_a_check_in(ws: Workshop) -> None:
    applied(ws, ops.record_check_in(ws, held_on="2027-02-20"))
    (check_in,) = ws.check_ins.values()
    applied(ws, ops.edit_check_in(ws, check_in.id, notes="Moved to Friday.", came=("Ann",)))
    assert (ws.check_ins[check_in.id].notes, ws.check_ins[check_in.id].came) == (
        "Moved to Friday.",
        ("Ann",),
    )
    applied(ws, ops.delete_check_in(ws, check_in.id))
    assert ws.check_ins == {}
    assert check_ins.last(ws) is None
    with pytest.raises(NotFoundError):
        ops.delete_check_in(ws, check_in.id)


def test_check_ins_travel_in_the_json_export(ws: Workshop) -> None:
    due = by_due(ws)
    applied(
        ws,
        ops.record_check_in(
            ws,
            held_on="2027-02-20",
            came=["Ann"],
            notes="n",
            next_on="2027-03-06",
            marks={due["2027-02-18"]: (FollowUpStatus.DONE, "ok")},
        ),
    )
    again = loads(dumps(ws, include_private=True))
    assert again.check_ins == ws.check_ins
    assert [c.held_on for c in check_ins.held(again)] == ["2027-02-20"]


def test_undo_names_the_check_in_by_its_date(ws: Workshop) -> None:
    from workshopdesk.text import render

    step = ops.record_check_in(ws, held_on="2027-02-20")
    assert render(step.label) == "Record the check-in of 2027-02-20"
    applied(ws, step)
    (check_in,) = ws.check_ins.values()
    assert check_in.notes == "", "a check-in recorded without notes has none"
    edit = ops.edit_check_in(ws, check_in.id, notes="Moved to Friday.")
    assert render(edit.label) == "Edit the check-in of 2027-02-20"
    assert render(ops.delete_check_in(ws, check_in.id).label) == (
        "Delete the check-in of 2027-02-20"
    )


def test_undated_follow_ups_are_gone_through_while_open_after_the_dated_ones(
    ws: Workshop,
) -> None:
    problem = next(iter(ws.problems))
    for text, status in (
        ("Ask the CFO", FollowUpStatus.OPEN),
        ("Send the slides", FollowUpStatus.DONE),
        ("Book a room", FollowUpStatus.OPEN),
    ):
        applied(ws, ops.add_follow_up(ws, problem, text, status=status))
    listed_now = [row.follow_up for row in check_ins.due(ws, date(2027, 2, 20))]
    due = by_due(ws)
    assert [f.id for f in listed_now[:2]] == [due["2027-02-18"], due["2027-02-19"]]
    assert sorted(f.text for f in listed_now[2:]) == ["Ask the CFO", "Book a room"]
    assert all(f.due is None and f.check_in is None for f in listed_now[2:])


def test_what_falls_due_on_the_day_of_the_check_in_is_gone_through_that_day(
    ws: Workshop,
) -> None:
    due = by_due(ws)
    assert [row.follow_up.id for row in check_ins.due(ws, date(2027, 2, 19))] == [
        due["2027-02-18"],
        due["2027-02-19"],
    ]
    marks = {
        due["2027-02-18"]: (FollowUpStatus.DONE, ""),
        due["2027-02-19"]: (FollowUpStatus.DONE, ""),
    }
    applied(ws, ops.record_check_in(ws, held_on="2027-02-19", marks=marks))
    nxt = [row.follow_up.id for row in check_ins.due(ws, date(2027, 2, 25))]
    assert nxt == [due["2027-02-25"]], "settled on the day of the last one: not again"


def test_the_workshops_day_is_its_last_day_or_without_an_end_its_first(ws: Workshop) -> None:
    applied(
        ws,
        ops.edit_workshop(
            ws, starts_at="2027-02-10T09:00:00+01:00", ends_at="2027-02-12T17:00:00+01:00"
        ),
    )
    assert check_ins.workshop_day(ws) == date(2027, 2, 12)
    applied(ws, ops.edit_workshop(ws, ends_at=None))
    assert check_ins.workshop_day(ws) == date(2027, 2, 10)
    applied(ws, ops.edit_workshop(ws, starts_at=None))
    assert check_ins.workshop_day(ws) is None


def test_phones_show_the_check_in_only_while_the_wall_or_the_window_says_today() -> None:
    today = date(2027, 3, 6)
    assert check_ins.shown({check_ins.SHOWN_ON_WALL: "2027-03-06"}, today)
    assert check_ins.shown({check_ins.SHOWN_IN_WINDOW: "2027-03-06"}, today)
    assert not check_ins.shown({}, today)
    left_behind = {check_ins.SHOWN_ON_WALL: "2027-03-05", check_ins.SHOWN_IN_WINDOW: "2027-02-20"}
    assert not check_ins.shown(left_behind, today), "a key a closed program left: another day"
    assert (check_ins.SHOWN_ON_WALL, check_ins.SHOWN_IN_WINDOW) == (
        "check_in.wall",
        "check_in.window",
    ), "the settings the wall, the window and the phone server share"
