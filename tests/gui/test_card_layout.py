"""No card title is cut or overlapped, at 1× and at 2× screen scale, at two zooms."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from tests.gui import layout_probe
from tests.gui.board_helpers import column_named
from tests.gui.conftest import OFFSCREEN_NOISE

from workshopdesk.core import operations as ops
from workshopdesk.gui.card_delegate import CardDelegate

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

ROOT = Path(__file__).resolve().parents[2]


def test_titles_fit_their_cards_at_1x(qtbot, window):
    wall = column_named(window, "On the wall")
    window.document.do(
        lambda ws: ops.add_problem(ws, wall.column_id, "Unbreakable" * 12 + " and more words")
    )
    for zoom in (1.0, 0.8, 1.5, 2.0):
        window.set_zoom(zoom)
        qtbot.waitUntil(lambda: wall.cards.visualRect(wall.model.index(0)).height() > 0)
        assert layout_probe.check(window) == [], f"at zoom {zoom}"


class ShortRows(CardDelegate):
    """A delegate with a layout bug: every row 60 px tall, whatever the card needs."""

    def sizeHint(self, option, index):  # type: ignore[no-untyped-def]
        return QSize(300, 60)


def test_the_check_sees_cards_cut_short(qtbot, window):
    """The check is not blind: rows sized too small are reported."""
    wall = column_named(window, "On the wall")
    wall.cards.card_delegate = ShortRows(wall.cards)
    wall.cards.setItemDelegate(wall.cards.card_delegate)
    qtbot.waitUntil(lambda: wall.cards.visualRect(wall.model.index(1)).top() == 60)
    faults = layout_probe.check(window)
    assert any("taller than its row" in f for f in faults)


@pytest.mark.parametrize("scale", ["1", "2"])
def test_titles_fit_their_cards_at_screen_scale(demo_path, scale):
    env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src")])
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "gui" / "layout_probe.py"), str(demo_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["ratio"] == float(scale)
    assert report["cards"] == 12
    assert report["1.0"] == [] and report["1.5"] == []
