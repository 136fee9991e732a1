"""The application layer's fixtures: the one writer on a fresh copy of the demo, and what
it tells its subscribers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workshopdesk.app.events import Applied
from workshopdesk.app.workspace import Workspace
from workshopdesk.store.workshop_file import Mode


@pytest.fixture
def workspace(demo_path: Path) -> Iterator[Workspace]:
    with Workspace.open(demo_path, Mode.EDIT) as opened:
        yield opened


@pytest.fixture
def heard(workspace: Workspace) -> list[Applied]:
    events: list[Applied] = []
    workspace.subscribe(events.append)
    return events
