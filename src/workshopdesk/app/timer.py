"""The time-box timer as the workshop keeps it, written through the one writer.

Not undo steps (nobody wants "Undo start timer"), and not edits of the board: a change
moves the settings' revision, so every view — a second window, the phones — notices it.
"""

from __future__ import annotations

from collections.abc import Mapping

from workshopdesk.app.commands import ChangeSettings
from workshopdesk.app.origin import FACILITATOR, Origin
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.timer import SETTING_KEYS, TimerState


def timer_of(settings: Mapping[str, str]) -> TimerState:
    return TimerState.from_settings({k: v for k, v in settings.items() if k in SETTING_KEYS})


def set_timer(workspace: Workspace, state: TimerState, origin: Origin = FACILITATOR) -> None:
    workspace.submit(ChangeSettings(state.to_settings()), origin)
