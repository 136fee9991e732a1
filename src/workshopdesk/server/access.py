"""Who may look: the token, and the slow-down for requests without it.

A request without the valid token is a *miss*. Misses from one address are answered
more and more slowly once an address has had a few (guessing a 128-bit token is hopeless
anyway; this keeps a scanner from hammering the laptop). Requests with the valid token
are never slowed. ``sleep`` and ``clock`` are parameters so tests can check the delays
without waiting for them.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from workshopdesk.server.token import same_token

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class MissPolicy:
    free_misses: int = 10
    """Misses answered at once (a typo, a browser asking for an icon)."""
    first_delay: float = 0.25
    max_delay: float = 5.0
    forget_after: float = 600.0
    """Seconds of quiet after which an address starts afresh."""
    max_waiting: int = 4
    """Slowed misses one address may have waiting; more are refused (429) at once."""
    max_addresses: int = 4096


class _Record:
    __slots__ = ("count", "last", "waiting")

    def __init__(self, now: float) -> None:
        self.count = 0
        self.last = now
        self.waiting = 0


class Access:
    """The current token, and the misses per address."""

    def __init__(
        self,
        token: str,
        *,
        policy: MissPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.policy = policy or MissPolicy()
        self._sleep = sleep
        self._clock = clock
        self._misses: OrderedDict[str, _Record] = OrderedDict()

    def allows(self, token: str) -> bool:
        return same_token(token, self.token)

    def delay_for(self, count: int) -> float:
        """How long the ``count``-th miss in a row from one address waits."""
        over = min(count - self.policy.free_misses, 64)  # 2**64: past any max_delay
        if over <= 0:
            return 0.0
        return float(min(self.policy.max_delay, self.policy.first_delay * 2 ** (over - 1)))

    async def miss(self, address: str) -> bool:
        """Count a miss from ``address`` and wait as long as it deserves.

        Returns False when the address already has too many misses waiting (a flood):
        answer it with 429 at once."""
        now = self._clock()
        record = self._misses.get(address)
        if record is None or now - record.last > self.policy.forget_after:
            record = _Record(now)
        self._misses[address] = record
        self._misses.move_to_end(address)
        while len(self._misses) > self.policy.max_addresses:
            self._misses.popitem(last=False)
        record.count += 1
        record.last = now
        delay = self.delay_for(record.count)
        if delay <= 0:
            return True
        if record.waiting >= self.policy.max_waiting:
            return False
        record.waiting += 1
        try:
            await self._sleep(delay)
        finally:
            record.waiting -= 1
        return True

    def misses_from(self, address: str) -> int:
        record = self._misses.get(address)
        return 0 if record is None else record.count
