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


MIGRATION = """
def x_initial__mutmut_orig(db):
    db.table("teams").create(
        {"id": str, "name": str}, pk="id", not_null={"name"}, foreign_keys=[("id", "x", "id")]
    )
    db.table("revision").insert({"id": 1, "value": "zero"})
    db.table("workshop").add_column("language", str, not_null_default="en")
    db.table("devices").add_column("attendee_id", str, fk="attendees", fk_col="id")
"""


def migration_mutant(old: str, new: str) -> ast.AST:
    assert old in MIGRATION
    return function(MIGRATION.replace(old, new).replace("__mutmut_orig", "__mutmut_3"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('pk="id"', 'pk="ID"'),
        ('not_null={"name"}', 'not_null={"NAME"}'),
        ('("id", "x", "id")', '("ID", "x", "id")'),
        ('{"id": str, "name": str}', '{"id": str, "NAME": str}'),
        ('{"id": 1, "value"', '{"ID": 1, "value"'),
        ('add_column("language"', 'add_column("LANGUAGE"'),
        ('fk_col="id"', 'fk_col="ID"'),
        ('fk="attendees"', 'fk="ATTENDEES"'),
    ],
)
def test_a_letter_case_change_in_a_name_a_migration_gives_sqlite_utils_is_the_same_name(
    report: ModuleType, old: str, new: str
) -> None:
    assert report.sql_case_only(function(MIGRATION), migration_mutant(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('not_null_default="en"', 'not_null_default="EN"'),  # a value, not a name
        ('"value": "zero"', '"value": "ZERO"'),  # a row's contents
        ('pk="id"', 'pk="XXidXX"'),
    ],
)
def test_a_value_a_migration_writes_is_judged_by_the_tests(
    report: ModuleType, old: str, new: str
) -> None:
    assert not report.sql_case_only(function(MIGRATION), migration_mutant(old, new))


def test_names_count_as_names_only_in_a_migration(report: ModuleType) -> None:
    elsewhere = MIGRATION.replace("(db)", "(database)").replace("db.", "database.")
    before = function(elsewhere)
    after = function(elsewhere.replace('pk="id"', 'pk="ID"').replace("_orig", "_4"))
    assert not report.sql_case_only(before, after)
