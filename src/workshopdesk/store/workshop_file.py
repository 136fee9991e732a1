"""One workshop, one SQLite file: open, create, load, write changes and settings, read the
activity log, copy, close.

A file opens for reading, for short writes, or for editing (:class:`Mode`); editing takes
the file's editing lock, and falls back to read-only while another window holds it.
Every edit of the board is one short transaction (with its entry in the activity log,
when it has one) that bumps the board's revision; settings (timer, share link) bump a
revision of their own. Other connections (the window, the phone server) notice a commit
cheaply with :meth:`WorkshopFile.changed`, which asks SQLite's data version and reads no
table. A new file or a copy is written beside its destination and put in place only
when complete.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.changes import Change, Label
from workshopdesk.core.entities import WorkshopInfo
from workshopdesk.core.errors import ConflictError, FileProblem, ReadOnlyError
from workshopdesk.core.messages import Message
from workshopdesk.core.workshop import Workshop
from workshopdesk.store.disk import fsync_file as _fsync_file
from workshopdesk.store.disk import fsync_folder as _fsync_folder
from workshopdesk.store.disk import sidecars as _sidecars
from workshopdesk.store.errors import CHANGED_ELSEWHERE, explained, reason
from workshopdesk.store.lock import EditLock, lock_path
from workshopdesk.store.preflight import check_file, read_only_uri
from workshopdesk.store.rows import mappings
from workshopdesk.store.schema import APPLICATION_ID, migrations, pending_names, version_of
from workshopdesk.store.upgrade import UpgradedCopy, upgrade_in_place

if TYPE_CHECKING:
    from sqlite_utils import Database

SUFFIX = ".workshop"
BOARD_REVISION = 1
"""The row of the ``revision`` table counting edits of the board."""
SETTINGS_REVISION = 2
"""The row counting settings writes (timer, share link)."""
BUSY_TIMEOUT_MS = 5000


class Mode(Enum):
    READ = "read"
    """A read-only connection: the phone server's view, exports."""
    WRITE = "write"
    """Short write transactions without the editing lock: the CLI, the phone server."""
    EDIT = "edit"
    """The window: takes the editing lock, or falls back to read-only when another holds it."""


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        connection = sqlite3.connect(
            read_only_uri(path), uri=True, isolation_level=None, check_same_thread=False
        )
    else:
        connection = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


