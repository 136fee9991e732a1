"""The board as phones see it, kept current, and the phones listening for changes.

The hub has no file of its own: it starts from a copy of the open workshop and follows
the one writer's news (:class:`~workshopdesk.app.events.Applied`), applying each change to
its copy — another program's commits included, which the writer finds and passes on.
For each change it builds the view once, serialises it once, and hands the same bytes
to every listening phone. Only the problems a change touched are built again. Each phone
keeps only the newest board it has not yet received, so a slow phone never makes the
laptop queue up stale boards.

Everything here runs on the server's event loop; :meth:`BoardHub.apply` is called there.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass

from workshopdesk.app.events import Action, Applied, State
from workshopdesk.core.workshop import Workshop
from workshopdesk.server.memory import RELEASE_AFTER, RELEASE_DELAY, give_back_memory
from workshopdesk.server.view import BoardBuilder, View, now_ms
from workshopdesk.server.words import Speak, workshop_language

log = logging.getLogger(__name__)

COALESCE = 0.025
"""Seconds: in a burst of changes, phones get at most one board per this interval (each
with every change so far); after a quiet moment a change goes out at once."""
HEARTBEAT = 4.0
"""Seconds between keep-alive messages to every phone (they carry the server's clock,
so timers on phones stay right, and let a phone notice a feed that went quiet: the page
says "Reconnecting…" after two missed, see ``SILENCE`` in ``web/phone.js``)."""


def clock_event(now: int) -> bytes:
    return b"event: now\ndata: %d\n\n" % now


def feed_revision(revision: int, settings_revision: int) -> int:
    """What phones call the revision: it moves with every change they can see (an edit
    of the board, or the timer), and never goes back."""
    return revision + settings_revision


@dataclass(frozen=True, slots=True)
class Snapshot:
    revision: int
    view: View
    json: bytes
    event: bytes
    """The Server-Sent Event carrying this board, shared by every phone."""


def snapshot_of(view: View, data: bytes | None = None) -> Snapshot:
    """The snapshot of ``view`` (``data``: its JSON, when already made)."""
    if data is None:
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
    def __init__(self, state: State, speak: Speak = workshop_language) -> None:
        """``speak``: the language of the board's dates (the workshop's own unless said)."""
        self._speak = speak
        self.listeners: set[Listener] = set()
        self._per_address: dict[str, int] = {}
        self.phone_count = 0
        self._peak = 0
        """The most feeds open at once since memory was last given back."""
        self._builder = BoardBuilder(state.workshop, speak)
        self._settings: Mapping[str, str] = dict(state.settings)
        self._revision = state.revision
        self._settings_revision = state.settings_revision
        self._snapshot = self._build()
        self._tasks: list[asyncio.Task[None]] = []
        self.heartbeat = HEARTBEAT
        self.coalesce = COALESCE
        self._flush: asyncio.TimerHandle | None = None
        self._last_flush = 0.0

    # -- life -----------------------------------------------------------------------------
    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._tasks = [loop.create_task(self._heartbeat())]

    async def close(self) -> None:
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        self.disconnect_all()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []

    # -- the board ------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        """The board now: a board held back for a burst goes out first, so a page or a
        feed that starts now never shows less than the file holds."""
        if self._flush is not None:
            self._flush.cancel()
            self.flush()
        return self._snapshot

    @property
    def workshop(self) -> Workshop:
        """The hub's own copy of the workshop, current with every change it followed
        (read it on the server's loop only)."""
        return self._builder.workshop

    @property
    def settings(self) -> Mapping[str, str]:
        return self._settings

    def apply(self, event: Applied) -> None:
        """Follow one change of the writer's and tell every phone."""
        if event.action is Action.RELOADED:
            assert event.workshop is not None
            self._builder = BoardBuilder(event.workshop, self._speak)
        elif event.step is not None:
            self._builder.apply(event.step.changes)
        if event.settings is not None:
            self._settings = event.settings
        self._revision = event.revision
        self._settings_revision = event.settings_revision
        if self._flush is not None:
            return  # a board goes out shortly, with this change in it
        wait = self._last_flush + self.coalesce - time.monotonic()
        if wait <= 0:
            self.flush()  # the first change after a quiet moment goes out at once
        else:
            # a burst (a vote, an idea rush): one board for all its changes of the moment
            self._flush = asyncio.get_running_loop().call_later(wait, self.flush)

    def flush(self) -> None:
        """Send the board as it is now to every phone (if it changed)."""
        self._flush = None
        self._last_flush = time.monotonic()
        snapshot = self._build()
        if snapshot.revision == self._snapshot.revision:
            return
        self._snapshot = snapshot
        for listener in self.listeners:
            listener.offer(snapshot.event)

    def _build(self) -> Snapshot:
        revision = feed_revision(self._revision, self._settings_revision)
        view, data = self._builder.view(self._settings, revision)
        return snapshot_of(view, data)

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat)
            event = clock_event(now_ms())
            for listener in self.listeners:
                listener.nudge(event)

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
        self._peak = max(self._peak, len(self.listeners))
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
        if self._peak >= RELEASE_AFTER and len(self.listeners) <= self._peak // 4:
            # Most of a crowd has left: give their memory back to the system soon.
            self._peak = len(self.listeners)
            asyncio.get_running_loop().call_later(RELEASE_DELAY, give_back_memory)

    def listening_from(self, address: str) -> int:
        return self._per_address.get(address, 0)

    def phones(self) -> int:
        """Phones connected: distinct addresses with the live page open (safe to read
        from another thread)."""
        return self.phone_count

    def disconnect_all(self) -> None:
        for listener in list(self.listeners):
            listener.close()
