"""The rules every entity must satisfy, whichever way it arrives (window, import, phone).

Each check raises :class:`ValidationError` with a message naming the field (``what``,
a message of its own such as ``field.problem_title``).
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
    LANGUAGES,
    Attendee,
    CheckIn,
    Column,
    Device,
    Dot,
    Entity,
    Finished,
    FollowUp,
    FollowUpStatus,
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
from workshopdesk.core.messages import Message
from workshopdesk.core.workshop import Workshop

E = TypeVar("E", bound=Entity)
S = TypeVar("S", bound=StrEnum)

_COLOR = re.compile(r"#[0-9a-f]{6}")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_MULTI_LINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID_FIELDS = {
    WorkshopInfo.kind: Message("field.workshop_id"),
    Team.kind: Message("field.team_id"),
    Attendee.kind: Message("field.attendee_id"),
    Column.kind: Message("field.column_id"),
    Problem.kind: Message("field.problem_id"),
    Solution.kind: Message("field.solution_id"),
    FollowUp.kind: Message("field.follow_up_id"),
    Device.kind: Message("field.device_id"),
    Idea.kind: Message("field.idea_id"),
    Round.kind: Message("field.round_id"),
    Dot.kind: Message("field.dot_id"),
    Finished.kind: Message("field.finished_id"),
    CheckIn.kind: Message("field.check_in_id"),
}


def clean_line(
    value: str, what: Message | str, *, required: bool = False, limit: int = TITLE_MAX
) -> str:
    """A one-line text: NFC, trimmed, no control characters, within ``limit``."""
    if not isinstance(value, str):
        raise ValidationError(Message("error.not_text", {"what": what}))
    text = unicodedata.normalize("NFC", value).strip()
    if _CONTROL_ONE_LINE.search(text):
        raise ValidationError(Message("error.not_one_line", {"what": what}))
    _check_length(text, what, required, limit)
    return text


def clean_text(
    value: str, what: Message | str, *, required: bool = False, limit: int = TEXT_MAX
) -> str:
    """A multi-line text: NFC, trimmed, newlines normalised to ``\\n``, within ``limit``."""
    if not isinstance(value, str):
        raise ValidationError(Message("error.not_text", {"what": what}))
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL_MULTI_LINE.search(text):
        raise ValidationError(Message("error.control_characters", {"what": what}))
    _check_length(text, what, required, limit)
    return text


def _check_length(text: str, what: Message | str, required: bool, limit: int) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: not text any file or phone can hold
        raise ValidationError(Message("error.invalid_characters", {"what": what})) from None
    if required and not text:
        raise ValidationError(Message("error.empty", {"what": what}))
    if len(text) > limit:
        raise ValidationError(
            Message("error.too_long", {"what": what, "length": len(text), "limit": limit})
        )


def clean_color(value: str, what: Message | str, *, required: bool = False) -> str:
    color = value.strip().lower() if isinstance(value, str) else value
    if color == "" and not required:
        return ""
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        raise ValidationError(Message("error.not_a_colour", {"what": what}))
    return color


def clean_tags(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    tags: list[str] = []
    for value in values:
        tag = clean_line(value, Message("field.tag"), required=True, limit=TAG_MAX)
        if tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    if len(tags) > LIST_MAX:
        raise ValidationError(
            Message("error.too_many_tags", {"count": len(tags), "limit": LIST_MAX})
        )
    return tuple(tags)


def check_uuid(value: str, what: Message | str) -> str:
    try:
        canonical = str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError):
        raise ValidationError(
            Message("error.invalid_id", {"what": what, "value": str(value)})
        ) from None
    if canonical != value:
        raise ValidationError(Message("error.not_lowercase_uuid", {"what": what, "value": value}))
    return value


def check_date(value: str | None, what: Message | str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (ValueError, TypeError):
        raise ValidationError(
            Message("error.not_a_date", {"what": what, "value": str(value)})
        ) from None


def check_datetime(value: str | None, what: Message | str) -> str | None:
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (ValueError, TypeError):
        raise ValidationError(
            Message("error.not_a_date_time", {"what": what, "value": str(value)})
        ) from None
    if moment.tzinfo is None:
        raise ValidationError(Message("error.no_time_zone_offset", {"what": what}))
    return moment.isoformat()


def check_language(value: str) -> str:
    """One of the languages a workshop can speak."""
    if value not in LANGUAGES:
        raise ValidationError(
            Message("error.unknown_language", {"value": value, "known": ", ".join(LANGUAGES)})
        )
    return value


def check_timezone(value: str) -> str:
    if value == "":
        return value
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(Message("error.unknown_time_zone", {"value": value})) from None
    return value


def _check_refs(ids: tuple[str, ...], known: dict[str, Team], what: Message) -> tuple[str, ...]:
    if len(ids) > LIST_MAX:
        raise ValidationError(
            Message("error.too_many_teams", {"what": what, "count": len(ids), "limit": LIST_MAX})
        )
    if len(set(ids)) != len(ids):
        raise ValidationError(Message("error.team_listed_twice", {"what": what}))
    for team_id in ids:
        if team_id not in known:
            raise ValidationError(Message("error.unknown_team", {"what": what, "id": team_id}))
    return tuple(ids)


def validated(ws: Workshop, entity: E) -> E:
    """``entity`` with its texts cleaned, after checking every rule and that everything
    it refers to exists in ``ws``. Nothing over the limits ever reaches a file."""
    check_uuid(entity.id, _ID_FIELDS[entity.kind])
    result: Entity
    match entity:
        case WorkshopInfo():
            result = replace(
                entity,
                title=clean_line(entity.title, Message("field.workshop_title"), required=True),
                venue=clean_line(entity.venue, Message("field.venue")),
                facilitator=clean_line(entity.facilitator, Message("field.facilitator")),
                goal=clean_text(entity.goal, Message("field.goal")),
                invitation=clean_text(entity.invitation, Message("field.invitation")),
                starts_at=check_datetime(entity.starts_at, Message("field.start")),
                ends_at=check_datetime(entity.ends_at, Message("field.end")),
                timezone=check_timezone(entity.timezone),
                ground_rules=_clean_rules(entity.ground_rules),
                language=check_language(entity.language),
            )
            if result.starts_at and result.ends_at:
                start = datetime.fromisoformat(result.starts_at)
                if datetime.fromisoformat(result.ends_at) < start:
                    raise ValidationError(Message("error.ends_before_start"))
        case Team():
            result = replace(
                entity,
                name=clean_line(entity.name, Message("field.team_name"), required=True),
                color=clean_color(entity.color, Message("field.team_colour"), required=True),
            )
            for other in ws.teams.values():
                if other.id != result.id and other.name.casefold() == result.name.casefold():
                    raise ValidationError(Message("error.team_name_taken", {"name": result.name}))
        case Attendee():
            result = replace(
                entity,
                name=clean_line(entity.name, Message("field.attendee_name"), required=True),
                role=clean_line(entity.role, Message("field.role")),
                email=clean_line(entity.email, Message("field.email")),
                phone=clean_line(entity.phone, Message("field.phone")),
                consent_to_share=bool(entity.consent_to_share),
            )
            if result.email and "@" not in result.email:
                raise ValidationError(Message("error.not_an_email", {"email": result.email}))
            if result.team_id is not None and result.team_id not in ws.teams:
                raise ValidationError(Message("error.attendee_team_missing"))
        case Column():
            result = replace(
                entity, name=clean_line(entity.name, Message("field.column_name"), required=True)
            )
        case Problem():
            result = replace(
                entity,
                title=clean_line(entity.title, Message("field.problem_title"), required=True),
                customer=clean_line(entity.customer, Message("field.customer")),
                description=clean_text(entity.description, Message("field.description")),
                stalled_because=clean_text(
                    entity.stalled_because, Message("field.stalled_because")
                ),
                color=clean_color(entity.color, Message("field.card_colour")),
                tags=clean_tags(entity.tags),
                team_ids=_check_refs(entity.team_ids, ws.teams, Message("field.problem_teams")),
            )
            if isinstance(result.number, bool) or not 1 <= result.number <= NUMBER_MAX:
                raise ValidationError(Message("error.problem_number_range", {"limit": NUMBER_MAX}))
            if result.column_id not in ws.columns:
                raise ValidationError(Message("error.problem_column_missing"))
            for problem in ws.problems.values():
                if problem.id != result.id and problem.number == result.number:
                    raise ValidationError(
                        Message("error.problem_number_taken", {"number": result.number})
                    )
        case Solution():
            result = replace(
                entity,
                text=clean_text(entity.text, Message("field.solution"), required=True),
                status=_status(entity.status),
                team_ids=_check_refs(entity.team_ids, ws.teams, Message("field.solution_teams")),
            )
            if result.problem_id not in ws.problems:
                raise ValidationError(Message("error.solution_problem_missing"))
            if result.proposer_id is not None and result.proposer_id not in ws.attendees:
                raise ValidationError(Message("error.proposer_not_attendee"))
            if isinstance(result.votes, bool) or not 0 <= result.votes <= VOTES_MAX:
                raise ValidationError(Message("error.votes_range", {"limit": VOTES_MAX}))
        case FollowUp():
            result = replace(
                entity,
                text=clean_text(entity.text, Message("field.follow_up"), required=True),
                due=check_date(entity.due, Message("field.due")),
                check_in=check_date(entity.check_in, Message("field.check_in")),
                status=_follow_up_status(entity.status),
                outcome=clean_text(entity.outcome, Message("field.outcome")),
            )
            if result.problem_id not in ws.problems:
                raise ValidationError(Message("error.follow_up_problem_missing"))
            if result.owner_id is not None and result.owner_id not in ws.attendees:
                raise ValidationError(Message("error.owner_not_attendee"))
        case Device() | Idea() | Round() | Dot() | Finished():
            result = _validated_participation(ws, entity)
        case CheckIn():
            held_on = check_date(entity.held_on, Message("field.held_on"))
            if held_on is None:
                raise ValidationError(Message("error.missing", {"what": Message("field.held_on")}))
            came = tuple(
                clean_line(name, Message("field.came"), required=True) for name in entity.came
            )
            if len(came) > LIST_MAX:
                raise ValidationError(Message("error.too_many_people", {"limit": LIST_MAX}))
            if any(f not in ws.follow_ups for f in entity.reviewed):
                raise ValidationError(Message("error.follow_up_gone"))
            result = replace(
                entity,
                held_on=held_on,
                came=tuple(dict.fromkeys(came)),
                reviewed=tuple(dict.fromkeys(entity.reviewed)),
                notes=clean_text(entity.notes, Message("field.notes")),
                next_on=check_date(entity.next_on, Message("field.next_check_in")),
            )
            if result.next_on is not None and result.next_on <= result.held_on:
                raise ValidationError(Message("error.next_check_in_before"))
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
                name=clean_line(entity.name, Message("field.your_name")),
                joined_at=_required_moment(entity.joined_at, Message("field.joined_at")),
                blocked=bool(entity.blocked),
                active=bool(entity.active),
            )
            if result.team_id is not None and result.team_id not in ws.teams:
                raise ValidationError(Message("error.team_missing"))
        case Idea():
            result = replace(
                entity,
                text=clean_text(
                    entity.text, Message("field.your_idea"), required=True, limit=IDEA_MAX
                ),
                sent_at=_required_moment(entity.sent_at, Message("field.sent_at")),
                state=_enum(IdeaState, entity.state, Message("field.idea_state")),
                request_id=clean_line(entity.request_id, Message("field.request"), limit=64),
            )
            if isinstance(result.number, bool) or not 1 <= result.number <= NUMBER_MAX:
                raise ValidationError(Message("error.idea_number_range", {"limit": NUMBER_MAX}))
            if result.problem_id not in ws.problems:
                raise ValidationError(Message("error.problem_gone"))
            if result.device_id not in ws.devices:
                raise ValidationError(Message("error.phone_not_joined"))
            if result.solution_id is not None and result.solution_id not in ws.solutions:
                raise ValidationError(Message("error.idea_solution_missing"))
            if result.round_id is not None and result.round_id not in ws.rounds:
                raise ValidationError(Message("error.idea_round_missing"))
        case Round():
            result = replace(
                entity,
                round_kind=_enum(RoundKind, entity.round_kind, Message("field.round")),
                started_at=_required_moment(entity.started_at, Message("field.started_at")),
                ended_at=check_datetime(entity.ended_at, Message("field.ended_at")),
                hidden=bool(entity.hidden),
                revealed=bool(entity.revealed),
            )
            if isinstance(result.dots, bool) or not 1 <= result.dots <= DOTS_MAX:
                raise ValidationError(Message("error.dots_range", {"limit": DOTS_MAX}))
            if result.problem_id is not None and result.problem_id not in ws.problems:
                raise ValidationError(Message("error.problem_gone"))
        case Dot():
            result = entity
            if result.round_id not in ws.rounds or result.device_id not in ws.devices:
                raise ValidationError(Message("error.dot_orphaned"))
            if result.solution_id not in ws.solutions:
                raise ValidationError(Message("error.solution_gone"))
        case Finished():
            result = entity
            if result.round_id not in ws.rounds or result.device_id not in ws.devices:
                raise ValidationError(Message("error.mark_orphaned"))
    return result


def _required_moment(value: str, what: Message) -> str:
    moment = check_datetime(value, what)
    if moment is None:
        raise ValidationError(Message("error.missing", {"what": what}))
    return moment


def _enum(cls: type[S], value: str, what: Message) -> S:
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(
            Message("error.not_one_of", {"what": what, "value": str(value)})
        ) from None


def _clean_rules(rules: tuple[str, ...]) -> tuple[str, ...]:
    if len(rules) > LIST_MAX:
        raise ValidationError(Message("error.too_many_ground_rules", {"limit": LIST_MAX}))
    return tuple(clean_line(rule, Message("field.ground_rule"), required=True) for rule in rules)


def _status(value: str) -> SolutionStatus:
    try:
        return SolutionStatus(value)
    except ValueError:
        raise ValidationError(
            Message("error.unknown_solution_status", {"value": str(value)})
        ) from None


def _follow_up_status(value: str) -> FollowUpStatus:
    try:
        return FollowUpStatus(value)
    except ValueError:
        raise ValidationError(
            Message("error.unknown_follow_up_status", {"value": str(value)})
        ) from None
