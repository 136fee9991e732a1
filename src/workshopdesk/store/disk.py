"""Making what was written reach the disk: files and the folder entries that name them."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sidecars(path: Path) -> list[Path]:
    """SQLite's files beside a database: its write-ahead log, shared memory and journal."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
