"""The rules every entity must satisfy, whichever way it arrives (window, import, phone).

Each check raises :class:`ValidationError` with a sentence naming the field.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workshopdesk.core.entities import (
    Attendee,
    Column,
    Device,
    Dot,
    Entity,
    Finished,
    FollowUp,
    Idea,
    IdeaState,
    Problem,
    Round,
    RoundKind,
    Solution,
    SolutionStatus,
    Team,
    WorkshopInfo,
)
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.limits import (
    DOTS_MAX,
    IDEA_MAX,
    LIST_MAX,
    NUMBER_MAX,
    TAG_MAX,
    TEXT_MAX,
    TITLE_MAX,
    VOTES_MAX,
)
from workshopdesk.core.workshop import Workshop

E = TypeVar("E", bound=Entity)
S = TypeVar("S", bound=StrEnum)

_COLOR = re.compile(r"#[0-9a-f]{6}")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_MULTI_LINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_line(value: str, what: str, *, required: bool = False, limit: int = TITLE_MAX) -> str:
    """A one-line text: NFC, trimmed, no control characters, within ``limit``."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text.")
    text = unicodedata.normalize("NFC", value).strip()
    if _CONTROL_ONE_LINE.search(text):
        raise ValidationError(f"{what} must be a single line without control characters.")
    _check_length(text, what, required, limit)
    return text


