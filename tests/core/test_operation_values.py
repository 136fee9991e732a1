"""What each operation leaves on the board, value by value, as a facilitator would see it."""

from __future__ import annotations

import pytest

from tests.core.board import IDS, INFO, board, done, titles
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Change
from workshopdesk.core.entities import Column, FollowUpStatus, Problem, SolutionStatus
from workshopdesk.core.errors import NotFoundError, ValidationError
from workshopdesk.core.limits import VOTES_MAX
from workshopdesk.core.operations.common import placement
from workshopdesk.core.palette import TEAM_COLOURS, next_team_colour

I = IDS  # noqa: E741  (the board's ids, read as I.p1, I.todo)


# -- voting -----------------------------------------------------------------------------
def test_a_vote_adds_one_and_an_unvote_takes_one_away() -> None:
    ws = board()
    done(ws, ops.vote_solution(ws, I.s1))
    assert ws.solutions[I.s1].votes == 3
    done(ws, ops.vote_solution(ws, I.s1, 4))
    assert ws.solutions[I.s1].votes == 7
    done(ws, ops.vote_solution(ws, I.s1, -1))
    assert ws.solutions[I.s1].votes == 6


def test_votes_stay_between_zero_and_the_maximum() -> None:
    ws = board()
    done(ws, ops.vote_solution(ws, I.s1, -5))
    assert ws.solutions[I.s1].votes == 0
    assert ops.vote_solution(ws, I.s1, -1).changes == ()
    done(ws, ops.vote_solution(ws, I.s1, VOTES_MAX + 3))
    assert ws.solutions[I.s1].votes == VOTES_MAX
    assert ops.vote_solution(ws, I.s1).changes == ()
    done(ws, ops.vote_solution(ws, I.s1, -1))
    assert ws.solutions[I.s1].votes == VOTES_MAX - 1


def test_a_vote_names_the_problem() -> None:
    step = ops.vote_solution(board(), I.s1)
    assert step.label.msgid == "vote_solution"
    assert dict(step.label.params) == {"title": "Late invoices"}


# -- solutions and follow-ups -----------------------------------------------------------
def test_a_new_solution_is_last_with_what_was_given() -> None:
    ws = board()
    step = ops.add_solution(ws, I.p1, "  Call them  ", proposer_id=I.bo, team_ids=[I.dev])
    done(ws, step)
    first, new = ws.solutions_of(I.p1)
    assert first.id == I.s1
    assert (new.text, new.proposer_id, new.team_ids) == ("Call them", I.bo, (I.dev,))
    assert (new.status, new.votes, new.position) == (SolutionStatus.PROPOSED, 0, 2.0)
    assert dict(step.label.params) == {"title": "Late invoices"}


def test_a_solution_can_start_agreed_with_votes() -> None:
    ws = board()
    done(ws, ops.add_solution(ws, I.p2, "Share the list", status="agreed", votes=5))
    (new,) = ws.solutions_of(I.p2)
    assert (new.status, new.votes, new.position, new.proposer_id) == ("agreed", 5, 1.0, None)
    assert ws.is_solved(I.p2)


def test_editing_a_solution_keeps_its_problem() -> None:
    ws = board()
    done(ws, ops.edit_solution(ws, I.s1, text="Monthly", problem_id=I.p2, team_ids=[I.sales]))
    s = ws.solutions[I.s1]
    assert (s.text, s.problem_id, s.team_ids, s.votes) == ("Monthly", I.p1, (I.sales,), 2)
    assert ops.edit_solution(ws, I.s1, text="Monthly").changes == ()


def test_the_agreed_solution_of_a_done_card_cannot_be_taken_back() -> None:
    ws = board()
    with pytest.raises(ops.LeavesUnsolvedPastDone) as raised:
        ops.edit_solution(ws, I.s4, status="proposed")
    assert raised.value.problem_ids == (I.p4,)
    with pytest.raises(ops.LeavesUnsolvedPastDone):
        ops.delete_solution(ws, I.s4)
    done(ws, ops.edit_solution(ws, I.s1, status="rejected"))  # not in done: fine
    assert ws.solutions[I.s1].status is SolutionStatus.REJECTED


def test_deleting_a_solution_removes_only_it() -> None:
    ws = board()
    done(ws, ops.delete_solution(ws, I.s1))
    assert I.s1 not in ws.solutions
    assert ws.solutions_of(I.p1) == []
    assert I.s4 in ws.solutions and I.f1 in ws.follow_ups


