"""The time-box timer the room sees on the wall (and later on every phone).

A pure state machine: stopped, running or paused. While it runs it keeps the moment it
ends, in UTC, so every view that reads it (the wall, a phone that joins late) counts
down from the same instant rather than from its own idea of when it started. While it
is paused or stopped it keeps the milliseconds left.

Every method takes ``now`` (an aware UTC ``datetime``) so that tests control time; a
:data:`Clock` is anything that returns "now".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum

Clock = Callable[[], datetime]

MINUTE_MS = 60_000
DEFAULT_MINUTES = 10
MAX_MS = 24 * 60 * MINUTE_MS
"""The longest time-box: a day."""

STATE_KEY = "timer.state"
ENDS_AT_KEY = "timer.ends_at"
REMAINING_KEY = "timer.remaining_ms"
DURATION_KEY = "timer.duration_ms"
SETTING_KEYS = (STATE_KEY, ENDS_AT_KEY, REMAINING_KEY, DURATION_KEY)


def system_clock() -> datetime:
    return datetime.now(UTC)


class Phase(StrEnum):
    STOPPED = "stopped"
    RUNNING = "running"
    PAUSED = "paused"


def _clamp(ms: int) -> int:
    return max(0, min(MAX_MS, ms))


@dataclass(frozen=True, slots=True)
class TimerState:
    """One moment of the timer. Change it with the methods; each returns a new state."""

    phase: Phase = Phase.STOPPED
    duration_ms: int = DEFAULT_MINUTES * MINUTE_MS
    """What "reset" goes back to: the minutes the facilitator set."""
    remaining_ms: int = DEFAULT_MINUTES * MINUTE_MS
    """Left when paused or stopped; when running, what was left at the last start."""
    ends_at: datetime | None = None
    """When a running timer reaches zero (UTC); None unless running."""

    # -- reading --------------------------------------------------------------------------
    def remaining(self, now: datetime) -> int:
        """Milliseconds left at ``now`` (never below zero)."""
        if self.ends_at is not None:  # running
            return _clamp((self.ends_at - now) // timedelta(milliseconds=1))
        return self.remaining_ms

    def finished(self, now: datetime) -> bool:
        """Time is up: it was started and has reached zero."""
        return self.phase is not Phase.STOPPED and self.remaining(now) == 0

    @property
    def running(self) -> bool:
        return self.phase is Phase.RUNNING

    # -- changing -------------------------------------------------------------------------
    def set_minutes(self, minutes: float) -> TimerState:
        """A new time-box length; stops the timer at the new full length."""
        ms = _clamp(round(minutes * MINUTE_MS))
        if ms <= 0:
            raise ValueError("a time-box needs at least a second")
        return TimerState(Phase.STOPPED, ms, ms)

    def start(self, now: datetime) -> TimerState:
        """Start or resume. A finished timer starts again from its full length."""
        if self.phase is Phase.RUNNING and not self.finished(now):
            return self
        left = self.remaining(now)
        if left <= 0:
            left = self.duration_ms
        return TimerState(Phase.RUNNING, self.duration_ms, left, now + timedelta(milliseconds=left))

    def pause(self, now: datetime) -> TimerState:
        if self.phase is not Phase.RUNNING:
            return self
        return TimerState(Phase.PAUSED, self.duration_ms, self.remaining(now))

    def toggle(self, now: datetime) -> TimerState:
        """Pause a running timer, otherwise start it (the one-key control)."""
        if self.phase is Phase.RUNNING and not self.finished(now):
            return self.pause(now)
        return self.start(now)

    def reset(self) -> TimerState:
        return TimerState(Phase.STOPPED, self.duration_ms, self.duration_ms)

    def add_minute(self, now: datetime, minutes: int = 1) -> TimerState:
        """More time: running timers keep running (even when already at zero)."""
        extra = minutes * MINUTE_MS
        if self.phase is Phase.RUNNING:
            left = _clamp(self.remaining(now) + extra)
            return replace(self, remaining_ms=left, ends_at=now + timedelta(milliseconds=left))
        left = _clamp(self.remaining_ms + extra)
        duration = self.duration_ms if self.phase is Phase.PAUSED else max(self.duration_ms, left)
        return replace(self, remaining_ms=left, duration_ms=duration)

    # -- stored form ----------------------------------------------------------------------
    def to_settings(self) -> dict[str, str | None]:
        """The workshop file's ``timer.*`` settings (None deletes a key)."""
        return {
            STATE_KEY: self.phase.value,
            ENDS_AT_KEY: None if self.ends_at is None else format_utc(self.ends_at),
            REMAINING_KEY: str(self.remaining_ms),
            DURATION_KEY: str(self.duration_ms),
        }

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> TimerState:
        """Read the stored form; anything missing or damaged falls back to a stopped timer."""
        duration = _int_or(settings.get(DURATION_KEY), DEFAULT_MINUTES * MINUTE_MS)
        if duration <= 0:
            duration = DEFAULT_MINUTES * MINUTE_MS
        remaining = _int_or(settings.get(REMAINING_KEY), duration)
        try:
            phase = Phase(settings[STATE_KEY])
        except (KeyError, ValueError):
            phase = Phase.STOPPED
        ends_at = parse_utc(settings.get(ENDS_AT_KEY))
        if phase is Phase.RUNNING and ends_at is None:
            phase = Phase.PAUSED
        if phase is not Phase.RUNNING:
            ends_at = None
        return cls(phase, duration, remaining, ends_at)


def format_clock(ms: int) -> str:
    """``"12:05"``, or ``"1:02:05"`` past an hour; rounds up so 0:00 means time is up."""
    seconds = -(-max(0, ms) // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_utc(moment: datetime) -> str:
    """ISO-8601 in UTC with milliseconds and a ``Z``: ``2027-02-11T09:30:00.000Z``."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_utc(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UTC)


def _int_or(text: str | None, default: int) -> int:
    if text is None:
        return default
    try:
        return _clamp(int(text))
    except ValueError:
        return default
