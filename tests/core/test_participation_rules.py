"""The rules for what phones bring (a joined phone, an idea, a round, a dot, "I'm done"):
what is kept of what arrives, and the sentence shown when it breaks a rule."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.core.board import IDS, board, uid
from workshopdesk.core.changes import Change
from workshopdesk.core.entities import (
    Device,
    Dot,
    Entity,
    Finished,
    Idea,
    IdeaState,
    Round,
    RoundKind,
)
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.limits import DOTS_MAX, IDEA_MAX, NUMBER_MAX
from workshopdesk.core.validation import validated
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import error_text

I = IDS  # noqa: E741
PHONE = uid(41)
ROUND = uid(42)
IDEA = uid(43)
DOT = uid(44)
MARK = uid(45)
NOW = "2027-02-11T10:00:00+01:00"

DEVICE = Device(PHONE, NOW, "Ann", I.sales)
VOTE = Round(ROUND, RoundKind.VOTE, NOW)
IDEA_SENT = Idea(IDEA, 1, I.p1, PHONE, "Weekly", NOW)


def with_phone() -> Workshop:
    ws = board()
    ws.apply_all([Change(None, DEVICE), Change(None, VOTE)])
    return ws


def refused(entity: Entity, ws: Workshop | None = None) -> str:
    with pytest.raises(ValidationError) as caught:
        validated(with_phone() if ws is None else ws, entity)
    return error_text(caught.value)


def test_a_joined_phone_is_kept_cleaned() -> None:
    kept = validated(
        board(),
        Device(PHONE, "2027-02-11T10:00+01:00", "  Ann ", I.dev, 1, 0),  # type: ignore[arg-type]
    )
    assert kept == Device(PHONE, NOW, "Ann", I.dev, True, False)
    assert kept.blocked is True and kept.active is False


def test_what_a_phone_cannot_join_with() -> None:
    assert refused(replace(DEVICE, name="a\nb")) == (
        "Your name must be a single line without control characters."
    )
    assert refused(replace(DEVICE, joined_at="")) == "When the phone joined is missing."
    assert refused(replace(DEVICE, joined_at="10 o'clock")) == (
        "When the phone joined must be a date and time like 2027-02-11T09:00:00+01:00, "
        'not "10 o\'clock".'
    )
    assert refused(replace(DEVICE, team_id=I.p1)) == "That team does not exist."


def test_an_idea_is_kept_cleaned() -> None:
    arrived = Idea(IDEA, 1, I.p1, PHONE, "  Weekly \r\n", "2027-02-11T10:00+01:00")
    kept = validated(with_phone(), replace(arrived, state="waiting", request_id=" r1 "))  # type: ignore[arg-type]
    assert kept == replace(IDEA_SENT, request_id="r1")
    assert kept.state is IdeaState.WAITING
    longest = validated(with_phone(), replace(IDEA_SENT, text="x" * IDEA_MAX, number=NUMBER_MAX))
    assert len(longest.text) == IDEA_MAX
    assert validated(with_phone(), replace(IDEA_SENT, request_id="r" * 64)).request_id == "r" * 64


def test_what_an_idea_cannot_be() -> None:
    assert refused(replace(IDEA_SENT, text="  ")) == "Your idea cannot be empty."
    assert refused(replace(IDEA_SENT, text="x" * (IDEA_MAX + 1))) == (
        "Your idea is too long: 1,001 characters, at most 1,000."
    )
    assert refused(replace(IDEA_SENT, sent_at="")) == "When the idea was sent is missing."
    assert refused(replace(IDEA_SENT, state="lost")) == "An idea's state cannot be 'lost'."  # type: ignore[arg-type]
    assert refused(replace(IDEA_SENT, request_id="r" * 65)) == (
        "The request is too long: 65 characters, at most 64."
    )
    for number in (0, NUMBER_MAX + 1, True):
        assert refused(replace(IDEA_SENT, number=number)) == (
            "An idea's number must be from 1 to 999,999,999."
        ), number
    assert refused(replace(IDEA_SENT, problem_id=uid(77))) == "That problem no longer exists."
    assert refused(replace(IDEA_SENT, device_id=uid(77))) == "That phone has not joined."
    assert refused(replace(IDEA_SENT, solution_id=uid(77))) == (
        "The idea's solution does not exist."
    )
    assert refused(replace(IDEA_SENT, round_id=uid(77))) == "The idea's round does not exist."
    merged = replace(IDEA_SENT, solution_id=I.s1, round_id=ROUND)
    assert validated(with_phone(), merged) == merged


def test_a_round_is_kept_cleaned() -> None:
    arrived = Round(
        ROUND,
        "vote",  # type: ignore[arg-type]
        "2027-02-11T10:00+01:00",
        problem_id=I.p1,
        dots=DOTS_MAX,
        hidden=1,  # type: ignore[arg-type]
        revealed=1,  # type: ignore[arg-type]
        ended_at="2027-02-11T11:00+01:00",
    )
    kept = validated(board(), arrived)
    assert kept.round_kind is RoundKind.VOTE
    assert (kept.started_at, kept.ended_at) == (NOW, "2027-02-11T11:00:00+01:00")
    assert kept.hidden is True and kept.revealed is True and kept.dots == DOTS_MAX
    assert validated(board(), replace(VOTE, dots=1)).dots == 1


def test_what_a_round_cannot_be() -> None:
    ws = board()
    assert refused(replace(VOTE, round_kind="chat"), ws) == "A round cannot be 'chat'."  # type: ignore[arg-type]
    assert refused(replace(VOTE, started_at=""), ws) == "When the round started is missing."
    assert refused(replace(VOTE, ended_at="later"), ws) == (
        "When the round ended must be a date and time like 2027-02-11T09:00:00+01:00, not 'later'."
    )
    for dots in (0, DOTS_MAX + 1, True):
        assert refused(replace(VOTE, dots=dots), ws) == "A vote gives each phone 1 to 20 dots."
    assert refused(replace(VOTE, problem_id=uid(77)), ws) == "That problem no longer exists."


def test_a_dot_and_a_mark_belong_to_a_round_and_a_phone() -> None:
    dot = Dot(DOT, ROUND, PHONE, I.s1)
    assert validated(with_phone(), dot) == dot
    orphaned = "That dot belongs to no vote or no phone."
    assert refused(replace(dot, round_id=uid(77))) == orphaned
    assert refused(replace(dot, device_id=uid(77))) == orphaned
    assert refused(replace(dot, solution_id=uid(77))) == "That solution no longer exists."
    mark = Finished(MARK, ROUND, PHONE)
    assert validated(with_phone(), mark) == mark
    assert refused(replace(mark, round_id=uid(77))) == "That belongs to no round or no phone."
    assert refused(replace(mark, device_id=uid(77))) == "That belongs to no round or no phone."
