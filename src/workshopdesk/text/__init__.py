"""Words, at the edge, in the reader's language.

The core and the store name what happened as a :class:`~workshopdesk.core.messages.Message`
(an id and parameters). The window, the command line, the phone server and the exports
call :func:`render` or :func:`error_text` with the translator of their reader's language:
the interface's (:mod:`workshopdesk.text.ui`) for the window and the command line, the
workshop's (:func:`translator` of its ``language``) for the wall, the phones and exports.
The English templates are in :mod:`~workshopdesk.text.catalogue`; every language's
translations are one gettext ``.po`` file in ``resources/locale``.
"""

from __future__ import annotations

from workshopdesk.text.catalogue import ENGLISH, Catalogue, Choice, Plural
from workshopdesk.text.render import error_text, render
from workshopdesk.text.translation import Translator, translator

__all__ = [
    "ENGLISH",
    "Catalogue",
    "Choice",
    "Plural",
    "Translator",
    "error_text",
    "render",
    "translator",
]
