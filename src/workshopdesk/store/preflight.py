"""Checks a file before anything writes to it, over a read-only connection.

Nothing here changes a byte of the file: no pragma that writes, no migration.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from workshopdesk.core.errors import FileProblem
from workshopdesk.core.messages import Message
from workshopdesk.store.errors import explain, reason
from workshopdesk.store.schema import APPLICATION_ID, applied_names, known_names

SQLITE_HEADER = b"SQLite format 3\x00"


def read_only_uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def check_file(path: Path) -> None:
    """Raise :class:`FileProblem` unless ``path`` is a workshop this version can open."""
    name = path.name
    if not path.exists():
        raise FileProblem(Message("error.no_such_file", {"path": str(path)}))
    if path.is_dir():
        raise FileProblem(Message("error.folder_not_workshop", {"path": str(path)}))
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise FileProblem(
            Message("error.cannot_read", {"name": name, "reason": reason(error)})
        ) from None
    if not header:
        raise FileProblem(Message("error.file_empty", {"name": name}))
    if not header.startswith(SQLITE_HEADER):
        raise FileProblem(Message("error.not_a_workshop_file", {"name": name}))
    if len(header) < 100:
        raise FileProblem(Message("error.file_truncated", {"name": name}))
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error:
        raise FileProblem(Message("error.cannot_open", {"name": name})) from None
    try:
        _check_contents(connection, name)
    except sqlite3.OperationalError as error:  # the environment's fault, not the file's
        raise explain(name, error) from None
    except sqlite3.DatabaseError as error:
        raise FileProblem(
            Message("error.file_damaged_unopenable", {"name": name, "detail": str(error)})
        ) from None
    finally:
        connection.close()


def _check_contents(connection: sqlite3.Connection, name: str) -> None:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise FileProblem(Message("error.foreign_database", {"name": name}))
    has_migrations = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not has_migrations:
        raise FileProblem(Message("error.no_format_record", {"name": name}))
    applied = applied_names(connection)
    if applied - known_names():
        raise FileProblem(Message("error.newer_version", {"name": name}))
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise FileProblem(Message("error.integrity_check_failed", {"name": name}))
