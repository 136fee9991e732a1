"""Every operation, its validation, and its undo/redo, on a real workshop file."""

from __future__ import annotations

import pytest

from tests.words import raises_saying
from workshopdesk.core import operations as ops
from workshopdesk.core.entities import FollowUpStatus, SolutionStatus
from workshopdesk.core.errors import NotFoundError, ValidationError
from workshopdesk.core.session import Session
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import render


def reopened(session: Session) -> object:
    """What the file holds, read back by a separate connection."""
    file = WorkshopFile.open(session.repository.path, Mode.READ)  # type: ignore[attr-defined]
    try:
        return snapshot(file.load())
    finally:
        file.close()


def snapshot(ws: object) -> object:
    from workshopdesk.export.json_format import dumps

    return dumps(ws, include_private=True)  # type: ignore[arg-type]


def check_undo_redo(session: Session, build: object) -> None:
    """Apply ``build``; undo restores the file exactly, redo reapplies it exactly."""
    before = reopened(session)
    step = session.do(build(session.workshop))  # type: ignore[operator]
    assert step.changes, "the operation changed nothing"
    after = reopened(session)
    assert after != before
    assert snapshot(session.workshop) == after
    session.undo()
    assert reopened(session) == before
    assert snapshot(session.workshop) == before
    session.redo()
    assert reopened(session) == after
    assert snapshot(session.workshop) == after


def first_column(session: Session) -> str:
    return session.workshop.ordered_columns()[0].id


def some_problem(session: Session) -> str:
    return session.workshop.problem_by_number(1).id  # type: ignore[union-attr]


def test_every_operation_undoes_and_redoes(session: Session) -> None:
    ws = session.workshop
    team = ws.ordered_teams()[0].id
    attendee = ws.ordered_attendees()[0].id
    column = first_column(session)
    problem = some_problem(session)
    solved = next(p for p in ws.problems if ws.solutions_of(p))
    # a solution of a problem before the done column: it may be set aside or deleted
    solution = ws.solutions_of(ws.problem_by_number(4).id)[0].id  # type: ignore[union-attr]
    last_column = ws.ordered_columns()[-1].id
    follow_up_owner = next(iter(ws.follow_ups.values())).id
    cases = [
        lambda w: ops.edit_workshop(w, goal="Happy customers, together.", ground_rules=["Be kind"]),
        lambda w: ops.add_team(w, "Support", "#22aa55"),
        lambda w: ops.edit_team(w, team, name="Sales & Marketing", color="#123456"),
        lambda w: ops.move_team(w, team, 1),
        lambda w: ops.delete_team(w, team),
        lambda w: ops.add_attendee(w, "Åsa Öberg", team_id=team, email="asa@example.se"),
        lambda w: ops.edit_attendee(w, attendee, role="Chief listener", consent_to_share=True),
        lambda w: ops.delete_attendee(w, attendee),
        lambda w: ops.add_column(w, "Parked", index=1),
        lambda w: ops.rename_column(w, column, "Posters"),
        lambda w: ops.move_column(w, column, 1),
        lambda w: ops.set_done_column(w, last_column),
        lambda w: ops.delete_column(w, column),
        lambda w: ops.delete_column(w, column, move_to=w.ordered_columns()[1].id),
        lambda w: ops.add_problem(w, column, "Invoices in wrong format", customer="Acme"),
        lambda w: ops.edit_problem(w, problem, title="A new title", tags=["billing"]),
        lambda w: ops.move_problem(w, problem, w.ordered_columns()[1].id, 0),
        lambda w: ops.move_problem(w, problem, w.problems[problem].column_id),
        lambda w: ops.delete_problem(w, solved),
        lambda w: ops.add_solution(w, problem, "Call them together", status="agreed"),
        lambda w: ops.edit_solution(w, solution, status=SolutionStatus.REJECTED),
        lambda w: ops.vote_solution(w, solution),
        lambda w: ops.delete_solution(w, solution),
        lambda w: ops.add_follow_up(w, problem, "Check in", owner_id=attendee, due="2027-03-01"),
        lambda w: ops.edit_follow_up(w, follow_up_owner, check_in="2027-04-01"),
        lambda w: ops.edit_follow_up(w, follow_up_owner, status="done", outcome="Shipped 3 March"),
        lambda w: ops.delete_follow_up(w, follow_up_owner),
    ]
    for build in cases:
        check_undo_redo(session, build)
        session.undo()


