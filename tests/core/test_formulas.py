"""Cells a spreadsheet would run as formulas leave as text, and come back as typed."""

from __future__ import annotations

from workshopdesk.core.formulas import safe, unsafe


def test_a_cell_that_a_spreadsheet_would_run_gets_a_leading_apostrophe() -> None:
    for text in ("=SUM(A1)", "+46 70", "-5 days", "@channel", "\tindented", "\rodd"):
        assert safe(text) == "'" + text, repr(text)
        assert unsafe(safe(text)) == text, repr(text)


def test_ordinary_cells_pass_unchanged_both_ways() -> None:
    for text in ("Late invoices", "", "a=b", "'quoted", "'", "x-1", "'plain"):
        assert safe(text) == text, repr(text)
        assert unsafe(text) == text, repr(text)
    assert unsafe("'=1+1") == "=1+1"
    assert unsafe("''=1") == "''=1", "only the apostrophe the export added is taken away"
