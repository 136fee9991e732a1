"""What validation keeps of what a facilitator, an import or a phone typed."""

from __future__ import annotations

import pytest

from workshopdesk.core.errors import ValidationError
from workshopdesk.core.limits import LIST_MAX, TAG_MAX
from workshopdesk.core.validation import (
    check_date,
    check_datetime,
    check_language,
    check_timezone,
    check_uuid,
    clean_color,
    clean_line,
    clean_tags,
    clean_text,
)
from workshopdesk.text import error_text


def test_tags_are_kept_trimmed_once_each_in_their_order() -> None:
    assert clean_tags(["billing", " Q3 ", "BILLING", "q3", "urgent"]) == ("billing", "Q3", "urgent")
    assert clean_tags([]) == ()
    assert clean_tags(["x" * TAG_MAX]) == ("x" * TAG_MAX,)
    assert len(clean_tags([f"t{n}" for n in range(LIST_MAX)])) == LIST_MAX
    for bad in (["x" * (TAG_MAX + 1)], [""], ["a\nb"], [f"t{n}" for n in range(LIST_MAX + 1)]):
        with pytest.raises(ValidationError):
            clean_tags(bad)


def test_lines_and_texts() -> None:
    assert clean_line("  Cafe\u0301 ", "x") == "Café"
    assert clean_line("", "x") == ""
    assert clean_line("a" * 5, "x", limit=5) == "aaaaa"
    for bad in ("a\tb", "a" * 6):
        with pytest.raises(ValidationError):
            clean_line(bad, "x", limit=5)
    with pytest.raises(ValidationError):
        clean_line(" ", "x", required=True)
    with pytest.raises(ValidationError):
        clean_line(3, "x")  # type: ignore[arg-type]
    assert clean_text(" one\r\ntwo\rthree\n\tfour ", "x") == "one\ntwo\nthree\n\tfour"
    with pytest.raises(ValidationError):
        clean_text("a\x00b", "x")
    with pytest.raises(ValidationError):
        clean_text("\ud800", "x")


def test_colours_dates_zones_and_ids() -> None:
    assert clean_color(" #A0B1C2 ", "x") == "#a0b1c2"
    assert clean_color("", "x") == ""
    for bad in ("red", "#abc", "#a0b1c2ff", 0xA0B1C2, None):
        with pytest.raises(ValidationError):
            clean_color(bad, "x")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        clean_color("", "x", required=True)
    assert check_date("", "x") is None and check_date(None, "x") is None
    assert check_date("2027-02-11", "x") == "2027-02-11"
    with pytest.raises(ValidationError):
        check_date("11/02/2027", "x")
    assert check_datetime("2027-02-11T09:00+01:00", "x") == "2027-02-11T09:00:00+01:00"
    assert check_datetime("", "x") is None
    with pytest.raises(ValidationError):
        check_datetime("2027-02-11T09:00", "x")
    assert check_timezone("Europe/Stockholm") == "Europe/Stockholm"
    assert check_timezone("") == ""
    with pytest.raises(ValidationError):
        check_timezone("Mars/Olympus")
    good = "0000000a-0000-4000-8000-00000000000b"
    assert check_uuid(good, "x") == good
    for bad in (good.upper(), "nope", None):
        with pytest.raises(ValidationError):
            check_uuid(bad, "x")  # type: ignore[arg-type]


def test_a_workshop_speaks_english_or_swedish_and_an_unknown_code_is_named_back() -> None:
    assert check_language("en") == "en"
    assert check_language("sv") == "sv"
    for bad in ("de", "SV", "sv-SE", ""):
        with pytest.raises(ValidationError) as raised:
            check_language(bad)
        assert error_text(raised.value) == f"A workshop speaks one of en, sv, not '{bad}'."