def test_move_labels_name_the_card_and_column(session: Session) -> None:
    problem = session.workshop.problem_by_number(1)
    assert problem is not None
    target = next(c for c in session.workshop.ordered_columns() if c.id != problem.column_id)
    step = session.do(ops.move_problem(session.workshop, problem.id, target.id))
    assert render(step.label) == f"Move '{problem.title}' to {target.name}"
    assert session.history.undo_label() == step.label


def test_a_move_changes_one_row(session: Session) -> None:
    column = session.workshop.ordered_columns()[0]
    cards = session.workshop.problems_in(column.id)
    assert len(cards) >= 3
    step = session.do(ops.move_problem(session.workshop, cards[-1].id, column.id, 1))
    assert len(step.changes) == 1
    assert [p.id for p in session.workshop.problems_in(column.id)][1] == cards[-1].id


def test_positions_are_respaced_when_the_gap_runs_out(session: Session) -> None:
    column = session.workshop.ordered_columns()[0]
    a, _b = session.workshop.problems_in(column.id)[:2]
    for _ in range(80):  # always between the first two: halves the gap every time
        moved = session.workshop.problems_in(column.id)[-1]
        session.do(ops.move_problem(session.workshop, moved.id, column.id, 1))
    order = [p.id for p in session.workshop.problems_in(column.id)]
    assert order[0] == a.id
    positions = [p.position for p in session.workshop.problems_in(column.id)]
    assert len(set(positions)) == len(positions)


def test_deleting_a_problem_cascades_and_undo_restores_everything(session: Session) -> None:
    ws = session.workshop
    problem = next(p for p in ws.problems if ws.solutions_of(p) and ws.follow_ups_of(p))
    counts = (len(ws.solutions), len(ws.follow_ups))
    session.do(ops.delete_problem(ws, problem))
    assert problem not in ws.problems
    assert len(ws.solutions) < counts[0] and len(ws.follow_ups) < counts[1]
    session.undo()
    assert (len(ws.solutions), len(ws.follow_ups)) == counts


def test_deleting_the_done_column_passes_the_role_on(session: Session) -> None:
    done = session.workshop.done_column()
    assert done is not None
    session.do(ops.delete_column(session.workshop, done.id, move_to=first_column(session)))
    heirs = [c for c in session.workshop.columns.values() if c.is_done]
    assert len(heirs) == 1


def test_the_last_column_cannot_be_deleted(blank_path: object) -> None:
    file = WorkshopFile.open(blank_path, Mode.WRITE)  # type: ignore[arg-type]
    session = Session(file)
    columns = session.workshop.ordered_columns()
    for column in columns[:-1]:
        session.do(ops.delete_column(session.workshop, column.id))
    with raises_saying(ValidationError, "at least one column"):
        ops.delete_column(session.workshop, columns[-1].id)
    file.close()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda w, c: ops.add_problem(w, c, "   "), "title cannot be empty"),
        (lambda w, c: ops.add_problem(w, c, "x" * 201), "too long: 201 characters, at most 200"),
        (lambda w, c: ops.add_problem(w, c, "ok", description="x" * 10_001), "at most 10,000"),
        (lambda w, c: ops.add_problem(w, c, "line\nbreak"), "single line"),
        (lambda w, c: ops.add_problem(w, "nope", "ok"), "no longer exists"),
        (lambda w, c: ops.add_problem(w, c, "ok", team_ids=("nope",)), "Unknown team"),
        (lambda w, c: ops.add_problem(w, c, "ok", color="red"), "colour like #3366cc"),
        (lambda w, c: ops.add_team(w, "sales", "#000000"), "already a team called"),
        (lambda w, c: ops.add_attendee(w, "Bo", email="nope"), "does not look like"),
        (lambda w, c: ops.edit_workshop(w, starts_at="tomorrow"), "date and time like"),
        (lambda w, c: ops.edit_workshop(w, timezone="Mars/Olympus"), "Unknown time zone"),
        (lambda w, c: ops.edit_workshop(w, title=""), "title cannot be empty"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    session: Session, build: object, message: str
) -> None:
    before = reopened(session)
    with raises_saying((ValidationError, NotFoundError), message):
        build(session.workshop, first_column(session))  # type: ignore[operator]
    assert reopened(session) == before


def test_text_is_cleaned(session: Session) -> None:
    step = session.do(
        ops.add_problem(session.workshop, first_column(session), "  Cafe\u0301 invoices  ")
    )
    added = step.changes[-1].after
    assert added.title == "Café invoices"  # type: ignore[union-attr]


def test_problem_numbers_are_stable_and_new_ones_follow(session: Session) -> None:
    numbers = sorted(p.number for p in session.workshop.problems.values())
    step = session.do(ops.add_problem(session.workshop, first_column(session), "New"))
    assert step.changes[-1].after.number == numbers[-1] + 1  # type: ignore[union-attr]


