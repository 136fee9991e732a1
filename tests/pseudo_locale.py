"""Finding text that bypassed translation: rendered in the pseudo-language, every text the
program wrote is bracketed ``⟦…⟧``; what is left is the facilitator's own (user data),
numbers and punctuation, or a text that was never translated."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from workshopdesk.text.pseudo import CLOSE, OPEN

_NO_WORDS = re.compile(r"^[\W\d_]*$")
"""Numbers, times, punctuation, symbols: nothing to translate."""
_INNERMOST = re.compile(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
"""A translated text with no other translated text inside it."""


def workshop_texts(ws: object) -> set[str]:
    """Every text of a workshop that its facilitator or attendees wrote (user data)."""
    from dataclasses import fields

    from workshopdesk.core.workshop import Workshop

    assert isinstance(ws, Workshop)
    found: set[str] = set()
    for entity in ws.entities():
        for field in fields(entity):
            value = getattr(entity, field.name)
            if isinstance(value, str) and value:
                found.add(value)
            elif isinstance(value, tuple):
                found.update(item for item in value if isinstance(item, str) and item)
    return found


def untranslated(texts: Iterable[str], user_texts: Iterable[str] = ()) -> list[str]:
    """The texts (or, for a text mixing translation and user data, the parts of it) that
    are neither translated, nor user data, nor without words."""
    own = sorted({t.strip() for t in user_texts if t.strip()}, key=len, reverse=True)
    left: list[str] = []
    for text in texts:
        rest = text.replace("&&", "&")
        while (inner := _INNERMOST.sub(" ", rest)) != rest:  # a field's name inside a sentence
            rest = inner
        for item in own:
            if item in rest:
                rest = rest.replace(item, " ")
        words = [part for part in re.split(r"\s{2,}|\n", rest) if not _NO_WORDS.match(part)]
        if words:
            left.append(text)
    return sorted(set(left))


def widget_texts(root: object) -> Iterator[str]:
    """Every text a person can see or hear in ``root`` and its children: labels, buttons,
    menus and actions, tabs, group boxes, placeholders, combo items, headers, window and
    dock titles, tooltips and accessible names."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    assert isinstance(root, QWidget)
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root and not isinstance(widget, QMenu):
            continue
        yield widget.windowTitle() if widget.isWindow() else ""
        yield widget.toolTip()
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget.title()
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            yield from (widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list widget's model keeps its column count private
                columns = 1
            for section in range(columns):
                yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        for action in widget.actions():
            yield action.text()
            yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
            if action.menu() is not None:
                yield from widget_texts(action.menu())
