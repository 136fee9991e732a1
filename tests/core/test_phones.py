"""Phones taking part, as rules of the core: values after each operation, the refusals a
phone shows, and the one step that undoes everything."""

from __future__ import annotations

import pytest

from tests.words import raises_saying
from workshopdesk import starters
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import IdeaState, RoundKind, SolutionStatus
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.history import fits
from workshopdesk.core.operations.phones import ANONYMOUS, Refused
from workshopdesk.core.participation import (
    dots_of_device,
    finished_in,
    open_round,
    private_ideas,
    ranked,
    round_status,
    waiting_ideas,
)
from workshopdesk.core.workshop import Workshop

NOW = "2027-02-11T10:00:00+01:00"
ANN = "00000000-0000-4000-8000-00000000a001"
ANON = "00000000-0000-4000-8000-00000000a002"
BOB = "00000000-0000-4000-8000-00000000a003"
LATER = "2027-02-11T10:20:00+01:00"


def apply(ws: Workshop, step: Step) -> Step:
    assert fits(ws, step), "every change starts from what the workshop holds"
    ws.apply_all(step.changes)
    return step


@pytest.fixture
def ws() -> Workshop:
    workshop = starters.demo()
    team = workshop.ordered_teams()[0].id
    apply(workshop, ops.join(workshop, ANN, NOW, name="Ann", team_id=team))
    apply(workshop, ops.join(workshop, ANON, NOW))
    return workshop


def first_problem(ws: Workshop) -> str:
    """The problem with the most solutions (the demo's has three)."""
    return max(ws.ordered_problems(), key=lambda p: len(ws.solutions_of(p.id))).id


def test_joining_keeps_a_name_and_team_or_nothing_at_all(ws: Workshop) -> None:
    team = ws.ordered_teams()[0].id
    assert (ws.devices[ANN].name, ws.devices[ANN].team_id) == ("Ann", team)
    anonymous = ws.devices[ANON]
    assert (anonymous.name, anonymous.team_id) == ("", None)
    again = ops.join(ws, ANN, LATER, name="Ann", team_id=team)
    assert again.changes == ()
    renamed = apply(ws, ops.join(ws, ANN, LATER, name="Ann B."))
    assert ws.devices[ANN].name == "Ann B." and ws.devices[ANN].team_id is None
    assert ws.devices[ANN].joined_at == renamed.changes[0].before.joined_at  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        ops.join(ws, BOB, NOW, name="x" * 201)
    with pytest.raises(ValidationError):
        ops.join(ws, BOB, NOW, team_id="no-such-team")


def test_an_idea_waits_for_the_facilitator_and_becomes_a_credited_solution(ws: Workshop) -> None:
    problem = first_problem(ws)
    before = len(ws.solutions_of(problem))
    apply(ws, ops.send_idea(ws, ANN, problem, "Send invoices in euros", NOW, request_id="r1"))
    [idea] = waiting_ideas(ws)
    assert (idea.number, idea.text, idea.state) == (1, "Send invoices in euros", IdeaState.WAITING)
    assert len(ws.solutions_of(problem)) == before, "nothing on the wall yet"
    step = apply(ws, ops.approve_idea(ws, idea.number, text="Invoices in euros, from March"))
    assert step.label.msgid == "approve_idea"
    approved = ws.ideas[idea.id]
    assert approved.state is IdeaState.APPROVED and approved.solution_id is not None
    solution = ws.solutions[approved.solution_id]
    assert solution.text == "Invoices in euros, from March"
    assert solution.status is SolutionStatus.PROPOSED
    assert ws.attendees[solution.proposer_id].name == "Ann"  # type: ignore[index]
    assert solution.team_ids == (ws.devices[ANN].team_id,)
    assert ws.solutions_of(problem)[-1] == solution, "at the end of the problem's solutions"
    assert waiting_ideas(ws) == []
    # Undo (the inverted step) takes the solution, the new attendee and the approval back.
    apply(ws, step.inverted())
    assert ws.ideas[idea.id].state is IdeaState.WAITING and solution.id not in ws.solutions
    assert not any(a.name == "Ann" for a in ws.attendees.values())


def test_an_anonymous_idea_stays_anonymous(ws: Workshop) -> None:
    apply(ws, ops.send_idea(ws, ANON, first_problem(ws), "Shorter meetings", NOW))
    apply(ws, ops.approve_idea(ws, 1))
    solution = ws.solutions[ws.ideas[waiting_or_any(ws)].solution_id]  # type: ignore[index]
    assert solution.proposer_id is None and solution.team_ids == ()


def waiting_or_any(ws: Workshop) -> str:
    return next(iter(ws.ideas))


