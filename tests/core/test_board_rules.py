"""The rules for everything on the board, whichever way it arrives (window, import):
what is kept of what was typed, and the sentence shown for each rule it breaks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.core.board import IDS, INFO, board, uid
from workshopdesk.core.entities import (
    Attendee,
    CheckIn,
    Entity,
    FollowUpStatus,
    SolutionStatus,
    Team,
)
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.limits import LIST_MAX, NUMBER_MAX, VOTES_MAX
from workshopdesk.core.validation import (
    check_date,
    check_datetime,
    check_timezone,
    check_uuid,
    clean_line,
    clean_tags,
    clean_text,
    validated,
)
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import error_text

I = IDS  # noqa: E741
WS = board()
TEAM = WS.teams[I.sales]
ANN = WS.attendees[I.ann]
TODO = WS.columns[I.todo]
P1 = WS.problems[I.p1]
S1 = WS.solutions[I.s1]
F1 = WS.follow_ups[I.f1]
GONE = uid(77)


def refused(entity: Entity) -> str:
    with pytest.raises(ValidationError) as caught:
        validated(board(), entity)
    return error_text(caught.value)


def says(attempt: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(ValidationError) as caught:
        attempt(*args, **kwargs)  # type: ignore[operator]
    return error_text(caught.value)


# -- the workshop's details -------------------------------------------------------------
def test_the_workshops_details_are_kept_cleaned() -> None:
    typed = replace(
        INFO,
        title="  Sales x Development ",
        venue=" Room 4 ",
        facilitator=" Kim ",
        goal=" Fewer\r\nsurprises ",
        invitation=" Come\ralong ",
        starts_at="2027-02-11T09:00+01:00",
        ends_at="2027-02-11T09:00+01:00",
        ground_rules=(" Be kind ",),
    )
    kept = validated(WS, typed)
    assert kept == replace(
        INFO,
        goal="Fewer\nsurprises",
        invitation="Come\nalong",
        starts_at="2027-02-11T09:00:00+01:00",
        ends_at="2027-02-11T09:00:00+01:00",
    )
    assert validated(WS, replace(INFO, ground_rules=("r",) * LIST_MAX)).ground_rules == (
        ("r",) * LIST_MAX
    )


def test_what_the_workshops_details_cannot_be() -> None:
    assert refused(replace(INFO, title=" ")) == "The workshop's title cannot be empty."
    assert refused(replace(INFO, venue="a\tb")) == (
        "The venue must be a single line without control characters."
    )
    assert refused(replace(INFO, facilitator="k" * 201)) == (
        "The facilitator's name is too long: 201 characters, at most 200."
    )
    assert refused(replace(INFO, goal="a\x00")) == "The shared goal contains control characters."
    assert refused(replace(INFO, invitation="a\x01")) == (
        "The invitation contains control characters."
    )
    assert refused(replace(INFO, starts_at="soon")) == (
        "The start must be a date and time like 2027-02-11T09:00:00+01:00, not 'soon'."
    )
    assert refused(replace(INFO, ends_at="2027-02-11T17:00")) == (
        "The end needs a time zone offset, like +01:00."
    )
    assert refused(replace(INFO, timezone="Mars/Olympus")) == "Unknown time zone 'Mars/Olympus'."
    assert refused(replace(INFO, ground_rules=("Be kind", " "))) == (
        "A ground rule cannot be empty."
    )
    assert refused(replace(INFO, ground_rules=("r",) * (LIST_MAX + 1))) == (
        "Too many ground rules, at most 100."
    )
    assert refused(replace(INFO, ends_at="2027-02-11T08:59:59+01:00")) == (
        "The workshop cannot end before it starts."
    )
    assert refused(replace(INFO, ends_at="2027-02-11T07:59:00+00:00")) == (
        "The workshop cannot end before it starts."
    ), "moments compare across offsets"
    assert refused(replace(INFO, language="de")) == "A workshop speaks one of en, sv, not 'de'."
    assert validated(WS, replace(INFO, language="sv")).language == "sv"


# -- ids ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("entity", "field"),
    [
        (INFO, "The workshop's id"),
        (TEAM, "The team's id"),
        (ANN, "The attendee's id"),
        (TODO, "The column's id"),
        (P1, "The problem's id"),
        (S1, "The solution's id"),
        (F1, "The follow-up's id"),
    ],
)
def test_every_id_is_a_lowercase_uuid(entity: Entity, field: str) -> None:
    assert refused(replace(entity, id="nope")) == f"{field} is not a valid id: 'nope'."
    upper = entity.id.upper().replace("0", "A")
    assert refused(replace(entity, id=upper)) == f"{field} is not a lowercase UUID: '{upper}'."


# -- teams, attendees, columns --------------------------------------------------------------
def test_a_team_is_kept_cleaned_and_its_name_is_its_own() -> None:
    kept = validated(WS, replace(TEAM, name=" Sales ", color=" #E07A5F "))
    assert kept == TEAM
    assert refused(replace(TEAM, name="")) == "The team's name cannot be empty."
    assert refused(replace(TEAM, color="")) == "The team's colour must be a colour like #3366cc."
    assert refused(replace(TEAM, id=uid(78), name="SALES")) == (
        "There is already a team called 'SALES'."
    )
    assert refused(replace(TEAM, name="dev")) == "There is already a team called 'dev'."


def test_an_attendee_is_kept_cleaned() -> None:
    typed = Attendee(
        ANN.id,
        " Ann ",
        1.0,
        I.dev,
        " Lead ",
        " ann@example.org ",
        " 070 ",
        1,  # type: ignore[arg-type]
    )
    kept = validated(WS, typed)
    assert kept == Attendee(ANN.id, "Ann", 1.0, I.dev, "Lead", "ann@example.org", "070", True)
    assert kept.consent_to_share is True
    assert validated(WS, replace(ANN, team_id=None)).team_id is None


def test_what_an_attendee_cannot_be() -> None:
    assert refused(replace(ANN, name="")) == "The attendee's name cannot be empty."
    assert refused(replace(ANN, role="a\nb")) == (
        "The role must be a single line without control characters."
    )
    assert refused(replace(ANN, email="x" * 201)) == (
        "The e-mail address is too long: 201 characters, at most 200."
    )
    assert refused(replace(ANN, phone="1\t2")) == (
        "The phone number must be a single line without control characters."
    )
    assert refused(replace(ANN, email="ann.example.org")) == (
        "'ann.example.org' does not look like an e-mail address."
    )
    assert refused(replace(ANN, team_id=GONE)) == "The attendee's team does not exist."


def test_a_column_is_kept_cleaned() -> None:
    assert validated(WS, replace(TODO, name=" To do ")) == TODO
    assert refused(replace(TODO, name=" ")) == "The column's name cannot be empty."


# -- problems --------------------------------------------------------------------------------
def test_a_problem_is_kept_cleaned() -> None:
    typed = replace(
        P1,
        title=" Late invoices ",
        customer=" ACME ",
        description=" one\r\ntwo ",
        stalled_because=" waiting\rfor IT ",
        color=" #ABCDEF ",
        tags=[" billing ", "Billing"],  # type: ignore[arg-type]
        team_ids=[I.sales, I.dev],  # type: ignore[arg-type]
    )
    kept = validated(WS, typed)
    assert kept == replace(
        P1,
        customer="ACME",
        description="one\ntwo",
        stalled_because="waiting\nfor IT",
        color="#abcdef",
        tags=("billing",),
        team_ids=(I.sales, I.dev),
    )
    assert isinstance(kept.team_ids, tuple)
    for number in (1, NUMBER_MAX):
        assert validated(WS, replace(P1, number=number)).number == number


def test_what_a_problem_cannot_be() -> None:
    assert refused(replace(P1, title="")) == "The problem's title cannot be empty."
    assert refused(replace(P1, customer="a\nb")) == (
        "The customer must be a single line without control characters."
    )
    assert refused(replace(P1, description="a\x00")) == (
        "The description contains control characters."
    )
    assert refused(replace(P1, stalled_because="a\x00")) == (
        "Why it stalled contains control characters."
    )
    assert refused(replace(P1, color="red")) == "The card colour must be a colour like #3366cc."
    assert refused(replace(P1, tags=("x" * 51,))) == (
        "A tag is too long: 51 characters, at most 50."
    )
    assert refused(replace(P1, tags=("",))) == "A tag cannot be empty."
    assert refused(replace(P1, tags=tuple(f"t{n}" for n in range(101)))) == (
        "Too many tags: 101, at most 100."
    )
    assert refused(replace(P1, team_ids=(GONE,))) == (
        f"Unknown team among the teams with a stake: {GONE}."
    )
    assert refused(replace(P1, team_ids=(I.dev, I.dev))) == (
        "The same team is listed twice among the teams with a stake."
    )
    assert refused(replace(P1, team_ids=(I.dev,) * 101)) == (
        "Too many teams among the teams with a stake: 101, at most 100."
    )
    crowded = Workshop(
        INFO,
        [
            *board().entities()[1:],
            *(Team(uid(1000 + n), f"Team {n}", "#000000", 10.0 + n) for n in range(98)),
        ],
    )
    every = tuple(crowded.teams)
    assert len(every) == LIST_MAX
    assert validated(crowded, replace(P1, team_ids=every)).team_ids == every, "up to the limit"
    for number in (0, NUMBER_MAX + 1, True):
        assert refused(replace(P1, number=number)) == (
            "A problem's number must be from 1 to 999,999,999."
        ), number
    assert refused(replace(P1, column_id=GONE)) == "The problem's column does not exist."
    assert refused(replace(P1, number=2)) == "Two problems cannot share number 2."


# -- solutions and follow-ups ---------------------------------------------------------------
def test_a_solution_is_kept_cleaned() -> None:
    typed = replace(
        S1,
        text=" Send\r\nweekly ",
        status="agreed",  # type: ignore[arg-type]
        team_ids=[I.dev],  # type: ignore[arg-type]
        proposer_id=None,
    )
    kept = validated(WS, typed)
    assert kept == replace(
        S1, text="Send\nweekly", status=SolutionStatus.AGREED, team_ids=(I.dev,), proposer_id=None
    )
    assert kept.status is SolutionStatus.AGREED
    for votes in (0, VOTES_MAX):
        assert validated(WS, replace(S1, votes=votes)).votes == votes


def test_what_a_solution_cannot_be() -> None:
    assert refused(replace(S1, text=" ")) == "The solution cannot be empty."
    assert refused(replace(S1, status="maybe")) == (  # type: ignore[arg-type]
        "A solution is proposed, agreed or rejected, not 'maybe'."
    )
    assert refused(replace(S1, team_ids=(GONE,))) == (
        f"Unknown team among the solution's teams: {GONE}."
    )
    assert refused(replace(S1, problem_id=GONE)) == "The solution's problem does not exist."
    assert refused(replace(S1, proposer_id=GONE)) == "The proposer is not an attendee."
    for votes in (-1, VOTES_MAX + 1, True):
        assert refused(replace(S1, votes=votes)) == "Votes must be from 0 to 1,000,000.", votes


def test_a_follow_up_is_kept_cleaned() -> None:
    typed = replace(
        F1,
        text=" Ask\r\nfinance ",
        due="2027-03-01",
        check_in="",
        status="done",  # type: ignore[arg-type]
        outcome=" Paid ",
        owner_id=None,
    )
    kept = validated(WS, typed)
    assert kept == replace(
        F1, text="Ask\nfinance", status=FollowUpStatus.DONE, outcome="Paid", owner_id=None
    )
    assert kept.check_in is None and kept.status is FollowUpStatus.DONE
    assert validated(WS, replace(F1, check_in="2027-04-01")).check_in == "2027-04-01"


def test_what_a_follow_up_cannot_be() -> None:
    assert refused(replace(F1, text="")) == "The follow-up cannot be empty."
    assert refused(replace(F1, due="soon")) == (
        "The due date must be a date like 2027-02-11, not 'soon'."
    )
    assert refused(replace(F1, check_in="1/4")) == (
        "The check-in date must be a date like 2027-02-11, not '1/4'."
    )
    assert refused(replace(F1, status="later")) == (  # type: ignore[arg-type]
        "A follow-up is open, done or dropped, not 'later'."
    )
    assert refused(replace(F1, outcome="a\x00")) == "The outcome contains control characters."
    assert refused(replace(F1, problem_id=GONE)) == "The follow-up's problem does not exist."
    assert refused(replace(F1, owner_id=GONE)) == "The owner is not an attendee."


# -- check-ins -------------------------------------------------------------------------------
CHECK_IN = CheckIn(uid(41), "2027-03-02")


def test_a_check_in_is_kept_cleaned() -> None:
    typed = replace(
        CHECK_IN,
        held_on="20270302",
        came=(" Ann ", "Bo", "Ann"),
        reviewed=(I.f1, I.f1),
        notes=" On track.\r\nNext: budget ",
        next_on="20270316",
    )
    assert validated(WS, typed) == replace(
        CHECK_IN,
        held_on="2027-03-02",
        came=("Ann", "Bo"),
        reviewed=(I.f1,),
        notes="On track.\nNext: budget",
        next_on="2027-03-16",
    )
    many = tuple(f"Person {n}" for n in range(LIST_MAX))
    assert validated(WS, replace(CHECK_IN, came=many)).came == many, "up to the limit"


def test_what_a_check_in_cannot_be() -> None:
    assert refused(replace(CHECK_IN, held_on="")) == "The check-in's date is missing."
    assert refused(replace(CHECK_IN, came=("Ann", " "))) == "The name of who came cannot be empty."
    assert refused(replace(CHECK_IN, reviewed=(GONE,))) == "That follow-up no longer exists."
    assert refused(replace(CHECK_IN, next_on="6 March")) == (
        "The next check-in's date must be a date like 2027-02-11, not '6 March'."
    )
    assert (
        refused(replace(CHECK_IN, notes="a\x00b"))
        == "The text of the notes contains control characters."
    )


# -- the checks themselves ------------------------------------------------------------------
def test_each_check_names_what_it_checked() -> None:
    assert says(clean_line, 3, "The note") == "The note must be text."
    assert says(clean_text, None, "The note") == "The note must be text."
    assert says(clean_text, "\ud800", "The note") == (
        "The note contains characters that are not valid text."
    )
    assert says(clean_line, "x" * 1001, "The note", limit=1000) == (
        "The note is too long: 1,001 characters, at most 1,000."
    )
    assert says(clean_text, "x" * 10_001, "The note") == (
        "The note is too long: 10,001 characters, at most 10,000."
    )
    assert clean_text("x" * 10_000, "The note") == "x" * 10_000
    assert clean_line("x" * 200, "The note") == "x" * 200
    assert says(clean_line, "x" * 201, "The note") == (
        "The note is too long: 201 characters, at most 200."
    )
    assert says(clean_text, " ", "The note", required=True) == "The note cannot be empty."
    assert says(check_uuid, None, "The id") == "The id is not a valid id: 'None'."
    assert says(check_uuid, 5, "The id") == "The id is not a valid id: '5'."
    assert says(check_date, "2027-13-01", "The day") == (
        "The day must be a date like 2027-02-11, not '2027-13-01'."
    )
    assert says(check_datetime, 20270211, "The moment") == (
        "The moment must be a date and time like 2027-02-11T09:00:00+01:00, not '20270211'."
    )
    assert check_datetime(None, "The moment") is None
    assert check_date("2027-02-11", "x") == "2027-02-11"
    assert says(check_timezone, "Nowhere") == "Unknown time zone 'Nowhere'."
    assert says(check_timezone, "/etc/passwd") == "Unknown time zone '/etc/passwd'."
    assert clean_tags(("a", "b")) == ("a", "b")
