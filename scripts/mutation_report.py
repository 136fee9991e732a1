"""The mutation score of core/, app/ and store/, per module and per layer.

Reads what `make mutation` (mutmut) left in mutants/ and the reviewed list of equivalent
mutants (tests/mutation-equivalents.txt: one mutant name a line, then its reason). A mutant
is caught when a test failed or timed out with it, or when mypy --strict rejects it; one that
survived, or that no test ran, is missed. Equivalent mutants (they behave exactly like the
product) count for neither. One kind is recognised by rule instead of by name: a mutant whose
only change is the letter case of the SQL text handed to `execute` (SQLite reads keywords,
pragmas, table and column names in any case), as long as no quoted part changed.

Each score is given twice: with the mutants mypy rejects counted as caught, and "tests
only", leaving them out of both sides, so the second says what the tests alone notice.

    python scripts/mutation_report.py [--survivors] [--target 90]

Exits 1 when a layer is below the target either way, when a mutant was not run, or when the
equivalents list names a mutant that no longer exists or that the tests now catch (the list
must stay short and true).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from copy import deepcopy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants" / "src"
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.txt"
LAYERS = ("core", "app", "store")

TYPE_CHECKED = 37  # mypy --strict rejects the mutant: caught without running a test
CAUGHT = {1, 3, 36, TYPE_CHECKED, -24, 24, 152, 255, -11, -9}  # failed, timed out, crashed
MISSED = {0, 5, 33}  # survived, or no test ran it

EXECUTE = {"execute", "executemany", "executescript"}
QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")


def sql_folded(sql: str) -> str:
    """``sql`` as SQLite reads it: letters in any case are the same, except inside quotes
    (a string literal, or a quoted name, is kept exactly)."""
    parts: list[str] = []
    start = 0
    for quoted in QUOTED.finditer(sql):
        parts.append(sql[start : quoted.start()].lower())
        parts.append(quoted.group())
        start = quoted.end()
    parts.append(sql[start:].lower())
    return "".join(parts)


def _masked(function: ast.AST) -> str:
    """The function's code with every text left out, and its own name (which differs)."""
    copy = deepcopy(function)
    for node in ast.walk(copy):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    if isinstance(copy, ast.FunctionDef | ast.AsyncFunctionDef):
        copy.name = ""
    return ast.dump(copy)


SQL, NAME = "sql", "name"  # how SQLite reads a text: a statement, or a table or column name
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# sqlite-utils calls of the migrations, and the keyword arguments of them that name columns
NAMED_BY = {"create": {"pk", "not_null", "foreign_keys"}, "create_index": set(), "insert": set()}
ADD_COLUMN_NAMES = {"fk", "fk_col"}  # the table and column a new column refers to


def _names_given_to_sqlite_utils(call: ast.Call) -> Iterator[ast.AST]:
    """The parts of a sqlite-utils call in a migration that are table or column names:
    ``table(NAME)``, ``add_column(NAME, ...)``, the column names of ``create``'s and
    ``insert``'s dict, of ``create_index``'s list, of ``pk``, ``not_null`` and
    ``foreign_keys``, and ``add_column``'s ``fk`` and ``fk_col``. Never a value (a default,
    a row's contents)."""
    assert isinstance(call.func, ast.Attribute)
    method = call.func.attr
    if method in ("table", "add_column") and call.args:
        yield call.args[0]
    if method == "add_column":
        yield from (k.value for k in call.keywords if k.arg in ADD_COLUMN_NAMES)
    if method in NAMED_BY and call.args:
        first = call.args[0]
        yield from first.keys if isinstance(first, ast.Dict) else (first,)  # type: ignore[misc]
        for keyword in call.keywords:
            if keyword.arg in NAMED_BY[method]:
                yield keyword.value


