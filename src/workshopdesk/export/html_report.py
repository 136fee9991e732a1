"""The report as one self-contained HTML file: no external resources, prints well.

Written in the workshop's language (``<html lang="sv">``), or the one given. The markup
keeps to plain headings, paragraphs, simple tables and classes; the printed
look (``@media print``: A4 pages, the cover and the summary on pages of their own) is in
the same file's style sheet.
"""

from __future__ import annotations

import base64
from functools import cache
from html import escape

from workshopdesk.core.entities import FollowUpStatus, Problem, Solution, SolutionStatus
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
    vote_count,
    when,
)
from workshopdesk.resources import resource
from workshopdesk.text import Translator
from workshopdesk.text import render as render_message

FONTS = ((400, "Inter-Regular.otf"), (700, "Inter-Bold.otf"))
"""The shipped font (as in :mod:`workshopdesk.paint.fonts`), embedded: the page looks the
same on every phone and laptop and never asks the network for a font. Semibold text (600)
takes the bold face."""

STATUS_COLORS = {
    SolutionStatus.AGREED: "#1f7a4d",
    SolutionStatus.PROPOSED: "#8a5a00",
    SolutionStatus.REJECTED: "#8c8c8c",
}

BROWSER_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial,
  sans-serif; color: #1d2330; background: #f4f5f7; margin: 0; line-height: 1.5; }
