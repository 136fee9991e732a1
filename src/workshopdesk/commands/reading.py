"""Reading a file the command was given (an export, a spreadsheet) whole, or one sentence."""

from __future__ import annotations

from pathlib import Path

from workshopdesk.core.errors import FileProblem
from workshopdesk.core.messages import Message
from workshopdesk.store.errors import reason


def read_source(source: Path, *, folder: bool = False) -> bytes:
    """The bytes of ``source``, or a :class:`FileProblem` saying why they cannot be read;
    with ``folder``, a folder is named as such instead of by the system's reason."""
    try:
        return source.read_bytes()
    except OSError as error:
        if folder and isinstance(error, IsADirectoryError):
            raise FileProblem(Message("error.is_a_folder", {"path": str(source)})) from None
        raise FileProblem(
            Message("error.cannot_read", {"name": str(source), "reason": reason(error)})
        ) from None