def clean_text(value: str, what: str, *, required: bool = False, limit: int = TEXT_MAX) -> str:
    """A multi-line text: NFC, trimmed, newlines normalised to ``\\n``, within ``limit``."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text.")
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL_MULTI_LINE.search(text):
        raise ValidationError(f"{what} contains control characters.")
    _check_length(text, what, required, limit)
    return text


def _check_length(text: str, what: str, required: bool, limit: int) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: not text any file or phone can hold
        raise ValidationError(f"{what} contains characters that are not valid text.") from None
    if required and not text:
        raise ValidationError(f"{what} cannot be empty.")
    if len(text) > limit:
        raise ValidationError(f"{what} is too long: {len(text):,} characters, at most {limit:,}.")


def clean_color(value: str, what: str, *, required: bool = False) -> str:
    color = value.strip().lower() if isinstance(value, str) else value
    if color == "" and not required:
        return ""
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        raise ValidationError(f"{what} must be a colour like #3366cc.")
    return color


def clean_tags(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    tags: list[str] = []
    for value in values:
        tag = clean_line(value, "A tag", required=True, limit=TAG_MAX)
        if tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    if len(tags) > LIST_MAX:
        raise ValidationError(f"Too many tags: {len(tags)}, at most {LIST_MAX}.")
    return tuple(tags)


def check_uuid(value: str, what: str) -> str:
    try:
        canonical = str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError):
        raise ValidationError(f"{what} is not a valid id: {value!r}.") from None
    if canonical != value:
        raise ValidationError(f"{what} is not a lowercase UUID: {value!r}.")
    return value


def check_date(value: str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (ValueError, TypeError):
        raise ValidationError(f"{what} must be a date like 2027-02-11, not {value!r}.") from None


def check_datetime(value: str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (ValueError, TypeError):
        raise ValidationError(
            f"{what} must be a date and time like 2027-02-11T09:00:00+01:00, not {value!r}."
        ) from None
    if moment.tzinfo is None:
        raise ValidationError(f"{what} needs a time zone offset, like +01:00.")
    return moment.isoformat()


def check_timezone(value: str) -> str:
    if value == "":
        return value
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"Unknown time zone {value!r}.") from None
    return value


def _check_refs(ids: tuple[str, ...], known: dict[str, Team], what: str) -> tuple[str, ...]:
    if len(ids) > LIST_MAX:
        raise ValidationError(f"Too many {what}: {len(ids)}, at most {LIST_MAX}.")
    if len(set(ids)) != len(ids):
        raise ValidationError(f"The same team is listed twice among {what}.")
    for team_id in ids:
        if team_id not in known:
            raise ValidationError(f"Unknown team among {what}: {team_id}.")
    return tuple(ids)


def validated(ws: Workshop, entity: E) -> E:
    """``entity`` with its texts cleaned, after checking every rule and that everything
    it refers to exists in ``ws``. Nothing over the limits ever reaches a file."""
    check_uuid(entity.id, f"The {entity.kind.replace('_', '-')}'s id")
    result: Entity
    match entity:
        case WorkshopInfo():
            result = replace(
                entity,
                title=clean_line(entity.title, "The workshop's title", required=True),
                venue=clean_line(entity.venue, "The venue"),
                facilitator=clean_line(entity.facilitator, "The facilitator's name"),
                goal=clean_text(entity.goal, "The shared goal"),
                invitation=clean_text(entity.invitation, "The invitation"),
                starts_at=check_datetime(entity.starts_at, "The start"),
                ends_at=check_datetime(entity.ends_at, "The end"),
                timezone=check_timezone(entity.timezone),
                ground_rules=_clean_rules(entity.ground_rules),
            )
            if result.starts_at and result.ends_at:
                start = datetime.fromisoformat(result.starts_at)
                if datetime.fromisoformat(result.ends_at) < start:
                    raise ValidationError("The workshop cannot end before it starts.")
        case Team():
            result = replace(
                entity,
                name=clean_line(entity.name, "The team's name", required=True),
                color=clean_color(entity.color, "The team's colour", required=True),
            )
            for other in ws.teams.values():
                if other.id != result.id and other.name.casefold() == result.name.casefold():
                    raise ValidationError(f"There is already a team called '{result.name}'.")
        case Attendee():
            result = replace(
                entity,
                name=clean_line(entity.name, "The attendee's name", required=True),
                role=clean_line(entity.role, "The role"),
                email=clean_line(entity.email, "The e-mail address"),
                phone=clean_line(entity.phone, "The phone number"),
                consent_to_share=bool(entity.consent_to_share),
            )
            if result.email and "@" not in result.email:
                raise ValidationError(f"'{result.email}' does not look like an e-mail address.")
            if result.team_id is not None and result.team_id not in ws.teams:
                raise ValidationError("The attendee's team does not exist.")
        case Column():
            result = replace(
                entity, name=clean_line(entity.name, "The column's name", required=True)
            )
        case Problem():
            result = replace(
                entity,
                title=clean_line(entity.title, "The problem's title", required=True),
                customer=clean_line(entity.customer, "The customer"),
                description=clean_text(entity.description, "The description"),
                stalled_because=clean_text(entity.stalled_because, "Why it stalled"),
                color=clean_color(entity.color, "The card colour"),
                tags=clean_tags(entity.tags),
                team_ids=_check_refs(entity.team_ids, ws.teams, "the teams with a stake"),
            )
            if isinstance(result.number, bool) or not 1 <= result.number <= NUMBER_MAX:
                raise ValidationError(f"A problem's number must be from 1 to {NUMBER_MAX:,}.")
            if result.column_id not in ws.columns:
                raise ValidationError("The problem's column does not exist.")
            for problem in ws.problems.values():
                if problem.id != result.id and problem.number == result.number:
                    raise ValidationError(f"Two problems cannot share number {result.number}.")
        case Solution():
            result = replace(
                entity,
                text=clean_text(entity.text, "The solution", required=True),
                status=_status(entity.status),
                team_ids=_check_refs(entity.team_ids, ws.teams, "the solution's teams"),
            )
            if result.problem_id not in ws.problems:
                raise ValidationError("The solution's problem does not exist.")
            if result.proposer_id is not None and result.proposer_id not in ws.attendees:
                raise ValidationError("The proposer is not an attendee.")
            if isinstance(result.votes, bool) or not 0 <= result.votes <= VOTES_MAX:
                raise ValidationError(f"Votes must be from 0 to {VOTES_MAX:,}.")
        case FollowUp():
            result = replace(
                entity,
                text=clean_text(entity.text, "The follow-up", required=True),
                due=check_date(entity.due, "The due date"),
                check_in=check_date(entity.check_in, "The check-in date"),
            )
            if result.problem_id not in ws.problems:
                raise ValidationError("The follow-up's problem does not exist.")
            if result.owner_id is not None and result.owner_id not in ws.attendees:
                raise ValidationError("The owner is not an attendee.")
        case Device() | Idea() | Round() | Dot() | Finished():
            result = _validated_participation(ws, entity)
    return result  # type: ignore[return-value]


def _validated_participation(
    ws: Workshop, entity: Device | Idea | Round | Dot | Finished
) -> Entity:
    """The rules for what phones bring: devices, ideas, rounds, dots, "I'm done"."""
    result: Entity
    match entity:
        case Device():
            result = replace(
                entity,
                name=clean_line(entity.name, "Your name"),
                joined_at=_required_moment(entity.joined_at, "When the phone joined"),
                blocked=bool(entity.blocked),
                active=bool(entity.active),
            )
            if result.team_id is not None and result.team_id not in ws.teams:
                raise ValidationError("That team does not exist.")
        case Idea():
            result = replace(
                entity,
                text=clean_text(entity.text, "Your idea", required=True, limit=IDEA_MAX),
                sent_at=_required_moment(entity.sent_at, "When the idea was sent"),
                state=_enum(IdeaState, entity.state, "An idea's state"),
                request_id=clean_line(entity.request_id, "The request", limit=64),
            )
            if isinstance(result.number, bool) or not 1 <= result.number <= NUMBER_MAX:
                raise ValidationError(f"An idea's number must be from 1 to {NUMBER_MAX:,}.")
            if result.problem_id not in ws.problems:
                raise ValidationError("That problem no longer exists.")
            if result.device_id not in ws.devices:
                raise ValidationError("That phone has not joined.")
            if result.solution_id is not None and result.solution_id not in ws.solutions:
                raise ValidationError("The idea's solution does not exist.")
            if result.round_id is not None and result.round_id not in ws.rounds:
                raise ValidationError("The idea's round does not exist.")
        case Round():
            result = replace(
                entity,
                round_kind=_enum(RoundKind, entity.round_kind, "A round"),
                started_at=_required_moment(entity.started_at, "When the round started"),
                ended_at=check_datetime(entity.ended_at, "When the round ended"),
                hidden=bool(entity.hidden),
                revealed=bool(entity.revealed),
            )
            if isinstance(result.dots, bool) or not 1 <= result.dots <= DOTS_MAX:
                raise ValidationError(f"A vote gives each phone 1 to {DOTS_MAX} dots.")
            if result.problem_id is not None and result.problem_id not in ws.problems:
                raise ValidationError("That problem no longer exists.")
        case Dot():
            result = entity
            if result.round_id not in ws.rounds or result.device_id not in ws.devices:
                raise ValidationError("That dot belongs to no vote or no phone.")
            if result.solution_id not in ws.solutions:
                raise ValidationError("That solution no longer exists.")
        case Finished():
            result = entity
            if result.round_id not in ws.rounds or result.device_id not in ws.devices:
                raise ValidationError("That belongs to no round or no phone.")
    return result


def _required_moment(value: str, what: str) -> str:
    moment = check_datetime(value, what)
    if moment is None:
        raise ValidationError(f"{what} is missing.")
    return moment


def _enum(cls: type[S], value: str, what: str) -> S:
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(f"{what} cannot be {value!r}.") from None


def _clean_rules(rules: tuple[str, ...]) -> tuple[str, ...]:
    if len(rules) > LIST_MAX:
        raise ValidationError(f"Too many ground rules, at most {LIST_MAX}.")
    return tuple(clean_line(rule, "A ground rule", required=True) for rule in rules)


def _status(value: str) -> SolutionStatus:
    try:
        return SolutionStatus(value)
    except ValueError:
        raise ValidationError(
            f"A solution is proposed, agreed or rejected, not {value!r}."
        ) from None
