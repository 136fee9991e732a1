"""The window's document: edits, failures as sentences, and other processes' commits."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from workshopdesk.core import operations as ops
from workshopdesk.core.errors import FileProblem
from workshopdesk.core.session import Session
from workshopdesk.gui.document import Document
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import render


def test_an_edit_is_applied_and_announced(qtbot: QtBot, demo_path: Path) -> None:
    document = Document(demo_path)
    column = document.workshop.ordered_columns()[0].id
    with qtbot.waitSignal(document.changed) as signal:
        step = document.do(lambda ws: ops.add_problem(ws, column, "Wrong invoices"))
    assert signal.args == [step]
    assert render(document.history.undo_label()) == "Add problem 'Wrong invoices'"  # type: ignore[union-attr]
    document.close()


def test_a_refused_edit_is_a_sentence_not_an_exception(qtbot: QtBot, demo_path: Path) -> None:
    document = Document(demo_path)
    column = document.workshop.ordered_columns()[0].id
    with qtbot.waitSignal(document.failed) as signal:
        assert document.do(lambda ws: ops.add_problem(ws, column, "")) is None
    assert signal.args == ["The problem's title cannot be empty."]
    document.close()


def test_another_process_commit_appears(qtbot: QtBot, demo_path: Path) -> None:
    document = Document(demo_path)
    other = WorkshopFile.open(demo_path, Mode.WRITE)
    outside = Session(other)
    column = outside.workshop.ordered_columns()[0].id
    outside.do(ops.add_problem(outside.workshop, column, "Imported from the CRM"))
    other.close()
    with qtbot.waitSignal(document.changed, timeout=5000) as signal:
        pass
    assert signal.args == [None]
    assert any(p.title == "Imported from the CRM" for p in document.workshop.problems.values())
    document.close()


def test_a_second_window_is_read_only_and_says_why(qtbot: QtBot, demo_path: Path) -> None:
    first = Document(demo_path)
    second = Document(demo_path)
    assert second.read_only and not first.read_only
    column = second.workshop.ordered_columns()[0].id
    with qtbot.waitSignal(second.failed) as signal:
        second.do(lambda ws: ops.add_problem(ws, column, "Nope"))
    assert "another window is editing it" in signal.args[0]
    second.close()
    first.close()


def test_the_log_is_folded_into_the_file_after_the_last_edit(qtbot: QtBot, demo_path: Path) -> None:
    document = Document(demo_path)
    column = document.workshop.ordered_columns()[0].id
    document.do(lambda ws: ops.add_problem(ws, column, "Checkpointed"))
    wal = demo_path.with_name(demo_path.name + "-wal")
    assert wal.stat().st_size > 0
    qtbot.waitUntil(lambda: wal.stat().st_size == 0, timeout=5000)
    document.close()


def test_settings_from_anywhere_never_reload_the_board(qtbot: QtBot, demo_path: Path) -> None:
    """A timer tick or a share link is not an edit: views hear settings_changed only."""
    document = Document(demo_path)
    board_changes: list[object] = []
    document.changed.connect(board_changes.append)
    workshop = document.workshop
    with qtbot.waitSignal(document.settings_changed):
        assert document.change_settings({"timer.remaining_ms": "60000"})
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:  # another program's timer
        other.set_settings({"timer.remaining_ms": "30000"})
    with qtbot.waitSignal(document.settings_changed, timeout=5000):
        pass
    assert document.workspace.setting("timer.remaining_ms") == "30000"
    assert board_changes == [] and document.workshop is workshop
    assert not document.history.can_undo
    document.close()


def test_a_file_that_cannot_be_read_is_said_once(qtbot: QtBot, demo_path: Path) -> None:
    document = Document(demo_path)
    said: list[str] = []
    document.failed.connect(said.append)
    document.workspace.file.changed = lambda: (_ for _ in ()).throw(  # type: ignore[method-assign]
        FileProblem("demo.workshop is damaged.")
    )
    qtbot.wait(300)  # a dozen looks at the file
    assert said == ["demo.workshop is damaged."]
    document.close()


def test_a_phones_command_from_another_thread_is_applied_on_the_windows_thread(
    qtbot: QtBot, demo_path: Path
) -> None:
    import asyncio
    import threading

    from workshopdesk.app.bridge import Bridge
    from workshopdesk.app.commands import Edit
    from workshopdesk.app.origin import phone

    document = Document(demo_path)
    bridge = Bridge(document.workspace, document.post)
    solution = sorted(document.workshop.solutions)[0]
    votes = document.workshop.solutions[solution].votes
    threads: list[threading.Thread] = []
    changed: list[object] = []
    document.changed.connect(changed.append)

    def vote(ws):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return ops.vote_solution(ws, solution, 1)

    server = threading.Thread(
        target=lambda: asyncio.run(bridge.submit(Edit(vote), phone("dev-9", "Ann")))
    )
    server.start()
    qtbot.waitUntil(lambda: not server.is_alive(), timeout=5000)
    assert threads == [threading.main_thread()]
    assert document.workshop.solutions[solution].votes == votes + 1
    assert len(changed) == 1 and not document.history.can_undo
    document.close()


def test_a_failing_job_never_stops_the_phones_queue(qtbot: QtBot, demo_path: Path) -> None:
    """A command whose answer has nowhere to go (the server stopped) or that fails must
    not keep later phones' commands from running."""
    import sys
    import threading

    document = Document(demo_path)
    ran: list[int] = []
    errors: list[BaseException] = []
    previous = sys.excepthook
    sys.excepthook = lambda kind, error, tb: errors.append(error)  # type: ignore[assignment]
    try:

        def broken() -> None:
            raise RuntimeError("Event loop is closed")

        poster = threading.Thread(
            target=lambda: [document.post(broken), document.post(lambda: ran.append(1))]
        )
        poster.start()
        poster.join()
        qtbot.waitUntil(lambda: ran == [1], timeout=3000)
        document.post(lambda: ran.append(2))
        qtbot.waitUntil(lambda: ran == [1, 2], timeout=3000)
    finally:
        sys.excepthook = previous
    assert [str(e) for e in errors] == ["Event loop is closed"]
    document.close()
