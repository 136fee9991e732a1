"""The text formats byte for byte against reference files (``UPDATE_GOLDEN=1`` rewrites
them; review the diff before committing)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.export.conftest import golden
from workshopdesk.core.entities import FollowUpStatus
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import csv_format, html_report, ics, invitation, markdown, vcard

STAMP = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def weeks_later(ws: Workshop) -> Workshop:
    """The demo at the check-in weeks later: one follow-up done, one dropped."""
    first, second = sorted(ws.follow_ups.values(), key=lambda f: f.due or "")[:2]
    ws._put(replace(first, status=FollowUpStatus.DONE, outcome="SSO works for all three tenants."))
    ws._put(replace(second, status=FollowUpStatus.DROPPED, outcome="=The CFO left; see #8."))
    return ws


def without_font_data(page: str) -> str:
    """The page with its embedded font files cut out (the shipped font's bytes)."""
    return re.sub(r"base64,[A-Za-z0-9+/=]+", "base64,…", page)


CASES = {
    "report.md": lambda ws: markdown.render(ws),
    "report.html": lambda ws: without_font_data(html_report.render(ws)),
    "results.csv": lambda ws: csv_format.render(ws),
    "results-excel.csv": lambda ws: csv_format.render(ws, excel=True),
    "follow-ups.csv": lambda ws: csv_format.render_follow_ups(weeks_later(ws)),
    "follow-ups-excel.csv": lambda ws: csv_format.render_follow_ups(weeks_later(ws), excel=True),
    "report-weeks-later.md": lambda ws: markdown.render(weeks_later(ws)),
    "follow-ups.ics": lambda ws: ics.render(ws, now=STAMP),
    "invitation.ics": lambda ws: ics.render(ws, invitation=True, now=STAMP),
    "contacts.vcf": lambda ws: vcard.render(ws),
    "invitation.md": lambda ws: invitation.markdown(ws),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_reference(demo: Workshop, name: str) -> None:
    actual = CASES[name](demo)
    assert actual == golden(name, actual)
