"""The system's words for why a file could not be used, in the interface's language.

The operating system explains a failed read or write in English (``error.strerror``). The
reasons a facilitator meets most are in the catalogue, so they read them in their own
language; any other reason is shown as the system wrote it.
"""

from __future__ import annotations

from workshopdesk.text.ui import N_, _

KNOWN = frozenset(
    {
        N_("No such file or directory"),
        N_("Permission denied"),
        N_("Is a directory"),
        N_("Not a directory"),
        N_("No space left on device"),
        N_("Read-only file system"),
        N_("File name too long"),
        N_("Operation not permitted"),
        N_("Input/output error"),
        N_("Device or resource busy"),
        N_("Text file busy"),
        N_("Too many open files"),
    }
)
"""The reasons POSIX systems give in English (``strerror``) that the catalogue translates."""


def reason(error: OSError) -> str:
    """Why ``error`` happened, in the interface's language when the reason is a known one."""
    text = error.strerror or str(error)
    return _(text) if text in KNOWN else text