def test_follow_ups_are_added_edited_and_deleted() -> None:
    ws = board()
    step = ops.add_follow_up(ws, I.p1, "Call back", owner_id=I.ann, due="2027-04-01")
    done(ws, step)
    old, new = ws.follow_ups_of(I.p1)
    assert old.id == I.f1
    assert (new.text, new.owner_id, new.due, new.check_in, new.position) == (
        "Call back",
        I.ann,
        "2027-04-01",
        None,
        2.0,
    )
    assert step.label.msgid == "add_follow_up"
    done(ws, ops.edit_follow_up(ws, I.f1, check_in="2027-03-15", problem_id=I.p2))
    f = ws.follow_ups[I.f1]
    assert (f.check_in, f.problem_id, f.due) == ("2027-03-15", I.p1, "2027-03-01")
    assert ops.edit_follow_up(ws, I.f1, text="Ask finance").changes == ()
    step = ops.delete_follow_up(ws, I.f1)
    assert dict(step.label.params) == {"title": "Late invoices"}
    done(ws, step)
    assert [f.text for f in ws.follow_ups_of(I.p1)] == ["Call back"]


# -- people -----------------------------------------------------------------------------
def test_deleting_an_attendee_keeps_their_solutions_and_follow_ups_unattributed() -> None:
    ws = board()
    done(ws, ops.delete_attendee(ws, I.ann))
    assert I.ann not in ws.attendees
    assert ws.solutions[I.s1].proposer_id is None
    assert ws.solutions[I.s1].text == "Send them weekly"
    done(ws, ops.delete_attendee(ws, I.bo))
    assert ws.follow_ups[I.f1].owner_id is None
    assert ws.follow_ups[I.f1].text == "Ask finance"
    assert list(ws.attendees) == []


def test_deleting_an_attendee_leaves_the_others_attributions() -> None:
    ws = board()
    step = ops.delete_attendee(ws, I.bo)
    done(ws, step)
    assert ws.solutions[I.s1].proposer_id == I.ann
    assert len(step.changes) == 2  # the follow-up Bo owned, and Bo
    assert step.label.params["name"] == "Bo"


def test_a_new_attendee_has_not_consented_to_share_unless_asked() -> None:
    ws = board()
    done(ws, ops.add_attendee(ws, "Cy"))
    cy = ws.ordered_attendees()[-1]
    assert (cy.name, cy.consent_to_share, cy.team_id, cy.role, cy.email, cy.phone) == (
        "Cy",
        False,
        None,
        "",
        "",
        "",
    )
    assert cy.position == 3.0
    step = ops.add_attendee(ws, "Di", team_id=I.dev, role="CTO", email="di@x.se", phone="1")
    done(ws, step)
    di = ws.ordered_attendees()[-1]
    assert (di.team_id, di.role, di.email, di.phone, di.position) == (
        I.dev,
        "CTO",
        "di@x.se",
        "1",
        4.0,
    )
    assert step.label.msgid == "add_attendee" and step.label.params["name"] == "Di"


def test_attendees_imported_together_keep_their_order_at_the_end() -> None:
    ws = board()
    step = ops.add_attendees(ws, [{"name": "Cy"}, {"name": "Di", "consent_to_share": True}])
    done(ws, step)
    assert [a.name for a in ws.ordered_attendees()] == ["Ann", "Bo", "Cy", "Di"]
    assert [a.position for a in ws.ordered_attendees()][2:] == [3.0, 4.0]
    assert ws.ordered_attendees()[-1].consent_to_share is True
    assert (step.label.msgid, dict(step.label.params)) == ("import_attendees", {"count": 2})
    assert dict(ops.add_attendees(ws, [{"name": "Ed"}]).label.params) == {"count": 1}


