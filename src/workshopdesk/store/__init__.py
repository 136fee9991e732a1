"""The workshop file: the only code that speaks SQLite."""

from workshopdesk.store.workshop_file import WorkshopFile

__all__ = ["WorkshopFile"]
