"""Tags typed as one comma-separated line, completed one tag at a time."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QCompleter, QLineEdit


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in text.split(",") if tag.strip())


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        typed = self.widget().text() if isinstance(self.widget(), QLineEdit) else ""
        done = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return done + str(index.data())
