"""Every message the code names has English words, with the parameters it is given; the
core and the store build no sentence themselves."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshopdesk.core.errors import FileProblem, ValidationError
from workshopdesk.core.messages import Message
from workshopdesk.store.errors import explain
from workshopdesk.text import ENGLISH, Choice, Plural, error_text, render

SRC = Path(__file__).resolve().parents[2] / "src" / "workshopdesk"
MSGID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")
# Programmer errors: never shown to a facilitator, so never translated.
BUGS = {"ValueError", "TypeError", "AssertionError", "RuntimeError", "NotImplementedError"}
# Content a new workshop starts with (stored in its file), not a message.
CONTENT = {"DEFAULT_GROUND_RULES", "DEFAULT_COLUMNS"}
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|SET|CREATE|VALUES|PRAGMA|VACUUM)\b")


def reads_like_english(words: str) -> bool:
    """Three words or more in running text (SQL, ids and formats are not)."""
    plain = [w for w in words.split() if re.fullmatch(r"[a-z]{2,}[.,;:!?]?", w)]
    return len(plain) >= 3 and not SQL.search(words)


def python_files(*parts: str) -> Iterator[Path]:
    for part in parts:
        yield from sorted((SRC / part).rglob("*.py"))


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for i, statement in enumerate(body):
                first_or_after_assign = i == 0 or isinstance(
                    body[i - 1], ast.AnnAssign | ast.Assign
                )
                if (
                    first_or_after_assign
                    and isinstance(statement, ast.Expr)
                    and isinstance(statement.value, ast.Constant)
                ):
                    found.add(id(statement.value))
    return found


def _content_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in CONTENT for t in targets):
                skipped.update(id(n) for n in ast.walk(node))
    return skipped


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def english_in(path: Path) -> list[str]:
    """Sentences in ``path``: any text in what a raise statement raises (other than a
    programmer error), and any string that reads like an English sentence or phrase."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _docstrings(tree) | _content_nodes(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _called_name(node.exc) in BUGS:
                skipped.update(id(n) for n in ast.walk(node.exc))
                continue
            for arg in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
                if isinstance(arg, ast.JoinedStr) or (
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ):
                    found.append(f"{path.name}:{node.lineno}: raise with words")
        if isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.In):
            skipped.add(id(node.left))  # looking for words in another program's message
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(v) for v in node.values)
            words = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            words = node.value
        else:
            continue
        if reads_like_english(words):
            found.append(f"{path.name}:{node.lineno}: {words!r}")
    return found


def test_the_core_and_the_store_build_no_sentence() -> None:
    found = [line for path in python_files("core", "store") for line in english_in(path)]
    assert found == []


def test_the_scan_would_notice_a_sentence(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def check(name):\n"
        "    raise ValidationError(f'{name} is too long.')\n"
        "LABEL = 'Move the card to the wall'\n"
        "def bug():\n"
        "    raise ValueError('an internal mistake in the caller')\n",
        encoding="utf-8",
    )
    assert sorted(english_in(sample)) == [
        "sample.py:2: '{} is too long.'",
        "sample.py:2: raise with words",
        "sample.py:3: 'Move the card to the wall'",
    ]


def used_messages() -> Iterator[tuple[str, str, set[str] | None]]:
    """(where, msgid, the parameter names given or None when not written out) for every
    ``Message(...)`` and ``Label(...)`` in the code whose id is written there."""
    for path in python_files("."):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        unseen = {  # the label of a step that changes nothing is never shown
            id(node.args[0])
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and _called_name(node) == "Step"
            and len(node.args) == 2
            and isinstance(node.args[1], ast.Tuple)
            and not node.args[1].elts
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called_name(node) in ("Message", "Label")):
                continue
            if id(node) in unseen:
                continue
            if not node.args:
                continue
            first = node.args[0]
            choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            params = node.args[1] if len(node.args) > 1 else None
            names: set[str] | None
            if params is None:
                names = set()
            elif isinstance(params, ast.Dict) and all(
                isinstance(k, ast.Constant) for k in params.keys
            ):
                names = {k.value for k in params.keys if isinstance(k, ast.Constant)}
            else:
                names = None
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            for choice in choices:
                if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
                    yield where, choice.value, names


