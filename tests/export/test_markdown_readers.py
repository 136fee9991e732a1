"""The Markdown exports as the wikis that read them show them: Python-Markdown (MkDocs)
and CommonMark (markdown-it-py, what GitHub's flavour builds on). A title a facilitator
typed is text in every one of them, never a tag."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import markdown as python_markdown
import pytest
from markdown_it import MarkdownIt

from tests.export.conftest import stable_demo
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import invitation
from workshopdesk.export import markdown as md

HOSTILE = (
    "<script>alert('wall')</script>",
    "<img src=x onerror=alert(1)>",
    "Fish & Chips <b>now</b> ~~gone~~ &amp; more",
)


class Page(HTMLParser):
    """The tags an HTML page has and the text a browser shows."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def commonmark(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def mkdocs(text: str) -> str:
    return python_markdown.markdown(text, extensions=["tables"])


READERS = {"python-markdown": mkdocs, "commonmark": commonmark}


def hostile_workshop() -> Workshop:
    ws = stable_demo()
    one, two, three = sorted(ws.problems.values(), key=lambda p: p.number)[:3]
    ws._put(replace(one, title=HOSTILE[0], customer=HOSTILE[1]))
    ws._put(replace(two, title=HOSTILE[1], description=HOSTILE[2]))
    ws._put(replace(three, title=HOSTILE[2]))
    ws._put(replace(ws.info, title=HOSTILE[0], venue=HOSTILE[1], goal=HOSTILE[2]))
    follow_up = next(iter(ws.follow_ups.values()))
    ws._put(replace(follow_up, text=HOSTILE[1], outcome=HOSTILE[0]))
    return ws


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("export", ["report", "invitation"])
def test_typed_tags_are_shown_as_text(reader: str, export: str) -> None:
    ws = hostile_workshop()
    text = md.render(ws) if export == "report" else invitation.markdown(ws)
    page = Page(READERS[reader](text))
    assert not page.tags & {"script", "img", "b", "del", "s"}, page.tags
    for typed in HOSTILE if export == "report" else HOSTILE[:2]:
        assert typed in page.text, (typed, reader)
    assert "\\<" not in page.text and "\\&" not in page.text, "no stray backslashes"
    assert "&lt;" not in page.text, "no entity shown as its code"


@pytest.mark.parametrize("reader", sorted(READERS))
def test_markdown_that_is_typed_stays_text_too(reader: str) -> None:
    typed = "*not bold* _nor this_ [a](link) `code` | pipe 1. # hash"
    page = Page(READERS[reader](md.escape(typed)))
    assert page.text.strip() == typed
    assert not page.tags - {"p"}
