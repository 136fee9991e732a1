"""Text cells a spreadsheet will not run as formulas, and back.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` on the way out (the CSV export), so that a spreadsheet shows it as text; the CSV
import strips it again, so a round trip keeps the facilitator's text as it was.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(text: str) -> str:
    """A text cell a spreadsheet will not evaluate."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unsafe(text: str) -> str:
    """The import's inverse of :func:`safe`."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
