"""Asserting what a facilitator reads: an error rendered in the English catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from workshopdesk.text import error_text


@contextmanager
def raises_saying(
    kind: type[BaseException] | tuple[type[BaseException], ...], pattern: str
) -> Iterator[pytest.ExceptionInfo[BaseException]]:
    """Like ``pytest.raises(kind, match=pattern)``, matched against the words shown."""
    with pytest.raises(kind) as caught:
        yield caught
    words = error_text(caught.value)
    assert re.search(pattern, words), f"{pattern!r} not in {words!r}"
