"""Checks that no card title is cut or overlapped, on a real board at the current screen
scale. Run as a script (``QT_SCALE_FACTOR=2 python tests/gui/layout_probe.py FILE``) it
prints a JSON report; the tests also call :func:`check` in-process."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtGui import QFontMetricsF


def check(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Every card of every column, at the window's zoom: a list of what is wrong."""
    from workshopdesk.gui.card_model import CardRole

    faults: list[str] = []
    for column in window.page.board.columns.values():
        view = column.cards
        delegate = view.card_delegate
        metrics = QFontMetricsF(delegate.fonts.title)
        viewport_width = view.viewport().width()
        previous_bottom = -1
        for row in range(view.model().rowCount()):
            index = view.model().index(row, 0)
            card = index.data(CardRole)
            layout = delegate.layout_for(index)
            rect = view.visualRect(index)
            name = f"#{card.problem.number} in {column.column_name}"
            if "".join(text for _, text in layout.title_lines) != card.problem.title:
                faults.append(f"{name}: the title's lines lose text")
            for _, text in layout.title_lines:
                if metrics.horizontalAdvance(text.rstrip()) > layout.title.width() + 0.5:
                    faults.append(f"{name}: a title line is wider than the card")
            if layout.title.bottom() > layout.footer.top():
                faults.append(f"{name}: the title runs into the footer")
            for chip, _, _ in layout.chips:
                if chip.top() < layout.title.bottom():
                    faults.append(f"{name}: a team chip covers the title")
            if rect.height() < layout.height:
                faults.append(f"{name}: the card is taller than its row")
            elif rect.height() > layout.height + 12 * delegate.zoom + 2:
                faults.append(f"{name}: the row leaves a gap below the card")
            if layout.width + 2 > viewport_width:
                faults.append(f"{name}: the card is wider than its column")
            if rect.top() <= previous_bottom:
                faults.append(f"{name}: overlaps the card above")
            previous_bottom = rect.bottom()
    return faults


def main(path: str) -> int:
    from workshopdesk.core import operations as ops
    from workshopdesk.gui.app import make_application
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.shots import ShotRequest, desktop_window, settle

    make_application()

    long_words = "Supercalifragilisticexpialidocious-integration-timeouts " * 3
    document = Document(Path(path))
    first = document.workshop.ordered_columns()[0].id
    document.do(lambda ws: ops.add_problem(ws, first, long_words.strip(), index=0))
    document.do(lambda ws: ops.add_problem(ws, first, "W" * 120, index=1))
    document.close()
    document.deleteLater()
    report: dict[str, object] = {}
    with desktop_window(ShotRequest(Path(path))) as window:
        for zoom in (1.0, 1.5):
            window.set_zoom(zoom)
            settle()
            report[str(zoom)] = check(window)
        report["ratio"] = window.devicePixelRatio()
        report["cards"] = sum(c.model.rowCount() for c in window.page.board.columns.values())
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1]))
