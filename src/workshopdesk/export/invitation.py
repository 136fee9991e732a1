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
from workshopdesk.facts import invitation_text, room_language, when
from workshopdesk.text import Translator
from workshopdesk.text.ui import _


def plain_text(ws: Workshop, body: str | None = None, language: Translator | None = None) -> str:
    """The invitation to paste into an e-mail or a chat: the text, when, where, the goal,
    in the workshop's language (or the one given)."""
    tr = language or room_language(ws)
    lines = [(ws.info.invitation if body is None else body).strip() or ws.info.title]
    facts = [f"{label}: {value}" for label, value in _facts(ws, tr, zone=True)]
    if facts:
        lines.append("\n".join(facts))
    if ws.info.goal.strip():
        lines.append(tr.gettext("Our shared goal:") + "\n" + ws.info.goal.strip())
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
    """One line for the facilitator (in the interface's language) saying what the
    invitation lacks, or None when it has a date and a venue."""
    gaps = missing(ws)
    if not gaps:
        return None
    if len(gaps) > 1:
        return _(
            "The invitation has no date and no venue yet: set them under Goal & Ground Rules "
            "before sending it."
        )
    if gaps == ["date"]:
        return _(
            "The invitation has no date yet: set it under Goal & Ground Rules before sending it."
        )
    return _("The invitation has no venue yet: set it under Goal & Ground Rules before sending it.")


def _facts(ws: Workshop, tr: Translator, *, zone: bool = False) -> list[tuple[str, str]]:
    facts = [
        (tr.gettext("When"), when(ws.info, zone=zone, language=tr)),
        (tr.gettext("Where"), ws.info.venue),
    ]
    return [(label, value) for label, value in facts if value]


def markdown(ws: Workshop, language: Translator | None = None) -> str:
    """The invitation as Markdown, in the workshop's language (or the one given)."""
    tr = language or room_language(ws)
    out = [f"# {md.escape(ws.info.title)}", ""]
    out += [f"**{label}:** {md.escape(value)}  " for label, value in _facts(ws, tr)]
    out += ["", md.block(invitation_text(ws, tr)), ""]
    if ws.info.goal.strip():
        out += ["## " + tr.gettext("Our shared goal"), "", md.block(ws.info.goal), ""]
    if ws.info.ground_rules:
        heading = tr.gettext("How we'll work together")
        out += [f"## {heading}", ""]
        out += [f"- {md.escape(rule)}" for rule in ws.info.ground_rules]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