def test_do_all_is_one_undo_step_and_refusal_changes_nothing(session: Session) -> None:
    from workshopdesk.core.changes import Label

    problem = some_problem(session)
    before = reopened(session)
    session.do_all(
        Label("edit_problem", {"title": "x"}),
        [
            lambda w: ops.edit_problem(w, problem, title="First"),
            lambda w: ops.edit_problem(w, problem, customer="Second"),
            lambda w: ops.add_solution(w, problem, "Third"),
        ],
    )
    assert session.workshop.problems[problem].title == "First"
    assert session.workshop.problems[problem].customer == "Second"
    session.undo()
    assert reopened(session) == before
    with pytest.raises(ValidationError):
        session.do_all(
            Label("edit_problem", {"title": "x"}),
            [
                lambda w: ops.edit_problem(w, problem, title="Fine"),
                lambda w: ops.edit_problem(w, problem, title=""),
            ],
        )
    assert reopened(session) == before
    assert snapshot(session.workshop) == before


def test_progress_counts_problems_with_an_agreed_solution(session: Session) -> None:
    ws = session.workshop
    progress = ws.progress()
    assert (
        render(progress.message())
        == f"{progress.solved} of {progress.total} problems have an agreed solution"
    )
    unsolved = next(iter(progress.unsolved_ids))
    session.do(ops.add_solution(ws, unsolved, "Proposed only"))
    assert ws.progress().solved == progress.solved
    session.do(ops.add_solution(ws, unsolved, "Agreed", status="agreed"))
    assert ws.progress().solved == progress.solved + 1
    assert unsolved not in ws.progress().unsolved_ids


def test_text_that_is_not_valid_unicode_and_huge_numbers_are_refused(session: Session) -> None:
    column = first_column(session)
    with raises_saying(ValidationError, "not valid text"):
        ops.add_problem(session.workshop, column, "Broken \ud800 text")
    solution = next(iter(session.workshop.solutions))
    with raises_saying(ValidationError, "Votes must be"):
        ops.edit_solution(session.workshop, solution, votes=10**30)
    problem = some_problem(session)
    with raises_saying(ValidationError, "number must be"):
        ops.edit_problem(session.workshop, problem, number=10**30)


def test_team_colours_come_from_one_palette_and_come_round_again(blank_path: object) -> None:
    from workshopdesk.core.palette import TEAM_COLOURS, next_team_colour

    file = WorkshopFile.open(blank_path, Mode.EDIT)  # type: ignore[arg-type]
    try:
        session = Session(file)
        ws = session.workshop
        for team in list(ws.teams.values()):
            session.do(ops.delete_team(ws, team.id))
        session.do(ops.add_team(ws, "Mine", TEAM_COLOURS[1]))
        assert next_team_colour(ws) == TEAM_COLOURS[0]
        for n in range(len(TEAM_COLOURS) - 1):
            session.do(ops.add_team(ws, f"Team {n}"))
        assert sorted(t.color for t in ws.teams.values()) == sorted(TEAM_COLOURS)
        session.do(ops.add_team(ws, "One more"))
        assert ws.ordered_teams()[-1].color == TEAM_COLOURS[0], "all taken: round again"
    finally:
        file.close()


def test_a_follow_up_is_open_until_marked_done_or_dropped(session: Session) -> None:
    ws = session.workshop
    problem = some_problem(session)
    step = session.do(ops.add_follow_up(ws, problem, "Call Hallström's IT"))
    follow_up = step.changes[-1].after
    assert follow_up is not None
    added = ws.follow_ups[follow_up.id]
    assert (added.status, added.outcome) == (FollowUpStatus.OPEN, "")
    step = session.do(
        ops.edit_follow_up(ws, added.id, status="done", outcome="  Tenant IDs collected.\r\n ")
    )
    assert render(step.label) == f"Edit a follow-up to '{ws.problems[problem].title}'"
    done = ws.follow_ups[added.id]
    assert (done.status, done.outcome) == (FollowUpStatus.DONE, "Tenant IDs collected.")
    with raises_saying(ValidationError, "A follow-up is open, done or dropped, not 'later'."):
        ops.edit_follow_up(ws, added.id, status="later")
    with raises_saying(ValidationError, "The outcome is too long"):
        ops.edit_follow_up(ws, added.id, outcome="x" * 10_001)
    session.undo()
    assert ws.follow_ups[added.id].status is FollowUpStatus.OPEN
