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
from functools import partial

from workshopdesk.core.changes import Label, Step
from workshopdesk.core.errors import ValidationError
from workshopdesk.core.operations import add_attendees, add_problems, add_team
from workshopdesk.core.validation import clean_color, clean_line, clean_tags, clean_text
from workshopdesk.core.workshop import Workshop
from workshopdesk.imports.headers import HEADERS, REQUIRED, Kind, mapping
from workshopdesk.imports.reading import NotACsvFile, Table, read
from workshopdesk.text import error_text
from workshopdesk.text.ui import N_, _, ngettext

YES = {"yes", "y", "ja", "j", "true", "1", "x", "✓", "✔"}
NO = {"no", "n", "nej", "false", "0", ""}
_LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")

FIELD_NAMES = {
    "title": N_("Title"), "customer": N_("Customer"), "description": N_("Description"),
    "stalled_because": N_("Stalled because"), "teams": N_("Teams"), "tags": N_("Tags"),
    "column": N_("Column"), "color": N_("Colour"), "number": N_("Number"), "name": N_("Name"),
    "team": N_("Team"), "role": N_("Role"), "email": N_("E-mail"), "phone": N_("Phone"),
    "consent": N_("Consent"),
}  # fmt: skip
"""The fields' names in English, marked for translation: shown as ``_(FIELD_NAMES[f])``."""


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
            return _("New team(s) will be created: {teams}").format(teams=", ".join(self.new_teams))
        return _("OK")


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
        if self.errors:
            count = len(self.errors)
            return ngettext(
                "{count} row has problems; nothing will be imported.",
                "{count} rows have problems; nothing will be imported.",
                count,
            ).format(count=count)
        count = len(self.accepted)
        if self.kind is Kind.PROBLEMS:
            text = ngettext(
                "{count} problem will be imported", "{count} problems will be imported", count
            )
        else:
            text = ngettext(
                "{count} attendee will be imported", "{count} attendees will be imported", count
            )
        text = text.format(count=count)
        if self.new_teams:
            text += _("; new teams will be created: {teams}").format(
                teams=", ".join(self.new_teams)
            )
        return text + "."

    def label(self) -> Label:
        problems = self.kind is Kind.PROBLEMS
        return Label(
            "import_problems" if problems else "import_attendees", {"count": len(self.accepted)}
        )

    def builders(self) -> list[Callable[[Workshop], Step]]:
        """The core's operations that import the accepted rows, for ``do_all``: the new
        teams (one by one, each in the next free colour), then the rows, numbered and
        placed as the window adds them."""
        if self.errors:
            raise ValidationError(self.summary())
        result: list[Callable[[Workshop], Step]] = [partial(_add_team, n) for n in self.new_teams]
        rows = [row.values for row in self.accepted]
        add_rows = _add_problems if self.kind is Kind.PROBLEMS else _add_attendees
        result.append(partial(add_rows, rows))
        return result


# -- building ---------------------------------------------------------------------------
def _add_team(name: str, ws: Workshop) -> Step:
    if any(t.name.casefold() == name.casefold() for t in ws.teams.values()):
        return Step(Label("add_team", {"name": name}), ())  # created meanwhile
    return add_team(ws, name)


def _add_problems(rows: list[dict[str, str]], ws: Workshop) -> Step:
    columns = {c.name.casefold(): c.id for c in ws.columns.values()}
    first = ws.ordered_columns()[0].id
    teams = {t.name.casefold(): t.id for t in ws.teams.values()}
    return add_problems(ws, (
        {
            "column_id": columns.get(v.get("column", "").casefold(), first), "title": v["title"],
            "customer": v.get("customer", ""), "description": v.get("description", ""),
            "stalled_because": v.get("stalled_because", ""),
            "team_ids": tuple(teams[t.casefold()] for t in _names(v.get("teams", ""))),
            "tags": _tags(v.get("tags", "")), "color": v.get("color", ""),
        }
        for v in rows
    ))  # fmt: skip


def _add_attendees(rows: list[dict[str, str]], ws: Workshop) -> Step:
    teams = {t.name.casefold(): t.id for t in ws.teams.values()}
    return add_attendees(ws, (
        {
            "name": v["name"], "team_id": teams[v["team"].casefold()] if v.get("team") else None,
            "role": v.get("role", ""), "email": v.get("email", ""), "phone": v.get("phone", ""),
            "consent_to_share": _consent(v.get("consent", "")),
        }
        for v in rows
    ))  # fmt: skip


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
        found = ", ".join(h for h in table.header if h.strip()) or _("none")
        if kind is Kind.PROBLEMS:
            text = _(
                "The file has no {name} column (or {other}), which every problem needs. "
                "Its columns: {found}."
            )
        else:
            text = _(
                "The file has no {name} column (or {other}), which every attendee needs. "
                "Its columns: {found}."
            )
        raise NotACsvFile(text.format(name=aliases[0], other=aliases[1], found=found))
    if not table.rows:
        raise NotACsvFile(_("The file has a header but no rows to import."))
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
            rows.append(
                PreviewRow(number, {f: raw[f].strip() for f in raw}, error=error_text(error))
            )
            continue
        repeat = values.get("number", "")
        if repeat and repeat in seen_numbers and seen_numbers[repeat][1] == values["title"]:
            first = seen_numbers[repeat][0]
            skipped = _("Same problem as row {number}").format(number=first)
            rows.append(PreviewRow(number, values, skipped=skipped))
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
        v["title"] = clean_line(raw["title"], _("The title"), required=True)
        for key, what in (("customer", _("The customer")), ("column", _("The column"))):
            if key in raw:
                v[key] = clean_line(raw[key], what)
        for key, what in (("description", _("The description")),
                          ("stalled_because", _("Why it stalled"))):  # fmt: skip
            if key in raw:
                v[key] = clean_text(raw[key], what)
        if v.get("column") and v["column"].casefold() not in columns:
            raise ValidationError(
                _("There is no column called '{name}' on the wall.").format(name=v["column"])
            )
        if "teams" in raw:
            team = _("A team's name")
            names = [clean_line(n, team, required=True) for n in _names(raw["teams"])]
            v["teams"] = ", ".join(names)
        if "tags" in raw:
            v["tags"] = ", ".join(clean_tags(list(_tags(raw["tags"]))))
        if "color" in raw:
            v["color"] = clean_color(raw["color"], _("The colour"))
        if "number" in raw:
            v["number"] = raw["number"].strip()
    else:
        v["name"] = clean_line(raw["name"], _("The name"), required=True)
        pairs = (("team", _("The team")), ("role", _("The role")),
                 ("email", _("The e-mail address")), ("phone", _("The phone number")))  # fmt: skip
        for key, what in pairs:
            if key in raw:
                v[key] = clean_line(raw[key], what)
        if v.get("email") and "@" not in v["email"]:
            raise ValidationError(
                _("'{email}' does not look like an e-mail address.").format(email=v["email"])
            )
        if "consent" in raw:
            consent = raw["consent"].strip().casefold()
            if consent not in YES | NO:
                raise ValidationError(
                    _("Consent must be yes or no (ja or nej), not '{value}'.").format(
                        value=raw["consent"].strip()
                    )
                )
            v["consent"] = "yes" if consent in YES else "no"
    return v


__all__ = ["FIELD_NAMES", "NotACsvFile", "Preview", "PreviewRow", "guess_kind", "preview"]