def test_a_retried_send_is_one_idea(ws: Workshop) -> None:
    problem = first_problem(ws)
    apply(ws, ops.send_idea(ws, ANN, problem, "Once", NOW, request_id="same"))
    assert ops.send_idea(ws, ANN, problem, "Once", NOW, request_id="same").changes == ()
    apply(ws, ops.send_idea(ws, ANON, problem, "Once", NOW, request_id="same"))
    assert len(ws.ideas) == 2, "another phone's request id is its own"


def test_without_moderation_ideas_go_straight_to_the_wall(ws: Workshop) -> None:
    problem = first_problem(ws)
    apply(ws, ops.send_idea(ws, ANN, problem, "Straight up", NOW, moderated=False))
    [idea] = ws.ideas.values()
    assert idea.state is IdeaState.APPROVED
    assert ws.solutions[idea.solution_id].text == "Straight up"  # type: ignore[index]


def test_merge_and_reject(ws: Workshop) -> None:
    problem = first_problem(ws)
    target = ws.solutions_of(problem)[0]
    apply(ws, ops.send_idea(ws, ANN, problem, "Same as the first", NOW))
    apply(ws, ops.send_idea(ws, ANON, problem, "Off topic", NOW))
    merged = apply(ws, ops.approve_idea(ws, 1, merge_into=target.id))
    assert merged.label.msgid == "merge_idea"
    assert ws.ideas[merged.changes[0].entity.id].solution_id == target.id
    assert ws.solutions[target.id] == target, "the solution's text stays"
    apply(ws, ops.reject_idea(ws, 2))
    assert [i.state for i in sorted(ws.ideas.values(), key=lambda i: i.number)] == [
        IdeaState.APPROVED,
        IdeaState.REJECTED,
    ]
    with raises_saying(ValidationError, "not waiting"):
        ops.reject_idea(ws, 2)
    other = next(p.id for p in ws.ordered_problems() if p.id != problem)
    apply(ws, ops.send_idea(ws, ANN, other, "Elsewhere", NOW))
    with raises_saying(ValidationError, "its problem"):
        ops.approve_idea(ws, 3, merge_into=target.id)


def test_silent_writing_stays_private_until_the_reveal(ws: Workshop) -> None:
    problem = first_problem(ws)
    apply(ws, ops.start_round(ws, RoundKind.WRITE, NOW))
    with raises_saying(ValidationError, "running already"):
        ops.start_round(ws, RoundKind.VOTE, NOW)
    apply(ws, ops.send_idea(ws, ANN, problem, "Private one", NOW))
    apply(ws, ops.send_idea(ws, ANON, problem, "Private two", NOW))
    assert waiting_ideas(ws) == [] and private_ideas(ws) == 2
    with raises_saying(ValidationError, "not waiting"):
        ops.approve_idea(ws, 1)
    apply(ws, ops.reveal_round(ws))
    assert [i.text for i in waiting_ideas(ws)] == ["Private one", "Private two"]
    assert private_ideas(ws) == 0
    apply(ws, ops.stop_round(ws, LATER))
    assert open_round(ws) is None


def test_a_reveal_without_moderation_puts_every_idea_up_at_once(ws: Workshop) -> None:
    problem = first_problem(ws)
    before = len(ws.solutions_of(problem))
    apply(ws, ops.start_round(ws, "write", NOW))
    apply(ws, ops.send_idea(ws, ANN, problem, "One", NOW, moderated=False))
    apply(ws, ops.send_idea(ws, ANON, problem, "Two", NOW, moderated=False))
    assert len(ws.solutions_of(problem)) == before, "private until revealed"
    step = apply(ws, ops.stop_round(ws, LATER, moderated=False))
    texts = [s.text for s in ws.solutions_of(problem)]
    assert texts[-2:] == ["One", "Two"] and len(texts) == before + 2
    rounds = [c for c in step.changes if c.kind == "round"]
    assert len(rounds) == 1 and rounds[0].after.revealed and rounds[0].after.ended_at  # type: ignore[union-attr]
    apply(ws, step.inverted())
    assert len(ws.solutions_of(problem)) == before and open_round(ws) is not None


