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
    if ws.info.invitation.strip():
        return ws.info.invitation.strip()
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


def _facts(ws: Workshop) -> list[tuple[str, str]]:
    facts = [("When", when(ws.info)), ("Where", ws.info.venue)]
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
