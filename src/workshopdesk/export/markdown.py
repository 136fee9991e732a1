"""The report as Markdown (CommonMark with GitHub tables), for a wiki page, in the
workshop's language (or the one given).

Names a facilitator typed are escaped so that ``*``, ``_`` or ``|`` in a title never turn
into formatting, and multi-line texts keep their paragraphs. ``<``, ``>``, ``&`` and ``~``
become HTML character references rather than backslash escapes: CommonMark, GitHub and
Python-Markdown (MkDocs) all show those as text, while Python-Markdown keeps ``\\<script>``
a live tag.
"""

from __future__ import annotations

import re

from workshopdesk.core.entities import FollowUpStatus, Problem
from workshopdesk.core.workshop import Workshop
from workshopdesk.facts import (
    Names,
    attendance,
    bridge_summary,
    follow_up_status,
    open_follow_ups,
    problem_meta,
    report_problems,
    room_language,
    short_day,
    solution_status,
    when,
)
from workshopdesk.text import Translator
from workshopdesk.text import render as render_message

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;"}
_AS_ENTITY = re.compile("[&<>~]")
_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_BLOCK_START = re.compile(r"^(\s*)([-=#+])", re.MULTILINE)
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Inline text that Markdown shows literally."""
    text = _AS_ENTITY.sub(lambda m: _ENTITIES[m.group()], text)
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    text = _BLOCK_START.sub(r"\1\\\2", text)
    return text


def block(text: str, indent: str = "") -> str:
    """A multi-line text as paragraphs (a blank line between), each line escaped."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n\n".join(
        "\n".join(indent + escape(line.strip()) + "  " for line in p.splitlines()).rstrip()
        for p in paragraphs
    )


def cell(text: str) -> str:
    return escape(" ".join(text.split()))


def render(ws: Workshop, language: Translator | None = None) -> str:
    tr = language or room_language(ws)
    info = ws.info
    names = Names(ws, tr)
    out: list[str] = [f"# {escape(info.title)}", ""]
    facts = [
        (tr.gettext("When"), when(info, language=tr)),
        (tr.gettext("Where"), info.venue),
        (tr.gettext("Facilitator"), info.facilitator),
    ]
    for label, value in facts:
        if value:
            out.append(f"**{label}:** {escape(value)}  ")
    progress = render_message(ws.progress().message(), tr)
    out += ["**" + tr.gettext("Progress") + f":** {progress}", ""]
    if info.goal:
        out += ["## " + tr.gettext("Our shared goal"), "", block(info.goal), ""]
    if info.ground_rules:
        out += ["## " + tr.gettext("Ground rules"), ""]
        out += [f"- {escape(rule)}" for rule in info.ground_rules]
        out.append("")
    out += _attendance(ws, tr)
    out += ["## " + tr.gettext("Problems"), ""]
    problems = report_problems(ws)
    if not problems:
        out += [tr.gettext("No problems were put on the wall."), ""]
    for problem in problems:
        out += _problem(ws, names, problem)
    out += _summary(ws, names)
    return "\n".join(out).rstrip() + "\n"


def _attendance(ws: Workshop, tr: Translator) -> list[str]:
    out = ["## " + tr.gettext("Attendance"), ""]
    groups = attendance(ws, tr)
    if not any(g.people for g in groups):
        return [*out, tr.gettext("No attendees were listed."), ""]
    header = (tr.gettext("Team"), tr.gettext("People"), tr.gettext("Solutions proposed"))
    out += ["| " + " | ".join(header) + " |", "|---|---|---:|"]
    for group in groups:
        people = ", ".join(
            cell(a.name) + (f" ({cell(a.role)})" if a.role else "") for a in group.people
        )
        out.append(f"| {cell(group.name)} | {people or '—'} | {group.solutions_proposed} |")
    out.append("")
    return out


def _problem(ws: Workshop, names: Names, problem: Problem) -> list[str]:
    tr = names.language
    solved = ws.is_solved(problem.id)
    mark = "✅ " if solved else ""
    out = [f"### {mark}{problem.number}. {escape(problem.title)}", ""]
    meta = [f"**{fact.label}:** {escape(fact.value)}" for fact in problem_meta(names, problem)]
    if meta:
        out += ["  \n".join(meta), ""]
    if problem.description:
        out += [block(problem.description), ""]
    if problem.stalled_because:
        out += ["**" + tr.gettext("Why it stalled:") + "**", "", block(problem.stalled_because), ""]
    solutions = ws.solutions_of(problem.id)
    out += ["#### " + tr.gettext("Solutions"), ""]
    if not solutions:
        out += [tr.gettext("No solution yet."), ""]
    for solution in solutions:
        details = [tr.gettext("proposed by {name}").format(name=escape(names.proposer(solution)))]
        teams = names.teams(solution.team_ids)
        if teams:
            details.append(tr.gettext("teams: {teams}").format(teams=escape(", ".join(teams))))
        details.append(
            tr.ngettext("{count} vote", "{count} votes", solution.votes).format(
                count=solution.votes
            )
        )
        first, *rest = block(solution.text, "  ").lstrip().split("\n")
        status = solution_status(solution.status, tr).capitalize()
        out.append(f"- **{status}:** {first}")
        out += rest
        out += [f"  *{'; '.join(details)}*", ""]
    follow_ups = ws.follow_ups_of(problem.id)
    if follow_ups:
        out += ["#### " + tr.gettext("Follow-ups"), ""]
        for follow_up in follow_ups:
            first, *rest = block(follow_up.text, "  ").lstrip().split("\n")
            out.append(f"- {first}")
            out += rest
            details = [tr.gettext("owner: {name}").format(name=escape(names.owner(follow_up)))]
            if follow_up.due:
                details.append(tr.gettext("due {date}").format(date=short_day(follow_up.due, tr)))
            if follow_up.check_in:
                details.append(
                    tr.gettext("check-in {date}").format(date=short_day(follow_up.check_in, tr))
                )
            if follow_up.status is not FollowUpStatus.OPEN:
                details.append(follow_up_status(follow_up.status, tr))
            out += [f"  *{'; '.join(details)}*"]
            if follow_up.outcome:
                outcome = block(follow_up.outcome, "  ").lstrip()
                out += ["", "  **" + tr.gettext("Outcome:") + f"** {outcome}"]
            out.append("")
    return out


def _summary(ws: Workshop, names: Names) -> list[str]:
    tr = names.language
    progress = render_message(ws.progress().message(), tr)
    out = ["## " + tr.gettext("Summary"), "", progress + ".", ""]
    follow_ups = open_follow_ups(ws)
    out += ["### " + tr.gettext("Open follow-ups"), ""]
    if follow_ups:
        header = (
            tr.gettext("Due"),
            tr.gettext("Follow-up"),
            tr.gettext("Owner"),
            tr.gettext("Problem"),
        )
        out += ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
        for problem, follow_up in follow_ups:
            out.append(
                f"| {short_day(follow_up.due, tr) or '—'} | {cell(follow_up.text)} "
                f"| {cell(names.owner(follow_up))} | {problem.number}. {cell(problem.title)} |"
            )
    else:
        out.append(tr.gettext("No follow-ups were agreed."))
    summary = bridge_summary(names)
    if summary is not None:
        out += ["", "### " + tr.gettext("Solutions that bridged teams"), "", summary.count, ""]
        for bridge in summary.bridges:
            problem = bridge.problem
            out.append(
                f"- **{problem.number}. {cell(problem.title)}** — {cell(bridge.solution.text)} "
                f"*({escape(bridge.status)} · {escape(bridge.teams)})*"
            )
    out.append("")
    return out
