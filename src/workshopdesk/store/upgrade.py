"""Bringing a file of an earlier schema up to this version's.

Paths that write upgrade the file itself, once: under SQLite's write lock, every pending
migration in one transaction, with the original first copied whole to ``NAME.workshop.bak``
and that copy removed once the upgrade has committed. If the upgrade fails, the file is as
it was and the copy stays. Paths that only read never write a byte: they read through a
copy in memory, upgraded there and made again whenever the file changes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from workshopdesk.core.errors import DiskFullError, FileProblem, WorkshopError
from workshopdesk.core.messages import Message, Param
from workshopdesk.store.disk import fsync_file, fsync_folder, sidecars
from workshopdesk.store.errors import explained
from workshopdesk.store.preflight import read_only_uri
from workshopdesk.store.schema import migrations, pending_names


def backup_path(path: Path) -> Path:
    """Where the original of a file being upgraded is kept: ``NAME.workshop.bak``."""
    return path.with_name(path.name + ".bak")


def upgrade_in_place(connection: sqlite3.Connection, path: Path) -> None:
    """Apply every pending migration to ``path`` over ``connection`` (read-write, outside
    a transaction), all in one transaction; nothing happens to a file that is current."""
    if not pending_names(connection):
        return
    with explained(path.name):
        # The write lock first: a second process opening the file now waits here, then
        # finds nothing left to do.
        connection.execute("BEGIN IMMEDIATE")
    backup: Path | None = None
    try:
        if not pending_names(connection):
            connection.execute("COMMIT")
            return
        backup = _write_backup(path)
        from sqlite_utils import Database

        migrations().apply(Database(connection))
        connection.execute("COMMIT")
    except Exception as error:
        with contextlib.suppress(sqlite3.Error):
            if connection.in_transaction:
                connection.execute("ROLLBACK")
        raise _not_upgraded(path.name, error, backup) from error
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            if connection.in_transaction:
                connection.execute("ROLLBACK")
        raise
    with contextlib.suppress(OSError):
        backup.unlink()
        fsync_folder(path.parent)


def _write_backup(path: Path) -> Path:
    """A complete, synced copy of the file as last committed, put in place whole.

    It is read over a connection of its own: the upgrading connection holds the write
    lock, so the copy is exactly what the upgrade starts from."""
    backup = backup_path(path)
    temporary = path.with_name(f".{backup.name}.{os.getpid()}.new")
    try:
        source = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
        try:
            target = sqlite3.connect(str(temporary), isolation_level=None)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        fsync_file(temporary)
        os.replace(temporary, backup)
        fsync_folder(path.parent)
    finally:
        for leftover in [temporary, *sidecars(temporary)]:
            with contextlib.suppress(OSError):  # gone already, or not ours to remove
                leftover.unlink()
    return backup


def _not_upgraded(name: str, error: Exception, backup: Path | None) -> WorkshopError:
    full = _is_disk_full(error)
    detail: Param = (
        Message("reason.disk_full") if full else (str(error) or type(error).__name__).rstrip(".")
    )
    if backup is None:
        message = Message("error.not_upgraded", {"name": name, "detail": detail})
    else:
        params = {"name": name, "detail": detail, "backup": backup.name}
        message = Message("error.not_upgraded_kept", params)
    return DiskFullError(message) if full else FileProblem(message)


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, DiskFullError):
        return True
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return isinstance(error, sqlite3.OperationalError) and "full" in str(error).lower()


class UpgradedCopy:
    """An older file read through a copy in memory, brought up to this version's schema.

    The file is only read (SQLite's backup over the read-only ``source``); the copy is
    made again when the file's ``PRAGMA data_version`` shows that someone committed."""

    def __init__(self, source: sqlite3.Connection) -> None:
        self._source = source
        self._memory: sqlite3.Connection | None = None
        self._version = 0
        self.current()

    def current(self) -> sqlite3.Connection:
        """The copy, made again first if the file changed since it was made."""
        # Read before copying: a commit during the copy makes the next call copy again.
        version = int(self._source.execute("PRAGMA data_version").fetchone()[0])
        if self._memory is not None and version == self._version:
            return self._memory
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            self._source.backup(memory)
            from sqlite_utils import Database

            migrations().apply(Database(memory))
        except BaseException:
            memory.close()
            raise
        if self._memory is not None:
            self._memory.close()
        self._memory, self._version = memory, version
        return memory

    def close(self) -> None:
        if self._memory is not None:
            self._memory.close()
            self._memory = None