def test_dot_voting_within_a_budget(ws: Workshop) -> None:
    problem = first_problem(ws)
    for text in ("A", "B", "C"):
        apply(ws, ops.add_solution(ws, problem, f"Candidate {text}"))
    solutions = [s.id for s in ws.solutions_of(problem)][-3:]
    with raises_saying(Refused, "no vote"):
        ops.set_dot(ws, ANN, solutions[0], True)
    apply(ws, ops.start_round(ws, RoundKind.VOTE, NOW, problem_id=problem, dots=2))
    apply(ws, ops.set_dot(ws, ANN, solutions[0], True))
    assert ops.set_dot(ws, ANN, solutions[0], True).changes == (), "a retry spends nothing"
    apply(ws, ops.set_dot(ws, ANN, solutions[1], True))
    with raises_saying(Refused, r"You have used your 2 dots\."):
        ops.set_dot(ws, ANN, solutions[2], True)
    apply(ws, ops.set_dot(ws, ANN, solutions[0], False))  # move a dot
    apply(ws, ops.set_dot(ws, ANN, solutions[2], True))
    apply(ws, ops.set_dot(ws, ANON, solutions[2], True))
    round_id = open_round(ws).id  # type: ignore[union-attr]
    assert sorted(d.solution_id for d in dots_of_device(ws, round_id, ANN)) == sorted(
        [solutions[1], solutions[2]]
    )
    ranking = ranked(ws, round_id, problem)
    assert [(s.id, n) for s, n in ranking[:2]] == [(solutions[2], 2), (solutions[1], 1)]
    rejected = next(
        (s for s in ws.solutions_of(problem) if s.status is SolutionStatus.REJECTED), None
    )
    if rejected is not None:
        with raises_saying(Refused, "not part of this vote"):
            ops.set_dot(ws, ANON, rejected.id, True)
    other = next(p for p in ws.ordered_problems() if p.id != problem and ws.solutions_of(p.id))
    with raises_saying(Refused, "not part of this vote"):
        ops.set_dot(ws, ANN, ws.solutions_of(other.id)[0].id, True)
    apply(ws, ops.mark_finished(ws, ANN))
    assert ops.mark_finished(ws, ANN).changes == ()
    status = round_status(ws)
    assert status is not None and (status.joined, status.done, status.dots) == (2, 1, 3)
    apply(ws, ops.stop_round(ws, LATER))
    with raises_saying(Refused, r"Voting has ended\."):
        ops.set_dot(ws, ANON, solutions[0], True)
    assert finished_in(ws, round_id) == {ANN}


def test_blocking_a_phone_drops_its_waiting_ideas_and_dots_in_one_step(ws: Workshop) -> None:
    problem = first_problem(ws)
    solution = ws.solutions_of(problem)[0].id
    apply(ws, ops.send_idea(ws, ANON, problem, "Spam", NOW))
    apply(ws, ops.send_idea(ws, ANN, problem, "Good", NOW))
    apply(ws, ops.start_round(ws, "vote", NOW))
    apply(ws, ops.set_dot(ws, ANON, solution, True))
    before = {k: dict(ws.collection(k)) for k in ("idea", "dot", "device")}
    step = apply(ws, ops.block_device(ws, ANON))
    assert step.label.params == {"name": ANONYMOUS}
    assert ws.devices[ANON].blocked
    assert [i.text for i in ws.ideas.values()] == ["Good"] and not ws.dots
    with raises_saying(Refused, "paused"):
        ops.send_idea(ws, ANON, problem, "Again", NOW)
    with raises_saying(Refused, "paused"):
        ops.join(ws, ANON, NOW, name="New name")
    assert round_status(ws).joined == 1  # type: ignore[union-attr]
    apply(ws, step.inverted())
    assert {k: dict(ws.collection(k)) for k in ("idea", "dot", "device")} == before


def test_deleting_a_problem_takes_what_phones_brought_for_it(ws: Workshop) -> None:
    problem = first_problem(ws)
    solution = ws.solutions_of(problem)[0].id
    apply(ws, ops.send_idea(ws, ANN, problem, "For this one", NOW))
    apply(ws, ops.start_round(ws, "vote", NOW, problem_id=problem))
    apply(ws, ops.set_dot(ws, ANN, solution, True))
    step = apply(ws, ops.delete_problem(ws, problem))
    assert not ws.ideas and not ws.dots
    assert open_round(ws).problem_id is None  # type: ignore[union-attr]
    apply(ws, step.inverted())
    assert len(ws.ideas) == 1 and len(ws.dots) == 1


def test_deleting_a_solution_takes_its_dots_and_unlinks_merged_ideas(ws: Workshop) -> None:
    problem = first_problem(ws)
    # one that is not its agreed solution: a card past Done keeps that one
    solution = next(s.id for s in ws.solutions_of(problem) if s.status is SolutionStatus.PROPOSED)
    apply(ws, ops.send_idea(ws, ANN, problem, "Merge me", NOW))
    apply(ws, ops.approve_idea(ws, 1, merge_into=solution))
    apply(ws, ops.start_round(ws, "vote", NOW))
    apply(ws, ops.set_dot(ws, ANON, solution, True))
    apply(ws, ops.delete_solution(ws, solution))
    [idea] = ws.ideas.values()
    assert idea.solution_id is None and idea.state is IdeaState.APPROVED and not ws.dots


def test_deleting_a_team_leaves_its_phones_without_a_team(ws: Workshop) -> None:
    team = ws.devices[ANN].team_id
    assert team is not None
    apply(ws, ops.delete_team(ws, team))
    assert ws.devices[ANN].team_id is None
