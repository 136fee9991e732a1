"""Column names a spreadsheet may use, in English and Swedish, matched case-insensitively.

``docs/imports.md`` lists them; keep the two in step.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Kind(StrEnum):
    PROBLEMS = "problems"
    ATTENDEES = "attendees"


HEADERS: dict[Kind, dict[str, tuple[str, ...]]] = {
    Kind.PROBLEMS: {
        "title": ("Title", "Titel", "Problem", "Problem title", "Rubrik", "Summary",
                  "Sammanfattning"),
        "customer": ("Customer", "Kund", "Client", "Klient", "Account", "Company", "Företag"),
        "description": ("Description", "Beskrivning", "Impact", "Påverkan", "Details",
                        "Detaljer"),
        "stalled_because": ("Stalled because", "Why it stalled", "Blocker",
                            "Varför det fastnade", "Varför det stannade", "Fastnade för att",
                            "Hinder"),
        "teams": ("Teams", "Team", "Teams with a stake", "Lag", "Berörda team"),
        "tags": ("Tags", "Tag", "Labels", "Taggar", "Tagg", "Etiketter"),
        "column": ("Column", "Kolumn"),
        "color": ("Colour", "Color", "Färg"),
        "number": ("Number", "No", "Nr", "#", "Nummer"),
    },
    Kind.ATTENDEES: {
        "name": ("Name", "Full name", "Namn", "Fullständigt namn"),
        "team": ("Team", "Teams", "Department", "Lag", "Avdelning"),
        "role": ("Role", "Job title", "Roll", "Befattning", "Titel", "Title"),
        "email": ("E-mail", "Email", "E-mail address", "Email address", "Mail", "E-post",
                  "E-postadress", "Mejl"),
        "phone": ("Phone", "Phone number", "Mobile", "Telephone", "Telefon", "Telefonnummer",
                  "Mobil", "Mobilnummer"),
        "consent": ("Consent", "Consent to share", "Share contact", "Samtycke",
                    "Dela kontaktuppgifter", "Delar kontaktuppgifter"),
    },
}  # fmt: skip

REQUIRED = {Kind.PROBLEMS: "title", Kind.ATTENDEES: "name"}


def normal(name: str) -> str:
    """A header as compared: case-folded, spaces, dashes and underscores unified."""
    return re.sub(r"[\s_\-]+", " ", name.strip().removeprefix("\ufeff")).casefold().strip()


def mapping(kind: Kind, header: tuple[str, ...]) -> tuple[dict[str, int], list[str]]:
    """Which cell holds each field, and the columns that mean nothing here (ignored).
    The first column naming a field wins."""
    lookup = {normal(alias): field for field, aliases in HEADERS[kind].items() for alias in aliases}
    fields: dict[str, int] = {}
    ignored: list[str] = []
    for index, name in enumerate(header):
        field = lookup.get(normal(name))
        if field is None or field in fields:
            if name.strip():
                ignored.append(name.strip())
            continue
        fields[field] = index
    return fields, ignored
