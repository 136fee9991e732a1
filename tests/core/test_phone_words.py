"""What the activity log and Undo say for everything phones and the facilitator do with
them, what a phone is told when it is refused, and the values those steps leave."""

from __future__ import annotations

import pytest

from tests.core.board import IDS, board, refusal, said
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Step
from workshopdesk.core.entities import IdeaState
from workshopdesk.core.operations.phones import end_sessions
from workshopdesk.core.workshop import Workshop

I = IDS  # noqa: E741
NOW = "2027-02-11T10:00:00+01:00"
LATER = "2027-02-11T10:30:00+01:00"
ANN = "00000000-0000-4000-8000-00000000a001"
ANON = "00000000-0000-4000-8000-00000000a002"
CY = "00000000-0000-4000-8000-00000000a003"


def apply(ws: Workshop, step: Step) -> Step:
    ws.apply_all(step.changes)
    return step


@pytest.fixture
def ws() -> Workshop:
    workshop = board()
    apply(workshop, ops.join(workshop, ANN, NOW, name="Ann", team_id=I.sales))
    apply(workshop, ops.join(workshop, ANON, NOW))
    return workshop


def test_joining_is_logged_by_name_and_joining_again_unchanged_too(ws: Workshop) -> None:
    assert said(ops.join(ws, CY, NOW, name="Cy")) == "Cy joined"
    assert said(ops.join(ws, CY, NOW)) == "anonymous phone joined"
    again = ops.join(ws, ANN, LATER, name="Ann", team_id=I.sales)
    assert again.changes == () and said(again) == "Ann joined"
    renamed = apply(ws, ops.join(ws, ANN, LATER, name="  Ann B. "))
    assert ws.devices[ANN].name == "Ann B.", "a name that joins again is cleaned too"
    assert said(ops.join(ws, ANN, LATER, name="Ann B.")) == "Ann B. joined" and renamed


def test_ideas_are_logged_with_who_sent_them_and_for_which_problem(ws: Workshop) -> None:
    first = apply(ws, ops.send_idea(ws, ANN, I.p1, "Weekly", NOW, request_id="r1"))
    assert said(first) == "Ann sent an idea for 'Late invoices'"
    retry = ops.send_idea(ws, ANN, I.p1, "Weekly", NOW, request_id="r1")
    assert retry.changes == () and said(retry) == "Ann sent an idea for 'Late invoices'"
    anonymous = ops.send_idea(ws, ANON, I.p2, "Call", NOW)
    assert said(anonymous) == "anonymous phone sent an idea for 'Lost leads'"
    straight = apply(ws, ops.send_idea(ws, ANN, I.p2, "Straight up", NOW, moderated=False))
    assert said(straight) == "Ann sent an idea for 'Lost leads'"


def test_the_facilitators_decisions_on_ideas_name_the_idea(ws: Workshop) -> None:
    for text in ("One", "Two", "Three"):
        apply(ws, ops.send_idea(ws, ANN, I.p1, text, NOW))
    assert said(apply(ws, ops.approve_idea(ws, 1))) == "Put idea 1 on the wall"
    merged = apply(ws, ops.approve_idea(ws, 2, merge_into=I.s1))
    assert said(merged) == "Merge idea 2 into a solution"
    third = next(i for i in ws.ideas.values() if i.number == 3)
    assert said(apply(ws, ops.reject_idea(ws, third.id))) == "Not use idea 3"
    assert ws.ideas[third.id].state is IdeaState.REJECTED


def test_rounds_dots_and_being_done_are_logged(ws: Workshop) -> None:
    assert said(apply(ws, ops.start_round(ws, "write", NOW))) == "Start a write round"
    assert said(apply(ws, ops.reveal_round(ws))) == "Reveal everyone's ideas"
    assert said(apply(ws, ops.mark_finished(ws, ANN))) == "Ann is done"
    again = ops.mark_finished(ws, ANN)
    assert again.changes == () and said(again) == "Ann is done"
    assert said(apply(ws, ops.stop_round(ws, LATER))) == "End the write round"
    assert said(apply(ws, ops.start_round(ws, "vote", LATER))) == "Start a vote round"
    assert said(apply(ws, ops.set_dot(ws, ANN, I.s1, True))) == "Ann placed a dot"
    twice = ops.set_dot(ws, ANN, I.s1, True)
    assert twice.changes == () and said(twice) == "Ann placed a dot"
    assert said(apply(ws, ops.set_dot(ws, ANN, I.s1, False))) == "Ann took a dot back"
    none_left = ops.set_dot(ws, ANN, I.s1, False)
    assert none_left.changes == () and said(none_left) == "Ann took a dot back"
    assert said(ops.mark_finished(ws, ANON)) == "anonymous phone is done"
    assert said(apply(ws, ops.stop_round(ws, LATER))) == "End the vote round"


def test_pausing_a_phone_and_a_new_link_are_logged(ws: Workshop) -> None:
    assert said(apply(ws, ops.block_device(ws, ANN))) == "Pause Ann's phone"
    again = ops.block_device(ws, ANN)
    assert again.changes == () and said(again) == "Pause Ann's phone"
    ended = apply(ws, end_sessions(ws))
    assert said(ended) == "End every phone's session (a new link)"
    assert not any(d.active for d in ws.devices.values())