def test_editing_an_attendee_and_a_team() -> None:
    ws = board()
    step = ops.edit_attendee(ws, I.ann, name="Anna", consent_to_share=True)
    done(ws, step)
    assert (ws.attendees[I.ann].name, ws.attendees[I.ann].consent_to_share) == ("Anna", True)
    assert step.label.params["name"] == "Anna"
    assert ops.edit_attendee(ws, I.ann, name="Anna").changes == ()
    assert ops.edit_attendee(ws, I.ann, name="Anna").label.params["name"] == "Anna"
    step = ops.edit_team(ws, I.sales, name="Sales & Marketing", color="#123456")
    done(ws, step)
    assert (ws.teams[I.sales].name, ws.teams[I.sales].color) == ("Sales & Marketing", "#123456")
    assert step.label.params["name"] == "Sales & Marketing"
    assert ops.edit_team(ws, I.sales, color="#123456").label.params["name"] == "Sales & Marketing"


def test_deleting_a_team_takes_its_stakes_away_and_nothing_else() -> None:
    ws = board()
    done(ws, ops.delete_team(ws, I.sales))
    assert list(ws.teams) == [I.dev]
    assert ws.attendees[I.ann].team_id is None
    assert ws.attendees[I.bo].team_id == I.dev
    assert ws.problems[I.p1].team_ids == ()
    assert ws.problems[I.p2].team_ids == (I.dev,)
    done(ws, ops.delete_team(ws, I.dev))
    assert ws.solutions[I.s4].team_ids == ()
    assert ws.problems[I.p2].team_ids == ()
    assert ws.attendees[I.bo].team_id is None


def test_teams_are_added_where_asked_in_the_next_free_colour() -> None:
    ws = board()
    done(ws, ops.add_team(ws, "Support"))
    support = ws.ordered_teams()[-1]
    assert (support.name, support.color, support.position) == ("Support", TEAM_COLOURS[2], 3.0)
    done(ws, ops.add_team(ws, "Legal", "#000000", index=0))
    assert [t.name for t in ws.ordered_teams()] == ["Legal", "Sales", "Dev", "Support"]
    done(ws, ops.move_team(ws, ws.ordered_teams()[0].id, 2))
    assert [t.name for t in ws.ordered_teams()] == ["Sales", "Dev", "Legal", "Support"]


def test_team_colours_come_round_again_once_all_are_used() -> None:
    ws = board()
    assert next_team_colour(ws) == TEAM_COLOURS[2]
    for n in range(6):
        done(ws, ops.add_team(ws, f"T{n}"))
    assert sorted(t.color for t in ws.teams.values()) == sorted(TEAM_COLOURS)
    assert next_team_colour(ws) == TEAM_COLOURS[len(TEAM_COLOURS) % len(TEAM_COLOURS)]
    done(ws, ops.add_team(ws, "T9"))
    assert next_team_colour(ws) == TEAM_COLOURS[1]


# -- columns ----------------------------------------------------------------------------
def test_exactly_one_column_is_the_done_column() -> None:
    ws = board()
    done(ws, ops.set_done_column(ws, I.archive))
    assert [c.name for c in ws.columns.values() if c.is_done] == ["Archive"]
    step = ops.set_done_column(ws, I.archive)
    assert step.changes == ()
    done(ws, ops.set_done_column(ws, I.done))
    assert [c.name for c in ws.columns.values() if c.is_done] == ["Done"]


def test_the_done_role_cannot_move_in_front_of_unsolved_cards() -> None:
    ws = board()
    with pytest.raises(ops.LeavesUnsolvedPastDone) as raised:
        ops.set_done_column(ws, I.doing)
    assert raised.value.problem_ids == (I.p3,)
    with pytest.raises(ops.LeavesUnsolvedPastDone) as raised:
        ops.set_done_column(ws, I.todo)
    assert raised.value.problem_ids == (I.p1, I.p2, I.p3)


def test_a_deleted_done_column_hands_its_role_to_the_next() -> None:
    ws = board()
    assert ops.heir_column(ws, I.done).id == I.archive  # type: ignore[union-attr]
    assert ops.heir_column(ws, I.doing).id == I.todo  # type: ignore[union-attr]
    assert ops.heir_column(ws, I.todo).id == I.doing  # type: ignore[union-attr]
    done(ws, ops.delete_column(ws, I.done, move_to=I.archive))
    assert [c.name for c in ws.columns.values() if c.is_done] == ["Archive"]
    assert titles(ws, I.archive) == ["Old quotes"]
    assert ops.heir_column(ws, I.archive).id == I.doing  # type: ignore[union-attr]


def test_the_last_done_column_passes_its_role_backwards() -> None:
    ws = board()
    done(ws, ops.set_done_column(ws, I.archive))
    done(ws, ops.delete_column(ws, I.archive))
    assert [c.name for c in ws.columns.values() if c.is_done] == ["Done"]


