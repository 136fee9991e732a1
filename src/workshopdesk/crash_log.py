"""The log of unexpected errors: what the window and the command line write when our code
fails, so the traceback is kept for whoever looks into it while the user reads one sentence.

The file is ``workshopdesk.log`` in the user's data folder, rotated at about 1 MB with a few
older files kept. Callers import this module only when an error happens, so ``logging``
costs nothing at start-up. Writing the log never raises: when the folder cannot be written,
the traceback goes to stderr (when there is one) and :func:`record_error` returns ``None``.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from workshopdesk import __version__
from workshopdesk.text.ui import _
from workshopdesk.userdata import data_dir

LOG_NAME = "workshopdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_logger = logging.getLogger("workshopdesk.errors")
_logger.propagate = False  # never into a root logger someone else set up
_logger.setLevel(logging.ERROR)
_lock = threading.Lock()

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_path() -> Path:
    return data_dir() / LOG_NAME


def record_error(error: BaseException, where: str) -> Path | None:
    """Write ``error`` and its traceback to the log, saying it happened in ``where``; the
    log's path, or ``None`` when the log could not be written (stderr got the traceback)."""
    exc_info: ExcInfo = (type(error), error, error.__traceback__)
    message = (
        f"WorkshopDesk {__version__} ({sys.platform}, Python {sys.version.split()[0]}): "
        f"unexpected error in {where}"
    )
    try:
        with _lock:
            path = log_path()
            handler = _handler(path)
            if handler is not None:
                handler.failed = False
                _logger.error(message, exc_info=exc_info)
                if not handler.failed:
                    return path
    except Exception:  # the log must never be the next failure
        pass
    _to_stderr(message, exc_info)
    return None


class _LogFile(RotatingFileHandler):
    """The rotating log file; a failed write is noted instead of printed."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        self.path = path
        self.failed = False
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True


def _handler(path: Path) -> _LogFile | None:
    for handler in _logger.handlers:
        if isinstance(handler, _LogFile) and handler.path == path:
            return handler
    for handler in list(_logger.handlers):  # the data folder is another one now
        _logger.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(path)
    except OSError:
        return None
    _logger.addHandler(handler)
    return handler


def went_wrong(kind: str, log: Path | None, *, in_server: bool = False) -> str:
    """The one line the command line prints about an unexpected error of kind ``kind`` (its
    class name), in the interface's language, with where the log is when it was written."""
    if in_server:
        if log is None:
            return _("something went wrong in the phone server ({kind})").format(kind=kind)
        return _(
            "something went wrong in the phone server ({kind}); the details are in {log}"
        ).format(kind=kind, log=log)
    if log is None:
        return _("something went wrong ({kind})").format(kind=kind)
    return _("something went wrong ({kind}); the details are in {log}").format(kind=kind, log=log)


def _to_stderr(message: str, exc_info: ExcInfo) -> None:
    if sys.stderr is None:  # a windowed app started from the desktop has no stderr
        return
    try:
        print(message, file=sys.stderr)
        traceback.print_exception(*exc_info, file=sys.stderr)
    except Exception:
        pass
