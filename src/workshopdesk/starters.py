"""Ready-made workshops: the templates and the built-in demo, shipped as JSON and read
through the same import path as any export, so they always have the current schema.
``workshopdesk --demo`` and the window's "Open the Demo" both open :func:`fresh_demo_copy`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshopdesk.resources import resource

if TYPE_CHECKING:  # the readers load when a workshop is made, not when the window starts
    from workshopdesk.core.workshop import Workshop

TEMPLATES = ("problem-wall", "retrospective", "blank")
DEFAULT_TEMPLATE = "problem-wall"
DEMO_FILE_NAME = "sales-x-development.workshop"


TEXT_FIELDS = frozenset(
    {
        "title", "name", "goal", "ground_rules", "invitation", "description",
        "stalled_because", "text", "customer", "role", "venue", "tags", "outcome",
    }
)  # fmt: skip
"""The fields of a template's or the demo's entities that are written in its language
(``scripts/catalogue.py`` collects the same ones for the translators)."""


def template(name: str, *, title: str | None = None, language: str = "en") -> Workshop:
    """A new workshop from template ``name``, its column names and ground rules in ``language``."""
    from workshopdesk.core.messages import Message
    from workshopdesk.core.rekey import rekeyed
    from workshopdesk.core.validation import clean_line
    from workshopdesk.export.json_format import loads

    if name not in TEMPLATES:
        raise ValueError(f"unknown template {name!r}")
    ws = in_language(
        rekeyed(loads(resource("templates", f"{name}.json").read_bytes())), language, "template"
    )
    if title is not None:
        ws.info = replace(
            ws.info, title=clean_line(title, Message("field.workshop_title"), required=True)
        )
    return ws


def demo(language: str = "en") -> Workshop:
    """The built-in demo workshop, written in ``language``."""
    from workshopdesk.core.rekey import rekeyed
    from workshopdesk.export.json_format import loads

    ws = rekeyed(loads(resource("demo", "sales-x-development.json").read_bytes()))
    return in_language(ws, language, "demo")


def in_language(ws: Workshop, language: str, context: str) -> Workshop:
    """``ws`` (a template or the demo, written in English) with its texts in ``language``
    and speaking it; the translations are the catalogue's, under ``context``."""
    from dataclasses import fields

    from workshopdesk.core.workshop import Workshop
    from workshopdesk.text.translation import translator

    tr = translator(language)

    def said(entity: Any) -> Any:
        changed: dict[str, object] = {}
        for field in fields(entity):
            value = getattr(entity, field.name)
            if field.name not in TEXT_FIELDS or not value:
                continue
            if isinstance(value, str):
                changed[field.name] = tr.pgettext(context, value)
            elif isinstance(value, tuple):
                changed[field.name] = tuple(tr.pgettext(context, item) for item in value)
        return replace(entity, **changed) if changed else entity

    info = replace(said(ws.info), language=language)
    return Workshop(info, [said(entity) for entity in ws.entities() if entity is not ws.info])


def fresh_demo_copy(language: str = "en") -> Path:
    """A new copy of the demo, in ``language``, in the user's data folder, beside any copy
    still open."""
    from workshopdesk.core.errors import FileProblem
    from workshopdesk.core.messages import Message
    from workshopdesk.store.errors import reason
    from workshopdesk.store.lock import EditLock
    from workshopdesk.store.workshop_file import WorkshopFile
    from workshopdesk.userdata import data_dir

    folder = data_dir() / "demo"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileProblem(
            Message("error.cannot_create_folder", {"path": str(folder), "reason": reason(error)})
        ) from None
    stem, suffix = Path(DEMO_FILE_NAME).stem, Path(DEMO_FILE_NAME).suffix
    for attempt in range(1, 100):
        path = folder / (f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}")
        if not EditLock(path).is_held_elsewhere():
            WorkshopFile.create(path, demo(language), force=True)
            return path
    raise FileProblem(Message("error.too_many_demos"))
