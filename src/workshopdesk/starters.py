"""Ready-made workshops: the templates and the built-in demo, shipped as JSON and read
through the same import path as any export, so they always have the current schema.
``workshopdesk --demo`` and the window's "Open the Demo" both open :func:`fresh_demo_copy`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
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


def fresh_demo_copy() -> Path:
    """A new copy of the demo in the user's data folder, beside any copy still open."""
    from workshopdesk.core.errors import FileProblem
    from workshopdesk.store.lock import EditLock
    from workshopdesk.store.workshop_file import WorkshopFile
    from workshopdesk.userdata import data_dir

    folder = data_dir() / "demo"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileProblem(f"Cannot create {folder}: {error.strerror or error}.") from None
    stem, suffix = Path(DEMO_FILE_NAME).stem, Path(DEMO_FILE_NAME).suffix
    for attempt in range(1, 100):
        path = folder / (f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}")
        if not EditLock(path).is_held_elsewhere():
            WorkshopFile.create(path, demo(), force=True)
            return path
    raise FileProblem("Too many demo workshops are open; close some and try again.")
