"""The timer kept in the workshop file: shared by every view, not an undo step."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from workshopdesk.core.session import Session
from workshopdesk.core.timer import Phase, TimerState
from workshopdesk.store.timer_settings import read_timer, write_timer
from workshopdesk.store.workshop_file import Mode, WorkshopFile

T0 = datetime(2027, 2, 11, 8, 30, tzinfo=UTC)


def test_a_file_without_a_timer_reads_as_stopped(demo_path: Path) -> None:
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        assert read_timer(file) == TimerState()


def test_the_timer_is_shared_through_the_file_and_bumps_the_revision(demo_path: Path) -> None:
    running = TimerState().set_minutes(15).start(T0)
    with WorkshopFile.open(demo_path, Mode.EDIT) as writer:
        session = Session(writer)
        before = writer.revision()
        assert write_timer(writer, running) == before + 1
        assert not session.history.can_undo
        with WorkshopFile.open(demo_path, Mode.READ) as reader:
            assert read_timer(reader) == running
            assert reader.setting("timer.ends_at") == "2027-02-11T08:45:00.000Z"
        write_timer(writer, running.pause(T0))
        with WorkshopFile.open(demo_path, Mode.READ) as reader:
            paused = read_timer(reader)
            assert paused.phase is Phase.PAUSED
            assert reader.setting("timer.ends_at") is None
