"""How often one phone (or one address) may write: a bucket of tokens per key that
refills at a steady rate. A phone that sends faster than a person could is told to wait
(429 with a sentence); everyone else is never slowed."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rate:
    burst: int
    """Requests allowed at once."""
    per_minute: float
    """Requests allowed per minute after the burst."""


JOIN = Rate(burst=10, per_minute=20)
"""Joins per address (a phone joins once; a few retries and renames)."""
IDEA = Rate(burst=10, per_minute=20)
"""Ideas per phone: faster than anyone types is a script."""
DOT = Rate(burst=30, per_minute=120)
"""Dot moves per phone: toggling fast while deciding is fine."""
DONE = Rate(burst=5, per_minute=20)
CARD = Rate(burst=5, per_minute=10)
"""Contact cards per phone: a card and a few corrections."""


class Quota:
    def __init__(self, clock: Callable[[], float] = time.monotonic, max_keys: int = 20_000) -> None:
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: OrderedDict[tuple[str, str], tuple[float, float]] = OrderedDict()

    def allow(self, kind: str, key: str, rate: Rate) -> bool:
        """Spend one token of ``key``'s bucket for ``kind``; False when it is empty."""
        now = self._clock()
        tokens, last = self._buckets.pop((kind, key), (float(rate.burst), now))
        tokens = min(float(rate.burst), tokens + (now - last) * rate.per_minute / 60.0)
        allowed = tokens >= 1.0
        self._buckets[(kind, key)] = (tokens - 1.0 if allowed else tokens, now)
        while len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
        return allowed
