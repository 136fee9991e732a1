"""Giving memory back to the system after a crowd of phones has left.

A thousand live feeds take tens of megabytes (each connection's buffers and the boards
queued for it). Python reuses that memory for the next crowd, but it does not hand it back
to the system by itself; after a break, when most phones have gone, the laptop should not
keep it. On Linux (glibc) ``malloc_trim`` returns the freed heap; elsewhere a collection
is all there is to do.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import cache

RELEASE_AFTER = 200
"""Feeds open at the peak before a drop is worth giving memory back for."""
RELEASE_DELAY = 1.0
"""Seconds after the drop, so the connections' last buffers are gone too."""


@cache
def _trim() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc (e.g. musl): nothing to trim
        return None


def give_back_memory() -> None:
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)  # type: ignore[operator]