def test_what_a_refused_phone_or_facilitator_reads(ws: Workshop) -> None:
    assert refusal(lambda: ops.send_idea(ws, CY, I.p1, "x", NOW)) == "Join the board first."
    assert refusal(lambda: ops.join(ws, CY, NOW, team_id=I.p1)) == "That team does not exist."
    assert refusal(lambda: ops.mark_finished(ws, ANN)) == "There is no round right now."
    assert refusal(lambda: ops.stop_round(ws, NOW)) == "No round is running."
    assert refusal(lambda: ops.reveal_round(ws)) == "No round is running."
    assert refusal(lambda: ops.approve_idea(ws, 7)) == "There is no idea 7."
    assert refusal(lambda: ops.approve_idea(ws, I.p1)) == "That idea no longer exists."
    assert refusal(lambda: ops.block_device(ws, CY)) == "That phone is not in this workshop."
    apply(ws, ops.send_idea(ws, ANN, I.p1, "Kept", NOW, moderated=False))
    assert refusal(lambda: ops.reject_idea(ws, 1)) == "Idea 1 is not waiting for a decision."
    apply(ws, ops.start_round(ws, "vote", NOW))
    assert refusal(lambda: ops.reveal_round(ws)) == "Only a writing round has ideas to reveal."
    apply(ws, ops.stop_round(ws, NOW))
    apply(ws, ops.start_round(ws, "write", NOW))
    apply(ws, ops.reveal_round(ws))
    assert refusal(lambda: ops.reveal_round(ws)) == "The ideas are revealed already."
    apply(ws, ops.block_device(ws, ANN))
    paused = "The facilitator has paused this phone."
    assert refusal(lambda: ops.send_idea(ws, ANN, I.p1, "x", NOW)) == paused
    assert refusal(lambda: ops.join(ws, ANN, NOW, name="Ann")) == paused


def test_an_idea_from_a_new_name_credits_a_new_attendee_last_in_the_phones_team() -> None:
    ws = board()
    apply(ws, ops.join(ws, CY, NOW, name="Cy", team_id=I.dev))
    apply(ws, ops.send_idea(ws, CY, I.p2, "Pair on it", NOW))
    apply(ws, ops.approve_idea(ws, 1))
    cy = next(a for a in ws.attendees.values() if a.name == "Cy")
    assert (cy.position, cy.team_id) == (3.0, I.dev)
    solution = next(s for s in ws.solutions.values() if s.text == "Pair on it")
    assert (solution.proposer_id, solution.team_ids) == (cy.id, (I.dev,))


def test_the_first_attendee_credited_in_an_empty_list_comes_first() -> None:
    ws = board()
    apply(ws, ops.delete_attendee(ws, I.ann))
    apply(ws, ops.delete_attendee(ws, I.bo))
    apply(ws, ops.join(ws, CY, NOW, name="Cy"))
    apply(ws, ops.send_idea(ws, CY, I.p2, "Pair on it", NOW, moderated=False))
    (cy,) = ws.attendees.values()
    assert (cy.name, cy.position, cy.team_id) == ("Cy", 1.0, None)


def test_an_idea_found_by_its_id_can_be_decided(ws: Workshop) -> None:
    apply(ws, ops.send_idea(ws, ANN, I.p1, "By id", NOW))
    (idea,) = ws.ideas.values()
    apply(ws, ops.approve_idea(ws, idea.id, text="Edited first"))
    assert ws.ideas[idea.id].state is IdeaState.APPROVED
    assert ws.solutions[ws.ideas[idea.id].solution_id or ""].text == "Edited first"


def test_an_idea_sent_during_a_vote_belongs_to_no_round(ws: Workshop) -> None:
    apply(ws, ops.start_round(ws, "vote", NOW))
    apply(ws, ops.send_idea(ws, ANN, I.p1, "During the vote", NOW))
    (idea,) = ws.ideas.values()
    assert idea.round_id is None and idea.state is IdeaState.WAITING


def test_a_round_starts_with_three_open_dots_unless_told(ws: Workshop) -> None:
    apply(ws, ops.start_round(ws, "vote", NOW))
    (plain,) = ws.rounds.values()
    assert (plain.dots, plain.hidden, plain.problem_id) == (3, False, None)
    apply(ws, ops.stop_round(ws, NOW))
    apply(ws, ops.start_round(ws, "vote", LATER, problem_id=I.p1, dots=5, hidden=True))
    told = next(r for r in ws.rounds.values() if r.id != plain.id)
    assert (told.dots, told.hidden, told.problem_id) == (5, True, I.p1)


def test_ending_a_vote_reveals_nothing_and_ending_writing_leaves_ideas_waiting(
    ws: Workshop,
) -> None:
    apply(ws, ops.start_round(ws, "vote", NOW))
    apply(ws, ops.stop_round(ws, LATER))
    (vote,) = ws.rounds.values()
    assert (vote.revealed, vote.ended_at) == (False, "2027-02-11T10:30:00+01:00")
    apply(ws, ops.start_round(ws, "write", LATER, problem_id=I.p1))
    apply(ws, ops.send_idea(ws, ANN, I.p1, "Private", LATER))
    apply(ws, ops.stop_round(ws, LATER))
    writing = next(r for r in ws.rounds.values() if r.id != vote.id)
    assert writing.revealed and writing.ended_at is not None
    assert [i.state for i in ws.ideas.values()] == [IdeaState.WAITING]


def test_revealing_without_moderation_puts_only_this_rounds_waiting_ideas_up(
    ws: Workshop,
) -> None:
    apply(ws, ops.send_idea(ws, ANN, I.p1, "Before the round", NOW))
    apply(ws, ops.start_round(ws, "write", NOW))
    apply(ws, ops.send_idea(ws, ANN, I.p2, "In the round", NOW))
    apply(ws, ops.reveal_round(ws, moderated=False))
    states = {i.text: i.state for i in ws.ideas.values()}
    assert states == {"Before the round": IdeaState.WAITING, "In the round": IdeaState.APPROVED}
    assert "In the round" in {s.text for s in ws.solutions.values()}
