"""Messages become words here, at the edge, in the reader's language.

The core and the store name what happened as a :class:`~workshopdesk.core.messages.Message`
(an id and parameters). The window, the command line, the phone server and the exports
call :func:`render` or :func:`error_text` with the catalogue of their reader's language;
today that is English (:data:`ENGLISH`), and a translated catalogue (from a ``.po`` file)
plugs in as another mapping of the same shape.
"""

from __future__ import annotations

from workshopdesk.text.catalogue import ENGLISH, Catalogue, Plural
from workshopdesk.text.render import error_text, render

__all__ = ["ENGLISH", "Catalogue", "Plural", "error_text", "render"]
