"""The access token in the join URL: 128 random bits, base32, upper-case, no padding."""

from __future__ import annotations

import base64
import hmac
import re
import secrets

TOKEN_BYTES = 16
"""128 random bits: 26 base32 characters."""

_SHAPE = re.compile(r"[A-Z2-7]{26,64}")


def new_token() -> str:
    raw = base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode("ascii")
    return raw.rstrip("=")


def looks_like_token(text: str) -> bool:
    return _SHAPE.fullmatch(text) is not None


def same_token(given: str, expected: str) -> bool:
    """Constant-time comparison, so response times say nothing about the token."""
    return hmac.compare_digest(given.encode("ascii", "replace"), expected.encode("ascii"))
