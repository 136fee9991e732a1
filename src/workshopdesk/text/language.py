"""The languages WorkshopDesk speaks, and which one the system asks for.

The window and the command line follow the system locale (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``, in gettext's order) unless the facilitator chose one in the
window's preferences; a workshop carries its own language in its file.
"""

from __future__ import annotations

from collections.abc import Mapping

ENGLISH = "en"
SWEDISH = "sv"
LANGUAGES: tuple[str, ...] = (ENGLISH, SWEDISH)
"""Every language with a complete catalogue; English is the source."""

NAMES: Mapping[str, str] = {ENGLISH: "English", SWEDISH: "Svenska"}
"""Each language's name in itself, as a language menu shows it."""

PSEUDO = "pseudo"
"""A made-up language in which every translated text is visibly changed (for tests)."""


def known(code: str) -> str | None:
    """The language ``code`` names (``"sv_SE.UTF-8"`` → ``"sv"``), or None if none we speak."""
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if base in LANGUAGES or base == PSEUDO:
        return base
    return None


def system_language(environ: Mapping[str, str]) -> str:
    """The language the system locale asks for, in gettext's order of variables.

    ``LANGUAGE`` may list several (``sv:en``); the first one we speak wins. ``C`` and
    ``POSIX`` (and anything unknown) mean English.
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):
            found = known(part)
            if found is not None:
                return found
        if variable != "LANGUAGE":
            return ENGLISH
    return ENGLISH
