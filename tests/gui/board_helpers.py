"""Small readers used by the board tests: where is a card, what does a column show."""

from __future__ import annotations

from workshopdesk.core.workshop import Workshop
from workshopdesk.gui.column_widget import ColumnWidget
from workshopdesk.gui.main_window import MainWindow


def board(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.page is not None
    return window.page.board


def ws(window: MainWindow) -> Workshop:
    assert window.document is not None
    return window.document.workshop


def column_named(window: MainWindow, name: str) -> ColumnWidget:
    for cid, widget in board(window).columns.items():
        if ws(window).columns[cid].name == name:
            return widget
    raise AssertionError(f"no column {name!r}")


def shown_titles(column: ColumnWidget) -> list[str]:
    model = column.model
    return [model.index(r).data() for r in range(model.rowCount())]


def pid(window: MainWindow, number: int) -> str:
    problem = ws(window).problem_by_number(number)
    assert problem is not None
    return problem.id


def column_of(window: MainWindow, number: int) -> str:
    problem = ws(window).problem_by_number(number)
    assert problem is not None
    return ws(window).columns[problem.column_id].name
