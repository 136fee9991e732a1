"""What an import would do, row by row, before anything is written.

:func:`preview` checks every row with the same rules as the window (the core's
validation) and names unknown teams that the import will create. Only a preview without
errors can be applied: :meth:`Preview.builders` give the operations for
``Session.do_all``, so the whole import is one transaction and one undo step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.entities import Attendee, Problem, Team
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.operations.common import new_id
from workshopdesk.core.validation import clean_color, clean_line, clean_tags, clean_text, validated
from workshopdesk.core.workshop import Workshop
from workshopdesk.imports.headers import HEADERS, REQUIRED, Kind, mapping
from workshopdesk.imports.reading import NotACsvFile, Table, read

TEAM_COLORS = ("#3d85c6", "#e06666", "#6aa84f", "#f1c232", "#8e7cc3", "#e69138", "#45818e",
               "#c27ba0")  # fmt: skip
YES = {"yes", "y", "ja", "j", "true", "1", "x", "✓", "✔"}
NO = {"no", "n", "nej", "false", "0", ""}
_LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")

FIELD_NAMES = {
    "title": "Title", "customer": "Customer", "description": "Description",
    "stalled_because": "Stalled because", "teams": "Teams", "tags": "Tags",
    "column": "Column", "color": "Colour", "number": "Number", "name": "Name",
    "team": "Team", "role": "Role", "email": "E-mail", "phone": "Phone", "consent": "Consent",
}  # fmt: skip


@dataclass(frozen=True)
class PreviewRow:
    number: int
    """The row as a spreadsheet numbers it (the header is row 1)."""
    values: dict[str, str]
    """Each field's cleaned text, as it will be imported."""
    error: str | None = None
    skipped: str | None = None
    """Why an acceptable row is left out (a repeat of an earlier row)."""
    new_teams: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        if self.error:
            return self.error
        if self.skipped:
            return self.skipped
        if self.new_teams:
            return "New team(s) will be created: " + ", ".join(self.new_teams)
        return "OK"


@dataclass(frozen=True)
class Preview:
    kind: Kind
    fields: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    new_teams: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    encoding: str = "utf-8"
    delimiter: str = ","

    @property
    def errors(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.error]

    @property
    def accepted(self) -> list[PreviewRow]:
        return [r for r in self.rows if not r.error and not r.skipped]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.accepted)

    def summary(self) -> str:
        count = len(self.accepted)
        noun = self.kind.value if count != 1 else self.kind.value[:-1]
        text = f"{count} {noun} will be imported"
        if self.new_teams:
            text += f"; new teams will be created: {', '.join(self.new_teams)}"
        if self.errors:
            text = f"{len(self.errors)} row(s) have problems; nothing will be imported"
        return text + "."

    def label(self) -> Label:
        count = len(self.accepted)
        noun = self.kind.value if count != 1 else self.kind.value[:-1]
        return Label("import_rows", {"count": str(count), "what": noun})

    def builders(self) -> list[Callable[[Workshop], Step]]:
        """The operations that import the accepted rows (teams first), for ``do_all``."""
        if self.errors:
            raise ValidationError(self.summary())
        return [self._add_teams, self._add_rows]

    # -- building ---------------------------------------------------------------------
    def _add_teams(self, ws: Workshop) -> Step:
        known = {t.name.casefold() for t in ws.teams.values()}
        changes: list[Change] = []
        position = max((t.position for t in ws.teams.values()), default=0.0)
        used = len(ws.teams)
        for name in self.new_teams:
            if name.casefold() in known:
                continue  # created meanwhile
            position += 1.0
            team = Team(new_id(), name, TEAM_COLORS[used % len(TEAM_COLORS)], position)
            changes.append(Change(None, validated(ws, team)))
            known.add(name.casefold())
            used += 1
        return Step(self.label(), tuple(changes))

    def _add_rows(self, ws: Workshop) -> Step:
        teams = {t.name.casefold(): t.id for t in ws.teams.values()}
        changes: list[Change] = []
        if self.kind is Kind.PROBLEMS:
            columns = {c.name.casefold(): c.id for c in ws.columns.values()}
            first = ws.ordered_columns()[0].id
            number = max((p.number for p in ws.problems.values()), default=0)
            ends = {
                c: max((p.position for p in ws.problems_in(c)), default=0.0) for c in ws.columns
            }
            for row in self.accepted:
                v = row.values
                column = columns.get(v.get("column", "").casefold(), first)
                number += 1
                ends[column] += 1.0
                problem = Problem(
                    id=new_id(), number=number, title=v["title"], column_id=column,
                    position=ends[column], customer=v.get("customer", ""),
                    description=v.get("description", ""),
                    stalled_because=v.get("stalled_because", ""),
                    team_ids=tuple(teams[t.casefold()] for t in _names(v.get("teams", ""))),
                    tags=_tags(v.get("tags", "")), color=v.get("color", ""),
                )  # fmt: skip
                changes.append(Change(None, validated(ws, problem)))
        else:
            position = max((a.position for a in ws.attendees.values()), default=0.0)
            for row in self.accepted:
                v = row.values
                position += 1.0
                team = v.get("team", "")
                attendee = Attendee(
                    id=new_id(), name=v["name"], position=position,
                    team_id=teams[team.casefold()] if team else None, role=v.get("role", ""),
                    email=v.get("email", ""), phone=v.get("phone", ""),
                    consent_to_share=_consent(v.get("consent", "")),
                )  # fmt: skip
                changes.append(Change(None, validated(ws, attendee)))
        return Step(self.label(), tuple(changes))