def placeholders(template: str) -> set[str]:
    return {
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(template)
        if field is not None
    }


def templates(msgid: str) -> list[str]:
    entry = ENGLISH[msgid]
    if isinstance(entry, Plural):
        return [entry.one, entry.other]
    if isinstance(entry, Choice):
        return list(entry.texts())
    return [entry]


def test_every_message_used_has_english_words_for_its_parameters() -> None:
    used = list(used_messages())
    assert len(used) > 100  # the scan sees the code
    missing = [f"{where}: {msgid}" for where, msgid, _ in used if msgid not in ENGLISH]
    assert missing == []
    wrong = []
    for where, msgid, names in used:
        if names is None:
            continue  # parameters built elsewhere; their names are checked by rendering
        needed = set().union(*(placeholders(t) for t in templates(msgid)))
        entry = ENGLISH[msgid]
        counted = (
            {entry.count}
            if isinstance(entry, Plural)
            else {entry.by}
            if isinstance(entry, Choice)
            else set()
        )
        if needed | counted != names:
            wrong.append(
                f"{where}: {msgid} takes {sorted(needed | counted)}, given {sorted(names)}"
            )
    assert wrong == []


def test_every_entry_is_a_well_formed_id_and_template() -> None:
    for msgid, entry in ENGLISH.items():
        assert MSGID.fullmatch(msgid), msgid
        for template in templates(msgid):
            names = placeholders(template)
            assert all(name.isidentifier() for name in names), (msgid, names)
        if isinstance(entry, Plural):
            assert entry.count in placeholders(entry.other), msgid
        if isinstance(entry, Choice):
            assert entry.by in placeholders(entry.other), msgid


def test_plural_forms_follow_the_count() -> None:
    one = Message("refused.dots_used", {"count": 1})
    two = Message("refused.dots_used", {"count": 2})
    assert render(one) == "You have used your 1 dot."
    assert render(two) == "You have used your 2 dots."
    assert render(Message("import_problems", {"count": "1"})) == "Import 1 problem"


def test_a_field_name_is_a_message_of_its_own() -> None:
    error = ValidationError(
        Message(
            "error.too_long", {"what": Message("field.problem_title"), "length": 1234, "limit": 200}
        )
    )
    assert error_text(error) == "The problem's title is too long: 1,234 characters, at most 200."


def test_logs_see_the_id_and_parameters() -> None:
    error = FileProblem(Message("error.file_busy", {"name": "retro.workshop"}))
    assert str(error) == "error.file_busy(name='retro.workshop')"
    assert error_text(error) == "retro.workshop is busy in another program; try again in a moment."
    assert error.message.msgid == "error.file_busy"


def test_words_composed_at_the_edge_pass_through() -> None:
    error = FileProblem("This format is binary: give a file with -o.")
    assert str(error) == error_text(error) == "This format is binary: give a file with -o."


def test_an_unknown_id_shows_itself_rather_than_failing() -> None:
    assert render(Message("error.from_the_future", {"n": 3})) == "error.from_the_future(n=3)"


def test_any_other_error_keeps_its_own_words() -> None:
    assert error_text(OSError("No space left on device")) == "No space left on device"


@pytest.mark.parametrize(
    ("sqlite_says", "shown"),
    [
        ("database or disk is full", "The disk is full: the last change to a.workshop was not"),
        ("attempt to write a readonly database", "a.workshop cannot be changed: it is read-only."),
        ("database is locked", "a.workshop is busy in another program; try again in a moment."),
    ],
)
def test_sqlite_errors_read_as_before(sqlite_says: str, shown: str) -> None:
    import sqlite3

    assert error_text(explain("a.workshop", sqlite3.OperationalError(sqlite_says))).startswith(
        shown
    )


def test_the_core_and_the_store_never_reach_for_the_words() -> None:
    reaching = []
    for path in python_files("core", "store"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "workshopdesk.text"
            ):
                reaching.append(f"{path.name}:{node.lineno}")
    assert reaching == []
