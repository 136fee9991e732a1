"""The phone pages as first sent: complete HTML, so the board shows before any script runs.

Every piece of workshop text goes through :func:`html.escape`; the page has no inline
script or style (the Content-Security-Policy forbids them), colours are applied by the
script from ``data-color`` attributes. The page's script (``web/phone.js``, with
``kit.js`` and ``take-part.js``) renders the same markup when the board changes; keep the
two in step.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from workshopdesk.core.timer import format_clock
from workshopdesk.server.view import View, timer_remaining_ms
from workshopdesk.server.words import page_language
from workshopdesk.text import Translator, translator
from workshopdesk.text.language import ENGLISH

ASSET_VERSION = "10"


def _e(text: Any) -> str:
    return escape(str(text), quote=True)


def _tag(tag: str, text: str, cls: str = "") -> str:
    """An element holding ``text`` (escaped)."""
    attribute = f' class="{cls}"' if cls else ""
    return f"<{tag}{attribute}>{_e(text)}</{tag}>"


def _none(text: str) -> str:
    """The sentence that stands where there is nothing to show."""
    return _tag("p", text, "none")


def _head(title: str, base: str, tr: Translator) -> str:
    return (
        f'<!doctype html>\n<html lang="{page_language(tr)}">\n<head>\n<meta charset="utf-8">\n'
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


def _status_bar(view: View, now: int, tr: Translator) -> str:
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
        label = tr.gettext("Time's up") if left == 0 else ""
        if left and not timer["running"]:
            label = tr.gettext("Paused") + " "
        clock = "" if left == 0 else format_clock(left)
        timer_html = (
            f'<div class="timer {state}" id="timer" data-timer="{_e(json.dumps(timer))}">'
            f'<span class="timer-label">{_e(label)}</span>'
            f'<span class="timer-clock">{_e(clock)}</span></div>'
        )
    of = _e(tr.gettext("{solved} of {total}").format(solved=solved, total=total))
    # Translators: after "5 of 10" in bold; the number it agrees with is the total.
    solved_word = _e(tr.ngettext("solved", "solved", total))
    return (
        '<div class="bar" id="bar">'
        '<div class="progress" id="progress">'
        f'<span class="progress-text"><b>{of}</b> {solved_word}</span>'
        f'<progress max="{max(total, 1)}" value="{solved}">{of}</progress>'
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


def _solution(view: View, solution: View, number: int, tr: Translator) -> str:
    status = solution["status"]
    marks = {
        "agreed": tr.gettext("Agreed"),
        "rejected": tr.gettext("Set aside"),
        "proposed": tr.gettext("Idea"),
    }
    mark = _e(marks.get(status, ""))
    meta = []
    if solution["proposer"]:
        meta.append(_e(tr.gettext("by {name}").format(name=solution["proposer"])))
    if votes := int(solution["votes"] or 0):
        meta.append(_e(tr.ngettext("{n} vote", "{n} votes", votes).format(n=votes)))
    if dots := int(solution.get("dots") or 0):
        meta.append(_e(tr.ngettext("{n} dot", "{n} dots", dots).format(n=dots)))
    meta_html = f'<span class="meta">{" · ".join(meta)}</span>' if meta else ""
    return (
        f'<li class="solution {_e(status)}" data-id="{_e(solution["id"])}" '
        f'data-problem="{number}"><span class="mark">{mark}</span>'
        f'<span class="text">{_e(solution["text"])}</span>{meta_html}'
        f"{_team_chips(view, solution['team_ids'])}</li>"
    )


def _follow_up(follow_up: View) -> str:
    meta = " · ".join(_e(x) for x in (follow_up["owner"], follow_up["due_text"]) if x)
    meta_html = f'<span class="meta">{meta}</span>' if meta else ""
    return f'<li><span class="text">{_e(follow_up["text"])}</span>{meta_html}</li>'


def _card(view: View, base: str, problem: View, tr: Translator) -> str:
    solved = (" solved" if problem["solved"] else "") + (" together" if problem["together"] else "")
    customer = (
        f'<span class="customer">{_e(problem["customer"])}</span>' if problem["customer"] else ""
    )
    if problem["together"]:
        customer += _tag("span", tr.gettext("Solved together"), "together-mark")
    solutions = problem["solutions"]
    shown = [s for s in solutions if s["status"] != "rejected"]
    listing = (
        '<ul class="solutions">'
        + "".join(_solution(view, s, problem["number"], tr) for s in shown)
        + "</ul>"
        if shown
        else _none(tr.gettext("No solution yet"))
    )
    return (
        f'<li class="card{solved}" data-color="{_e(problem["color"])}">'
        f'<a class="card-link" href="{base}/P/{problem["number"]}">'
        f'<span class="no">{problem["number"]}</span>'
        f'<span class="card-title">{_e(problem["title"])}</span>{customer}</a>'
        f"{listing}</li>"
    )


def _check_in(check_in: View, tr: Translator) -> str:
    """The check-in weeks later: what fell due and where each follow-up stands."""
    items = "".join(
        f'<li class="due {_e(f["status"])}">'
        + _tag("span", f["status_text"], "status")
        + _tag("span", f["text"], "text")
        + _tag("span", f"{f['owner']} · #{f['problem']}", "meta")
        + (_tag("span", f["outcome"], "outcome") if f["outcome"] else "")
        + "</li>"
        for f in check_in["follow_ups"]
    )
    return (
        '<section class="check-in" id="check-in">'
        + _tag("h2", tr.gettext("Check-in"))
        + _tag("p", check_in["caption"], "since")
        + (f'<ul class="check-in-list">{items}</ul>' if items else "")
        + "</section>"
    )


def _board_main(view: View, base: str, tr: Translator) -> str:
    info = view["workshop"]
    parts: list[str] = []
    if info["goal"]:
        parts.append(
            '<details class="intro" id="goal" open>'
            + _tag("summary", tr.gettext("Our shared goal"))
            + f'<p class="text">{_e(info["goal"])}</p></details>'
        )
    if view["check_in"]:
        parts.append(_check_in(view["check_in"], tr))
    if info["ground_rules"]:
        rules = "".join(f"<li>{_e(rule)}</li>" for rule in info["ground_rules"])
        parts.append(
            '<details class="intro" id="rules">'
            + _tag("summary", tr.gettext("Ground rules"))
            + f'<ul class="rules">{rules}</ul></details>'
        )
    columns = view["columns"]
    if columns:
        links = "".join(
            f'<a href="#c{i}">{_e(c["name"])} <span>{len(c["problems"])}</span></a>'
            for i, c in enumerate(columns)
        )
        columns_label = _e(tr.gettext("Columns"))
        parts.append(f'<nav class="jump" aria-label="{columns_label}">{links}</nav>')
    for i, column in enumerate(columns):
        done = " done" if column["done"] else ""
        cards = "".join(_card(view, base, p, tr) for p in column["problems"])
        body = f'<ol class="cards">{cards}</ol>' if cards else _none(tr.gettext("Nothing here"))
        parts.append(
            f'<section class="column{done}" id="c{i}">'
            f'<h2>{_e(column["name"])} <span class="count">{len(column["problems"])}</span></h2>'
            f"{body}</section>"
        )
    if not columns:
        parts.append(_none(tr.gettext("The board is empty.")))
    return "".join(parts)


def _problem_main(view: View, base: str, number: int, tr: Translator) -> str:
    found = None
    for column in view["columns"]:
        for problem in column["problems"]:
            if problem["number"] == number:
                found = (problem, column)
    whole = _e(tr.gettext("Whole board"))
    back = f'<a class="back" href="{base}">‹ {whole}</a>'
    if found is None:
        return back + _none(tr.gettext("This problem is no longer on the board."))
    problem, column = found
    if problem["together"]:
        solved = _tag("span", tr.gettext("Solved together"), "badge solved together")
    elif problem["solved"]:
        solved = _tag("span", tr.gettext("Solved"), "badge solved")
    else:
        solved = _tag("span", tr.gettext("Needs a solution"), "badge open")
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
        impact = _e(tr.gettext("Impact"))
        sections.append(f'<h2>{impact}</h2><p class="text">{_e(problem["description"])}</p>')
    if problem["stalled_because"]:
        why = _e(tr.gettext("Why it stalled"))
        sections.append(f'<h2>{why}</h2><p class="text">{_e(problem["stalled_because"])}</p>')
    solutions = problem["solutions"]
    heading = _e(tr.gettext("Solutions"))
    sections.append(f'<h2>{heading} <span class="count">{len(solutions)}</span></h2>')
    if problem["from_team_ids"]:
        label = _e(tr.gettext("Solutions from:"))
        chips = _team_chips(view, problem["from_team_ids"])
        sections.append(f'<div class="from-teams">{label}{chips}</div>')
    if solutions:
        sections.append(
            '<ul class="solutions">'
            + "".join(_solution(view, s, number, tr) for s in solutions)
            + "</ul>"
        )
    else:
        sections.append(_none(tr.gettext("No solution yet: this is where you come in.")))
    if problem["follow_ups"]:
        items = "".join(_follow_up(f) for f in problem["follow_ups"])
        follow_ups = _e(tr.gettext("Follow-ups"))
        sections.append(f'<h2>{follow_ups}</h2><ul class="follow-ups">{items}</ul>')
    sections.append("</article>")
    return "".join(sections)


def _take_part(view: View) -> View:
    """What the page's script needs to let a phone take part before the first live board:
    the teams to pick from, the round and the contact exchange."""
    return {
        "teams": [{"id": t["id"], "name": t["name"]} for t in view["teams"]],
        "round": view["round"],
        "decided": view["decided"],
        "contacts": view["contacts"],
    }


def page(view: View, base: str, now: int, tr: Translator, number: int | None = None) -> str:
    """The board (``number`` None) or one problem's page, complete, in ``tr``'s language."""
    info = view["workshop"]
    title = info["title"] if number is None else f"{number} · {info['title']}"
    kind = "board" if number is None else "problem"
    main = _board_main(view, base, tr) if number is None else _problem_main(view, base, number, tr)
    venue = f'<p class="venue">{_e(info["venue"])}</p>' if info["venue"] and number is None else ""
    return (
        _head(title, base, tr)
        + f'<body data-page="{kind}" data-base="{base}" data-revision="{view["revision"]}"'
        + f' data-language="{_e(info["language"])}"'
        + f' data-now="{now}"'
        + f' data-take-part="{_e(json.dumps(_take_part(view), ensure_ascii=False))}"'
        + (f' data-problem="{number}"' if number is not None else "")
        + ">\n"
        + '<header class="top">'
        # The connection's state, at the top of the screen where it is seen and announced.
        + '<p class="live" id="live" role="status">'
        + _e(tr.gettext("Live: changes appear by themselves."))
        + "</p>"
        + (
            f'<h1 class="workshop" id="title">{_e(info["title"])}</h1>{venue}'
            if number is None
            else f'<p class="workshop" id="title">{_e(info["title"])}</p>'
        )
        + _status_bar(view, now, tr)
        + "</header>\n"
        + f'<main id="main">{main}</main>\n'
        + "</body>\n</html>\n"
    )


def not_found_page(tr: Translator) -> str:
    """The page for a link that leads nowhere (a wrong or an ended link), in ``tr``'s
    language."""
    title = _e(tr.gettext("Not found"))
    return (
        f'<!doctype html>\n<html lang="{page_language(tr)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n"
        + _tag("p", tr.gettext("There is no page here. Scan the QR code on the wall again."))
        + "\n</body>\n</html>\n"
    )


NOT_FOUND = not_found_page(translator(ENGLISH))
"""The not-found page in English."""
