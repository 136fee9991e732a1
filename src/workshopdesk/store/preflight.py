"""Checks a file before anything writes to it, over a read-only connection.

Nothing here changes a byte of the file: no pragma that writes, no migration.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from workshopdesk.core.errors import FileProblem
from workshopdesk.store.errors import explain
from workshopdesk.store.schema import APPLICATION_ID, applied_names, known_names

SQLITE_HEADER = b"SQLite format 3\x00"


def read_only_uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def check_file(path: Path) -> None:
    """Raise :class:`FileProblem` unless ``path`` is a workshop this version can open."""
    name = path.name
    if not path.exists():
        raise FileProblem(f"There is no file {path}.")
    if path.is_dir():
        raise FileProblem(f"{path} is a folder, not a workshop file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise FileProblem(f"Cannot read {name}: {error.strerror or error}.") from None
    if not header:
        raise FileProblem(f"{name} is empty: it is not a workshop file.")
    if not header.startswith(SQLITE_HEADER):
        raise FileProblem(f"{name} is not a workshop file (it is not a WorkshopDesk database).")
    if len(header) < 100:
        raise FileProblem(f"{name} is damaged: the file is truncated.")
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error:
        raise FileProblem(f"Cannot open {name}.") from None
    try:
        _check_contents(connection, name)
    except sqlite3.OperationalError as error:  # the environment's fault, not the file's
        raise explain(name, error) from None
    except sqlite3.DatabaseError as error:
        raise FileProblem(f"{name} is damaged and cannot be opened ({error}).") from None
    finally:
        connection.close()


def _check_contents(connection: sqlite3.Connection, name: str) -> None:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise FileProblem(
            f"{name} is a database of another application, not a WorkshopDesk workshop."
        )
    has_migrations = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not has_migrations:
        raise FileProblem(f"{name} is damaged: it has no record of its format.")
    applied = applied_names(connection)
    if applied - known_names():
        raise FileProblem(
            f"{name} was written by a newer version of WorkshopDesk; "
            "update WorkshopDesk to open it."
        )
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise FileProblem(f"{name} is damaged and cannot be opened (its integrity check failed).")
