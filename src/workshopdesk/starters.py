"""Ready-made workshops: the templates and the built-in demo, shipped as JSON and read
through the same import path as any export, so they always have the current schema."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from workshopdesk.resources import resource

if TYPE_CHECKING:  # the readers load when a workshop is made, not when the window starts
    from workshopdesk.core.workshop import Workshop

TEMPLATES = ("problem-wall", "retrospective", "blank")
DEFAULT_TEMPLATE = "problem-wall"
DEMO_FILE_NAME = "sales-x-development.workshop"


def template(name: str, *, title: str | None = None) -> Workshop:
    from workshopdesk.core.rekey import rekeyed
    from workshopdesk.core.validation import clean_line
    from workshopdesk.export.json_format import loads

    if name not in TEMPLATES:
        raise ValueError(f"unknown template {name!r}")
    ws = rekeyed(loads(resource("templates", f"{name}.json").read_bytes()))
    if title is not None:
        ws.info = replace(ws.info, title=clean_line(title, "The title", required=True))
    return ws


def demo() -> Workshop:
    from workshopdesk.core.rekey import rekeyed
    from workshopdesk.export.json_format import loads

    return rekeyed(loads(resource("demo", "sales-x-development.json").read_bytes()))
