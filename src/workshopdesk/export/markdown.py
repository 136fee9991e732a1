"""The report as Markdown (CommonMark with GitHub tables), for a wiki page.

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
    bridging_solutions,
    open_follow_ups,
    plural,
    problem_meta,
    report_problems,
    short_day,
    when,
)
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


def render(ws: Workshop) -> str:
    info = ws.info
    names = Names(ws)
    out: list[str] = [f"# {escape(info.title)}", ""]
    facts = [
        ("When", when(info)),
        ("Where", info.venue),
        ("Facilitator", info.facilitator),
    ]
    for label, value in facts:
        if value:
            out.append(f"**{label}:** {escape(value)}  ")
    progress = ws.progress()
    out += [f"**Progress:** {render_message(progress.message())}", ""]
    if info.goal:
        out += ["## Our shared goal", "", block(info.goal), ""]
    if info.ground_rules:
        out += ["## Ground rules", ""]
        out += [f"- {escape(rule)}" for rule in info.ground_rules]
        out.append("")
    out += _attendance(ws)
    out += ["## Problems", ""]
    problems = report_problems(ws)
    if not problems:
        out += ["No problems were put on the wall.", ""]
    for problem in problems:
        out += _problem(ws, names, problem)
    out += _summary(ws, names)
    return "\n".join(out).rstrip() + "\n"


def _attendance(ws: Workshop) -> list[str]:
    out = ["## Attendance", ""]
    groups = attendance(ws)
    if not any(g.people for g in groups):
        return [*out, "No attendees were listed.", ""]
    out += ["| Team | People | Solutions proposed |", "|---|---|---:|"]
    for group in groups:
        people = ", ".join(
            cell(a.name) + (f" ({cell(a.role)})" if a.role else "") for a in group.people
        )
        out.append(f"| {cell(group.name)} | {people or '—'} | {group.solutions_proposed} |")
    out.append("")
    return out


def _problem(ws: Workshop, names: Names, problem: Problem) -> list[str]:
    solved = ws.is_solved(problem.id)
    mark = "✅ " if solved else ""
    out = [f"### {mark}{problem.number}. {escape(problem.title)}", ""]
    meta = [f"**{label}:** {escape(value)}" for label, value in problem_meta(names, problem)]
    if meta:
        out += ["  \n".join(meta), ""]
    if problem.description:
        out += [block(problem.description), ""]
    if problem.stalled_because:
        out += ["**Why it stalled:**", "", block(problem.stalled_because), ""]
    solutions = ws.solutions_of(problem.id)
    out += ["#### Solutions", ""]
    if not solutions:
        out += ["No solution yet.", ""]
    for solution in solutions:
        details = [f"proposed by {escape(names.proposer(solution))}"]
        teams = names.teams(solution.team_ids)
        if teams:
            details.append(f"teams: {escape(', '.join(teams))}")
        details.append(plural(solution.votes, "vote"))
        first, *rest = block(solution.text, "  ").lstrip().split("\n")
        out.append(f"- **{solution.status.value.capitalize()}:** {first}")
        out += rest
        out += [f"  *{'; '.join(details)}*", ""]
    follow_ups = ws.follow_ups_of(problem.id)
    if follow_ups:
        out += ["#### Follow-ups", ""]
        for follow_up in follow_ups:
            first, *rest = block(follow_up.text, "  ").lstrip().split("\n")
            out.append(f"- {first}")
            out += rest
            details = [f"owner: {escape(names.owner(follow_up))}"]
            if follow_up.due:
                details.append(f"due {short_day(follow_up.due)}")
            if follow_up.check_in:
                details.append(f"check-in {short_day(follow_up.check_in)}")
            if follow_up.status is not FollowUpStatus.OPEN:
                details.append(follow_up.status.value)
            out += [f"  *{'; '.join(details)}*"]
            if follow_up.outcome:
                out += ["", f"  **Outcome:** {block(follow_up.outcome, '  ').lstrip()}"]
            out.append("")
    return out


def _summary(ws: Workshop, names: Names) -> list[str]:
    out = ["## Summary", "", render_message(ws.progress().message()) + ".", ""]
    follow_ups = open_follow_ups(ws)
    out += ["### Open follow-ups", ""]
    if follow_ups:
        out += ["| Due | Follow-up | Owner | Problem |", "|---|---|---|---|"]
        for problem, follow_up in follow_ups:
            out.append(
                f"| {short_day(follow_up.due) or '—'} | {cell(follow_up.text)} "
                f"| {cell(names.owner(follow_up))} | {problem.number}. {cell(problem.title)} |"
            )
    else:
        out.append("No follow-ups were agreed.")
    out += ["", "### Solutions that bridged teams", ""]
    bridges = bridging_solutions(ws)
    if bridges:
        for problem, solution in bridges:
            teams = " + ".join(names.teams(solution.team_ids))
            out.append(
                f"- **{problem.number}. {cell(problem.title)}** — {cell(solution.text)} "
                f"*({escape(teams)})*"
            )
    else:
        out.append("No solution involved more than one team.")
    out.append("")
    return out
