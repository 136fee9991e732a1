"""``workshopdesk serve``: the headless server's command-line contract, as real processes."""

from __future__ import annotations

import os
import pty
import select
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest

from workshopdesk import cli
from workshopdesk.core.share_link import ShareSettings
from workshopdesk.store.workshop_file import Mode, WorkshopFile

from .serve_process import Served


def fetch(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_the_join_url_first_and_stops_on_a_signal(demo_path: Path, sig: int) -> None:
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        assert served.first_line.startswith("Join: HTTP://127.0.0.1:")
        assert fetch(served.url) == 200
        assert fetch(served.url.lower() + "/p/3") == 200
        code, seconds = served.stop(sig)
    assert code == 0
    assert seconds < 2.0
    assert "Traceback" not in served.stderr


def test_serve_stops_within_two_seconds_with_phones_connected(demo_path: Path) -> None:
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        feeds = [urllib.request.urlopen(served.url + "/EVENTS", timeout=10) for _ in range(5)]
        for feed in feeds:
            assert feed.readline() == b"retry: 2000\n"
        code, seconds = served.stop(signal.SIGINT)
        for feed in feeds:
            feed.close()
    assert code == 0 and seconds < 2.0


def test_the_link_survives_a_restart_and_stays_out_of_the_export(demo_path: Path) -> None:
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as first:
        url = first.url
        first.stop()
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        saved = ShareSettings.from_settings(file.settings())
    assert saved is not None
    assert (saved.token, saved.host, saved.port) == (first.token, "127.0.0.1", first.port)
    with Served(demo_path, "--host", "127.0.0.1") as second:  # the saved port again
        assert second.url == url
        second.stop()
    exported = subprocess.run(
        [sys.executable, "-m", "workshopdesk", "export", str(demo_path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert exported.returncode == 0
    assert first.token not in exported.stdout
    assert "share.token" not in exported.stdout


def test_a_taken_saved_port_falls_back_to_a_free_one(demo_path: Path) -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen(1)
    taken = blocker.getsockname()[1]
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:
        file.set_settings({"share.port": str(taken)})
    try:
        with Served(demo_path, "--host", "127.0.0.1") as served:
            assert served.port != taken
            assert fetch(served.url) == 200
            served.stop()
    finally:
        blocker.close()


def test_a_taken_explicit_port_is_a_clear_error(demo_path: Path) -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen(1)
    try:
        port = blocker.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "workshopdesk",
                "serve",
                str(demo_path),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        blocker.close()
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"workshopdesk: Port {port} is in use by another program; choose another port."
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--host", "my-laptop"], "--host needs an IP address"),
        (["--port", "70000"], "a port is a number"),
        (["--port", "abc"], "a port is a number"),
    ],
)
def test_bad_arguments_exit_2(demo_path: Path, args: list[str], words: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshopdesk", "serve", str(demo_path), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_an_address_this_computer_does_not_have_is_a_clear_error(demo_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshopdesk", "serve", str(demo_path), "--host", "203.0.113.77"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "no network address 203.0.113.77" in result.stderr


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workshopdesk",
            "serve",
            str(tmp_path / "nope.workshop"),
            "--host",
            "127.0.0.1",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_network_says_how_to_serve_on_this_computer_only(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback_only = {
        name: entries
        for name, entries in psutil.net_if_addrs().items()
        if all(e.family != socket.AF_INET or e.address.startswith("127.") for e in entries)
    }
    monkeypatch.setattr(psutil, "net_if_addrs", lambda: loopback_only)
    assert cli.main(["serve", str(demo_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "workshopdesk: No network found; use --host 127.0.0.1"


def test_on_a_terminal_the_qr_code_follows(demo_path: Path) -> None:
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workshopdesk",
            "serve",
            str(demo_path),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ],
        stdout=follower,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    output = b""
    try:
        while b"Ctrl+C" not in output:
            ready, _, _ = select.select([leader], [], [], 20)
            assert ready, output
            output += os.read(leader, 65536)
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == 0
        os.close(leader)
        assert process.stderr is not None
        process.stderr.close()
    text = output.decode()
    assert text.startswith("Join: HTTP://127.0.0.1:")
    assert "\u2588" in text and "\u2580" in text


def test_serve_has_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshopdesk", "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "usage: workshopdesk serve" in result.stdout
    assert "--host ADDRESS" in result.stdout and "--port N" in result.stdout


def test_the_server_raises_its_open_file_limit_for_a_busy_room() -> None:
    import resource

    from workshopdesk.server.service import OPEN_FILES_WANTED, allow_many_connections

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
        allow_many_connections()
        raised, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        infinite = hard == resource.RLIM_INFINITY
        assert raised == (OPEN_FILES_WANTED if infinite else min(OPEN_FILES_WANTED, hard))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
