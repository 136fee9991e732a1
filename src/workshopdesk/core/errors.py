"""Errors a facilitator can understand, as a message id with parameters.

The core and the store raise these with a :class:`Message`; the edge that shows the
error (window, command line, phone server) renders it with ``workshopdesk.text.error_text``.
``str(error)`` is the message id and parameters, for logs.
"""

from __future__ import annotations

from workshopdesk.core.messages import Message


class WorkshopError(Exception):
    """A problem with a file or with data, explained in one sentence.

    Code outside the core and the store that composes its sentence where it is shown may
    still pass the words themselves; they travel as the ``text`` message.
    """

    def __init__(self, message: Message | str) -> None:
        self.message = message if isinstance(message, Message) else Message.verbatim(message)
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)


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
