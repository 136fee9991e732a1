"""Contact cards (vCard 3.0, RFC 2426) of the attendees who agreed to share them: the
export's file, and the one a phone downloads in a contact exchange.

Version 3.0 is the one every address book imports. Only attendees with
``consent_to_share`` are written; nobody else's name, e-mail or phone leaves the file.
Lines end in CRLF and are folded at 75 octets without splitting a character. The note
the app writes ("Met at …") is in the workshop's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshopdesk.core.entities import Attendee
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import Names, room_language
from workshopdesk.text import Translator


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into 75-octet pieces joined by CRLF and a space."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def shared(ws: Workshop) -> list[Attendee]:
    return [a for a in ws.ordered_attendees() if a.consent_to_share]


def render(
    ws: Workshop, language: Translator | None = None, people: Iterable[Attendee] | None = None
) -> str:
    """The cards of ``people`` (by default every attendee), of those who consent only."""
    names = Names(ws, language or room_language(ws))
    chosen = shared(ws) if people is None else [a for a in people if a.consent_to_share]
    return "".join(_card(ws, names, a) for a in chosen)


def _card(ws: Workshop, names: Names, attendee: Attendee) -> str:
    *given, family = attendee.name.split() or [attendee.name]
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:uuid:{attendee.id}",
        f"FN:{escape(attendee.name)}",
        f"N:{escape(family)};{escape(' '.join(given))};;;",
    ]
    if attendee.role:
        lines.append(f"TITLE:{escape(attendee.role)}")
    if attendee.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(attendee.email)}")
    if attendee.phone:
        lines.append(f"TEL;TYPE=VOICE:{escape(attendee.phone)}")
    team = names.team(attendee.team_id) if attendee.team_id else ""
    tr = names.language
    if team:
        met = tr.gettext("Met at {workshop} (team {team}).").format(
            workshop=ws.info.title, team=team
        )
    else:
        met = tr.gettext("Met at {workshop}.").format(workshop=ws.info.title)
    lines.append(f"NOTE:{escape(met)}")
    lines.append(f"CATEGORIES:{escape(ws.info.title)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)
