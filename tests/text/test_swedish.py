"""The core's messages, the templates and the demo in Swedish: every message renders in
Swedish and in the pseudo-language, the Swedish keeps every placeholder, and a workshop
made in Swedish reads as Swedish from its columns to its demo problems."""

from __future__ import annotations

import errno
import os
import re
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.pseudo_locale import untranslated
from workshopdesk import starters
from workshopdesk.core.messages import VERBATIM, Message, Param
from workshopdesk.export.json_format import to_document
from workshopdesk.text import ENGLISH, Choice, Plural, render, translator

SV_PO = Path(__file__).resolve().parents[2] / "resources" / "locale" / "sv.po"
COUNTS = {"count", "total", "solved", "limit", "length", "number"}
"""Parameters that are numbers."""
USER_DATA = {
    "name": "Diskussionshörnan",
    "title": "Kaffemaskinen läcker",
    "old": "Parkering",
    "column": "Köket",
    "email": "kalle@@example",
    "path": "/tmp/retro.workshop",
    "value": "tjugotvå",
    "known": "en, sv",
    "fields": "colour",
    "id": "3f2a",
    "detail": "disk I/O error",
    "reason": "Permission denied",
    "backup": "retro.workshop.bak",
    "text": "Mina egna ord",
    "date": "2027-02-20",
}
"""Sample values of the parameters that carry the facilitator's or the system's words."""
WHAT = Message("field.problem_title")
LOWERCASE_WHAT = Message("field.problem_teams")  # "among {what}": in mid-sentence


def english_templates(msgid: str) -> list[str]:
    entry = ENGLISH[msgid]
    if isinstance(entry, Plural):
        return [entry.one, entry.other]
    if isinstance(entry, Choice):
        return list(entry.texts())
    return [entry]


