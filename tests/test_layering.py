"""The house rule: the core, the store, the server and the exports work without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import workshopdesk

QT_FREE = ("core", "store", "text", "server", "export", "imports", "commands")
# Modules that draw with QtGui (no widgets), by design: PDFs, images, posters, and what
# they share (the printed page layout, its paragraphs, the offscreen application).
QT_DRAWING = {"pdf_report", "png", "posters", "bundle", "invitation_pdf", "pdf_layout",
              "report_flow", "qt_app"}  # fmt: skip


def modules_of(package: str) -> list[str]:
    root = __import__(f"workshopdesk.{package}", fromlist=["_"])
    names = [f"workshopdesk.{package}"]
    for info in pkgutil.walk_packages(root.__path__, prefix=f"workshopdesk.{package}."):
        if info.name.rsplit(".", 1)[-1] not in QT_DRAWING:
            names.append(info.name)
    return names


@pytest.mark.parametrize("package", QT_FREE)
def test_importing_loads_no_pyside6(package: str) -> None:
    try:
        names = modules_of(package)
    except ModuleNotFoundError:
        pytest.skip(f"workshopdesk.{package} does not exist yet")
    code = (
        "import sys, importlib\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"PySide6 loaded by workshopdesk.{package}: {result.stdout}"


def test_the_cli_starts_without_qt() -> None:
    code = (
        "import sys\n"
        "from workshopdesk.cli import build_parser\n"
        "build_parser()\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr
    assert workshopdesk.__version__