def test_a_deleted_columns_cards_go_after_the_targets_own() -> None:
    ws = board()
    done(ws, ops.add_problem(ws, I.doing, "Flaky tests"))
    done(ws, ops.delete_column(ws, I.todo, move_to=I.doing))
    assert titles(ws, I.doing) == ["Slow builds", "Flaky tests", "Late invoices", "Lost leads"]
    assert [p.position for p in ws.problems_in(I.doing)] == [1.0, 2.0, 3.0, 4.0]
    assert I.todo not in ws.columns
    assert [c.name for c in ws.columns.values() if c.is_done] == ["Done"]


def test_cards_moved_into_an_empty_column_start_at_one() -> None:
    ws = board()
    done(ws, ops.add_column(ws, "Parked", index=1))
    parked = ws.ordered_columns()[1]
    assert (parked.name, parked.is_done) == ("Parked", False)
    assert parked.position == 1.5
    done(ws, ops.delete_column(ws, I.todo, move_to=parked.id))
    assert [p.position for p in ws.problems_in(parked.id)] == [1.0, 2.0]


def test_a_deleted_column_without_a_target_takes_its_cards_with_it() -> None:
    ws = board()
    done(ws, ops.delete_column(ws, I.todo))
    assert set(ws.problems) == {I.p3, I.p4}
    assert I.s1 not in ws.solutions and I.f1 not in ws.follow_ups
    assert I.s4 in ws.solutions


def test_columns_that_cannot_be_deleted() -> None:
    ws = board()
    with pytest.raises(ValidationError):
        ops.delete_column(ws, I.todo, move_to=I.todo)
    with pytest.raises(ops.LeavesUnsolvedPastDone):
        ops.delete_column(ws, I.doing, move_to=I.archive)
    for column in (I.doing, I.archive):
        done(ws, ops.delete_column(ws, column))
    with pytest.raises(ops.LeavesUnsolvedPastDone):
        ops.delete_column(ws, I.done)  # To do would become the done column
    for problem in (I.p1, I.p2):
        done(ws, ops.delete_problem(ws, problem))
    done(ws, ops.delete_column(ws, I.done))
    assert [(c.name, c.is_done) for c in ws.columns.values()] == [("To do", True)]
    with pytest.raises(ValidationError):
        ops.delete_column(ws, I.todo)


def test_renaming_and_moving_columns() -> None:
    ws = board()
    step = ops.rename_column(ws, I.todo, "  Backlog ")
    assert dict(step.label.params) == {"old": "To do", "name": "Backlog"}
    done(ws, step)
    assert ws.columns[I.todo].name == "Backlog"
    unchanged = ops.rename_column(ws, I.todo, "Backlog")
    assert unchanged.changes == () and unchanged.label.params["name"] == "Backlog"
    done(ws, ops.move_column(ws, I.archive, 3))
    with pytest.raises(ops.LeavesUnsolvedPastDone):
        ops.move_column(ws, I.doing, 3)
    done(ws, ops.move_column(ws, I.doing, 0))
    assert [c.name for c in ws.ordered_columns()] == ["Doing", "Backlog", "Done", "Archive"]


# -- positions --------------------------------------------------------------------------
def test_a_card_put_at_the_top_is_first() -> None:
    ws = board()
    done(ws, ops.add_problem(ws, I.todo, "Top", index=0))
    assert titles(ws, I.todo) == ["Top", "Late invoices", "Lost leads"]
    done(ws, ops.move_problem(ws, I.p2, I.todo, 0))
    assert titles(ws, I.todo) == ["Lost leads", "Top", "Late invoices"]
    done(ws, ops.move_problem(ws, I.p3, I.todo, -3))
    assert titles(ws, I.todo)[0] == "Slow builds"


def test_a_card_put_past_the_end_is_last() -> None:
    ws = board()
    done(ws, ops.move_problem(ws, I.p3, I.todo, 99))
    assert titles(ws, I.todo) == ["Late invoices", "Lost leads", "Slow builds"]
    assert ws.problems[I.p3].position == 3.0


