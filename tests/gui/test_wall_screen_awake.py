"""While the wall is up the screens stay awake: on Linux through the desktop's screensaver
service on the session bus. Tested against a real (private) bus with a stand-in service."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshopdesk.gui.screen_awake import ScreenAwake

SRC = str(Path(__file__).resolve().parents[2] / "src")

SERVICE = textwrap.dedent(
    """
    from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    @ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
    class Saver(QObject):
        @Slot(str, str, result="uint")
        def Inhibit(self, app, reason):
            print("Inhibit", app, "/", reason, flush=True)
            return 42

    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    saver = Saver()
    bus.registerObject(
        "/org/freedesktop/ScreenSaver", saver, QDBusConnection.RegisterOption.ExportAllSlots
    )
    bus.registerService("org.freedesktop.ScreenSaver")
    print("ready", flush=True)
    app.exec()
    """
)

CLIENT = textwrap.dedent(
    """
    import time
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection
    from workshopdesk.gui.screen_awake import ScreenAwake

    app = QCoreApplication([])
    awake = ScreenAwake()
    held = awake.hold()
    own = QDBusConnection(awake.connection_name).baseService() if held else ""
    bus = QDBusConnection.sessionBus().interface()
    before = bool(own) and bus.isServiceRegistered(own).value()
    awake.release()
    for _ in range(50):  # the bus notices the closed connection a moment later
        if not bus.isServiceRegistered(own).value():
            break
        time.sleep(0.02)
    after = bool(own) and bus.isServiceRegistered(own).value()
    print(held, before, after, awake.held)
    """
)


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private session bus; the environment for processes that should use it."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (scripts/setup.sh installs it)")
    bus = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert address, "the bus did not start"
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, PYTHONPATH=SRC)
        env.pop("QT_QPA_PLATFORM", None)
        yield env
    finally:
        bus.terminate()
        bus.wait(timeout=10)


def run_client(env: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", CLIENT], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_screensaver_is_held_off_and_let_go(session_bus: dict[str, str]) -> None:
    service = subprocess.Popen(
        [sys.executable, "-c", SERVICE],
        env=session_bus,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert service.stdout is not None
        assert service.stdout.readline().strip() == "ready"
        # held; its connection was on the bus; gone after the release; not held any more
        assert run_client(session_bus) == ["True", "True", "False", "False"]
        line = service.stdout.readline().strip()
        assert line == "Inhibit WorkshopDesk / The workshop wall is on the projector"
    finally:
        service.terminate()
        service.wait(timeout=10)


def test_without_a_screensaver_service_it_quietly_does_nothing(
    session_bus: dict[str, str],
) -> None:
    assert run_client(session_bus) == ["False", "False", "False", "False"]


def test_without_a_session_bus_it_quietly_does_nothing(
    monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    awake = ScreenAwake()
    assert awake.hold() is False
    assert not awake.held
    awake.release()
