"""Writing a command's result: to stdout, or whole to a file (never half-written)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workshopdesk.core.errors import DiskFullError, FileProblem
from workshopdesk.core.messages import Message
from workshopdesk.store.errors import reason
from workshopdesk.text.ui import _


def write_output(data: str | bytes, target: str | None, *, binary: bool = False) -> None:
    """Write ``data`` to ``target``; ``None`` or ``-`` is stdout (text formats only)."""
    if target in (None, "-"):
        if binary:
            raise FileProblem(_("This format is binary: give a file with -o."))
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    write_file(Path(target), data.encode("utf-8") if isinstance(data, str) else data)


def write_file(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise FileProblem(Message("error.is_a_folder", {"path": str(path)}))
    if not path.parent.is_dir():
        raise FileProblem(Message("error.no_such_folder", {"path": str(path.parent)}))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        if error.errno == 28:
            raise DiskFullError(
                _("The disk is full: {name} was not written.").format(name=path.name)
            ) from None
        raise FileProblem(
            Message("error.cannot_write", {"name": str(path), "reason": reason(error)})
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
