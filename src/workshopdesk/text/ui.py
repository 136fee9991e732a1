"""The language of the program's own interface: the window's and the command line's.

It is chosen once when the program starts (the window's preference, else the system
locale) with :func:`use`; the wall, the phone page and the exports speak the workshop's
language instead, through a :class:`~workshopdesk.text.translation.Translator` of their own.

Texts are marked where they are written: ``_("Open…")``, ``ngettext("{n} problem",
"{n} problems", n)``, ``pgettext("menu", "File")``; a text kept in a constant at import
time is marked with :func:`N_` and translated where it is shown.
"""

from __future__ import annotations

from workshopdesk.text.language import ENGLISH
from workshopdesk.text.translation import Translator, translator

_current: list[Translator] = [translator(ENGLISH)]


def use(language: str) -> Translator:
    """Speak ``language`` from now on in the window and on the command line."""
    _current[0] = translator(language)
    return _current[0]


def current() -> Translator:
    """The interface's translator."""
    return _current[0]


def _(text: str) -> str:
    return _current[0].gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current[0].ngettext(singular, plural, count)


def pgettext(context: str, text: str) -> str:
    return _current[0].pgettext(context, text)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _current[0].npgettext(context, singular, plural, count)


def N_(text: str) -> str:
    """Marks ``text`` for the catalogue without translating it (yet)."""
    return text
