"""The one undo history. It lives in the process that edits; views only show it."""

from __future__ import annotations

from workshopdesk.core.changes import Change, Label, Step
from workshopdesk.core.workshop import Workshop

LIMIT = 500


def _current(ws: Workshop, change: Change) -> object:
    return ws.get(change.kind, change.id)


def fits(ws: Workshop, step: Step) -> bool:
    """Whether every change's ``before`` is what ``ws`` holds now, change by change on the
    state the step's earlier changes leave (so the step can be applied)."""
    return _Overlay(ws).fits(step)


class History:
    def __init__(self, limit: int = LIMIT) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._limit = limit

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> Label | None:
        return self._undo[-1].label if self._undo else None

    def redo_label(self) -> Label | None:
        return self._redo[-1].label if self._redo else None

    def record(self, step: Step) -> None:
        self._undo.append(step)
        del self._undo[: -self._limit]
        self._redo.clear()

    def next_undo(self) -> Step:
        """The step Undo would undo (it stays recorded until :meth:`undone`)."""
        return self._undo[-1]

    def next_redo(self) -> Step:
        return self._redo[-1]

    def undone(self) -> None:
        """The newest step was undone (and saved): it moves to the redo side."""
        self._redo.append(self._undo.pop())

    def redone(self) -> None:
        self._undo.append(self._redo.pop())

    def abandon_undo(self) -> None:
        """Nothing on the undo side can be undone any more."""
        self._undo.clear()

    def abandon_redo(self) -> None:
        self._redo.clear()

    def prune(self, ws: Workshop) -> int:
        """Drop the entries that no longer fit ``ws`` (changed by another process).

        Undo entries are undone newest first, so once one cannot be undone, nothing older
        can either; the same goes for redo. Returns how many entries were dropped.
        """
        before = len(self._undo) + len(self._redo)
        self._undo = _valid_prefix(ws, self._undo, undo=True)
        self._redo = _valid_prefix(ws, self._redo)
        return before - len(self._undo) - len(self._redo)

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()


def _valid_prefix(ws: Workshop, stack: list[Step], *, undo: bool = False) -> list[Step]:
    """The oldest-first stack cut just above the newest entry that does not apply
    (``undo``: the entries are undone, else redone)."""
    if not stack:
        return stack
    keep_from = len(stack)
    # Walk from the newest entry down, simulating each on a scratch overlay.
    overlay = _Overlay(ws)
    for index in range(len(stack) - 1, -1, -1):
        step = stack[index].inverted() if undo else stack[index]
        if not overlay.fits(step):
            break
        overlay.apply(step)
        keep_from = index
    return stack[keep_from:]


class _Overlay:
    """``ws`` plus pending changes, without touching ``ws``."""

    def __init__(self, ws: Workshop) -> None:
        self._ws = ws
        self._values: dict[tuple[str, str], object] = {}

    def fits(self, step: Step) -> bool:
        local = dict(self._values)
        for change in step.changes:
            key = (change.kind, change.id)
            current = local[key] if key in local else _current(self._ws, change)
            if current != change.before:
                return False
            local[key] = change.after
        return True

    def apply(self, step: Step) -> None:
        for change in step.changes:
            self._values[(change.kind, change.id)] = change.after
