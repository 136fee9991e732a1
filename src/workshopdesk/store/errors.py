"""SQLite's errors turned into messages: the environment's fault or a damaged file."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from workshopdesk.core.errors import ConflictError, DiskFullError, FileProblem, ReadOnlyError
from workshopdesk.core.messages import Message, Param

CHANGED_ELSEWHERE = Message("error.changed_elsewhere")


@contextmanager
def explained(name: str) -> Iterator[None]:
    """Re-raise SQLite and OS errors as errors a facilitator understands."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise explain(name, error) from error
    except sqlite3.IntegrityError as error:  # e.g. two new problems took the same number
        raise ConflictError(CHANGED_ELSEWHERE) from error
    except sqlite3.DatabaseError as error:
        raise FileProblem(
            Message("error.file_damaged_detail", {"name": name, "detail": str(error)})
        ) from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFullError(Message("error.disk_full", {"name": name})) from error
        raise FileProblem(
            Message("error.cannot_use_file", {"name": name, "reason": reason(error)})
        ) from error


_REASONS = {
    errno.EACCES: "reason.permission_denied",
    errno.EPERM: "reason.not_permitted",
    errno.ENOENT: "reason.no_such_file",
    errno.EISDIR: "reason.is_a_folder",
    errno.ENOTDIR: "reason.not_a_folder",
    errno.EROFS: "reason.read_only_file_system",
    errno.ENAMETOOLONG: "reason.name_too_long",
    errno.ENOSPC: "reason.disk_full",
}
"""The usual reasons a file cannot be used, named so they can be said in any language."""


def reason(error: OSError) -> Param:
    """Why a file could not be used: a named reason, or the system's own words."""
    if error.errno in _REASONS:
        return Message(_REASONS[error.errno])
    return error.strerror or str(error)


def explain(name: str, error: sqlite3.OperationalError) -> Exception:
    message = str(error).lower()
    if "full" in message:
        return DiskFullError(Message("error.disk_full", {"name": name}))
    if "readonly" in message or "read-only" in message:
        return ReadOnlyError(Message("error.file_read_only", {"name": name}))
    if "locked" in message or "busy" in message:
        return FileProblem(Message("error.file_busy", {"name": name}))
    if "unable to open" in message:
        return FileProblem(Message("error.cannot_open_folder", {"name": name}))
    if "disk i/o" in message:
        return FileProblem(Message("error.disk_io", {"name": name}))
    return FileProblem(Message("error.could_not_use", {"name": name, "detail": str(error)}))
