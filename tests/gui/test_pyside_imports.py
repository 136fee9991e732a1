"""PySide's question about each imported module gets the same answers, read from bytes."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import workshopdesk.core.entities
import workshopdesk.gui.board
from workshopdesk.gui.pyside_imports import FEATURE_MODULES, _reading_bytes, quicker_source_check


def test_pyside_asks_and_is_answered_from_bytes() -> None:
    assert quicker_source_check(), "this PySide asks about every imported module"
    feature = next(sys.modules[n] for n in FEATURE_MODULES if n in sys.modules)
    assert getattr(feature._mod_uses_pyside, "reads_bytes", False)
    assert quicker_source_check(), "asked twice, answered once"
    assert not getattr(feature._mod_uses_pyside.__closure__[0].cell_contents, "reads_bytes", 0)


def test_the_answers_are_pyside_s_own(tmp_path: Path) -> None:
    asked: list[str] = []

    def pyside(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    answer = _reading_bytes(pyside)
    assert answer(workshopdesk.gui.board) is True
    assert answer(workshopdesk.core.entities) is False
    assert asked == []
    assert answer(sys) is False and asked == ["sys"]  # built in: PySide's own answer
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert answer(gone) is False and asked[-1] == "gone"  # unreadable: PySide's own
