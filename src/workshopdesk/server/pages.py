"""The phone pages as first sent: complete HTML, so the board shows before any script runs.

Every piece of workshop text goes through :func:`html.escape`; the page has no inline
script or style (the Content-Security-Policy forbids them), colours are applied by the
script from ``data-color`` attributes. ``web/phone.js`` renders the same markup when the
board changes; keep the two in step.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from workshopdesk.core.timer import format_clock
from workshopdesk.server.view import View, timer_remaining_ms

ASSET_VERSION = "8"


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _head(title: str, base: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="theme-color" content="#1f3a5f" media="(prefers-color-scheme: light)">\n'
        '<meta name="theme-color" content="#1d3658" media="(prefers-color-scheme: dark)">\n'
        f"<title>{_e(title)}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f'<link rel="stylesheet" href="{base}/A/PHONE.CSS?V={ASSET_VERSION}">\n'
        f'<script src="{base}/A/PHONE.JS?V={ASSET_VERSION}" defer></script>\n'
        "</head>\n"
    )


def _status_bar(view: View, now: int) -> str:
    progress = view["progress"]
    solved, total = progress["solved"], progress["total"]
    timer = view["timer"]
    if timer is None:
        timer_html = '<div class="timer" id="timer" data-timer="null" hidden></div>'
    else:
        left = timer_remaining_ms(timer, now)
        state = "running" if timer["running"] else "paused"
        if left == 0:
            state = "up"
        label = "Time's up" if left == 0 else ("" if timer["running"] else "Paused ")
        clock = "" if left == 0 else format_clock(left)
        timer_html = (
            f'<div class="timer {state}" id="timer" data-timer="{_e(json.dumps(timer))}">'
            f'<span class="timer-label">{_e(label)}</span>'
            f'<span class="timer-clock">{_e(clock)}</span></div>'
        )
    return (
        '<div class="bar" id="bar">'
        '<div class="progress" id="progress">'
        f'<span class="progress-text"><b>{solved} of {total}</b> solved</span>'
        f'<progress max="{max(total, 1)}" value="{solved}">{solved} of {total}</progress>'
        "</div>"
        f"{timer_html}"
        "</div>"
    )


def _team_chips(view: View, team_ids: list[str]) -> str:
    teams = {t["id"]: t for t in view["teams"]}
    chips = "".join(
        f'<span class="team" data-color="{_e(teams[t]["color"])}">{_e(teams[t]["name"])}</span>'
        for t in team_ids
        if t in teams
    )
    return f'<span class="teams">{chips}</span>' if chips else ""


def _solution(view: View, solution: View, number: int) -> str:
    status = solution["status"]
    mark = {"agreed": "Agreed", "rejected": "Set aside", "proposed": "Idea"}.get(status, "")
    meta = []
    if solution["proposer"]:
        meta.append(f"by {_e(solution['proposer'])}")
    if solution["votes"]:
        meta.append(_plural(int(solution["votes"]), "vote", "votes"))
    if solution.get("dots"):
        meta.append(_plural(int(solution["dots"]), "dot", "dots"))
    meta_html = f'<span class="meta">{" · ".join(meta)}</span>' if meta else ""
    return (
        f'<li class="solution {_e(status)}" data-id="{_e(solution["id"])}" '
        f'data-problem="{number}"><span class="mark">{mark}</span>'
        f'<span class="text">{_e(solution["text"])}</span>{meta_html}'
        f"{_team_chips(view, solution['team_ids'])}</li>"
    )


def _follow_up(follow_up: View) -> str:
    meta = " · ".join(_e(x) for x in (follow_up["owner"], follow_up["due"]) if x)
    meta_html = f'<span class="meta">{meta}</span>' if meta else ""
    return f'<li><span class="text">{_e(follow_up["text"])}</span>{meta_html}</li>'


def _card(view: View, base: str, problem: View) -> str:
    solved = " solved" if problem["solved"] else ""
    customer = (
        f'<span class="customer">{_e(problem["customer"])}</span>' if problem["customer"] else ""
    )
    solutions = problem["solutions"]
    shown = [s for s in solutions if s["status"] != "rejected"]
    listing = (
        '<ul class="solutions">'
        + "".join(_solution(view, s, problem["number"]) for s in shown)
        + "</ul>"
        if shown
        else '<p class="none">No solution yet</p>'
    )
    return (
        f'<li class="card{solved}" data-color="{_e(problem["color"])}">'
        f'<a class="card-link" href="{base}/P/{problem["number"]}">'
        f'<span class="no">{problem["number"]}</span>'
        f'<span class="card-title">{_e(problem["title"])}</span>{customer}</a>'
        f"{listing}</li>"
    )


def _board_main(view: View, base: str) -> str:
    info = view["workshop"]
    parts: list[str] = []
    if info["goal"]:
        parts.append(
            '<details class="intro" id="goal" open><summary>Our shared goal</summary>'
            f'<p class="text">{_e(info["goal"])}</p></details>'
        )
    if info["ground_rules"]:
        rules = "".join(f"<li>{_e(rule)}</li>" for rule in info["ground_rules"])
        parts.append(
            '<details class="intro" id="rules"><summary>Ground rules</summary>'
            f'<ul class="rules">{rules}</ul></details>'
        )
    columns = view["columns"]
    if columns:
        links = "".join(
            f'<a href="#c{i}">{_e(c["name"])} <span>{len(c["problems"])}</span></a>'
            for i, c in enumerate(columns)
        )
        parts.append(f'<nav class="jump" aria-label="Columns">{links}</nav>')
    for i, column in enumerate(columns):
        done = " done" if column["done"] else ""
        cards = "".join(_card(view, base, p) for p in column["problems"])
        body = f'<ol class="cards">{cards}</ol>' if cards else '<p class="none">Nothing here</p>'
        parts.append(
            f'<section class="column{done}" id="c{i}">'
            f'<h2>{_e(column["name"])} <span class="count">{len(column["problems"])}</span></h2>'
            f"{body}</section>"
        )
    if not columns:
        parts.append('<p class="none">The board is empty.</p>')
    return "".join(parts)


def _problem_main(view: View, base: str, number: int) -> str:
    found = None
    for column in view["columns"]:
        for problem in column["problems"]:
            if problem["number"] == number:
                found = (problem, column)
    back = f'<a class="back" href="{base}">‹ Whole board</a>'
    if found is None:
        return back + '<p class="none">This problem is no longer on the board.</p>'
    problem, column = found
    solved = (
        '<span class="badge solved">Solved</span>'
        if problem["solved"]
        else '<span class="badge open">Needs a solution</span>'
    )
    sections = [
        back,
        f'<article class="problem" data-color="{_e(problem["color"])}">',
        f'<p class="where"><span class="no">{number}</span>'
        f'<span class="badge stage">{_e(column["name"])}</span>{solved}</p>',
        f"<h1>{_e(problem['title'])}</h1>",
    ]
    if problem["customer"]:
        sections.append(f'<p class="customer">{_e(problem["customer"])}</p>')
    if problem["team_ids"]:
        sections.append(_team_chips(view, problem["team_ids"]))
    if problem["tags"]:
        tags = "".join(f'<span class="tag">{_e(tag)}</span>' for tag in problem["tags"])
        sections.append(f'<p class="tags">{tags}</p>')
    if problem["description"]:
        sections.append(f'<h2>Impact</h2><p class="text">{_e(problem["description"])}</p>')
    if problem["stalled_because"]:
        sections.append(
            f'<h2>Why it stalled</h2><p class="text">{_e(problem["stalled_because"])}</p>'
        )
    solutions = problem["solutions"]
    sections.append(f'<h2>Solutions <span class="count">{len(solutions)}</span></h2>')
    if solutions:
        sections.append(
            '<ul class="solutions">'
            + "".join(_solution(view, s, number) for s in solutions)
            + "</ul>"
        )
    else:
        sections.append('<p class="none">No solution yet: this is where you come in.</p>')
    if problem["follow_ups"]:
        items = "".join(_follow_up(f) for f in problem["follow_ups"])
        sections.append(f'<h2>Follow-ups</h2><ul class="follow-ups">{items}</ul>')
    sections.append("</article>")
    return "".join(sections)


def _take_part(view: View) -> View:
    """What the page's script needs to let a phone take part before the first live board:
    the teams to pick from and the round."""
    return {
        "teams": [{"id": t["id"], "name": t["name"]} for t in view["teams"]],
        "round": view["round"],
        "decided": view["decided"],
    }


def page(view: View, base: str, now: int, number: int | None = None) -> str:
    """The board (``number`` None) or one problem's page, complete."""
    info = view["workshop"]
    title = info["title"] if number is None else f"{number} · {info['title']}"
    kind = "board" if number is None else "problem"
    main = _board_main(view, base) if number is None else _problem_main(view, base, number)
    venue = f'<p class="venue">{_e(info["venue"])}</p>' if info["venue"] and number is None else ""
    return (
        _head(title, base)
        + f'<body data-page="{kind}" data-base="{base}" data-revision="{view["revision"]}"'
        + f' data-now="{now}"'
        + f' data-take-part="{_e(json.dumps(_take_part(view), ensure_ascii=False))}"'
        + (f' data-problem="{number}"' if number is not None else "")
        + ">\n"
        + '<header class="top">'
        # The connection's state, at the top of the screen where it is seen and announced.
        + '<p class="live" id="live" role="status">Live: changes appear by themselves.</p>'
        + (
            f'<h1 class="workshop" id="title">{_e(info["title"])}</h1>{venue}'
            if number is None
            else f'<p class="workshop" id="title">{_e(info["title"])}</p>'
        )
        + _status_bar(view, now)
        + "</header>\n"
        + f'<main id="main">{main}</main>\n'
        + "</body>\n</html>\n"
    )


NOT_FOUND = (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>Not found</title>\n</head>\n<body>\n<h1>Not found</h1>\n"
    "<p>There is no page here. Scan the QR code on the wall again.</p>\n</body>\n</html>\n"
)
