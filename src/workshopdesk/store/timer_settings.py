"""The timer as the workshop file keeps it: the ``timer.*`` settings.

Not undo steps (nobody wants "Undo start timer"), but each change bumps the file's
revision so every other view — a second window, the phone server — notices it.
"""

from __future__ import annotations

from workshopdesk.core.timer import SETTING_KEYS, TimerState
from workshopdesk.store.workshop_file import WorkshopFile


def read_timer(file: WorkshopFile) -> TimerState:
    settings = file.settings()
    return TimerState.from_settings({k: v for k, v in settings.items() if k in SETTING_KEYS})


def write_timer(file: WorkshopFile, state: TimerState) -> int:
    """Store ``state``; return the file's new revision."""
    return file.set_settings(state.to_settings())