def test_positions_between_neighbours_and_spaced_out_when_the_gap_is_gone() -> None:
    cols = [Column(f"c{n}", "x", p) for n, p in enumerate((1.0, 2.0, 5.0))]
    assert placement([], 3) == (1.0, [])
    assert placement(cols, None) == (6.0, [])
    assert placement(cols, 0) == (0.0, [])
    assert placement(cols, 2) == (3.5, [])
    assert placement(cols, 1) == (1.5, [])
    tight = [Column("a", "x", 1.0), Column("b", "x", 1.0), Column("c", "x", 7.0)]
    position, changes = placement(tight, 1)
    assert position == 2.0
    after = {c.before.id: c.after.position for c in changes}  # type: ignore[union-attr]
    assert after == {"b": 3.0, "c": 4.0}
    flat = [Column("a", "x", 1.0), Column("b", "x", 1.0), Column("c", "x", 1.0)]
    position, changes = placement(flat, 2)
    assert position == 3.0
    assert {c.before.id: c.after.position for c in changes} == {"b": 2.0, "c": 4.0}  # type: ignore[union-attr]


def test_neighbours_one_step_of_precision_apart_are_spaced_out_too() -> None:
    """Halfway between two positions that differ in their last digit rounds to one of
    them: that is no gap either, whichever of the two it rounds to."""
    import math

    for low, high in ((1.0, math.nextafter(1.0, 2.0)), (math.nextafter(1.0, 0.0), 1.0)):
        siblings = [Column("a", "x", low), Column("b", "x", high)]
        assert (low + high) / 2 in (low, high)
        position, changes = placement(siblings, 1)
        assert position == 2.0
        now = {"a": low, "b": high} | {c.before.id: c.after.position for c in changes}  # type: ignore[union-attr]
        assert now == {"a": 1.0, "b": 3.0}


# -- editing: only known fields ---------------------------------------------------------
@pytest.mark.parametrize(
    ("edit", "target"),
    [
        (lambda ws, **f: ops.edit_problem(ws, I.p1, **f), I.p1),
        (lambda ws, **f: ops.edit_solution(ws, I.s1, **f), I.s1),
        (lambda ws, **f: ops.edit_follow_up(ws, I.f1, **f), I.f1),
        (lambda ws, **f: ops.edit_team(ws, I.sales, **f), I.sales),
        (lambda ws, **f: ops.edit_attendee(ws, I.ann, **f), I.ann),
    ],
)
def test_unknown_fields_and_the_id_cannot_be_edited(edit: object, target: str) -> None:
    ws = board()
    with pytest.raises(ValidationError):
        edit(ws, colour_of_socks="red")  # type: ignore[operator]
    with pytest.raises(ValidationError):
        edit(ws, id="00000000-0000-4000-8000-000000000777")  # type: ignore[operator]
    with pytest.raises(ValidationError):
        edit(ws, kind="team")  # type: ignore[operator]


def test_editing_a_problem_never_moves_it() -> None:
    ws = board()
    step = ops.edit_problem(ws, I.p1, column_id=I.done, position=0.5, title="Late bills")
    done(ws, step)
    p = ws.problems[I.p1]
    assert (p.title, p.column_id, p.position) == ("Late bills", I.todo, 1.0)
    assert step.label.params["title"] == "Late bills"
    assert ops.edit_problem(ws, I.p1, column_id=I.done).changes == ()


def test_editing_a_problems_details() -> None:
    ws = board()
    done(ws, ops.edit_problem(ws, I.p1, tags=["billing", "Billing", "q3"], team_ids=[I.dev]))
    p = ws.problems[I.p1]
    assert (p.tags, p.team_ids) == (("billing", "q3"), (I.dev,))
    with pytest.raises(ValidationError):
        ops.edit_problem(ws, I.p1, number=2)
    assert ops.edit_problem(ws, I.p1, tags=["billing", "q3"]).label.params["title"] == (
        "Late invoices"
    )


def test_editing_the_workshop_keeps_every_field_it_was_given() -> None:
    ws = board()
    fields = {
        "title": "Sales meets Dev",
        "venue": "The loft",
        "starts_at": "2027-03-01T10:00:00+01:00",
        "ends_at": "2027-03-01T15:30:00+01:00",
        "timezone": "Europe/Berlin",
        "facilitator": "Lee",
        "goal": "Fewer handovers",
        "ground_rules": ["Phones down", "One voice"],
        "invitation": "Bring a story",
    }
    done(ws, ops.edit_workshop(ws, **fields))
    got = {name: getattr(ws.info, name) for name in fields}
    assert got == {**fields, "ground_rules": ("Phones down", "One voice")}
    assert ops.edit_workshop(ws, goal="Fewer handovers").changes == ()


