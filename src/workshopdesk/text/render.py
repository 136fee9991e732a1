"""Filling a message's template, in the reader's language, with its parameters."""

from __future__ import annotations

import string
from collections.abc import Mapping

from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.messages import VERBATIM, Message
from workshopdesk.text import ui
from workshopdesk.text.catalogue import ENGLISH, Choice, Plural
from workshopdesk.text.translation import Translator


def render(message: Message, language: Translator | None = None) -> str:
    """The words of ``message`` in ``language`` (by default the interface's language).

    Parameters that are messages themselves (a field's name) are rendered first. An id
    the catalogue lacks shows as the id and its parameters, never as an error.
    """
    tr = language or ui.current()
    if message.msgid == VERBATIM:
        return str(message.params.get("text", ""))
    entry = ENGLISH.get(message.msgid)
    if entry is None:
        return str(message)
    params = {
        key: render(value, tr) if isinstance(value, Message) else value
        for key, value in message.params.items()
    }
    if isinstance(entry, Plural):
        template = tr.npgettext(message.msgid, entry.one, entry.other, _count(params, entry))
    elif isinstance(entry, Choice):
        template = tr.pgettext(message.msgid, entry.pick(params))
    else:
        template = tr.pgettext(message.msgid, entry)
    try:
        return _Formatter(tr).vformat(template, (), params)
    except (KeyError, IndexError, ValueError):
        return template


def error_text(error: BaseException, language: Translator | None = None) -> str:
    """The sentence to show for ``error``: a workshop error's message rendered, or for
    anything else (an error from the system or a library), its own words."""
    if isinstance(error, WorkshopError):
        return render(error.message, language)
    return str(error)


def _count(params: Mapping[str, object], entry: Plural) -> int:
    """The number a plural depends on; a count read back from a file as text counts too."""
    try:
        return int(str(params.get(entry.count)))
    except ValueError:
        return 0


class _Formatter(string.Formatter):
    """``{limit:,}`` groups digits the way the language does ("1,000", "1 000")."""

    def __init__(self, language: Translator) -> None:
        self._language = language

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec == "," and isinstance(value, int | float):
            return self._language.number(value)
        return str(super().format_field(value, format_spec))
