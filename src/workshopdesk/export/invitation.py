"""The invitation: the facilitator's text with the venue, the date and the shared goal.

Casual and blame-free, as the day itself: when the facilitator has not written one yet,
a short default says what the day is and what it is not
(:func:`workshopdesk.facts.invitation_text`). :func:`markdown` is the ``invitation-md``
format; ``invitation-pdf`` is laid out from the same text by
:func:`workshopdesk.paint.report_flow.invitation_paragraphs`.
"""

from __future__ import annotations

from workshopdesk.core.workshop import Workshop
from workshopdesk.export import markdown as md
from workshopdesk.facts import invitation_text, when


def plain_text(ws: Workshop, body: str | None = None) -> str:
    """The invitation to paste into an e-mail or a chat: the text, when, where, the goal."""
    lines = [(ws.info.invitation if body is None else body).strip() or ws.info.title]
    facts = [f"{label}: {value}" for label, value in _facts(ws, zone=True)]
    if facts:
        lines.append("\n".join(facts))
    if ws.info.goal.strip():
        lines.append(f"Our shared goal:\n{ws.info.goal.strip()}")
    return "\n\n".join(lines) + "\n"


def missing(ws: Workshop) -> list[str]:
    """What an invitation needs that the workshop does not say yet: its date, its venue."""
    gaps = []
    if not ws.info.starts_at:
        gaps.append("date")
    if not ws.info.venue.strip():
        gaps.append("venue")
    return gaps


def warning(ws: Workshop) -> str | None:
    """One line saying what the invitation lacks, or None when it has a date and a venue."""
    gaps = missing(ws)
    if not gaps:
        return None
    return (
        f"The invitation has no {' and no '.join(gaps)} yet: "
        f"set {'them' if len(gaps) > 1 else 'it'} under Goal & Ground Rules before sending it."
    )


def _facts(ws: Workshop, *, zone: bool = False) -> list[tuple[str, str]]:
    facts = [("When", when(ws.info, zone=zone)), ("Where", ws.info.venue)]
    return [(label, value) for label, value in facts if value]


def markdown(ws: Workshop) -> str:
    out = [f"# {md.escape(ws.info.title)}", ""]
    out += [f"**{label}:** {md.escape(value)}  " for label, value in _facts(ws)]
    out += ["", md.block(invitation_text(ws)), ""]
    if ws.info.goal.strip():
        out += ["## Our shared goal", "", md.block(ws.info.goal), ""]
    if ws.info.ground_rules:
        out += ["## How we'll work together", ""]
        out += [f"- {md.escape(rule)}" for rule in ws.info.ground_rules]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
