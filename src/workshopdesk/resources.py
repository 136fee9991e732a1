"""Where the shipped resources are: fonts, icons, the demo workshop, templates.

In a source checkout they are the project's ``resources/`` folder; in the bundled app
the installer puts the same folder next to the package as ``workshopdesk/resources``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parent
    bundled = package / "resources"
    if bundled.is_dir():
        return bundled
    return package.parents[1] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
