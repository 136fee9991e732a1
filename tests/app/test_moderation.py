"""Whether phones' ideas wait for the facilitator, as the workshop keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workshopdesk.app.events import Action, Applied
from workshopdesk.app.moderation import MODERATION_KEY, moderated, set_moderation
from workshopdesk.app.origin import FACILITATOR
from workshopdesk.app.workspace import Workspace
from workshopdesk.store.workshop_file import Mode, WorkshopFile


@pytest.fixture
def workspace(demo_path: Path) -> Iterator[Workspace]:
    with Workspace.open(demo_path, Mode.EDIT) as opened:
        yield opened


def test_ideas_wait_for_the_facilitator_unless_turned_off() -> None:
    assert moderated({}) is True
    assert moderated({MODERATION_KEY: "on"}) is True
    assert moderated({MODERATION_KEY: "off"}) is False
    assert moderated({MODERATION_KEY: "something else"}) is True
    assert moderated({"ideas.other": "off"}) is True


def test_turning_moderation_off_and_on_is_kept_in_the_file(
    workspace: Workspace, demo_path: Path
) -> None:
    heard: list[Applied] = []
    workspace.subscribe(heard.append)
    revision = workspace.revision
    set_moderation(workspace, False)
    assert workspace.setting(MODERATION_KEY) == "off"
    assert not moderated(workspace.settings)
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        assert reader.settings()[MODERATION_KEY] == "off"
    set_moderation(workspace, True)
    assert workspace.setting(MODERATION_KEY) == "on" and moderated(workspace.settings)
    assert [(e.origin, e.action) for e in heard] == [(FACILITATOR, Action.SETTINGS)] * 2
    assert workspace.revision == revision, "not an edit of the board"
    assert not workspace.history.can_undo