def _names(text: str) -> list[str]:
    seen: dict[str, str] = {}
    for name in _LIST_SPLIT.split(text.strip()):
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def _tags(text: str) -> tuple[str, ...]:
    return tuple(t for t in _LIST_SPLIT.split(text.strip()) if t)


def _consent(text: str) -> bool:
    return text.strip().casefold() in YES


# -- checking ---------------------------------------------------------------------------
def preview(ws: Workshop, data: bytes, kind: Kind | str, encoding: str | None = None) -> Preview:
    """Read ``data`` as CSV and check every row against ``ws``; raises
    :class:`NotACsvFile` when the file as a whole cannot be used."""
    kind = Kind(kind)
    table = read(data, encoding)
    return check(ws, table, kind)


def guess_kind(data: bytes, encoding: str | None = None) -> Kind | None:
    """What the file's rows are, when its columns say so unambiguously."""
    try:
        header = read(data, encoding).header
    except NotACsvFile:
        return None
    fits = [kind for kind in Kind if REQUIRED[kind] in mapping(kind, header)[0]]
    return fits[0] if len(fits) == 1 else None


def check(ws: Workshop, table: Table, kind: Kind) -> Preview:
    fields, ignored = mapping(kind, table.header)
    required = REQUIRED[kind]
    if required not in fields:
        aliases = HEADERS[kind][required]
        found = ", ".join(h for h in table.header if h.strip()) or "none"
        raise NotACsvFile(
            f"The file has no {aliases[0]} column (or {aliases[1]}), which every "
            f"{kind.value[:-1]} needs. Its columns: {found}."
        )
    if not table.rows:
        raise NotACsvFile("The file has a header but no rows to import.")
    known = {t.name.casefold(): t.name for t in ws.teams.values()}
    new_teams: dict[str, str] = {}
    columns = {c.name.casefold() for c in ws.columns.values()}
    seen_numbers: dict[str, tuple[int, str]] = {}
    rows: list[PreviewRow] = []
    for number, cells in table.rows:
        raw = {f: (cells[i] if i < len(cells) else "") for f, i in fields.items()}
        try:
            values = _clean(kind, raw, columns)
        except ValidationError as error:
            rows.append(PreviewRow(number, {f: raw[f].strip() for f in raw}, error=str(error)))
            continue
        repeat = values.get("number", "")
        if repeat and repeat in seen_numbers and seen_numbers[repeat][1] == values["title"]:
            first = seen_numbers[repeat][0]
            rows.append(PreviewRow(number, values, skipped=f"Same problem as row {first}"))
            continue
        if repeat:
            seen_numbers.setdefault(repeat, (number, values.get("title", "")))
        team_names = _names(values.get("teams", "")) if kind is Kind.PROBLEMS else (
            [values["team"]] if values.get("team") else []
        )  # fmt: skip
        fresh = []
        for name in team_names:
            if name.casefold() not in known and name.casefold() not in new_teams:
                new_teams[name.casefold()] = name
            if name.casefold() not in known:
                fresh.append(new_teams[name.casefold()])
        rows.append(PreviewRow(number, values, new_teams=tuple(fresh)))
    present = tuple(f for f in HEADERS[kind] if f in fields)
    return Preview(kind, present, tuple(rows), tuple(new_teams.values()), tuple(ignored),
                   table.encoding, table.delimiter)  # fmt: skip


def _one_line(text: str) -> str:
    """A cell for a one-line field: line breaks typed in the spreadsheet become spaces."""
    return " ".join(text.splitlines())


def _clean(kind: Kind, cells: dict[str, str], columns: set[str]) -> dict[str, str]:
    """The row's values checked with the core's rules; the first broken rule raises."""
    multi_line = ("description", "stalled_because", "teams", "tags")
    raw = {k: (value if k in multi_line else _one_line(value)) for k, value in cells.items()}
    v: dict[str, str] = {}
    if kind is Kind.PROBLEMS:
        v["title"] = clean_line(raw["title"], "The title", required=True)
        for key, what in (("customer", "The customer"), ("column", "The column")):
            if key in raw:
                v[key] = clean_line(raw[key], what)
        for key, what in (("description", "The description"),
                          ("stalled_because", "Why it stalled")):  # fmt: skip
            if key in raw:
                v[key] = clean_text(raw[key], what)
        if v.get("column") and v["column"].casefold() not in columns:
            raise ValidationError(f"There is no column called '{v['column']}' on the wall.")
        if "teams" in raw:
            names = [clean_line(n, "A team's name", required=True) for n in _names(raw["teams"])]
            v["teams"] = ", ".join(names)
        if "tags" in raw:
            v["tags"] = ", ".join(clean_tags(list(_tags(raw["tags"]))))
        if "color" in raw:
            v["color"] = clean_color(raw["color"], "The colour")
        if "number" in raw:
            v["number"] = raw["number"].strip()
    else:
        v["name"] = clean_line(raw["name"], "The name", required=True)
        pairs = (("team", "The team"), ("role", "The role"),
                 ("email", "The e-mail address"), ("phone", "The phone number"))  # fmt: skip
        for key, what in pairs:
            if key in raw:
                v[key] = clean_line(raw[key], what)
        if v.get("email") and "@" not in v["email"]:
            raise ValidationError(f"'{v['email']}' does not look like an e-mail address.")
        if "consent" in raw:
            consent = raw["consent"].strip().casefold()
            if consent not in YES | NO:
                raise ValidationError(
                    f"Consent must be yes or no (ja or nej), not '{raw['consent'].strip()}'."
                )
            v["consent"] = "yes" if consent in YES else "no"
    return v


__all__ = ["FIELD_NAMES", "NotACsvFile", "Preview", "PreviewRow", "guess_kind", "preview"]