def names_in(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def samples(msgid: str) -> Iterator[dict[str, Param]]:
    """Parameters of the right kind for ``msgid``: numbers for counts, a field's message
    for ``what``, a message for ``doing`` and ``label``, words for the rest; one set for
    each form of a plural and each value of a choice."""
    entry = ENGLISH[msgid]
    names = set().union(*(names_in(t) for t in english_templates(msgid)))
    if isinstance(entry, Choice):
        names.discard(entry.by)  # each of its values below
    params: dict[str, Param] = {}
    for name in names:
        if name in COUNTS:
            params[name] = 7
        elif name == "what":
            params[name] = LOWERCASE_WHAT if "among {what}" in str(entry) else WHAT
        elif name == "doing":
            params[name] = Message("gate.moving_column", {"name": USER_DATA["name"]})
        elif name == "label":
            params[name] = Message("add_problem", {"title": USER_DATA["title"]})
        else:
            params[name] = USER_DATA[name]
    if isinstance(entry, Plural):
        for count in (1, 2, 5):
            yield {**params, entry.count: count}
    elif isinstance(entry, Choice):
        for value in [*entry.templates, "xyz"]:
            yield {**params, entry.by: value}
    else:
        yield params


def user_texts(params: dict[str, Param]) -> set[str]:
    found: set[str] = set()
    for value in params.values():
        if isinstance(value, Message):
            found |= user_texts(dict(value.params))
        elif isinstance(value, str):
            found.add(value)
    return found


MESSAGES = sorted(set(ENGLISH) - {VERBATIM})


@pytest.mark.parametrize("msgid", MESSAGES)
def test_every_core_message_renders_in_swedish_and_in_the_pseudo_language(msgid: str) -> None:
    for params in samples(msgid):
        message = Message(msgid, params)
        swedish = render(message, translator("sv"))
        english = render(message, translator("en"))
        assert "{" not in swedish and "}" not in swedish, swedish  # every placeholder filled
        assert swedish != english, swedish
        pseudo = render(message, translator("pseudo"))
        assert "{" not in pseudo, pseudo
        assert untranslated([pseudo], user_texts(params)) == [], pseudo


@pytest.mark.parametrize(
    ("message", "swedish"),
    [
        (
            Message("progress", {"solved": 5, "total": 10}),
            "5 av 10 problem har en överenskommen lösning",
        ),
        (
            Message("progress", {"solved": 0, "total": 1}),
            "0 av 1 problem har en överenskommen lösning",
        ),
        (Message("refused.dots_used", {"count": 1}), "Du har använt din 1 prick."),
        (Message("refused.dots_used", {"count": 2}), "Du har använt alla dina 2 prickar."),
        (Message("import_problems", {"count": "1"}), "Importera 1 problem"),
        (Message("import_problems", {"count": 2}), "Importera 2 problem"),
        (
            Message("error.too_long", {"what": WHAT, "length": 1234, "limit": 200}),
            "Problemets rubrik har för många tecken: 1\xa0234, högst 200.",
        ),
        (
            Message("error.empty", {"what": Message("field.team_name")}),
            "Teamets namn måste fyllas i.",
        ),
        (
            Message("error.unknown_team", {"what": LOWERCASE_WHAT, "id": "3f2a"}),
            "Okänt team bland de berörda teamen: 3f2a.",
        ),
        (Message("add_problem", {"title": "Kaffet"}), "Lägg till problemet ”Kaffet”"),
        (Message("start_round", {"kind": "write"}), "Starta en skrivomgång"),
        (Message("stop_round", {"kind": "vote"}), "Avsluta prickröstningen"),
        (Message("import_rows", {"count": "3", "what": "attendees"}), "Importera 3 deltagare"),
        (
            Message(
                "error.gate_leaves_unsolved",
                {
                    "doing": Message("gate.deleting_column", {"name": "Diskuteras"}),
                    "count": 2,
                    "title": "Kaffet",
                },
            ),
            "Att ta bort kolumnen ”Diskuteras” skulle lämna 2 problem utan överenskommen "
            "lösning i eller efter klarkolumnen.",
        ),
    ],
)
def test_key_messages_read_as_a_swedish_facilitator_writes_them(
    message: Message, swedish: str
) -> None:
    assert render(message, translator("sv")) == swedish


def test_english_is_unchanged_by_the_choices_of_a_rounds_kind() -> None:
    en = translator("en")
    assert render(Message("start_round", {"kind": "write"}), en) == "Start a write round"
    assert render(Message("stop_round", {"kind": "vote"}), en) == "End the vote round"
    assert render(Message("start_round", {"kind": "later"}), en) == "Start a later round"
    assert render(Message("import_rows", {"count": "1", "what": "problem"}), en) == (
        "Import 1 problem"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="Windows words its errors otherwise")
def test_a_named_reason_reads_in_english_as_the_system_says_it() -> None:
    from workshopdesk.store.errors import _REASONS, reason

    for number in set(_REASONS) - {errno.ENOSPC}:
        said = reason(OSError(number, os.strerror(number)))
        assert isinstance(said, Message)
        assert render(said, translator("en")) == os.strerror(number)
    assert reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"


def test_a_file_that_cannot_be_read_says_why_in_swedish() -> None:
    from workshopdesk.store.errors import reason

    denied = reason(PermissionError(errno.EACCES, "Permission denied"))
    message = Message("error.cannot_read", {"name": "retro.workshop", "reason": denied})
    assert render(message, translator("sv")) == "Kan inte läsa retro.workshop: åtkomst nekad."
    assert render(message, translator("en")) == "Cannot read retro.workshop: Permission denied."


PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")


def placeholders(text: str) -> set[str]:
    """Every ``{name}``, with its conversion and format (``{limit:,}``, ``{value!r}``)."""
    return set(PLACEHOLDER.findall(text))


def test_every_swedish_text_keeps_the_placeholders_of_its_english() -> None:
    with SV_PO.open("rb") as stream:
        catalogue = read_po(stream, locale="sv")
    assert catalogue.num_plurals == 2
    wrong = []
    checked = 0
    for entry in catalogue:
        if not entry.id or not entry.string:
            continue
        checked += 1
        where = f"{entry.context or ''} {entry.id!r}"
        if isinstance(entry.id, tuple | list):
            forms = list(entry.string)
            union = set().union(*(placeholders(text) for text in entry.id))
            if len(forms) != 2 or not all(forms):
                wrong.append(f"{where}: {len(forms)} forms")
                continue
            # Swedish and English share one rule (n != 1): each form has its English form's.
            for english, swedish in zip(entry.id, forms, strict=True):
                if placeholders(swedish) != placeholders(english) or not (
                    placeholders(swedish) <= union
                ):
                    wrong.append(f"{where}: {swedish!r}")
        elif placeholders(entry.string) != placeholders(entry.id):
            wrong.append(f"{where}: {entry.string!r}")
    assert checked > 300
    assert wrong == []


def test_the_placeholder_check_notices_a_lost_or_changed_format() -> None:
    assert placeholders("{what} är för lång: {length:,}") != placeholders(
        "{what} is too long: {length:,} characters, at most {limit:,}."
    )
    assert placeholders("{limit}") != placeholders("{limit:,}")
    assert placeholders("{value}") != placeholders("{value!r}")
    assert placeholders("{{not one}} {x}") == {"{x}"}


def written_texts(value: object, key: str = "") -> Iterator[str]:
    """The texts of a template's or the demo's JSON that are written in its language."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from written_texts(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from written_texts(child, key)
    elif isinstance(value, str) and key in starters.TEXT_FIELDS and value.strip():
        yield value


def test_every_text_of_the_templates_and_the_demo_has_its_swedish() -> None:
    import json

    with SV_PO.open("rb") as stream:
        catalogue = read_po(stream, locale="sv")
    resources = SV_PO.parents[1]
    missing = []
    for folder, context in (("templates", "template"), ("demo", "demo")):
        for path in sorted((resources / folder).glob("*.json")):
            for text in written_texts(json.loads(path.read_text("utf-8"))):
                entry = catalogue.get(text, context=context)
                if entry is None or not entry.string or entry.fuzzy:
                    missing.append(f"{path.name}: {text[:60]!r}")
    assert missing == []


@pytest.mark.parametrize("name", starters.TEMPLATES)
def test_a_swedish_template_fits_its_column_names_on_a_wall_header(name: str) -> None:
    english = starters.template(name)
    swedish = starters.template(name, language="sv")
    assert swedish.info.language == "sv"
    assert swedish.info.title != english.info.title
    for column in swedish.ordered_columns():
        assert len(column.name) <= 22, column.name
    english_rules, swedish_rules = english.info.ground_rules, swedish.info.ground_rules
    assert len(swedish_rules) == len(english_rules)
    assert not set(swedish_rules) & set(english_rules)


def test_the_problem_wall_in_swedish_has_swedish_columns_and_ground_rules() -> None:
    ws = starters.template("problem-wall", language="sv")
    assert [(c.name, c.is_done) for c in ws.ordered_columns()] == [
        ("På väggen", False),
        ("Diskuteras", False),
        ("Lösning överenskommen", True),
        ("Uppföljning", False),
    ]
    assert ws.info.ground_rules == (
        "Alla idéer är välkomna",
        "Inga dumma frågor",
        "Alla kommer till tals",
    )
    assert [t.name for t in ws.ordered_teams()] == ["Sälj", "Utveckling"]


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def same_shape(english: object, swedish: object, ids: dict[str, str], key: str = "") -> None:
    """``swedish`` is ``english`` with other words: the same keys, lists, numbers, dates,
    colours and states, and ids that correspond one to one."""
    if isinstance(english, dict):
        assert isinstance(swedish, dict) and english.keys() == swedish.keys(), key
        for child in english:
            same_shape(english[child], swedish[child], ids, child)
    elif isinstance(english, list):
        assert isinstance(swedish, list) and len(english) == len(swedish), key
        for a, b in zip(english, swedish, strict=True):
            same_shape(a, b, ids, key)
    elif isinstance(english, str) and UUID.fullmatch(english):
        assert isinstance(swedish, str) and UUID.fullmatch(swedish), key
        assert ids.setdefault(english, swedish) == swedish, key
    elif key in starters.TEXT_FIELDS or key == "language":
        assert isinstance(swedish, str), key
    else:
        assert english == swedish, key


def test_the_swedish_demo_is_the_english_demo_in_other_words() -> None:
    english, swedish = starters.demo("en"), starters.demo("sv")
    ids: dict[str, str] = {}
    same_shape(
        to_document(english, include_private=True), to_document(swedish, include_private=True), ids
    )
    assert len(set(ids.values())) == len(ids)  # one to one
    assert swedish.info.language == "sv"
    assert swedish.info.title == "Sälj × Utveckling, Malmö, februari"
    en_problems, sv_problems = english.ordered_problems(), swedish.ordered_problems()
    assert [p.number for p in sv_problems] == [p.number for p in en_problems]
    for en, sv in zip(en_problems, sv_problems, strict=True):
        assert sv.title != en.title
        assert sv.description != en.description
        assert sv.stalled_because != en.stalled_because
    assert [c.name for c in swedish.ordered_columns()][2] == "Lösning överenskommen"


def test_the_swedish_demo_is_a_valid_workshop(tmp_path: Path) -> None:
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    path = tmp_path / "demo.workshop"
    WorkshopFile.create(path, starters.demo("sv"))
    file = WorkshopFile.open(path, Mode.READ)
    try:
        ws = file.load()
        assert ws.info.language == "sv"
        assert render(ws.progress().message(), translator("sv")) == (
            "5 av 10 problem har en överenskommen lösning"  # as the issue writes it
        )
    finally:
        file.close()
