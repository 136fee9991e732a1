"""Filling a catalogue's template with a message's parameters."""

from __future__ import annotations

from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.messages import Message
from workshopdesk.text.catalogue import ENGLISH, Catalogue, Plural


def render(message: Message, catalogue: Catalogue = ENGLISH) -> str:
    """The words of ``message`` in the catalogue's language.

    Parameters that are messages themselves (a field's name) are rendered first. An id
    the catalogue lacks shows as the id and its parameters, never as an error.
    """
    entry = catalogue.get(message.msgid)
    if entry is None:
        return str(message)
    params = {
        key: render(value, catalogue) if isinstance(value, Message) else value
        for key, value in message.params.items()
    }
    template = entry.pick(params) if isinstance(entry, Plural) else entry
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError):
        return template


def error_text(error: BaseException, catalogue: Catalogue = ENGLISH) -> str:
    """The sentence to show for ``error``: a workshop error's message rendered, or for
    anything else (an error from the system or a library), its own words."""
    if isinstance(error, WorkshopError):
        return render(error.message, catalogue)
    return str(error)
