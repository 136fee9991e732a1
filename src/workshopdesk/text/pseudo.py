"""The pseudo-language: every translated text visibly changed, its placeholders kept.

Rendered over every window, dialog, wall view and phone page, any English left on screen
is a text that bypassed translation. Letters become accented look-alikes and the text is
bracketed in ``⟦…⟧``, so a test can tell translated text from the facilitator's own.
"""

from __future__ import annotations

import gettext
import re

OPEN = "⟦"
CLOSE = "⟧"

_LOOK_ALIKES = str.maketrans(
    "abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ",
    "àƀçđéĝĥîķĺñöŕšţûŵýžÀƁÇĐÉĜĤÎĶĹÑÖŔŠŢÛŴÝŽ",
)
_KEPT = re.compile(r"(\{[^{}]*\}|%\(\w+\)[sd]|%[sd]|&(?=\w)|<[^>]*>|\\n)")


def pseudo(text: str) -> str:
    """``text`` in the pseudo-language; placeholders, markup and mnemonics stay as they are."""
    if not text:
        return text
    parts = _KEPT.split(text)
    changed = "".join(
        part if index % 2 else part.translate(_LOOK_ALIKES) for index, part in enumerate(parts)
    )
    return f"{OPEN}{changed}{CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """A catalogue that translates every text into the pseudo-language."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
