"""The undo history: what Undo and Redo offer, and what is dropped when the file changed."""

from __future__ import annotations

from dataclasses import replace

from tests.core.board import IDS, board, done
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.history import History, fits

I = IDS  # noqa: E741  (the board's ids, read as I.p1, I.todo)


def _rename(ws, column_id: str, name: str) -> Step:  # type: ignore[no-untyped-def]
    step = ops.rename_column(ws, column_id, name)
    done(ws, step)
    return step


def test_undo_and_redo_labels_follow_the_steps() -> None:
    ws = board()
    history = History()
    assert (history.can_undo, history.can_redo) == (False, False)
    assert (history.undo_label(), history.redo_label()) == (None, None)
    first = _rename(ws, I.todo, "Backlog")
    history.record(first)
    second = _rename(ws, I.doing, "Now")
    history.record(second)
    assert history.undo_label() == second.label
    assert history.next_undo() is second
    history.undone()
    assert (history.undo_label(), history.redo_label()) == (first.label, second.label)
    assert history.next_redo() is second
    history.redone()
    assert (history.undo_label(), history.redo_label()) == (second.label, None)
    history.undone()
    history.record(first)  # a new step forgets what could be redone
    assert (history.can_redo, history.redo_label()) == (False, None)
    history.clear()
    assert (history.can_undo, history.can_redo) == (False, False)


def test_the_history_keeps_the_newest_steps_up_to_its_limit() -> None:
    history = History(limit=3)
    steps = [Step(Label(f"s{n}"), ()) for n in range(5)]
    for step in steps:
        history.record(step)
    kept = []
    while history.can_undo:
        kept.append(history.next_undo().label.msgid)
        history.undone()
    assert kept == ["s4", "s3", "s2"]


def test_pruning_drops_undo_entries_from_the_first_that_no_longer_fits() -> None:
    ws = board()
    history = History()
    a = _rename(ws, I.todo, "A")
    b = _rename(ws, I.doing, "B")
    c = _rename(ws, I.archive, "C")
    for step in (a, b, c):
        history.record(step)
    # Another program renames Doing: B and everything older cannot be undone any more.
    outside = ws.columns[I.doing]
    ws.apply(Change(outside, replace(outside, name="Elsewhere")))
    assert history.prune(ws) == 2
    assert history.undo_label() == c.label
    done(ws, c.inverted())
    history.undone()
    assert not history.can_undo
    assert history.prune(ws) == 0  # C can be redone: Archive is "Archive" again
    assert history.redo_label() == c.label


def test_pruning_drops_redo_entries_that_no_longer_fit() -> None:
    ws = board()
    history = History()
    a = _rename(ws, I.todo, "A")
    b = _rename(ws, I.doing, "B")
    history.record(a)
    history.record(b)
    for step in (b, a):
        done(ws, step.inverted())
        history.undone()
    assert history.redo_label() == a.label
    outside = ws.columns[I.doing]
    ws.apply(Change(outside, replace(outside, name="Elsewhere")))
    assert history.prune(ws) == 1  # B can no longer be redone; A still can
    assert history.redo_label() == a.label
    history.redone()
    assert (history.can_redo, history.undo_label()) == (False, a.label)


def test_pruning_counts_both_sides() -> None:
    ws = board()
    history = History()
    a = _rename(ws, I.todo, "A")
    b = _rename(ws, I.todo, "AA")
    history.record(a)
    history.record(b)
    done(ws, b.inverted())
    history.undone()  # undo: a; redo: b
    outside = ws.columns[I.todo]
    ws.apply(Change(outside, replace(outside, name="Elsewhere")))
    assert history.prune(ws) == 2
    assert (history.can_undo, history.can_redo) == (False, False)


def test_a_step_fits_change_by_change() -> None:
    ws = board()
    column = ws.columns[I.todo]
    one = replace(column, name="One")
    two = replace(column, name="Two")
    assert fits(ws, Step(Label("x"), (Change(column, one), Change(one, two))))
    assert not fits(ws, Step(Label("x"), (Change(one, two),)))
    assert not fits(ws, Step(Label("x"), (Change(column, one), Change(column, two))))


def test_renaming_there_and_back_keeps_both_steps_when_the_file_is_read_again() -> None:
    ws = board()
    history = History()
    there = _rename(ws, I.todo, "Backlog")
    history.record(there)
    back = _rename(ws, I.todo, "To do")
    history.record(back)
    assert history.prune(ws) == 0
    assert history.next_undo() == back
    history.undone()
    assert history.next_undo() == there
    history.undone()
    assert not history.can_undo
    assert history.prune(ws) == 0, "both can be redone, in turn"
    assert history.next_redo() == there
