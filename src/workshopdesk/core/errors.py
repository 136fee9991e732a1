"""Errors a facilitator can understand: ``str(error)`` is the sentence to show."""


class WorkshopError(Exception):
    """A problem with a file or with data, explained in one sentence."""


class ValidationError(WorkshopError):
    """Input that breaks a rule (empty title, text too long, unknown reference)."""


class NotFoundError(WorkshopError):
    """A reference to something that does not exist (any more)."""


class FileProblem(WorkshopError):
    """A workshop file that cannot be used: not SQLite, damaged, foreign, newer."""


class ReadOnlyError(WorkshopError):
    """An edit to a workshop that is open read-only."""


class DiskFullError(WorkshopError):
    """The disk filled up; the change was not saved and the file is consistent."""


class ConflictError(WorkshopError):
    """What an edit expected to change was changed elsewhere in the meantime."""
