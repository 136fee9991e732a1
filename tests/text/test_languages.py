"""Which language the program speaks, and a workshop's own language from `new` to `info`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workshopdesk.core.messages import Message
from workshopdesk.text import render, translator
from workshopdesk.text.language import system_language
from workshopdesk.text.pseudo import CLOSE, OPEN


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "sv_FI.UTF-8", "LANG": "en_US.UTF-8"}, "sv"),
        ({"LANGUAGE": "de:sv:en", "LANG": "en_US.UTF-8"}, "sv"),
        ({"LANGUAGE": "de", "LANG": "sv_SE.UTF-8"}, "sv"),
    ],
)
def test_the_system_locale_chooses_the_language_in_gettexts_order(
    environ: dict[str, str], expected: str
) -> None:
    assert system_language(environ) == expected


def test_dates_and_numbers_come_from_cldr() -> None:
    assert translator("sv").date(date(2027, 2, 11)) == "11 februari 2027"
    assert translator("en").date(date(2027, 2, 11)) == "February 11, 2027"
    assert translator("sv").number(1000) == "1\xa0000"
    assert translator("en").number(1000) == "1,000"


def test_a_message_in_english_keeps_its_template_and_groups_digits() -> None:
    text = render(
        Message(
            "error.too_long",
            {"what": Message("field.problem_title"), "limit": 1000, "length": 1204},
        ),
        translator("en"),
    )
    assert "1,000" in text and "The problem's title" in text


def test_the_pseudo_language_changes_every_word_and_keeps_the_placeholders() -> None:
    text = render(Message("error.copy_onto_itself"), translator("pseudo"))
    assert text.startswith(OPEN) and text.endswith(CLOSE)
    assert "copy" not in text
    pseudo = translator("pseudo")
    assert pseudo.gettext("{count} problems").count("{count}") == 1


def workshopdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_a_workshop_made_in_swedish_says_so_and_its_wall_columns_are_swedish(
    tmp_path: Path,
) -> None:
    english = tmp_path / "en.workshop"
    swedish = tmp_path / "sv.workshop"
    assert workshopdesk("new", str(english), "--lang", "en").returncode == 0
    assert workshopdesk("new", str(swedish), "--lang", "sv").returncode == 0
    info_en = json.loads(workshopdesk("info", str(english), "--json").stdout)
    info_sv = json.loads(workshopdesk("info", str(swedish), "--json").stdout)
    assert (info_en["language"], info_sv["language"]) == ("en", "sv")
    export = tmp_path / "sv.json"
    assert (
        workshopdesk("export", str(swedish), "--format", "json", "-o", str(export)).returncode == 0
    )
    document = json.loads(export.read_text("utf-8"))
    assert document["workshop"]["language"] == "sv"
    english_columns = json.loads(workshopdesk("export", str(english), "--format", "json").stdout)[
        "columns"
    ]
    swedish_columns = document["columns"]
    assert len(english_columns) == len(swedish_columns)
    tr = translator("sv")
    assert [c["name"] for c in swedish_columns] == [
        tr.pgettext("template", c["name"]) for c in english_columns
    ]


def test_an_unknown_language_is_refused_in_one_line(tmp_path: Path) -> None:
    result = workshopdesk("new", str(tmp_path / "x.workshop"), "--lang", "de")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.workshop").exists()
