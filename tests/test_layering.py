"""The house rule, checked on every import: the layering contract in pyproject.toml.

import-linter reads every import statement (inside functions and TYPE_CHECKING blocks too),
so the contract holds for code that runs rarely as well as for code loaded at start-up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path, *extra_path: Path) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS.exists(), "import-linter is a dev dependency: run `make setup`"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (*extra_path, ROOT))
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_tree_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " broken" in result.stdout and "0 broken" in result.stdout


def test_every_part_of_the_package_is_under_contract() -> None:
    """A new package or top-level module has to be placed in the layering, not slip past it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (core,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "core"]
    named = set(core["forbidden_modules"]) | set(core["source_modules"])
    package = ROOT / "src" / "workshopdesk"
    parts = {p.name for p in package.iterdir() if (p / "__init__.py").exists()}
    parts |= {p.stem for p in package.glob("*.py") if p.name != "__init__.py"}
    assert parts, package
    assert {f"workshopdesk.{name}" for name in parts} <= named


@pytest.mark.parametrize(
    ("module", "code", "contract", "evidence"),
    [
        (
            "core/limits.py",
            "def f() -> None:\n    from workshopdesk.server import app\n",
            "core is the domain: standard library only, nothing else of ours BROKEN",
            "workshopdesk.core.limits -> workshopdesk.server.app",
        ),
        (
            "paint/fonts.py",
            "def f() -> None:\n    from PySide6.QtWidgets import QLabel\n",
            "QtWidgets only in gui BROKEN",
            "workshopdesk.paint.fonts is not allowed to import PySide6.QtWidgets",
        ),
        (
            "export/formats.py",
            "if TYPE_CHECKING:\n    from PySide6 import QtWidgets\n",
            "QtWidgets only in gui BROKEN",
            "workshopdesk.export.formats is not allowed to import PySide6.QtWidgets",
        ),
        (
            "paint/qr.py",
            "if TYPE_CHECKING:\n    from workshopdesk.export.formats import ExportRequest\n",
            "paint imports neither server nor export BROKEN",
            "workshopdesk.paint.qr -> workshopdesk.export.formats",
        ),
    ],
)
def test_a_hidden_violation_breaks_the_contract(
    tmp_path: Path, module: str, code: str, contract: str, evidence: str
) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "src" / "workshopdesk" / module
    target.write_text(
        target.read_text(encoding="utf-8") + "\n\nfrom typing import TYPE_CHECKING\n\n" + code,
        encoding="utf-8",
    )
    result = lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode != 0, result.stdout + result.stderr
    assert contract in result.stdout, result.stdout
    assert evidence in result.stdout, result.stdout


def test_the_cli_starts_without_qt() -> None:
    code = (
        "import sys\n"
        "from workshopdesk.cli import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", result.stdout
