"""The editing lock beside a workshop: who holds it, what it says, and that it goes away."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workshopdesk.store.lock import EditLock, lock_path


def test_the_lock_says_which_process_holds_it_and_goes_when_released(tmp_path: Path) -> None:
    workshop = tmp_path / "x.workshop"
    lock = EditLock(workshop)
    assert lock.path == tmp_path / "x.workshop.lock" == lock_path(workshop)
    previous = os.umask(0o022)
    try:
        assert lock.acquire() and lock.held
    finally:
        os.umask(previous)
    assert lock.path.read_text() == f"{os.getpid()}\n"
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o644
    assert lock.acquire(), "asking again while holding it is fine"
    lock.release()
    assert not lock.held and not lock.path.exists()
    lock.release()


def test_another_holder_is_noticed_without_taking_the_lock(tmp_path: Path) -> None:
    workshop = tmp_path / "x.workshop"
    first, second = EditLock(workshop), EditLock(workshop)
    assert not second.is_held_elsewhere(), "no lock file at all"
    assert first.acquire()
    assert not first.is_held_elsewhere(), "its own holder"
    assert second.is_held_elsewhere()
    assert not second.acquire() and not second.held
    first.release()
    assert not second.is_held_elsewhere()
    assert not lock_path(workshop).exists(), "looking leaves nothing behind"


def test_a_lock_file_left_behind_by_a_crash_is_not_held(tmp_path: Path) -> None:
    workshop = tmp_path / "x.workshop"
    lock_path(workshop).write_text("12345\n")
    lock = EditLock(workshop)
    assert not lock.is_held_elsewhere()
    assert lock.acquire()
    assert lock.path.read_text() == f"{os.getpid()}\n"
    lock.release()


def test_a_lock_file_removed_just_as_it_was_taken_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holder before us let go and removed the file while we waited to lock it: our
    lock would be on a file nobody can find, so the lock is taken again on a new one that
    the next window does find."""
    from workshopdesk.store import lock as module

    workshop = tmp_path / "x.workshop"
    real = module._try_lock
    raced: list[int] = []

    def losing_the_race(fd: int) -> bool:
        taken = real(fd)
        if not raced:
            raced.append(fd)
            lock_path(workshop).unlink()  # the previous holder's release, just now
        return taken

    monkeypatch.setattr(module, "_try_lock", losing_the_race)
    first = EditLock(workshop)
    assert first.acquire()
    assert lock_path(workshop).read_text() == f"{os.getpid()}\n"
    assert EditLock(workshop).is_held_elsewhere(), "the next window finds it held"
    first.release()
