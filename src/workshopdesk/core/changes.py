"""What an operation changes, as row-level before/after pairs that can be inverted.

An operation never mutates anything: it returns a :class:`Step`. The session writes the
step to the file, applies it to the in-memory workshop and records it for undo. Undo is
the inverted step. Views look at a step's changes to decide what to refresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workshopdesk.core.entities import Entity
from workshopdesk.core.messages import Message


@dataclass(frozen=True, slots=True)
class Change:
    """One entity created (``before`` is None), changed, or deleted (``after`` is None)."""

    before: Entity | None
    after: Entity | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")
        if (
            self.before is not None
            and self.after is not None
            and (self.before.kind, self.before.id) != (self.after.kind, self.after.id)
        ):
            raise ValueError("a change must keep its entity's kind and id")

    @property
    def entity(self) -> Entity:
        current = self.after if self.after is not None else self.before
        assert current is not None
        return current

    @property
    def kind(self) -> str:
        return self.entity.kind

    @property
    def id(self) -> str:
        return self.entity.id

    def inverted(self) -> Change:
        return Change(before=self.after, after=self.before)


Label = Message
"""A step's description for the Undo menu, as a message id plus parameters that the view
renders in its reader's language ("move_problem": "Move '{title}' to {column}")."""


@dataclass(frozen=True, slots=True)
class Step:
    """One undoable edit: a label and the changes, applied in order."""

    label: Label
    changes: tuple[Change, ...]

    def inverted(self) -> Step:
        return Step(self.label, tuple(c.inverted() for c in reversed(self.changes)))

    def kinds(self) -> frozenset[str]:
        return frozenset(c.kind for c in self.changes)

    def ids(self, kind: str) -> frozenset[str]:
        return frozenset(c.id for c in self.changes if c.kind == kind)

    @staticmethod
    def join(label: Label, steps: Iterable[Step]) -> Step:
        return Step(label, tuple(c for s in steps for c in s.changes))
