"""The editing lock: an OS lock on the sidecar file ``PATH.lock``.

One window edits a workshop at a time; a second window opens it read-only. The lock is
never taken on the database file itself, which would break SQLite's own locks. The OS
releases it when the process dies, so a crash never leaves a workshop locked.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class EditLock:
    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; return whether this process holds it now."""
        if self._fd is not None:
            return True
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                return False
            # The holder before us may have removed the file while we waited to lock it:
            # then our lock is on a file nobody else can find. Start over.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                with contextlib.suppress(OSError):  # who holds it: a courtesy (full disk)
                    os.ftruncate(fd, 0)
                    os.write(fd, f"{os.getpid()}\n".encode())
                self._fd = fd
                return True
            os.close(fd)

    def is_held_elsewhere(self) -> bool:
        """Whether another process holds the lock (without keeping it)."""
        if self._fd is not None:
            return False
        if not self.path.exists():
            return False
        if self.acquire():
            self.release()
            return False
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink()
        except OSError:
            pass  # gone already, or Windows cannot remove a file still open: harmless
        finally:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
