"""Checking the access token in a phone's request (see :mod:`workshopdesk.core.share_link`)."""

from __future__ import annotations

import hmac


def same_token(given: str, expected: str) -> bool:
    """Constant-time comparison, so response times say nothing about the token."""
    return hmac.compare_digest(given.encode("ascii", "replace"), expected.encode("ascii"))