class WorkshopFile:
    """An open workshop file. Not thread-safe: one per thread."""

    def __init__(
        self, path: Path, connection: sqlite3.Connection, *, read_only: bool, lock: EditLock | None
    ) -> None:
        self.path = path
        self.name = path.name
        self.read_only = read_only
        self.locked_elsewhere = False
        self._connection = connection
        self._lock = lock
        self._mappings = mappings()
        self._data_version = self._pragma_int("data_version")
        self._copy: UpgradedCopy | None = None
        """A read-only file of an earlier schema is read through an upgraded copy."""

    @functools.cached_property
    def db(self) -> Database:
        """The sqlite-utils view of the connection (loaded on the first write)."""
        from sqlite_utils import Database

        return Database(self._connection)

    # -- opening and creating ---------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, mode: Mode = Mode.WRITE) -> WorkshopFile:
        """Open a workshop. A file of an earlier schema is upgraded once when opened to
        write (see :mod:`workshopdesk.store.upgrade`); opened read-only, it is never
        written, only read through an upgraded copy in memory."""
        path = Path(path)
        check_file(path)
        lock: EditLock | None = None
        read_only = mode is Mode.READ
        locked_elsewhere = False
        try:
            with explained(path.name):
                if mode is Mode.EDIT:
                    lock = EditLock(path)
                    if not lock.acquire():
                        lock, read_only, locked_elsewhere = None, True, True
                connection = _connect(path, read_only=read_only)
                try:
                    opened = cls._opened(path, connection, read_only=read_only, lock=lock)
                except BaseException:
                    connection.close()
                    raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        opened.locked_elsewhere = locked_elsewhere
        return opened

    @classmethod
    def _opened(
        cls, path: Path, connection: sqlite3.Connection, *, read_only: bool, lock: EditLock | None
    ) -> WorkshopFile:
        if not read_only:
            upgrade_in_place(connection, path)
        opened = cls(path, connection, read_only=read_only, lock=lock)
        if read_only and pending_names(connection):
            opened._copy = UpgradedCopy(connection)
        return opened

    @classmethod
    def create(cls, path: Path | str, workshop: Workshop, *, force: bool = False) -> None:
        """Write ``workshop`` as a new file at ``path``, all at once: the file appears only
        when complete. An existing file is replaced only with ``force`` and never while
        a window has it open."""
        path = Path(path)
        if path.exists() and not force:
            raise FileProblem(Message("error.file_exists", {"path": str(path)}))
        if path.is_dir():
            raise FileProblem(Message("error.is_a_folder", {"path": str(path)}))
        if not path.parent.is_dir():
            raise FileProblem(Message("error.no_such_folder", {"path": str(path.parent)}))
        temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
        lock = _hold_for_replacing(path)
        try:
            with explained(path.name):
                connection = _connect(temporary, read_only=False)
                try:
                    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    from sqlite_utils import Database

                    db = Database(connection)
                    migrations().apply(db)
                    rows = mappings()
                    with db.atomic():
                        for entity in workshop.entities():
                            mapping = rows[entity.kind]
                            connection.execute(mapping.insert, mapping.values(entity))
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    connection.close()
                _put_in_place(temporary, path)
        finally:
            lock.release()
            for leftover in [temporary, *_sidecars(temporary)]:
                leftover.unlink(missing_ok=True)

    # -- reading ------------------------------------------------------------------------
    def load(self) -> Workshop:
        """The whole workshop, read in one consistent snapshot."""
        with explained(self.name):
            connection = self._reading()
        with explained(self.name), self._read_transaction(connection):
            info_mapping = self._mappings[WorkshopInfo.kind]
            kinds = [m for m in self._mappings.values() if m is not info_mapping]
            info_rows = connection.execute(info_mapping.select).fetchall()
            if len(info_rows) != 1:
                raise FileProblem(Message("error.no_workshop_in_file", {"name": self.name}))
            info = info_mapping.entity(info_rows[0])
            workshop = Workshop(info)  # type: ignore[arg-type]
            for mapping in kinds:  # parents before children
                rows = connection.execute(mapping.select).fetchall()
                workshop._put_many(mapping.cls.kind, map(mapping.entity, rows))
            return workshop

    def revision(self) -> int:
        """The board's revision: every committed edit of the workshop bumps it."""
        return self._counter(BOARD_REVISION)

    def settings_revision(self) -> int:
        """The settings' own revision (timer, share link): bumped by every settings write,
        so views notice them without taking them for an edit of the board."""
        return self._counter(SETTINGS_REVISION)

    def _counter(self, row_id: int) -> int:
        with explained(self.name):
            row = (
                self._reading()
                .execute("SELECT value FROM revision WHERE id = ?", (row_id,))
                .fetchone()
            )
        return int(row[0]) if row else 0

    def changed(self) -> bool:
        """Whether another connection committed since the last call (cheap: no table read)."""
        with explained(self.name):
            version = self._pragma_int("data_version")
        if version == self._data_version:
            return False
        self._data_version = version
        return True

    def look_again(self) -> None:
        """Make the next :meth:`changed` say yes (what changed could not be read yet)."""
        self._data_version = -1

    def schema_version(self) -> int:
        """The file's schema version: how many of this version's migrations it has had
        (read from the file itself, also when it is read through an upgraded copy)."""
        with explained(self.name):
            return version_of(self._connection)

    def settings(self) -> dict[str, str]:
        with explained(self.name):
            rows = self._reading().execute("SELECT key, value FROM settings").fetchall()
        return {str(key): str(value) for key, value in rows}

    def setting(self, key: str) -> str | None:
        with explained(self.name):
            row = (
                self._reading()
                .execute("SELECT value FROM settings WHERE key = ?", (key,))
                .fetchone()
            )
        return None if row is None else str(row[0])

    # -- writing ------------------------------------------------------------------------
    def write(self, changes: Sequence[Change], note: ActivityEntry | None = None) -> int:
        """Write ``changes`` (and ``note`` in the activity log) in one transaction and
        return the new revision.

        Each change's ``before`` must be what the file holds now; otherwise nothing is
        written and :class:`ConflictError` says that something changed elsewhere."""
        with self._write_transaction():
            for change in changes:
                self._write_change(change)
            if note is not None:
                self._connection.execute(
                    "INSERT INTO activity (at, source, device_id, name, msgid, params) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        note.at,
                        note.source,
                        note.device_id,
                        note.name,
                        note.label.msgid,
                        json.dumps(dict(note.label.params), ensure_ascii=False),
                    ),
                )
            return self._bump()

    def activity(self, limit: int | None = 500) -> list[ActivityEntry]:
        """The newest entries of the activity log, newest first (``None``: all of them)."""
        with explained(self.name):
            rows = (
                self._reading()
                .execute(
                    "SELECT at, source, device_id, name, msgid, params FROM activity "
                    "ORDER BY id DESC LIMIT ?",
                    (-1 if limit is None else limit,),
                )
                .fetchall()
            )
        return [
            ActivityEntry(at, source, Label(msgid, _params(params)), device_id, name)
            for at, source, device_id, name, msgid, params in rows
        ]

    def set_settings(self, values: Mapping[str, str | None]) -> int:
        """Store settings (share token, timer...) and return the new settings revision.

        Not undoable, and not an edit of the board: the board's revision stays."""
        with self._write_transaction():
            for key, value in values.items():
                if value is None:
                    self._connection.execute("DELETE FROM settings WHERE key = ?", (key,))
                else:
                    self._connection.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )
            return self._bump(SETTINGS_REVISION)

    def _write_change(self, change: Change) -> None:
        mapping = self._mappings[change.kind]
        current = self._connection.execute(mapping.select_one, (change.id,)).fetchone()
        expected = None if change.before is None else mapping.values(change.before)
        if (tuple(current) if current is not None else None) != expected:
            raise ConflictError(CHANGED_ELSEWHERE)
        if change.after is None:
            self._connection.execute(mapping.delete, (change.id,))
        elif change.before is None:
            self._connection.execute(mapping.insert, mapping.values(change.after))
        else:
            self._connection.execute(mapping.update, mapping.update_values(change.after))

    def _bump(self, row_id: int = BOARD_REVISION) -> int:
        # A file from before settings had a revision of their own has no row for it yet.
        row = self._connection.execute(
            "INSERT INTO revision (id, value) VALUES (?, 1) "
            "ON CONFLICT(id) DO UPDATE SET value = value + 1 RETURNING value",
            (row_id,),
        ).fetchone()
        return int(row[0])

    # -- files --------------------------------------------------------------------------
    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file, so a copy made by a file manager is whole."""
        if self.read_only:
            return
        with explained(self.name):
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def copy_to(self, destination: Path | str, *, without: Iterable[str] = ()) -> None:
        """A complete, consistent copy of the workshop at ``destination`` (replaced whole),
        leaving out the settings named in ``without`` (e.g. the phones' link)."""
        destination = Path(destination)
        if destination.resolve() == self.path.resolve():
            raise FileProblem(Message("error.copy_onto_itself"))
        temporary = destination.with_name(f".{destination.name}.{os.getpid()}.copy")
        temporary.unlink(missing_ok=True)
        lock = _hold_for_replacing(destination)
        try:
            with explained(destination.name):
                self._connection.execute("VACUUM INTO ?", (str(temporary),))
                dropped = tuple(without)
                if dropped:
                    copy = sqlite3.connect(str(temporary), isolation_level=None)
                    try:
                        copy.execute("PRAGMA secure_delete = ON")  # no trace in free pages
                        marks = ", ".join("?" for _ in dropped)
                        copy.execute(f"DELETE FROM settings WHERE key IN ({marks})", dropped)
                    finally:
                        copy.close()
                _fsync_file(temporary)  # VACUUM INTO does not sync what it writes
                _put_in_place(temporary, destination)
        finally:
            lock.release()
            temporary.unlink(missing_ok=True)

    def close(self) -> None:
        try:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if self._copy is not None:
                self._copy.close()
            self._connection.close()
            if self.read_only:
                _tidy_sidecars(self.path)
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> WorkshopFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ----------------------------------------------------------------------
    def _pragma_int(self, name: str) -> int:
        return int(self._connection.execute(f"PRAGMA {name}").fetchone()[0])

    def _reading(self) -> sqlite3.Connection:
        """The connection to read the workshop from: the file's own, or its upgraded copy."""
        return self._connection if self._copy is None else self._copy.current()

    @contextlib.contextmanager
    def _read_transaction(self, connection: sqlite3.Connection) -> Iterator[None]:
        connection.execute("BEGIN")
        try:
            yield
        finally:
            connection.execute("COMMIT")

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[None]:
        if self.read_only:
            if self.locked_elsewhere:
                raise ReadOnlyError(Message("error.open_read_only_elsewhere", {"name": self.name}))
            raise ReadOnlyError(Message("error.open_read_only", {"name": self.name}))
        with explained(self.name):
            # BEGIN IMMEDIATE takes the write lock up front, so a writer in another process
            # waits (busy timeout) instead of failing half-way; db.atomic() nests inside.
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                with self.db.atomic():
                    yield
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise
            try:
                self._connection.execute("COMMIT")
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise
        # (A connection's own commits never change its data version, so the next
        # changed() still sees any other process's commit from before this one.)


def _params(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _tidy_sidecars(path: Path) -> None:
    """A read-only connection cannot remove the empty -wal and -shm files it made; when no
    one else is writing (the log is empty), a brief read-write connection's close does."""
    wal = path.with_name(path.name + "-wal")
    try:
        if not wal.exists() or wal.stat().st_size != 0:
            return
        connection = sqlite3.connect(str(path), isolation_level=None)
        try:
            connection.execute("PRAGMA schema_version").fetchone()
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        pass  # a read-only folder or disk: the sidecars stay, harmless


def _hold_for_replacing(path: Path) -> EditLock:
    """The editing lock of a file about to be replaced whole, held until it is: no window
    opens the old file in the meantime. Refused while a window has it open."""
    lock = EditLock(path)
    try:
        taken = lock.acquire()
    except OSError as error:
        raise FileProblem(
            Message("error.cannot_write_beside", {"name": path.name, "reason": reason(error)})
        ) from None
    if not taken:
        raise FileProblem(Message("error.open_elsewhere", {"name": path.name}))
    return lock


def _put_in_place(temporary: Path, path: Path) -> None:
    """Replace ``path`` whole with the finished ``temporary`` file: the old file's log and
    shared memory go first (they would not match the new file), and the rename is synced."""
    for stale in _sidecars(path):
        stale.unlink(missing_ok=True)
    os.replace(temporary, path)
    _fsync_folder(path.parent)


__all__ = ["SUFFIX", "Mode", "WorkshopFile", "lock_path"]
