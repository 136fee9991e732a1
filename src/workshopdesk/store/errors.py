"""SQLite's errors turned into messages: the environment's fault or a damaged file."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from workshopdesk.core.errors import ConflictError, DiskFullError, FileProblem, ReadOnlyError
from workshopdesk.core.messages import Message

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


def reason(error: OSError) -> str:
    """The system's own words for why a file could not be used."""
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
