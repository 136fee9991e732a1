"""Keep the laptop and the projector awake while the room is looking at the wall.

Uses what the platform offers — on Linux the desktop's screensaver service over D-Bus
(``org.freedesktop.ScreenSaver.Inhibit``), on Windows ``SetThreadExecutionState``, on
macOS a ``caffeinate`` process tied to ours — and quietly does nothing where none of
them is available: a screensaver is an annoyance, never a reason to fail.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys

from workshopdesk.text.ui import _

APP_NAME = "WorkshopDesk"

# Windows execution states.
_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"
_DBUS_TIMEOUT_MS = 1000


class ScreenAwake:
    """One hold on the screen staying on; :meth:`release` (or deleting it) lets go."""

    def __init__(self, reason: str | None = None) -> None:
        self.reason = reason or _("The workshop wall is on the projector")
        self.method = ""
        """How the hold is kept ("dbus", "windows", "caffeinate"), "" when not held."""
        self._cookie: int | None = None
        self._connection = ""
        self._caffeinate: subprocess.Popen[bytes] | None = None

    @property
    def held(self) -> bool:
        return bool(self.method)

    def hold(self) -> bool:
        """Ask the platform to keep the screen on; return whether it agreed."""
        if self.held:
            return True
        try:
            if sys.platform == "win32":
                self._hold_windows()
            elif sys.platform == "darwin":
                self._hold_macos()
            else:
                self._hold_dbus()
        except Exception:  # never worth failing the wall for
            self.method = ""
        return self.held

    def release(self) -> None:
        method, self.method = self.method, ""
        with contextlib.suppress(Exception):
            if method == "windows":
                import ctypes

                ctypes.windll.kernel32.SetThreadExecutionState(_ES_CONTINUOUS)  # type: ignore[attr-defined]
            elif method == "caffeinate" and self._caffeinate is not None:
                self._caffeinate.terminate()
                self._caffeinate.wait(timeout=2)
            elif method == "dbus" and self._connection:
                from PySide6.QtDBus import QDBusConnection

                QDBusConnection.disconnectFromBus(self._connection)
        self._cookie = None
        self._connection = ""
        self._caffeinate = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()

    # -- platforms --------------------------------------------------------------------
    def _hold_windows(self) -> None:
        import ctypes

        flags = _ES_CONTINUOUS | _ES_SYSTEM_REQUIRED | _ES_DISPLAY_REQUIRED
        if ctypes.windll.kernel32.SetThreadExecutionState(flags):  # type: ignore[attr-defined]
            self.method = "windows"

    def _hold_macos(self) -> None:
        # -d display, -i idle sleep; -w: ends by itself when this process does.
        self._caffeinate = subprocess.Popen(
            ["caffeinate", "-d", "-i", "-w", str(os.getpid())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.method = "caffeinate"

    def _hold_dbus(self) -> None:
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            return  # no desktop session bus (and Qt would only warn trying to find one)
        from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

        # A connection of our own: the screensaver drops an inhibition when the
        # connection that asked for it goes away, so closing it is the release (no
        # UnInhibit, whose uint32 cookie Python cannot type precisely).
        name = f"workshopdesk-awake-{id(self)}"
        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        if not bus.isConnected():
            QDBusConnection.disconnectFromBus(name)
            return
        message = QDBusMessage.createMethodCall(_SERVICE, _PATH, _SERVICE, "Inhibit")
        message.setArguments([APP_NAME, self.reason])
        reply = bus.call(message, QDBus.CallMode.Block, _DBUS_TIMEOUT_MS)
        arguments = list(reply.arguments())
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not arguments:
            QDBusConnection.disconnectFromBus(name)
            return
        self._cookie = int(arguments[0]) if isinstance(arguments[0], int) else 0
        self._connection = name
        self.method = "dbus"

    @property
    def connection_name(self) -> str:
        """The private D-Bus connection holding the inhibition ("" when none)."""
        return self._connection
