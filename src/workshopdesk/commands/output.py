"""Writing a command's result: to stdout, or whole to a file (never half-written)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workshopdesk.core.errors import DiskFullError, FileProblem


def write_output(data: str | bytes, target: str | None, *, binary: bool = False) -> None:
    """Write ``data`` to ``target``; ``None`` or ``-`` is stdout (text formats only)."""
    if target in (None, "-"):
        if binary:
            raise FileProblem("This format is binary: give a file with -o.")
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    write_file(Path(target), data.encode("utf-8") if isinstance(data, str) else data)


def write_file(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise FileProblem(f"{path} is a folder.")
    if not path.parent.is_dir():
        raise FileProblem(f"The folder {path.parent} does not exist.")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        if error.errno == 28:
            raise DiskFullError(f"The disk is full: {path.name} was not written.") from None
        raise FileProblem(f"Cannot write {path}: {error.strerror or error}.") from None
    finally:
        temporary.unlink(missing_ok=True)
