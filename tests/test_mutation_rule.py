"""The one kind of equivalent mutant `make mutation` recognises by rule, and no other:
a change of letter case in the SQL given to SQLite, outside anything quoted."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "mutation_report.py"


@pytest.fixture(scope="module")
def report() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_report", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutation_report"] = module
    spec.loader.exec_module(module)
    return module


ORIGINAL = """
def x_applied__mutmut_orig(connection):
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \\"Ideas\\""
    ).fetchone()
    mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    return found and mode == "wal"
"""


def function(source: str) -> ast.AST:
    return ast.parse(source).body[0]


def mutant(old: str, new: str) -> ast.AST:
    assert old in ORIGINAL
    return function(ORIGINAL.replace(old, new).replace("__mutmut_orig", "__mutmut_7"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("SELECT 1 FROM sqlite_master WHERE", "select 1 from sqlite_master where"),
        ("AND name", "and NAME"),
        ("PRAGMA journal_mode", "pragma JOURNAL_MODE"),
    ],
)
def test_a_letter_case_change_in_sql_outside_quotes_is_the_same_statement(
    report: ModuleType, old: str, new: str
) -> None:
    assert report.sql_case_only(function(ORIGINAL), mutant(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("'table'", "'TABLE'"),  # a string literal: compared exactly
        ('\\"Ideas\\"', '\\"ideas\\"'),  # a quoted name is kept as written
        ('"wal"', '"WAL"'),  # a text compared in Python, not SQL
        ("SELECT 1", "SELECT 2"),  # not a change of case
        ("PRAGMA journal_mode", "XXPRAGMA journal_modeXX"),
        ("found and mode", "found or mode"),  # code changed, not only text
    ],
)
def test_any_other_change_is_judged_by_the_tests(report: ModuleType, old: str, new: str) -> None:
    assert not report.sql_case_only(function(ORIGINAL), mutant(old, new))


def test_two_changes_at_once_are_judged_by_the_tests(report: ModuleType) -> None:
    both = ORIGINAL.replace("SELECT 1", "select 1").replace("PRAGMA", "pragma")
    changed = function(both.replace("__mutmut_orig", "__mutmut_8"))
    assert not report.sql_case_only(function(ORIGINAL), changed)


def test_sql_is_folded_outside_quotes_only(report: ModuleType) -> None:
    assert report.sql_folded("SELECT 'It''s' FROM \"T\" WHERE A = ?") == (
        "select 'It''s' from \"T\" where a = ?"
    )
