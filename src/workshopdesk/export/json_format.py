"""The WorkshopDesk JSON format (version 1): the full workshop, losslessly.

Documented in ``docs/json-format.md`` with ``docs/workshop.schema.json``. Sorted keys,
UTF-8, stable ids, no export timestamp, undo history, share token or window state, so
export → import → export gives the same bytes.

Attendees' e-mail and phone go in only for those who agreed to share them, unless the
export is asked to include private data (:func:`withheld` names who was left out); an
attendee without the keys imports with no contact details.
"""

from __future__ import annotations

import json
from typing import Any

from workshopdesk.core.check_ins import held
from workshopdesk.core.entities import (
    Attendee,
    CheckIn,
    Column,
    Entity,
    FollowUp,
    FollowUpStatus,
    Problem,
    Solution,
    SolutionStatus,
    Team,
    WorkshopInfo,
)
from workshopdesk.core.errors import ValidationError, WorkshopError
from workshopdesk.core.validation import validated
from workshopdesk.core.workshop import Workshop
from workshopdesk.text import error_text
from workshopdesk.text.ui import N_, _

FORMAT = "workshopdesk"
VERSION = 1


JSON_PROBLEMS = frozenset(
    {
        N_("Expecting value"),
        N_("Expecting ',' delimiter"),
        N_("Expecting ':' delimiter"),
        N_("Expecting property name enclosed in double quotes"),
        N_("Unterminated string starting at"),
        N_("Invalid control character at"),
        N_("Invalid \\escape"),
        N_("Invalid \\uXXXX escape"),
        N_("Extra data"),
        N_("Illegal trailing comma before end of object"),
        N_("Illegal trailing comma before end of array"),
    }
)
"""What Python's JSON reader says is wrong (in English), in the catalogue to translate."""


class ImportProblem(WorkshopError):
    """A JSON file that cannot be imported; the message says where (in the interface's
    language: the facilitator reads it; the places are the file's own keys)."""


# -- writing ------------------------------------------------------------------------------
def withheld(ws: Workshop) -> list[Attendee]:
    """The attendees whose e-mail or phone an export without private data leaves out: those
    who did not agree to share them."""
    return [
        a
        for a in ws.ordered_attendees()
        if not a.consent_to_share and (a.email.strip() or a.phone.strip())
    ]


def _attendee(a: Attendee, include_private: bool) -> dict[str, Any]:
    result: dict[str, Any] = {
        "id": a.id,
        "name": a.name,
        "team": a.team_id,
        "role": a.role,
        "consent_to_share": a.consent_to_share,
    }
    if include_private or a.consent_to_share:
        result["email"] = a.email
        result["phone"] = a.phone
    return result


def to_document(ws: Workshop, *, include_private: bool = False) -> dict[str, Any]:
    info = ws.info
    return {
        "format": FORMAT,
        "version": VERSION,
        "workshop": {
            "id": info.id,
            "title": info.title,
            "venue": info.venue,
            "starts_at": info.starts_at,
            "ends_at": info.ends_at,
            "timezone": info.timezone,
            "facilitator": info.facilitator,
            "goal": info.goal,
            "ground_rules": list(info.ground_rules),
            "invitation": info.invitation,
            "language": info.language,
        },
        "teams": [{"id": t.id, "name": t.name, "color": t.color} for t in ws.ordered_teams()],
        "attendees": [_attendee(a, include_private) for a in ws.ordered_attendees()],
        "columns": [{"id": c.id, "name": c.name, "done": c.is_done} for c in ws.ordered_columns()],
        "problems": [_problem(ws, p) for p in ws.ordered_problems()],
        "check_ins": [_check_in(c) for c in held(ws)],
    }


def _check_in(c: CheckIn) -> dict[str, Any]:
    return {
        "id": c.id,
        "held_on": c.held_on,
        "came": list(c.came),
        "reviewed": list(c.reviewed),
        "notes": c.notes,
        "next_on": c.next_on,
    }


