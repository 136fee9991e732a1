"""A workshop made from a template gets ids of its own, and everything still refers to
the same things: the same teams, proposers, owners, columns and problems."""

from __future__ import annotations

from tests.core.board import IDS, board
from workshopdesk.core.rekey import rekeyed

I = IDS  # noqa: E741


def test_every_id_is_new_and_every_reference_follows() -> None:
    old = board()
    new = rekeyed(old)
    old_ids = {e.id for e in old.entities()}
    new_ids = {e.id for e in new.entities()}
    assert len(new_ids) == len(old_ids) and not old_ids & new_ids
    assert new.info.title == old.info.title and new.info.id != old.info.id

    teams = {t.name: t for t in new.teams.values()}
    people = {a.name: a for a in new.attendees.values()}
    columns = {c.name: c for c in new.columns.values()}
    problems = {p.number: p for p in new.problems.values()}
    assert people["Ann"].team_id == teams["Sales"].id and people["Bo"].team_id == teams["Dev"].id
    assert problems[1].column_id == columns["To do"].id
    assert problems[2].team_ids == (teams["Sales"].id, teams["Dev"].id)
    assert problems[4].column_id == columns["Done"].id and columns["Done"].is_done
    (weekly,) = new.solutions_of(problems[1].id)
    assert (weekly.text, weekly.proposer_id, weekly.votes) == (
        "Send them weekly",
        people["Ann"].id,
        2,
    )
    (agreed,) = new.solutions_of(problems[4].id)
    assert agreed.team_ids == (teams["Dev"].id,) and agreed.proposer_id is None
    (finance,) = new.follow_ups_of(problems[1].id)
    assert (finance.text, finance.owner_id, finance.due) == (
        "Ask finance",
        people["Bo"].id,
        "2027-03-01",
    )
    assert [t.name for t in new.ordered_teams()] == ["Sales", "Dev"]
    assert [t.color for t in new.ordered_teams()] == [t.color for t in old.ordered_teams()]


def test_two_copies_share_no_id() -> None:
    first, second = rekeyed(board()), rekeyed(board())
    assert not {e.id for e in first.entities()} & {e.id for e in second.entities()}
    assert {a.id for a in board().attendees.values()} == {I.ann, I.bo}, "the original stays"


def test_a_check_in_still_names_the_follow_ups_it_went_through() -> None:
    from tests.core.board import uid
    from workshopdesk.core.entities import CheckIn
    from workshopdesk.core.workshop import Workshop

    old = board()
    met = CheckIn(uid(41), "2027-03-02", came=("Ann",), reviewed=(I.f1,), notes="On track.")
    new = rekeyed(Workshop(old.info, [*old.entities()[1:], met]))
    (finance,) = new.follow_ups.values()
    (check_in,) = new.check_ins.values()
    assert check_in.id != met.id
    assert check_in.reviewed == (finance.id,)
    assert (check_in.held_on, check_in.came, check_in.notes) == (
        "2027-03-02",
        ("Ann",),
        "On track.",
    )