def _constants(node: ast.AST | None) -> Iterator[ast.Constant]:
    """The texts in ``node``, through tuples, lists and sets."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for element in node.elts:
            yield from _constants(element)


def _texts(function: ast.AST) -> list[tuple[str, str | None]]:
    """Every text in ``function`` in order, with how SQLite reads it: as the SQL given to
    ``execute``, as a name a migration gives sqlite-utils (in a function of ``db``), or
    None (not SQLite's to read)."""
    kind: dict[int, str] = {}
    migration = (
        isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        and bool(function.args.args)
        and function.args.args[0].arg == "db"
    )
    for node in ast.walk(function):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr in EXECUTE and node.args and isinstance(node.args[0], ast.Constant):
            kind[id(node.args[0])] = SQL
        elif migration:
            for part in _names_given_to_sqlite_utils(node):
                for text in _constants(part):
                    kind[id(text)] = NAME
    return [
        (node.value, kind.get(id(node)))
        for node in ast.walk(function)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def sql_case_only(original: ast.AST, mutant: ast.AST) -> bool:
    """Whether ``mutant`` differs from ``original`` only in the letter case of SQL, or of
    a table or column name, that SQLite reads the same way."""
    if _masked(original) != _masked(mutant):
        return False
    changed = [
        (before, kind, after)
        for (before, kind), (after, _) in zip(_texts(original), _texts(mutant), strict=True)
        if before != after
    ]
    if len(changed) != 1:
        return False
    before, kind, after = changed[0]
    if kind == SQL:
        return sql_folded(before) == sql_folded(after)
    if kind == NAME:
        return IDENTIFIER.fullmatch(before) is not None and before.lower() == after.lower()
    return False


class MutatedSource:
    """The functions of mutmut's copy of a module: the original and every mutant."""

    def __init__(self) -> None:
        self._functions: dict[str, dict[str, ast.AST]] = {}

    def function(self, module: str, name: str) -> ast.AST | None:
        if module not in self._functions:
            path = MUTANTS.joinpath(*module.split(".")).with_suffix(".py")
            found: dict[str, ast.AST] = {}
            if path.exists():
                tree = ast.parse(path.read_text(encoding="utf-8"))
                for node in ast.walk(tree):
                    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                        found[node.name] = node
            self._functions[module] = found
        return self._functions[module].get(name)

    def is_sql_case_only(self, module: str, mutant: str) -> bool:
        name = mutant.removeprefix(module + ".")
        base, _, number = name.rpartition("__mutmut_")
        if not number.isdigit():
            return False
        original = self.function(module, f"{base}__mutmut_orig")
        changed = self.function(module, name)
        return original is not None and changed is not None and sql_case_only(original, changed)


def equivalents(path: Path = EQUIVALENTS) -> dict[str, str]:
    """Mutant name -> why it behaves like the product."""
    result: dict[str, str] = {}
    if not path.exists():
        return result
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        if not reason.strip():
            raise SystemExit(f"{path.name}: {name} has no reason")
        result[name] = reason.strip()
    return result


def results() -> dict[str, tuple[str, int | None]]:
    """Mutant name -> (module, exit code or None when not run yet)."""
    found: dict[str, tuple[str, int | None]] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        module = ".".join(meta.relative_to(MUTANTS).with_suffix("").with_suffix("").parts)
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            found[name] = (module, code)
    return found


def layer_of(module: str) -> str:
    return module.split(".")[1]


TESTS, MYPY, MISS, LISTED, RULE, UNRUN = range(6)  # the columns of a row


def score(caught: int, missed: int) -> str:
    return f"{100 * caught / (caught + missed):5.1f}%" if caught + missed else "    -"


def reached(caught: int, missed: int, target: float) -> bool:
    return caught + missed > 0 and 100 * caught / (caught + missed) >= target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list every missed mutant")
    parser.add_argument("--target", type=float, default=90.0, help="per layer, in percent")
    args = parser.parse_args(argv)

    if not MUTANTS.exists():
        print("No results yet: run `make mutation` first.", file=sys.stderr)
        return 2
    known = equivalents()
    found = results()
    source = MutatedSource()
    # per module: caught by tests, by mypy, missed, listed equivalent, equivalent by rule, not run
    rows: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    missed: list[str] = []
    stale: list[str] = []
    for name, (module, code) in sorted(found.items()):
        row = rows[module]
        if name in known:
            row[LISTED] += 1
            if code in CAUGHT:
                stale.append(f"{name}: the tests catch it now")
            elif source.is_sql_case_only(module, name):
                stale.append(f"{name}: the SQL rule covers it")
        elif code is None:
            row[UNRUN] += 1
        elif code == TYPE_CHECKED:
            row[MYPY] += 1
        elif code in CAUGHT:
            row[TESTS] += 1
        elif source.is_sql_case_only(module, name):
            row[RULE] += 1
        else:
            row[MISS] += 1
            missed.append(name)
    stale.extend(f"{name}: no such mutant" for name in known if name not in found)

    header = (
        f"{'module':42} {'tests':>5} {'mypy':>5} {'missed':>6} {'equiv':>5} {'rule':>5} "
        f"{'unrun':>5} {'score':>6} {'tests only':>10}"
    )

    def line(label: str, row: list[int]) -> str:
        by_tests, by_types, miss, listed, by_rule, unrun = row
        return (
            f"{label:42} {by_tests:5} {by_types:5} {miss:6} {listed:5} {by_rule:5} {unrun:5} "
            f"{score(by_tests + by_types, miss)} {score(by_tests, miss):>10}"
        )

    print(header)
    print("-" * len(header))
    layers: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for module in sorted(rows):
        if not any(rows[module]):
            continue
        print(line(module, rows[module]))
        totals = layers[layer_of(module)]
        for i, value in enumerate(rows[module]):
            totals[i] += value
    print("-" * len(header))
    failed = False
    for layer in LAYERS:
        row = layers[layer]
        by_tests, by_types, miss, _, _, unrun = row
        ok = reached(by_tests + by_types, miss, args.target) and reached(
            by_tests, miss, args.target
        )
        failed = failed or not ok or unrun > 0
        mark = "ok" if ok and not unrun else "incomplete" if unrun else "below target"
        print(f"{line('layer ' + layer, row)}  {mark}")
    print(
        "\ntests: a test failed or timed out; mypy: mypy --strict rejects it; equiv: listed in "
        f"{EQUIVALENTS.relative_to(ROOT)} ({len(known)} there); rule: only the letter case of "
        "SQL, or of a\nname SQLite reads, changed. "
        "score: (tests + mypy) / (tests + mypy + missed); tests only: tests / (tests + missed)."
    )
    if args.survivors:
        print("\nMissed (mutmut show NAME to see one):")
        for name in missed:
            print(f"  {name}")
    for problem in stale:
        print(f"equivalents list: {problem}", file=sys.stderr)
    return 1 if failed or stale else 0


if __name__ == "__main__":
    sys.exit(main())
