"""The time-box timer: a state machine driven by a clock the test controls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from workshopdesk.core.timer import (
    MINUTE_MS,
    Phase,
    TimerState,
    format_clock,
    format_utc,
    parse_utc,
)

T0 = datetime(2027, 2, 11, 8, 30, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_a_new_timer_is_stopped_at_ten_minutes() -> None:
    timer = TimerState()
    assert timer.phase is Phase.STOPPED
    assert timer.remaining(T0) == 10 * MINUTE_MS
    assert not timer.finished(T0)


def test_running_counts_down_from_the_end_time() -> None:
    timer = TimerState().set_minutes(5).start(T0)
    assert timer.phase is Phase.RUNNING
    assert timer.ends_at == at(300)
    assert timer.remaining(at(60)) == 4 * MINUTE_MS
    assert timer.remaining(at(299.5)) == 500
    assert not timer.finished(at(299.5))


def test_at_zero_it_is_finished_and_never_negative() -> None:
    timer = TimerState().set_minutes(1).start(T0)
    assert timer.remaining(at(61)) == 0
    assert timer.remaining(at(3600)) == 0
    assert timer.finished(at(60))


def test_pause_keeps_what_was_left_and_resume_continues() -> None:
    timer = TimerState().set_minutes(2).start(T0).pause(at(30))
    assert timer.phase is Phase.PAUSED
    assert timer.ends_at is None
    assert timer.remaining(at(1000)) == 90_000  # time does not pass while paused
    resumed = timer.start(at(1000))
    assert resumed.ends_at == at(1090)
    assert resumed.remaining(at(1045)) == 45_000


def test_toggle_pauses_a_running_timer_and_starts_otherwise() -> None:
    timer = TimerState().set_minutes(1)
    running = timer.toggle(T0)
    assert running.running
    paused = running.toggle(at(10))
    assert paused.phase is Phase.PAUSED
    assert paused.remaining(at(10)) == 50_000


def test_reset_goes_back_to_the_set_minutes() -> None:
    timer = TimerState().set_minutes(3).start(T0).pause(at(100)).reset()
    assert timer.phase is Phase.STOPPED
    assert timer.remaining(at(500)) == 3 * MINUTE_MS


def test_plus_one_minute_while_running_moves_the_end() -> None:
    timer = TimerState().set_minutes(1).start(T0).add_minute(at(30))
    assert timer.running
    assert timer.remaining(at(30)) == 90_000
    assert timer.ends_at == at(120)


def test_plus_one_minute_after_time_is_up_runs_again() -> None:
    timer = TimerState().set_minutes(1).start(T0)
    later = timer.add_minute(at(500))
    assert later.running
    assert not later.finished(at(500))
    assert later.remaining(at(530)) == 30_000


def test_plus_one_minute_when_stopped_lengthens_the_time_box() -> None:
    timer = TimerState().set_minutes(5).add_minute(T0)
    assert timer.phase is Phase.STOPPED
    assert timer.remaining(T0) == 6 * MINUTE_MS
    assert timer.reset().remaining(T0) == 6 * MINUTE_MS


def test_starting_a_finished_timer_starts_over() -> None:
    timer = TimerState().set_minutes(1).start(T0)
    again = timer.start(at(120))
    assert again.ends_at == at(180)


def test_set_minutes_refuses_nothing() -> None:
    with pytest.raises(ValueError):
        TimerState().set_minutes(0)


def test_the_stored_form_round_trips_in_every_phase() -> None:
    stopped = TimerState().set_minutes(7)
    running = stopped.start(T0)
    paused = running.pause(at(12.345))
    for state in (stopped, running, paused):
        assert TimerState.from_settings(_present(state.to_settings())) == state


def test_the_stored_form_names_the_end_in_utc() -> None:
    settings = TimerState().set_minutes(1).start(T0).to_settings()
    assert settings == {
        "timer.state": "running",
        "timer.ends_at": "2027-02-11T08:31:00.000Z",
        "timer.remaining_ms": "60000",
        "timer.duration_ms": "60000",
    }


def test_damaged_settings_fall_back_to_something_sensible() -> None:
    assert TimerState.from_settings({}) == TimerState()
    broken = TimerState.from_settings(
        {"timer.state": "sprinting", "timer.remaining_ms": "lots", "timer.duration_ms": "-5"}
    )
    assert broken == TimerState()
    no_end = TimerState.from_settings({"timer.state": "running", "timer.remaining_ms": "5000"})
    assert no_end.phase is Phase.PAUSED
    assert no_end.remaining(T0) == 5000


def test_clock_text_rounds_up_so_zero_means_time_is_up() -> None:
    assert format_clock(600_000) == "10:00"
    assert format_clock(59_001) == "1:00"
    assert format_clock(1) == "0:01"
    assert format_clock(0) == "0:00"
    assert format_clock(3_725_000) == "1:02:05"


def test_utc_text_parses_offsets_and_rejects_naive_times() -> None:
    moment = parse_utc("2027-02-11T09:31:00+01:00")
    assert moment == datetime(2027, 2, 11, 8, 31, tzinfo=UTC)
    assert format_utc(moment) == "2027-02-11T08:31:00.000Z"
    assert parse_utc("2027-02-11T09:31:00") is None
    assert parse_utc("not a time") is None


def _present(settings: dict[str, str | None]) -> dict[str, str]:
    return {k: v for k, v in settings.items() if v is not None}


def test_the_end_is_written_and_read_in_utc_whatever_the_laptops_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        moment = datetime(2027, 2, 11, 9, 30, 0, 999_000, tzinfo=UTC)
        assert format_utc(moment) == "2027-02-11T09:30:00.999Z"
        read = parse_utc("2027-02-11T09:30:00.999Z")
        assert read is not None and read.utcoffset() == timedelta(0)
        assert format_utc(read) == "2027-02-11T09:30:00.999Z"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_more_time_while_running_is_kept_in_the_stored_form() -> None:
    running = TimerState().set_minutes(2).start(T0)
    later = running.add_minute(at(30))
    assert later.remaining_ms == 150_000 and later.to_settings()["timer.remaining_ms"] == "150000"
    assert later.ends_at == at(180)


def test_more_time_while_paused_keeps_the_set_length() -> None:
    paused = TimerState().set_minutes(10).start(T0).pause(at(30))
    more = paused.add_minute(at(40))
    assert (more.remaining_ms, more.duration_ms) == (630_000, 600_000)
    assert more.reset().remaining_ms == 600_000, "reset goes back to the set minutes"
    stopped = TimerState().set_minutes(10).add_minute(T0)
    assert (stopped.remaining_ms, stopped.duration_ms) == (660_000, 660_000)


def test_the_shortest_time_boxes_still_count() -> None:
    tiny = TimerState().set_minutes(1 / MINUTE_MS)
    assert (tiny.duration_ms, tiny.remaining_ms, tiny.ends_at) == (1, 1, None)
    with pytest.raises(ValueError, match=r"^a time-box needs at least a second$"):
        TimerState().set_minutes(0)
    read = TimerState.from_settings({"timer.duration_ms": "1", "timer.remaining_ms": "1"})
    assert (read.duration_ms, read.remaining_ms) == (1, 1)
    last_ms = TimerState(Phase.PAUSED, 600_000, 1)
    started = last_ms.start(T0)
    assert started.remaining(T0) == 1 and started.ends_at == T0 + timedelta(milliseconds=1)


def test_pausing_and_resetting_forget_the_end_and_keep_the_length() -> None:
    paused = TimerState().set_minutes(5).start(T0).pause(at(60))
    assert (paused.phase, paused.ends_at, paused.duration_ms) == (Phase.PAUSED, None, 300_000)
    reset = paused.reset()
    assert reset == TimerState(Phase.STOPPED, 300_000, 300_000)
    assert reset.ends_at is None
    assert TimerState().set_minutes(3).ends_at is None


def test_the_system_clock_tells_utc() -> None:
    from workshopdesk.core.timer import system_clock

    assert system_clock().utcoffset() == timedelta(0)
