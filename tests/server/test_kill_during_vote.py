"""A killed server loses no dot it answered: ``workshopdesk serve`` is killed (SIGKILL) in
the middle of a vote burst, and every dot a phone got a 2xx for is in the file after."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from workshopdesk.server.participate import device_id
from workshopdesk.store.workshop_file import Mode, WorkshopFile

from .serve_process import Served

pytestmark = pytest.mark.slow

PHONES = 60


async def request(
    port: int, base: str, index: int, path: str, body: object, cookie: str = ""
) -> tuple[int, str]:
    """One POST from phone ``index`` (its own loopback address); returns the status (0 when
    the server died first) and the cookie it set."""
    try:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, local_addr=(f"127.0.1.{1 + index}", 0)
        )
    except OSError:
        return 0, ""
    data = json.dumps(body).encode()
    head = (
        f"POST {base}/{path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Origin: http://127.0.0.1:{port}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
        + (f"Cookie: WD_PHONE={cookie}\r\n" if cookie else "")
        + "\r\n"
    )
    try:
        writer.write(head.encode() + data)
        await writer.drain()
        raw = await reader.read()
    except OSError:
        return 0, ""
    finally:
        writer.close()
    if not raw.startswith(b"HTTP/1.1 "):
        return 0, ""
    found = re.search(rb"WD_PHONE=([A-Z2-7]{26})", raw)
    return int(raw.split(b" ", 2)[1]), found.group(1).decode() if found else cookie


def test_every_answered_dot_survives_a_kill(demo_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "workshopdesk", "round", str(demo_path), "start", "vote"],
        check=True,
        capture_output=True,
    )
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        solutions = [s.id for s in file.load().solutions.values() if s.status != "rejected"]
    answered: list[tuple[str, str]] = []  # (device id, solution id) answered 200
    with Served(demo_path, "--host", "127.0.0.1", "--port", "0") as served:
        base = f"/J/{served.token}"

        async def burst() -> None:
            cookies = await asyncio.gather(
                *(request(served.port, base, i, "JOIN", {}) for i in range(PHONES))
            )
            killed = asyncio.Event()

            async def vote(index: int, cookie: str) -> None:
                for solution in random.sample(solutions, 3):
                    if killed.is_set():
                        return
                    status, _ = await request(
                        served.port, base, index, "DOTS", {"solution": solution, "on": True}, cookie
                    )
                    if status == 200:
                        answered.append((device_id(cookie), solution))

            async def kill() -> None:
                while len(answered) < PHONES:  # in the middle of the burst
                    await asyncio.sleep(0.005)
                served.process.send_signal(signal.SIGKILL)
                killed.set()

            await asyncio.gather(kill(), *(vote(i, c) for i, (_, c) in enumerate(cookies)))

        asyncio.run(burst())
        with contextlib.suppress(subprocess.TimeoutExpired):
            served.process.wait(10)
        assert served.process.returncode == -signal.SIGKILL
    with WorkshopFile.open(demo_path, Mode.WRITE) as file:  # as the next serve opens it
        dots = {(d.device_id, d.solution_id) for d in file.load().dots.values()}
    assert PHONES <= len(answered) < PHONES * 3, "the server was killed in the middle"
    missing = [pair for pair in answered if pair not in dots]
    assert missing == [], f"{len(missing)} of {len(answered)} answered dots were lost"
