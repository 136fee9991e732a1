"""The board as phones see it, kept current, and the phones listening for changes.

The hub owns its own read-only connection to the workshop file (on the server's thread)
and polls the file's data version every ``poll_interval`` seconds, which costs no table
read while nothing changes. When the revision moves it loads the workshop once, builds
the view once, serialises it once, and hands the same bytes to every listening phone.
Each phone keeps only the newest board it has not yet received, so a slow phone never
makes the laptop queue up stale boards.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from workshopdesk.core.errors import WorkshopError
from workshopdesk.server.view import View, board_view, now_ms
from workshopdesk.store.workshop_file import Mode, WorkshopFile

log = logging.getLogger(__name__)

POLL_INTERVAL = 0.1
HEARTBEAT = 15.0
"""Seconds between keep-alive messages to every phone (they carry the server's clock,
so timers on phones stay right, and let a phone notice a feed that went quiet)."""


def clock_event(now: int) -> bytes:
    return b"event: now\ndata: %d\n\n" % now


@dataclass(frozen=True, slots=True)
class Snapshot:
    revision: int
    view: View
    json: bytes
    event: bytes
    """The Server-Sent Event carrying this board, shared by every phone."""


def snapshot_of(view: View) -> Snapshot:
    data = json.dumps(view, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    event = b"id: %d\nevent: board\ndata: " % view["revision"] + data + b"\n\n"
    return Snapshot(view["revision"], view, data, event)


class Listener:
    """One open live feed (one phone's page)."""

    __slots__ = ("address", "closed", "opened", "pending", "wake")
    _opened = itertools.count()

    def __init__(self, address: str) -> None:
        self.address = address
        self.opened = next(Listener._opened)
        """Which feed came first: feeds are numbered as they open."""
        self.pending: bytes | None = None
        self.closed = False
        self.wake = asyncio.Event()

    def offer(self, event: bytes) -> None:
        self.pending = event
        self.wake.set()

    def nudge(self, event: bytes) -> None:
        """A keep-alive: sent only when no board is waiting anyway."""
        if self.pending is None:
            self.offer(event)

    def close(self) -> None:
        self.closed = True
        self.wake.set()

    def take(self) -> bytes | None:
        event, self.pending = self.pending, None
        self.wake.clear()
        return event


class BoardHub:
    def __init__(self, path: Path, *, poll_interval: float = POLL_INTERVAL) -> None:
        self.path = path
        self.poll_interval = poll_interval
        self.listeners: set[Listener] = set()
        self._per_address: dict[str, int] = {}
        self.phone_count = 0
        self._file: WorkshopFile | None = None
        self._snapshot: Snapshot | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self.heartbeat = HEARTBEAT
        self._poke = asyncio.Event()

    # -- life -----------------------------------------------------------------------------
    async def start(self) -> None:
        """Open the file and read the board (raises WorkshopError if it cannot)."""
        self._file = WorkshopFile.open(self.path, Mode.READ)
        try:
            self._snapshot = self._read()
        except BaseException:
            self._file.close()
            self._file = None
            raise
        loop = asyncio.get_running_loop()
        self._tasks = [loop.create_task(self._watch()), loop.create_task(self._heartbeat())]

    async def close(self) -> None:
        self.disconnect_all()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        if self._file is not None:
            self._file.close()
            self._file = None

    # -- the board ------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        assert self._snapshot is not None, "the hub has not started"
        return self._snapshot

    def poke(self) -> None:
        """Look at the file now rather than at the next poll (an edit in this process)."""
        self._poke.set()

    def check(self) -> bool:
        """Reload and tell every phone if the file's revision moved; True if it did."""
        file = self._file
        if file is None or not file.changed():
            return False
        if file.revision() == self.snapshot.revision:
            return False
        self._snapshot = self._read()
        event = self._snapshot.event
        for listener in self.listeners:
            listener.offer(event)
        return True

    def _read(self) -> Snapshot:
        assert self._file is not None
        # The revision is read before the load, so a commit in between is seen next poll.
        revision = self._file.revision()
        settings = self._file.settings()
        workshop = self._file.load()
        return snapshot_of(board_view(workshop, settings, revision))

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat)
            event = clock_event(now_ms())
            for listener in self.listeners:
                listener.nudge(event)

    async def _watch(self) -> None:
        failing = False
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._poke.wait(), self.poll_interval)
            self._poke.clear()
            try:
                self.check()
                failing = False
            except WorkshopError as error:
                if not failing:
                    log.warning("Phones keep the last board: %s", error)
                failing = True

    # -- phones ---------------------------------------------------------------------------
    def listen(self, address: str, *, keep: int | None = None) -> Listener:
        """A new live feed from ``address``. With ``keep``, the address's oldest feeds are
        closed so that at most ``keep`` stay open: a phone that slept or left the Wi-Fi
        without closing its feeds is never locked out by them."""
        if keep is not None:
            mine = [other for other in self.listeners if other.address == address]
            for stale in sorted(mine, key=lambda other: other.opened)[
                : max(0, len(mine) - keep + 1)
            ]:
                stale.close()
                self.forget(stale)
        listener = Listener(address)
        self.listeners.add(listener)
        self._per_address[address] = self._per_address.get(address, 0) + 1
        self.phone_count = len(self._per_address)
        return listener

    def forget(self, listener: Listener) -> None:
        if listener not in self.listeners:
            return
        self.listeners.discard(listener)
        left = self._per_address.get(listener.address, 1) - 1
        if left > 0:
            self._per_address[listener.address] = left
        else:
            self._per_address.pop(listener.address, None)
        self.phone_count = len(self._per_address)

    def listening_from(self, address: str) -> int:
        return self._per_address.get(address, 0)

    def phones(self) -> int:
        """Phones connected: distinct addresses with the live page open (safe to read
        from another thread)."""
        return self.phone_count

    def disconnect_all(self) -> None:
        for listener in list(self.listeners):
            listener.close()