main { max-width: 52rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; background: #fff; }
h1 { font-size: 2.2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem;
  border-bottom: 2px solid #1d2330; }
h3 { font-size: 1.15rem; margin: 2rem 0 .4rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: #5b6475;
  margin: 1rem 0 .3rem; }
p { margin: .4rem 0; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .8rem; color: #5b6475;
  margin: 0; }
.facts td { padding: .1rem 1.2rem .1rem 0; vertical-align: top; }
.facts td.label { color: #5b6475; }
.progress { font-size: 1.2rem; font-weight: 600; margin: 1.2rem 0; padding: .8rem 1rem;
  background: #eef6f1; border-left: 4px solid #1f7a4d; }
.goal { font-size: 1.1rem; }
.rules li { margin: .2rem 0; }
table.grid { border-collapse: collapse; width: 100%; margin: .5rem 0; }
table.grid th { text-align: left; font-size: .8rem; text-transform: uppercase;
  letter-spacing: .04em; color: #5b6475; border-bottom: 1px solid #c9ced8; padding: .4rem; }
table.grid td { border-bottom: 1px solid #e4e7ec; padding: .45rem .4rem; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px;
  margin-right: .4em; vertical-align: -.05em; }
.problem { border-top: 1px solid #e4e7ec; padding-top: .2rem; }
h3 { break-after: avoid; }
.number { display: inline-block; min-width: 2.2rem; color: #5b6475; }
.badge { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em;
  padding: .1rem .45rem; border-radius: 3px; margin-left: .5rem; vertical-align: .15em; }
.badge.solved { background: #1f7a4d; color: #fff; }
.badge.open { background: #fdf1d8; color: #8a5a00; }
.meta { color: #5b6475; font-size: .9rem; }
.stalled { color: #3d4452; background: #f6f7f9; padding: .4rem .7rem; }
.solution { margin: .5rem 0 .7rem; break-inside: avoid; }
.status { font-weight: 700; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; }
.by { color: #5b6475; font-size: .85rem; margin-top: .1rem; }
.none { color: #8c8c8c; font-style: italic; }
main { overflow-wrap: break-word; }
.facts td.label { white-space: nowrap; }
@media (max-width: 40rem) {
  main { padding: 1.25rem 1rem 3rem; }
  h1 { font-size: 1.7rem; }
  h2 { margin-top: 2rem; }
  .number { min-width: 0; margin-right: .3rem; }
  table.grid, table.grid tbody, table.grid tr, table.grid td { display: block; width: auto; }
  table.grid tr:first-child { display: none; }
  table.grid tr { border-bottom: 1px solid #e4e7ec; padding: .5rem 0; }
  table.grid td { border: 0; padding: .1rem 0; text-align: left; }
  table.grid td[data-label]::before { content: attr(data-label) ": "; color: #5b6475; }
}
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .cover { break-after: page; }
  h1, h2, h3, h4, .problem > .meta { break-after: avoid; page-break-after: avoid; }
  .solution, li, tr, .stalled, .progress, .meta, .facts { break-inside: avoid; }
  p, li { orphans: 2; widows: 2; }
  .summary { break-before: page; }
}
"""


@cache
def font_faces() -> str:
    """The shipped font as ``@font-face`` rules with the files inside (``data:`` URLs)."""
    rules = []
    for weight, name in FONTS:
        data = base64.b64encode(resource("fonts", name).read_bytes()).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "Inter"; font-style: normal; font-weight: {weight};'
            f' font-display: block; src: url(data:font/otf;base64,{data}) format("opentype"); }}'
        )
    return "\n".join(rules)


def _text(value: str, css_class: str = "", lead: str = "") -> str:
    """A multi-line text as paragraphs with line breaks (``lead``: markup before the first)."""
    paragraphs = [p.strip() for p in value.strip().split("\n\n") if p.strip()]
    opening = f'<p class="{css_class}">' if css_class else "<p>"
    return "".join(
        opening
        + (lead if i == 0 else "")
        + "<br>".join(escape(line) for line in p.splitlines())
        + "</p>"
        for i, p in enumerate(paragraphs)
    )


def _tag(name: str, text: str, attributes: str = "") -> str:
    """``text`` (the program's words) escaped in an element: ``<h2>Problems</h2>``."""
    return f"<{name}{attributes}>{escape(text)}</{name}>"


def render(ws: Workshop, language: Translator | None = None) -> str:
    """The report in ``language``, by default the workshop's."""
    tr = language or room_language(ws)
    title = escape(ws.info.title)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(tr.locale.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="WorkshopDesk">\n'
        f"<title>{title}</title>\n<style>\n{font_faces()}\n</style>\n"
        f"<style>{BROWSER_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body(ws, language=tr)}</main>\n</body>\n</html>\n"
    )


def body(ws: Workshop, *, page_breaks: bool = False, language: Translator | None = None) -> str:
    """The report's markup; with ``page_breaks`` the cover and summary start new pages."""
    tr = language or room_language(ws)
    names = Names(ws, tr)
    parts = [_cover(ws, tr)]
    parts.append(_attendance(ws, tr, page_breaks))
    parts.append(_tag("h2", tr.gettext("Problems")) + "\n")
    problems = report_problems(ws)
    if not problems:
        parts.append(
            _tag("p", tr.gettext("No problems were put on the wall."), ' class="none"') + "\n"
        )
    parts.extend(_problem(ws, names, p) for p in problems)
    parts.append(_summary(ws, names, page_breaks))
    return "".join(parts)


def _cover(ws: Workshop, tr: Translator) -> str:
    info = ws.info
    out = [
        '<section class="cover">\n'
        + _tag("p", tr.gettext("Workshop report"), ' class="kicker"')
        + "\n"
    ]
    out.append(f"<h1>{escape(info.title)}</h1>\n")
    facts = [
        (tr.gettext("When"), when(info, language=tr)),
        (tr.gettext("Where"), info.venue),
        (tr.gettext("Facilitator"), info.facilitator),
    ]
    rows = "".join(
        f'<tr><td class="label">{escape(label)}</td><td>{escape(value)}</td></tr>'
        for label, value in facts
        if value
    )
    if rows:
        out.append(f'<table class="facts" cellpadding="2">{rows}</table>\n')
    progress = render_message(ws.progress().message(), tr)
    out.append(f'<p class="progress">{escape(progress)}</p>\n')
    if info.goal.strip():
        heading = escape(tr.gettext("Our shared goal"))
        out.append(f'<h2>{heading}</h2>\n<div class="goal">{_text(info.goal)}</div>\n')
    if info.ground_rules:
        items = "".join(f"<li>{escape(rule)}</li>" for rule in info.ground_rules)
        heading = escape(tr.gettext("Ground rules"))
        out.append(f'<h2>{heading}</h2>\n<ul class="rules">{items}</ul>\n')
    out.append("</section>\n")
    return "".join(out)


def _attendance(ws: Workshop, tr: Translator, page_break: bool) -> str:
    style = ' style="page-break-before: always"' if page_break else ""
    out = [_tag("h2", tr.gettext("Attendance"), style) + "\n"]
    groups = attendance(ws, tr)
    if not any(g.people for g in groups):
        return out[0] + _tag("p", tr.gettext("No attendees were listed."), ' class="none"') + "\n"
    out.append(
        '<table class="grid" width="100%" cellspacing="0" cellpadding="5">'
        "<tr>"
        + _tag("th", tr.gettext("Team"), ' align="left" width="28%"')
        + _tag("th", tr.gettext("People"), ' align="left"')
        + _tag("th", tr.gettext("Solutions proposed"), ' class="num" align="right" width="18%"')
        + "</tr>"
    )
    # on a phone the table's rows stack, each cell saying what it holds
    proposed_label = f' data-label="{escape(tr.gettext("Solutions proposed"))}"'
    for group in groups:
        swatch = (
            f'<span class="swatch" style="background-color:{group.color}"></span>'
            if group.color
            else ""
        )
        people = "<br>".join(
            escape(a.name) + (f' <span class="meta">· {escape(a.role)}</span>' if a.role else "")
            for a in group.people
        )
        count = len(group.people)
        headcount = tr.ngettext("{count} person", "{count} people", count).format(count=count)
        out.append(
            f"<tr><td>{swatch}<b>{escape(group.name)}</b><br>"
            f'<span class="meta">{escape(headcount)}</span></td>'
            f"<td>{people or '—'}</td>"
            f'<td class="num" align="right"{proposed_label}>{group.solutions_proposed}</td></tr>'
        )
    out.append("</table>\n")
    return "".join(out)


def _problem(ws: Workshop, names: Names, problem: Problem) -> str:
    tr = names.language
    solved = ws.is_solved(problem.id)
    badge = (
        '<span class="badge solved">&nbsp;'
        + escape(tr.pgettext("problem", "Solved"))
        + "&nbsp;</span>"
        if solved
        else '<span class="badge open">&nbsp;'
        + escape(tr.pgettext("problem", "Open"))
        + "&nbsp;</span>"
    )
    out = [
        f'<div class="problem" id="problem-{problem.number}">\n'
        f'<h3><span class="number">{problem.number}.</span> {escape(problem.title)} {badge}</h3>\n'
    ]
    meta = [
        f"{escape(fact.label)}: <b>{escape(fact.value)}</b>"
        if fact.strong
        else f"{escape(fact.label)}: {escape(fact.value)}"
        for fact in problem_meta(names, problem)
    ]
    if meta:
        out.append(f'<p class="meta">{" &nbsp;·&nbsp; ".join(meta)}</p>\n')
    if problem.description.strip():
        out.append(_text(problem.description) + "\n")
    if problem.stalled_because.strip():
        lead = _tag("b", tr.gettext("Why it stalled.")) + " "
        out.append(
            '<div class="stalled">' + _text(problem.stalled_because, "stalled", lead) + "</div>\n"
        )
    solutions = ws.solutions_of(problem.id)
    out.append(_tag("h4", tr.gettext("Solutions")) + "\n")
    if not solutions:
        out.append(_tag("p", tr.gettext("No solution yet."), ' class="none"') + "\n")
    out.extend(_solution(names, s) for s in solutions)
    follow_ups = ws.follow_ups_of(problem.id)
    if follow_ups:
        out.append(_tag("h4", tr.gettext("Follow-ups")) + "\n<ul>")
        for follow_up in follow_ups:
            details = [tr.gettext("Owner: {name}").format(name=names.owner(follow_up))]
            if follow_up.due:
                details.append(tr.gettext("due {date}").format(date=short_day(follow_up.due, tr)))
            if follow_up.check_in:
                details.append(
                    tr.gettext("check-in {date}").format(date=short_day(follow_up.check_in, tr))
                )
            if follow_up.status is not FollowUpStatus.OPEN:
                details.append(follow_up_status(follow_up.status, tr))
            text = "<br>".join(escape(line) for line in follow_up.text.splitlines())
            outcome = "<br>".join(escape(line) for line in follow_up.outcome.splitlines())
            if outcome:
                outcome = "<br>" + _tag("strong", tr.gettext("Outcome:")) + " " + outcome
            by = " · ".join(escape(detail) for detail in details)
            out.append(f'<li>{text}<br><span class="by">{by}</span>{outcome}</li>')
        out.append("</ul>\n")
    out.append("</div>\n")
    return "".join(out)


def _solution(names: Names, solution: Solution) -> str:
    tr = names.language
    color = STATUS_COLORS[solution.status]
    details = [tr.gettext("Proposed by {name}").format(name=names.proposer(solution))]
    teams = names.teams(solution.team_ids)
    if teams:
        details.append(" + ".join(teams))
    details.append(vote_count(solution.votes, tr))
    text = "<br>".join(escape(line) for line in solution.text.strip().splitlines())
    status = escape(solution_status(solution.status, tr).capitalize())
    return (
        f'<div class="solution"><p><span class="status" style="color:{color}">'
        f"{status}</span> &nbsp;{text}</p>"
        f'<p class="by">{" · ".join(escape(detail) for detail in details)}</p></div>\n'
    )


def _summary(ws: Workshop, names: Names, page_break: bool) -> str:
    tr = names.language
    style = ' style="page-break-before: always"' if page_break else ""
    out = ['<section class="summary">\n' + _tag("h2", tr.gettext("Summary"), style) + "\n"]
    progress = render_message(ws.progress().message(), tr)
    out.append(f'<p class="progress">{escape(progress)}</p>\n')
    out.append(_tag("h3", tr.gettext("Open follow-ups")) + "\n")
    follow_ups = open_follow_ups(ws)
    if follow_ups:
        out.append(
            '<table class="grid" width="100%" cellspacing="0" cellpadding="5"><tr>'
            + _tag("th", tr.gettext("Due"), ' align="left" width="14%"')
            + _tag("th", tr.gettext("Follow-up"), ' align="left" width="38%"')
            + _tag("th", tr.gettext("Owner"), ' align="left" width="18%"')
            + _tag("th", tr.gettext("Problem"), ' align="left"')
            + "</tr>"
        )
        due, owner, about = (
            f' data-label="{escape(tr.gettext(label))}"' for label in ("Due", "Owner", "Problem")
        )
        for problem, follow_up in follow_ups:
            out.append(
                f"<tr><td{due}>{escape(short_day(follow_up.due, tr)) or '—'}</td>"
                f"<td>{escape(follow_up.text)}</td>"
                f"<td{owner}>{escape(names.owner(follow_up))}</td>"
                f"<td{about}>{problem.number}. {escape(problem.title)}</td></tr>"
            )
        out.append("</table>\n")
    else:
        out.append(_tag("p", tr.gettext("No follow-ups were agreed."), ' class="none"') + "\n")
    summary = bridge_summary(names)
    if summary is not None:
        out.append(_tag("h3", tr.gettext("Solutions that bridged teams")) + "\n")
        out.append(_tag("p", summary.count) + "\n")
        if summary.bridges:
            out.append("<ul>")
            for bridge in summary.bridges:
                problem = bridge.problem
                out.append(
                    f"<li><b>{problem.number}. {escape(problem.title)}</b><br>"
                    f"{escape(bridge.solution.text)} "
                    f'<span class="status agreed">{escape(bridge.status)}</span> '
                    f'<span class="meta">({escape(bridge.teams)})</span></li>'
                )
            out.append("</ul>\n")
    out.append("</section>\n")
    return "".join(out)
