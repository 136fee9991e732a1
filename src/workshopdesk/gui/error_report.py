"""Our own bugs in the window: the traceback goes to the log, the facilitator reads one
sentence, and the window keeps running.

``run_window`` installs one :class:`ErrorReporter` for the main window. It catches what
Qt's slots and the phone server's thread let escape (``sys.excepthook`` and
``threading.excepthook``). One message box at a time: errors while it is open are only
logged, so a failing timer cannot bury the window under dialogs.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from workshopdesk.text.ui import N_, _

SENTENCE = N_("Something went wrong in WorkshopDesk. Your workshop is saved.")


def message(log: str | None) -> str:
    """What the facilitator reads: where the details are, when the log could be written."""
    if log is None:
        return _(SENTENCE)
    return _(SENTENCE) + " " + _("The details are in {log}.").format(log=log)


class ErrorReporter(QObject):
    _report = Signal(str)  # from any thread; the box opens in the window's thread

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        self._previous: tuple[object, object] | None = None
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self,
        exc_type: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal that started us
            sys.__excepthook__(exc_type, error, traceback)
            return
        self._record(error.with_traceback(traceback), "the window")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a background thread"
        self._record(args.exc_value.with_traceback(args.exc_traceback), f"the thread {name}")

    def _record(self, error: BaseException, where: str) -> None:
        from workshopdesk.crash_log import record_error  # loads logging only now

        log = record_error(error, where)
        with contextlib.suppress(RuntimeError):  # the window is already gone: the log has it
            self._report.emit(message(None if log is None else str(log)))

    def _show(self, text: str) -> None:
        if self.box is not None:
            return  # one at a time: this error is in the log
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "WorkshopDesk",
            text,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("unexpectedError")
        box.finished.connect(lambda _: self._closed(box))
        self.box = box
        box.open()

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
        box.deleteLater()
