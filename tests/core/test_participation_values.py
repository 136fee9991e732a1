"""What the views ask about phones taking part: whose ideas, the dots the room may see,
and the dots cast in the open vote; and each team's share of the solutions."""

from __future__ import annotations

from tests.core.board import IDS, board, done
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Round, RoundKind
from workshopdesk.core.participation import (
    current_dots,
    idea_by_number,
    ideas_of_device,
    latest_round,
    open_round,
    round_status,
    visible_dots,
)
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import error_text

I = IDS  # noqa: E741
NOW = "2027-02-11T10:00:00+01:00"
LATER = "2027-02-11T10:30:00+01:00"
ANN = "00000000-0000-4000-8000-00000000a001"
BO = "00000000-0000-4000-8000-00000000a002"


def joined_board() -> Workshop:
    ws = board()
    done(ws, ops.join(ws, ANN, NOW, name="Ann"))
    done(ws, ops.join(ws, BO, NOW, name="Bo"))
    return ws


def test_a_phones_ideas_are_its_own_in_the_order_sent() -> None:
    ws = joined_board()
    done(ws, ops.send_idea(ws, ANN, I.p1, "First", NOW))
    done(ws, ops.send_idea(ws, BO, I.p1, "Bo's", NOW))
    done(ws, ops.send_idea(ws, ANN, I.p2, "Second", NOW))
    assert [(i.text, i.number) for i in ideas_of_device(ws, ANN)] == [("First", 1), ("Second", 3)]
    assert [i.text for i in ideas_of_device(ws, BO)] == ["Bo's"]
    assert ideas_of_device(ws, "nobody") == []


def test_dots_count_only_while_a_vote_is_open() -> None:
    ws = joined_board()
    assert current_dots(ws) == 0 and visible_dots(ws) is None
    done(ws, ops.start_round(ws, "write", NOW))
    assert current_dots(ws) == 0 and visible_dots(ws) is None, "a writing round has no dots"
    done(ws, ops.stop_round(ws, NOW))
    done(ws, ops.start_round(ws, "vote", NOW))
    assert visible_dots(ws) == {}
    done(ws, ops.set_dot(ws, ANN, I.s1, True))
    done(ws, ops.set_dot(ws, BO, I.s1, True))
    assert current_dots(ws) == 2
    assert visible_dots(ws) == {I.s1: 2}
    done(ws, ops.stop_round(ws, LATER))
    assert current_dots(ws) == 0, "the vote ended"
    assert visible_dots(ws) == {I.s1: 2}, "the room still sees the last vote"


def test_hidden_counts_show_only_once_the_vote_ends() -> None:
    ws = joined_board()
    done(ws, ops.start_round(ws, "vote", NOW))
    done(ws, ops.set_dot(ws, ANN, I.s1, True))
    done(ws, ops.stop_round(ws, NOW))
    done(ws, ops.start_round(ws, "vote", LATER, hidden=True))
    done(ws, ops.set_dot(ws, BO, I.s1, True))
    done(ws, ops.set_dot(ws, ANN, I.s1, True))
    assert current_dots(ws) == 2
    assert visible_dots(ws) is None, "the open hidden vote is the last one"
    done(ws, ops.stop_round(ws, LATER))
    assert visible_dots(ws) == {I.s1: 2}, "the hidden vote's own dots, not the earlier one's"


def test_each_team_counts_the_solutions_its_members_proposed() -> None:
    ws = board()
    assert ws.team_participation() == {I.sales: 1, I.dev: 0}
    done(ws, ops.add_solution(ws, I.p2, "Bo's idea", proposer_id=I.bo))
    done(ws, ops.add_solution(ws, I.p2, "Nobody's"))
    done(ws, ops.add_attendee(ws, "Cy"))
    cy = next(a.id for a in ws.attendees.values() if a.name == "Cy")
    done(ws, ops.add_solution(ws, I.p3, "Cy's, without a team", proposer_id=cy))
    assert ws.team_participation() == {I.sales: 1, I.dev: 1}


def test_a_step_names_what_it_touched() -> None:
    ws = board()
    step = ops.delete_problem(ws, I.p1)
    assert step.kinds() == frozenset({"problem", "solution", "follow_up"})
    assert step.ids("problem") == frozenset({I.p1})
    assert step.ids("solution") == frozenset({I.s1})
    assert step.ids("team") == frozenset()
    empty = Step(Label("nothing"), ())
    assert empty.kinds() == frozenset() and empty.ids("problem") == frozenset()
    one = Step(Label("x"), (Change(ws.teams[I.dev], None),))
    assert one.kinds() == frozenset({"team"}) and one.ids("team") == frozenset({I.dev})


def test_the_round_that_runs_counts_as_the_latest_even_if_it_started_earlier() -> None:
    ws = joined_board()
    assert latest_round(ws) is None and round_status(ws) is None
    ended = Round(uid_round(1), RoundKind.VOTE, LATER, ended_at=LATER)
    running = Round(uid_round(2), RoundKind.WRITE, NOW)
    ws.apply_all([Change(None, ended), Change(None, running)])
    assert latest_round(ws) == running
    status = round_status(ws)
    assert status is not None and status.round == running and status.joined == 2
    assert visible_dots(ws) == {}, "the vote that ended is the last vote"


def test_of_two_rounds_left_open_the_one_started_last_is_open() -> None:
    ws = joined_board()
    first = Round(uid_round(1), RoundKind.VOTE, NOW)
    second = Round(uid_round(2), RoundKind.VOTE, LATER)
    ws.apply_all([Change(None, second), Change(None, first)])
    assert open_round(ws) == second and latest_round(ws) == second
    same_time = Round(uid_round(3), RoundKind.VOTE, LATER)
    ws.apply(Change(None, same_time))
    assert open_round(ws) == same_time, "then by id, the same in every view"


def test_an_idea_is_found_by_its_number_or_not_at_all() -> None:
    ws = joined_board()
    done(ws, ops.send_idea(ws, ANN, I.p1, "First", NOW))
    done(ws, ops.send_idea(ws, BO, I.p1, "Second", NOW))
    found = idea_by_number(ws, 2)
    assert found is not None and found.text == "Second"
    assert idea_by_number(ws, 3) is None


def test_moving_an_unsolved_card_to_done_says_which_card_and_column() -> None:
    ws = board()
    try:
        ops.move_problem(ws, I.p1, I.done)
    except ops.NeedsAgreedSolution as refused:
        assert error_text(refused) == (
            "'Late invoices' needs an agreed solution before it can move to Done."
        )
        assert (refused.problem_id, refused.column_id) == (I.p1, I.done)
    else:
        raise AssertionError("the card moved without an agreed solution")


def uid_round(n: int) -> str:
    return f"00000000-0000-4000-8000-0000000r{n:04d}".replace("r", "b")
