"""The phone page's words, in the workshop's language.

Phones speak the language of the workshop (``ws.info.language``), whatever language the
facilitator's window speaks. Which translator that is comes from one function,
:func:`workshop_language`, that the phone app takes as a parameter (``speak``).

The page's script marks its texts as ``T("…")``, ``TN("one", "many", n)`` and
``TP("context", "…")`` (a word another part of the program uses differently, as
``TP("button", "Vote")``), with ``{name}`` placeholders, the way Python code marks them.
The server translates those literals as it serves the script, so a phone downloads the
texts of one language only, and ``T``/``TN``/``TP`` in the script only fill in
placeholders and pick the plural form.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from workshopdesk.core.workshop import Workshop
from workshopdesk.text import Translator, translator

Speak = Callable[[Workshop], Translator]
"""The translator phones get for a workshop."""


def workshop_language(ws: Workshop) -> Translator:
    """The workshop's own language: what phones, the wall and the exports speak."""
    return translator(ws.info.language)


def page_language(tr: Translator) -> str:
    """The ``lang`` of a page in ``tr``'s language (the pseudo-language is English)."""
    return str(tr.locale.language)


_STRING = r'"(?:[^"\\\n]|\\.)*"'
_ONE = re.compile(rf"\bT\(\s*({_STRING})")
_PLURAL = re.compile(rf"\bTN\(\s*({_STRING})\s*,\s*({_STRING})")
_CONTEXT = re.compile(rf"\bTP\(\s*({_STRING})\s*,\s*({_STRING})")


def _literal(source: str) -> str:
    value = json.loads(source)
    assert isinstance(value, str)
    return value


def _js(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def translated_script(script: str, tr: Translator) -> str:
    """``script`` with every ``T("…")``, ``TN("…", "…", n)`` and ``TP("…", "…")`` text in
    ``tr``'s language.

    A plural keeps two forms, the one for 1 and the one for any other number (English and
    Swedish need no more)."""

    def plural(match: re.Match[str]) -> str:
        one, many = _literal(match.group(1)), _literal(match.group(2))
        return f"TN({_js(tr.ngettext(one, many, 1))}, {_js(tr.ngettext(one, many, 2))}"

    def single(match: re.Match[str]) -> str:
        return f"T({_js(tr.gettext(_literal(match.group(1))))}"

    def in_context(match: re.Match[str]) -> str:
        context, text = _literal(match.group(1)), _literal(match.group(2))
        return f"TP({match.group(1)}, {_js(tr.pgettext(context, text))}"

    return _ONE.sub(single, _CONTEXT.sub(in_context, _PLURAL.sub(plural, script)))
