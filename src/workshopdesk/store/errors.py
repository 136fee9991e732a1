"""SQLite's errors turned into sentences: the environment's fault or a damaged file."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from workshopdesk.core.errors import ConflictError, DiskFullError, FileProblem, ReadOnlyError


@contextmanager
def explained(name: str) -> Iterator[None]:
    """Re-raise SQLite and OS errors as errors a facilitator understands."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise explain(name, error) from error
    except sqlite3.IntegrityError as error:  # e.g. two new problems took the same number
        raise ConflictError(
            "This was changed elsewhere in the meantime; the board now shows the latest."
        ) from error
    except sqlite3.DatabaseError as error:
        raise FileProblem(f"{name} is damaged ({error}).") from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFullError(_DISK_FULL.format(name=name)) from error
        raise FileProblem(f"Cannot use {name}: {error.strerror or error}.") from error


_DISK_FULL = (
    "The disk is full: the last change to {name} was not saved. Free some space and try again."
)


def explain(name: str, error: sqlite3.OperationalError) -> Exception:
    message = str(error).lower()
    if "full" in message:
        return DiskFullError(_DISK_FULL.format(name=name))
    if "readonly" in message or "read-only" in message:
        return ReadOnlyError(f"{name} cannot be changed: it is read-only.")
    if "locked" in message or "busy" in message:
        return FileProblem(f"{name} is busy in another program; try again in a moment.")
    if "unable to open" in message:
        return FileProblem(f"Cannot open {name}: its folder may be read-only, or the disk full.")
    if "disk i/o" in message:
        return FileProblem(f"Could not write {name}: the disk reported an error.")
    return FileProblem(f"Could not use {name} ({error}).")
