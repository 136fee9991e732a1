"""Every follow-up in one list: order, filters and what counts as overdue."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshopdesk import starters
from workshopdesk.core.entities import FollowUp, FollowUpStatus
from workshopdesk.core.follow_ups import chosen, is_overdue, listed, open_count


def test_the_list_is_soonest_first_with_undated_ones_last() -> None:
    ws = starters.demo()
    first = next(iter(ws.follow_ups.values()))
    problem = first.problem_id
    ws._put(FollowUp("a" * 8, problem, "Only a check-in", 99.0, check_in="2027-02-20"))
    ws._put(FollowUp("b" * 8, problem, "No date at all", 100.0))
    rows = listed(ws)
    firsts = [r.follow_up.due or r.follow_up.check_in for r in rows]
    assert firsts[:3] == ["2027-02-18", "2027-02-19", "2027-02-20"]
    assert rows[2].follow_up.text == "Only a check-in"
    assert rows[-1].follow_up.text == "No date at all" and firsts[-1] is None
    assert rows[-1].owner == ""
    assert rows[0].owner == "Jonas Öberg" and rows[0].problem.number == 2


def test_filters_by_owner_name_in_any_case_and_by_status() -> None:
    ws = starters.demo()
    rows = listed(ws)
    assert [r.owner for r in chosen(rows, owner="  annika LÖFGREN ")] == ["Annika Löfgren"]
    assert chosen(rows, owner="Annika") == []
    done = replace(rows[0].follow_up, status=FollowUpStatus.DONE)
    ws._put(done)
    assert open_count(ws) == 7
    only_done = chosen(listed(ws), statuses=[FollowUpStatus.DONE])
    assert [r.follow_up.id for r in only_done] == [done.id]


def test_only_open_follow_ups_past_their_due_date_are_overdue() -> None:
    f = FollowUp("c" * 8, "p", "Call", 1.0, due="2027-03-01")
    assert not is_overdue(f, date(2027, 3, 1))
    assert is_overdue(f, date(2027, 3, 2))
    assert not is_overdue(replace(f, status=FollowUpStatus.DONE), date(2027, 3, 2))
    assert not is_overdue(replace(f, status=FollowUpStatus.DROPPED), date(2027, 3, 2))
    assert not is_overdue(replace(f, due=None), date(2030, 1, 1))


def test_on_the_same_due_date_the_earlier_check_in_comes_first() -> None:
    ws = starters.demo()
    problem = next(iter(ws.problems))
    for key, check_in in (("d", "2027-05-10"), ("e", None), ("f", "2027-05-05")):
        ws._put(FollowUp(key * 8, problem, key, 200.0, due="2027-05-01", check_in=check_in))
    same_day = [r.follow_up.text for r in listed(ws) if r.follow_up.due == "2027-05-01"]
    assert same_day == ["f", "d", "e"]


def test_a_follow_up_left_without_its_problem_is_not_listed_and_hides_nothing() -> None:
    ws = starters.demo()
    kept = len(ws.follow_ups)
    orphan = FollowUp("0" * 8, "no-such-problem", "Left over", 1.0)
    others = list(ws.follow_ups.values())
    for follow_up in others:
        ws.follow_ups.pop(follow_up.id)
    ws._put(orphan)
    for follow_up in others:
        ws._put(follow_up)
    assert len(listed(ws)) == kept
    assert "Left over" not in {r.follow_up.text for r in listed(ws)}
