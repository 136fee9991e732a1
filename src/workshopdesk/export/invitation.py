"""The invitation: the facilitator's text with the venue, the date and the shared goal.

Casual and blame-free, as the day itself: when the facilitator has not written one yet,
a short default says what the day is and what it is not. :func:`markdown` is the
``invitation-md`` format; ``invitation-pdf`` is laid out from the same :func:`text` by
:func:`workshopdesk.export.report_flow.invitation_paragraphs`.
"""

from __future__ import annotations

from workshopdesk.core.workshop import Workshop
from workshopdesk.export import markdown as md
from workshopdesk.export.facts import when


def text(ws: Workshop) -> str:
    """The invitation's body: the facilitator's own, or a friendly default."""
    return ws.info.invitation.strip() or draft(ws)


def draft(ws: Workshop) -> str:
    """A casual first draft (also the window's "Suggest a draft"): about the customers,
    never about blame."""
    teams = [t.name for t in ws.ordered_teams()]
    together = f"{', '.join(teams[:-1])} and {teams[-1]}" if len(teams) > 1 else "all of us"
    signature = f"\n\n{ws.info.facilitator}" if ws.info.facilitator else ""
    return (
        "Hi everyone,\n\n"
        f"We're spending a day together away from the office: {together}. "
        "No slide decks and no status reports. We'll put real customer problems on the wall "
        "and work through them together until every one of them has at least one solution.\n\n"
        "This is not about finding fault. Nobody is the problem and nobody is there to be "
        "blamed: everyone's ideas are welcome.\n\n"
        "Bring an open mind." + signature
    )


def plain_text(ws: Workshop, body: str | None = None) -> str:
    """The invitation to paste into an e-mail or a chat: the text, when, where, the goal."""
    lines = [(ws.info.invitation if body is None else body).strip() or ws.info.title]
    facts = [f"{label}: {value}" for label, value in _facts(ws, zone=True)]
    if facts:
        lines.append("\n".join(facts))
    if ws.info.goal.strip():
        lines.append(f"Our shared goal:\n{ws.info.goal.strip()}")
    return "\n\n".join(lines) + "\n"


def _facts(ws: Workshop, *, zone: bool = False) -> list[tuple[str, str]]:
    facts = [("When", when(ws.info, zone=zone)), ("Where", ws.info.venue)]
    return [(label, value) for label, value in facts if value]


def markdown(ws: Workshop) -> str:
    out = [f"# {md.escape(ws.info.title)}", ""]
    out += [f"**{label}:** {md.escape(value)}  " for label, value in _facts(ws)]
    out += ["", md.block(text(ws)), ""]
    if ws.info.goal.strip():
        out += ["## Our shared goal", "", md.block(ws.info.goal), ""]
    if ws.info.ground_rules:
        out += ["## How we'll work together", ""]
        out += [f"- {md.escape(rule)}" for rule in ws.info.ground_rules]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
