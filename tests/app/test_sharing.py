"""Sharing's link and the timer, kept through the one writer: what the facilitator and
the phones get back, and who is said to have changed it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workshopdesk.app import sharing
from workshopdesk.app.events import Action, Applied
from workshopdesk.app.origin import FACILITATOR, phone
from workshopdesk.app.timer import set_timer, timer_of
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.share_link import ShareSettings
from workshopdesk.core.timer import TimerState
from workshopdesk.store import workshop_file
from workshopdesk.store.workshop_file import Mode, WorkshopFile


def test_the_first_link_is_saved_by_the_facilitator(
    workspace: Workspace, heard: list[Applied]
) -> None:
    link, kept = sharing.share_link(workspace)
    assert kept and sharing.saved_link(workspace) == link
    assert [(e.origin, e.action) for e in heard] == [(FACILITATOR, Action.SETTINGS)]
    assert (link.host, link.port) == (None, None)


def test_a_new_link_without_an_old_one_has_no_address_yet(
    workspace: Workspace, heard: list[Applied]
) -> None:
    renewed = sharing.renew_link(workspace)
    assert (renewed.host, renewed.port) == (None, None)
    assert sharing.saved_link(workspace) == renewed
    assert heard[0].origin == FACILITATOR and heard[0].action is Action.SETTINGS


def test_saving_the_same_address_again_writes_nothing(
    workspace: Workspace, heard: list[Applied]
) -> None:
    link, _ = sharing.share_link(workspace)
    moved = ShareSettings(link.token, "10.0.0.5", 9000)
    sharing.save_link(workspace, moved)
    assert sharing.saved_link(workspace) == moved
    assert heard[-1].origin == FACILITATOR
    count = len(heard)
    sharing.save_link(workspace, moved)
    assert len(heard) == count


def test_a_link_that_cannot_be_saved_lasts_until_sharing_stops(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workshop_file, "BUSY_TIMEOUT_MS", 50)
    with Workspace.open(demo_path, Mode.EDIT) as workspace:
        other = sqlite3.connect(demo_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another program holds the file
            link, kept = sharing.share_link(workspace)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert not workspace.read_only
        assert not kept and link.token
        assert sharing.saved_link(workspace) is None


def test_the_timer_says_who_changed_it_and_keeps_only_its_own_settings(
    workspace: Workspace, heard: list[Applied]
) -> None:
    running = TimerState().set_minutes(3)
    set_timer(workspace, running, phone("dev-1", "Ann"))
    assert heard[-1].origin == phone("dev-1", "Ann")
    set_timer(workspace, TimerState().set_minutes(4))
    assert heard[-1].origin == FACILITATOR
    assert timer_of(workspace.settings) == TimerState().set_minutes(4)
    mixed = {**workspace.settings, "timer.state": "paused", "share.port": "80"}
    assert timer_of(mixed).phase.value == "paused"
    assert timer_of({"share.port": "80", "ideas.moderation": "off"}) == TimerState()
    with WorkshopFile.open(workspace.path, Mode.READ) as reader:
        assert timer_of(reader.settings()) == TimerState().set_minutes(4)