def test_editing_one_workshop_field_keeps_the_others() -> None:
    ws = board()
    done(ws, ops.edit_workshop(ws, venue="  Room 5 "))
    assert ws.info.venue == "Room 5"
    for name in ("title", "goal", "facilitator", "invitation", "starts_at", "ends_at"):
        assert getattr(ws.info, name) == getattr(INFO, name)


def test_the_workshop_refuses_unknown_fields_and_ending_before_it_starts() -> None:
    ws = board()
    with pytest.raises(ValidationError):
        ops.edit_workshop(ws, id="x")
    with pytest.raises(ValidationError):
        ops.edit_workshop(ws, ends_at="2027-02-11T08:00:00+01:00")
    done(ws, ops.edit_workshop(ws, ends_at="2027-02-11T09:00:00+01:00"))  # same moment: fine
    assert ws.info.ends_at == "2027-02-11T09:00:00+01:00"


# -- problems ---------------------------------------------------------------------------
def test_new_problems_get_the_next_number() -> None:
    ws = board()
    step = ops.add_problem(ws, I.doing, "Flaky tests", customer="Acme", tags=("ci",))
    done(ws, step)
    new = ws.problem_by_number(5)
    assert new is not None
    assert (new.title, new.customer, new.tags, new.column_id, new.position) == (
        "Flaky tests",
        "Acme",
        ("ci",),
        I.doing,
        2.0,
    )
    assert step.label.params["title"] == "Flaky tests"
    step = ops.add_problems(
        ws,
        [
            {"column_id": I.todo, "title": "A", "team_ids": [I.dev]},
            {"column_id": I.todo, "title": "B"},
            {"column_id": I.doing, "title": "C"},
        ],
    )
    done(ws, step)
    assert titles(ws, I.todo) == ["Late invoices", "Lost leads", "A", "B"]
    assert [ws.problem_by_number(n).title for n in (6, 7, 8)] == ["A", "B", "C"]  # type: ignore[union-attr]
    assert ws.problem_by_number(6).team_ids == (I.dev,)  # type: ignore[union-attr]
    assert [p.position for p in ws.problems_in(I.todo)] == [1.0, 2.0, 3.0, 4.0]
    assert (step.label.msgid, dict(step.label.params)) == ("import_problems", {"count": 3})


def test_a_card_without_an_agreed_solution_needs_one_to_reach_done() -> None:
    ws = board()
    with pytest.raises(ops.NeedsAgreedSolution) as raised:
        ops.move_problem(ws, I.p1, I.archive)
    assert (raised.value.problem_id, raised.value.column_id) == (I.p1, I.archive)
    step = ops.move_problem(ws, I.p1, I.done, agree=I.s1)
    done(ws, step)
    assert ws.solutions[I.s1].status is SolutionStatus.AGREED
    assert titles(ws, I.done) == ["Old quotes", "Late invoices"]
    assert step.label.msgid == "move_problem"
    assert dict(step.label.params) == {"title": "Late invoices", "column": "Done"}
    done(ws, ops.move_problem(ws, I.p3, I.done, 0, agree="Cache the builds"))
    assert titles(ws, I.done)[0] == "Slow builds"
    assert [s.text for s in ws.solutions_of(I.p3)] == ["Cache the builds"]
    assert ws.is_solved(I.p3)


def test_a_solution_of_another_problem_is_taken_as_new_text() -> None:
    ws = board()
    done(ws, ops.move_problem(ws, I.p2, I.done, agree=I.s1))
    assert ws.solutions[I.s1].status is SolutionStatus.PROPOSED
    assert [s.text for s in ws.solutions_of(I.p2)] == [I.s1]


def test_a_solved_card_and_a_card_in_its_column_move_freely() -> None:
    ws = board()
    done(ws, ops.move_problem(ws, I.p4, I.archive))
    assert titles(ws, I.archive) == ["Old quotes"]
    done(ws, ops.move_problem(ws, I.p4, I.archive, 0))
    step = ops.move_problem(ws, I.p2, I.todo, 0)
    assert step.label.msgid == "reorder_problem"
    done(ws, step)
    assert titles(ws, I.todo) == ["Lost leads", "Late invoices"]


