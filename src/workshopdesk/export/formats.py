"""The export formats the command line and the window offer, by name."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from workshopdesk.core.workshop import Workshop
from workshopdesk.export import json_format


@dataclass(frozen=True)
class ExportRequest:
    """What an exporter gets: the workshop, its saved settings (share link), the options."""

    workshop: Workshop
    settings: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    render: Callable[[ExportRequest], str | bytes]
    binary: bool = False
    options: frozenset[str] = frozenset()
    """Option names (as on the command line, without dashes) this format accepts."""


FORMATS: dict[str, Format] = {
    "json": Format(
        "json",
        "the full workshop, re-importable (holds attendees' contact data)",
        lambda request: json_format.dumps(request.workshop),
    ),
}