def _problem(ws: Workshop, p: Problem) -> dict[str, Any]:
    return {
        "id": p.id,
        "number": p.number,
        "title": p.title,
        "customer": p.customer,
        "description": p.description,
        "stalled_because": p.stalled_because,
        "teams": list(p.team_ids),
        "tags": list(p.tags),
        "color": p.color,
        "column": p.column_id,
        "solutions": [
            {
                "id": s.id,
                "text": s.text,
                "proposer": s.proposer_id,
                "teams": list(s.team_ids),
                "status": s.status.value,
                "votes": s.votes,
            }
            for s in ws.solutions_of(p.id)
        ],
        "follow_ups": [
            {
                "id": f.id,
                "text": f.text,
                "owner": f.owner_id,
                "due": f.due,
                "check_in": f.check_in,
                "status": f.status.value,
                "outcome": f.outcome,
            }
            for f in ws.follow_ups_of(p.id)
        ],
    }


def dumps(ws: Workshop, *, include_private: bool = False) -> str:
    document = to_document(ws, include_private=include_private)
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# -- reading ------------------------------------------------------------------------------
def loads(text: str | bytes) -> Workshop:
    """Parse and check a whole JSON export; raise :class:`ImportProblem` saying where."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportProblem(
                _("The file is not UTF-8 text (byte {byte} is not valid).").format(
                    byte=error.start + 1
                )
            ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            _("The file is not valid JSON: {problem} at line {line}, column {column}.").format(
                problem=_(error.msg) if error.msg in JSON_PROBLEMS else error.msg,
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    except RecursionError:
        raise ImportProblem(_("The file is not valid JSON: it is nested too deeply.")) from None
    return from_document(data)


class _Reader:
    def __init__(self) -> None:
        self.ws: Workshop | None = None
        self.ids: set[str] = set()

    def add(self, where: str, entity: Entity) -> None:
        assert self.ws is not None
        try:
            if entity.id in self.ids:
                raise ValidationError(_("The id {id} is used twice.").format(id=entity.id))
            entity = validated(self.ws, entity)
        except ValidationError as error:
            raise ImportProblem(f"{where}: {error_text(error)}") from None
        self.ids.add(entity.id)
        self.ws._put(entity)


def _obj(
    value: Any, where: str, keys: set[str], optional: frozenset[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportProblem(_("{where}: expected an object.").format(where=where))
    missing = keys - value.keys()
    if missing:
        raise ImportProblem(
            _("{where}: missing {keys}.").format(where=where, keys=", ".join(sorted(missing)))
        )
    extra = value.keys() - keys - optional
    if extra:
        raise ImportProblem(
            _("{where}: unknown key {keys}.").format(where=where, keys=", ".join(sorted(extra)))
        )
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ImportProblem(_("{where}: expected a list.").format(where=where))
    return value


def _typed(value: Any, kind: type | tuple[type, ...], where: str, optional: bool = False) -> Any:
    if optional and value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        if kind is str:
            text = _("{where}: expected text.")
        elif kind is int:
            text = _("{where}: expected a whole number.")
        elif kind is bool:
            text = _("{where}: expected true or false.")
        else:
            text = _("{where}: expected a value.")
        raise ImportProblem(text.format(where=where))
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    items = _list(value, where)
    return tuple(_typed(v, str, f"{where}[{i}]") for i, v in enumerate(items))


_WORKSHOP_KEYS = {
    "id", "title", "venue", "starts_at", "ends_at", "timezone", "facilitator", "goal",
    "ground_rules", "invitation",
}  # fmt: skip
_WORKSHOP_LATER_KEYS = frozenset({"language"})
"""Added after the first files were exported: a workshop without it speaks English."""
_PROBLEM_KEYS = {
    "id", "number", "title", "customer", "description", "stalled_because", "teams", "tags",
    "color", "column", "solutions", "follow_ups",
}  # fmt: skip
_CONTACT_KEYS = frozenset({"email", "phone"})
"""Left out of an export for attendees who did not agree to share them."""
_FOLLOW_UP_KEYS = {"id", "text", "owner", "due", "check_in"}
_FOLLOW_UP_LATER_KEYS = frozenset({"status", "outcome"})
"""Added after the first files were exported: a follow-up without them is open."""
_FOLLOW_UP_STATUSES = {m.value for m in FollowUpStatus}


def from_document(data: Any) -> Workshop:
    top = _obj(
        data, _("The file"), {"format", "version", "workshop", "teams", "attendees", "columns",
                              "problems"}, frozenset({"check_ins"})
    )  # fmt: skip
    if top["format"] != FORMAT:
        raise ImportProblem(
            _("The file is not a WorkshopDesk export (its format is not 'workshopdesk').")
        )
    if type(top["version"]) is not int or top["version"] != VERSION:
        raise ImportProblem(
            _(
                "The file is format version {version}; this WorkshopDesk reads version {ours}."
            ).format(version=repr(top["version"]), ours=VERSION)
        )
    reader = _Reader()
    w = _obj(top["workshop"], "workshop", _WORKSHOP_KEYS, _WORKSHOP_LATER_KEYS)

    def text(key: str) -> str:
        return str(_typed(w[key], str, f"workshop.{key}"))

    info = WorkshopInfo(
        id=text("id"),
        title=text("title"),
        venue=text("venue"),
        starts_at=_typed(w["starts_at"], str, "workshop.starts_at", optional=True),
        ends_at=_typed(w["ends_at"], str, "workshop.ends_at", optional=True),
        timezone=text("timezone"),
        facilitator=text("facilitator"),
        goal=text("goal"),
        ground_rules=_strings(w["ground_rules"], "workshop.ground_rules"),
        invitation=text("invitation"),
        language=str(_typed(w.get("language", "en"), str, "workshop.language")),
    )
    reader.ws = Workshop(info)
    reader.add("workshop", info)

    for i, raw in enumerate(_list(top["teams"], "teams")):
        where = f"teams[{i}]"
        t = _obj(raw, where, {"id", "name", "color"})
        reader.add(where, Team(
            id=_typed(t["id"], str, f"{where}.id"),
            name=_typed(t["name"], str, f"{where}.name"),
            color=_typed(t["color"], str, f"{where}.color"),
            position=float(i + 1),
        ))  # fmt: skip

    for i, raw in enumerate(_list(top["attendees"], "attendees")):
        where = f"attendees[{i}]"
        a = _obj(raw, where, {"id", "name", "team", "role", "consent_to_share"}, _CONTACT_KEYS)
        reader.add(where, Attendee(
            id=_typed(a["id"], str, f"{where}.id"),
            name=_typed(a["name"], str, f"{where}.name"),
            position=float(i + 1),
            team_id=_typed(a["team"], str, f"{where}.team", optional=True),
            role=_typed(a["role"], str, f"{where}.role"),
            email=_typed(a.get("email", ""), str, f"{where}.email"),
            phone=_typed(a.get("phone", ""), str, f"{where}.phone"),
            consent_to_share=_typed(a["consent_to_share"], bool, f"{where}.consent_to_share"),
        ))  # fmt: skip

    columns = _list(top["columns"], "columns")
    for i, raw in enumerate(columns):
        where = f"columns[{i}]"
        c = _obj(raw, where, {"id", "name", "done"})
        reader.add(where, Column(
            id=_typed(c["id"], str, f"{where}.id"),
            name=_typed(c["name"], str, f"{where}.name"),
            position=float(i + 1),
            is_done=_typed(c["done"], bool, f"{where}.done"),
        ))  # fmt: skip
    done = sum(1 for c in reader.ws.columns.values() if c.is_done)
    if not columns or done != 1:
        raise ImportProblem(
            _("{where}: the board needs at least one column, and exactly one done column.").format(
                where="columns"
            )
        )

    for i, raw in enumerate(_list(top["problems"], "problems")):
        _read_problem(reader, raw, f"problems[{i}]", i)
    for i, raw in enumerate(_list(top.get("check_ins", []), "check_ins")):
        where = f"check_ins[{i}]"
        c = _obj(raw, where, {"id", "held_on", "came", "reviewed", "notes", "next_on"})
        reader.add(where, CheckIn(
            id=_typed(c["id"], str, f"{where}.id"),
            held_on=_typed(c["held_on"], str, f"{where}.held_on"),
            came=_strings(c["came"], f"{where}.came"),
            reviewed=_strings(c["reviewed"], f"{where}.reviewed"),
            notes=_typed(c["notes"], str, f"{where}.notes"),
            next_on=_typed(c["next_on"], str, f"{where}.next_on", optional=True),
        ))  # fmt: skip
    return reader.ws


def _read_problem(reader: _Reader, raw: Any, where: str, index: int) -> None:
    p = _obj(raw, where, _PROBLEM_KEYS)
    problem_id = _typed(p["id"], str, f"{where}.id")
    reader.add(where, Problem(
        id=problem_id,
        number=_typed(p["number"], int, f"{where}.number"),
        title=_typed(p["title"], str, f"{where}.title"),
        column_id=_typed(p["column"], str, f"{where}.column"),
        position=float(index + 1),
        customer=_typed(p["customer"], str, f"{where}.customer"),
        description=_typed(p["description"], str, f"{where}.description"),
        stalled_because=_typed(p["stalled_because"], str, f"{where}.stalled_because"),
        team_ids=_strings(p["teams"], f"{where}.teams"),
        tags=_strings(p["tags"], f"{where}.tags"),
        color=_typed(p["color"], str, f"{where}.color"),
    ))  # fmt: skip
    for j, raw_s in enumerate(_list(p["solutions"], f"{where}.solutions")):
        at = f"{where}.solutions[{j}]"
        s = _obj(raw_s, at, {"id", "text", "proposer", "teams", "status", "votes"})
        status = _typed(s["status"], str, f"{at}.status")
        if status not in {m.value for m in SolutionStatus}:
            raise ImportProblem(
                _("{where}: must be proposed, agreed or rejected.").format(where=f"{at}.status")
            )
        reader.add(at, Solution(
            id=_typed(s["id"], str, f"{at}.id"),
            problem_id=problem_id,
            text=_typed(s["text"], str, f"{at}.text"),
            position=float(j + 1),
            proposer_id=_typed(s["proposer"], str, f"{at}.proposer", optional=True),
            team_ids=_strings(s["teams"], f"{at}.teams"),
            status=SolutionStatus(status),
            votes=_typed(s["votes"], int, f"{at}.votes"),
        ))  # fmt: skip
    for j, raw_f in enumerate(_list(p["follow_ups"], f"{where}.follow_ups")):
        at = f"{where}.follow_ups[{j}]"
        f = _obj(raw_f, at, _FOLLOW_UP_KEYS, _FOLLOW_UP_LATER_KEYS)
        f_status = _typed(f.get("status", "open"), str, f"{at}.status")
        if f_status not in _FOLLOW_UP_STATUSES:
            raise ImportProblem(
                _("{where}: must be open, done or dropped.").format(where=f"{at}.status")
            )
        reader.add(at, FollowUp(
            id=_typed(f["id"], str, f"{at}.id"),
            problem_id=problem_id,
            text=_typed(f["text"], str, f"{at}.text"),
            position=float(j + 1),
            owner_id=_typed(f["owner"], str, f"{at}.owner", optional=True),
            due=_typed(f["due"], str, f"{at}.due", optional=True),
            check_in=_typed(f["check_in"], str, f"{at}.check_in", optional=True),
            status=FollowUpStatus(f_status),
            outcome=_typed(f.get("outcome", ""), str, f"{at}.outcome"),
        ))  # fmt: skip