def test_deleting_a_problem_takes_its_solutions_and_follow_ups() -> None:
    ws = board()
    step = ops.delete_problem(ws, I.p1)
    assert [c.kind for c in step.changes] == ["solution", "follow_up", "problem"]
    done(ws, step)
    assert I.p1 not in ws.problems and I.s1 not in ws.solutions and I.f1 not in ws.follow_ups
    assert set(ws.problems) == {I.p2, I.p3, I.p4}


def test_operations_on_what_is_gone_say_so() -> None:
    ws = board()
    for attempt in (
        lambda: ops.vote_solution(ws, I.p1),
        lambda: ops.edit_problem(ws, I.s1, title="x"),
        lambda: ops.add_problem(ws, I.p1, "x"),
        lambda: ops.delete_team(ws, I.ann),
    ):
        with pytest.raises(NotFoundError):
            attempt()


def test_a_problem_in_an_unknown_column_is_refused() -> None:
    ws = board()
    with pytest.raises(NotFoundError):
        ops.add_problems(ws, [{"column_id": I.p1, "title": "x"}])
    assert isinstance(ws.problems[I.p1], Problem)


def test_a_follow_up_can_start_with_a_check_in_a_status_and_an_outcome() -> None:
    ws = board()
    step = ops.add_follow_up(
        ws, I.p3, "Try caching", check_in="2027-03-20", status="done", outcome=" Faster "
    )
    done(ws, step)
    (new,) = ws.follow_ups_of(I.p3)
    assert (new.check_in, new.status, new.outcome, new.owner_id, new.due) == (
        "2027-03-20",
        FollowUpStatus.DONE,
        "Faster",
        None,
        None,
    )
    assert new.status is FollowUpStatus.DONE
    (plain,) = [
        c.after for c in ops.add_follow_up(ws, I.p2, "Plain").changes if c.after is not None
    ]
    assert (plain.status, plain.outcome, plain.check_in) == (FollowUpStatus.OPEN, "", None)  # type: ignore[union-attr]


def test_a_deleted_columns_cards_go_after_all_of_a_longer_columns_cards() -> None:
    ws = board()
    done(ws, ops.add_problem(ws, I.doing, "Flaky tests"))
    done(ws, ops.add_problem(ws, I.doing, "Long reviews"))
    done(ws, ops.delete_column(ws, I.todo, move_to=I.doing))
    assert titles(ws, I.doing) == [
        "Slow builds",
        "Flaky tests",
        "Long reviews",
        "Late invoices",
        "Lost leads",
    ]
    assert [p.position for p in ws.problems_in(I.doing)] == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_without_a_done_column_no_card_needs_an_agreed_solution() -> None:
    ws = board()
    done(ws, ops.delete_column(ws, I.archive))
    ws.apply(Change(ws.columns[I.done], Column(I.done, "Done", 3.0)))  # an older file
    assert ws.done_column() is None
    done(ws, ops.move_problem(ws, I.p1, I.done))
    assert ws.problems[I.p1].column_id == I.done


def test_a_new_problem_has_only_what_was_given() -> None:
    ws = board()
    done(ws, ops.add_problem(ws, I.doing, "Flaky tests"))
    new = ws.problems_in(I.doing)[-1]
    assert (new.customer, new.description, new.stalled_because, new.color) == ("", "", "", "")
    assert (new.tags, new.team_ids, new.number) == ((), (), 5)
    done(ws, ops.add_problem(ws, I.doing, "Slow CI", stalled_because="Waiting for IT"))
    assert ws.problems_in(I.doing)[-1].stalled_because == "Waiting for IT"


def test_the_first_problem_on_an_empty_board_is_number_one() -> None:
    ws = board()
    for problem in list(ws.problems):
        done(ws, ops.delete_problem(ws, problem))
    done(ws, ops.add_problem(ws, I.todo, "Fresh start"))
    assert [p.number for p in ws.problems.values()] == [1]


def test_a_change_needs_something_and_keeps_its_entity() -> None:
    ws = board()
    with pytest.raises(ValueError, match=r"^a change needs a before or an after$"):
        Change(None, None)
    with pytest.raises(ValueError, match=r"^a change must keep its entity's kind and id$"):
        Change(ws.problems[I.p1], ws.problems[I.p2])
