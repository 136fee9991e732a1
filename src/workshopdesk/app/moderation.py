"""Whether phones' ideas wait for the facilitator: a setting of the workshop, on unless
the facilitator turned it off."""

from __future__ import annotations

from collections.abc import Mapping

from workshopdesk.app.commands import ChangeSettings
from workshopdesk.app.workspace import Workspace

MODERATION_KEY = "ideas.moderation"


def moderated(settings: Mapping[str, str]) -> bool:
    return settings.get(MODERATION_KEY) != "off"


def set_moderation(workspace: Workspace, on: bool) -> None:
    workspace.submit(ChangeSettings({MODERATION_KEY: "on" if on else "off"}))
