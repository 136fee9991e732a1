"""What the one writer tells its views, value by value: each event's origin, action,
revisions and settings, and what it leaves alone."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from workshopdesk.app import workspace as module
from workshopdesk.app.commands import ChangeSettings, Edit, EditAll, Redo, Undo
from workshopdesk.app.events import Action, Applied
from workshopdesk.app.origin import FACILITATOR, OUTSIDE, phone
from workshopdesk.app.workspace import Workspace
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Label
from workshopdesk.core.errors import ConflictError, ReadOnlyError
from workshopdesk.core.session import Session
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import error_text


def column(workspace: Workspace) -> str:
    return workspace.workshop.ordered_columns()[0].id


def test_a_workspace_just_opened_is_watched_often_and_has_dropped_nothing(
    workspace: Workspace,
) -> None:
    assert workspace.watch_interval() == module.WATCH_INTERVAL
    assert workspace.dropped_undo_steps == 0


def test_quiet_starts_exactly_after_the_busy_seconds(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace._last_change = 100.0
    monkeypatch.setattr(module.time, "monotonic", lambda: 100.0 + module.BUSY_SECONDS)
    assert workspace.watch_interval() == module.QUIET_INTERVAL
    monkeypatch.setattr(module.time, "monotonic", lambda: 99.9 + module.BUSY_SECONDS)
    assert workspace.watch_interval() == module.WATCH_INTERVAL


def test_an_edit_is_told_with_both_revisions(workspace: Workspace, heard: list[Applied]) -> None:
    settings_revision = workspace.settings_revision
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column(workspace), "Told")))
    (event,) = heard
    assert (event.action, event.revision, event.settings_revision) == (
        Action.DONE,
        workspace.revision,
        settings_revision,
    )
    assert event.settings is None and event.workshop is None


def test_several_edits_by_the_facilitator_are_one_undoable_step(
    workspace: Workspace, heard: list[Applied]
) -> None:
    label = Label("import_problems", {"count": 2})
    step = workspace.submit(
        EditAll(
            label,
            [
                lambda ws: ops.add_problem(ws, column(workspace), "One"),
                lambda ws: ops.add_problem(ws, column(workspace), "Two"),
            ],
        )
    )
    assert step is not None and step.label == label
    assert workspace.undo_label() == label
    assert [(e.origin, e.action) for e in heard] == [(FACILITATOR, Action.DONE)]


def test_nothing_to_undo_or_change_tells_nobody(workspace: Workspace, heard: list[Applied]) -> None:
    assert workspace.submit(Undo()) is None
    assert workspace.submit(Redo()) is None
    some_team = workspace.workshop.ordered_teams()[0]
    unchanged = workspace.submit(Edit(lambda ws: ops.edit_team(ws, some_team.id)))
    assert unchanged is not None and unchanged.changes == ()
    assert heard == []


def test_only_the_facilitator_may_undo_in_so_many_words(workspace: Workspace) -> None:
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column(workspace), "Kept")))
    with pytest.raises(ReadOnlyError) as refused:
        workspace.submit(Redo(), phone("dev-1"))
    assert error_text(refused.value) == "Only the facilitator can undo and redo."


def test_a_settings_change_is_told_with_who_and_what(
    workspace: Workspace, heard: list[Applied]
) -> None:
    revision = workspace.revision
    before = workspace.settings_revision
    workspace.submit(ChangeSettings({"share.port": "8123"}), phone("dev-1"))
    (event,) = heard
    assert (event.origin, event.action, event.revision, event.settings_revision) == (
        phone("dev-1"),
        Action.SETTINGS,
        revision,
        before + 1,
    )
    assert event.settings == workspace.settings and event.settings["share.port"] == "8123"
    state = workspace.state()
    assert (state.settings, state.settings_revision) == (workspace.settings, before + 1)
    assert state.workshop.info == workspace.workshop.info


def test_removing_a_setting_another_program_removed_first_is_fine(
    workspace: Workspace, demo_path: Path
) -> None:
    workspace.submit(ChangeSettings({"share.port": "8123"}))
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        other.set_settings({"share.port": None})
    workspace.submit(ChangeSettings({"share.port": None, "share.host": "10.0.0.2"}))
    assert "share.port" not in workspace.settings
    assert workspace.setting("share.host") == "10.0.0.2"


def test_another_programs_settings_are_told_as_theirs(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    revision = workspace.revision
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        other.set_settings({"share.port": "8999"})
        settings_revision = other.settings_revision()
    assert workspace.check_outside() is True
    (event,) = heard
    assert (event.origin, event.action, event.revision, event.settings_revision) == (
        OUTSIDE,
        Action.SETTINGS,
        revision,
        settings_revision,
    )
    assert workspace.settings_revision == settings_revision
    assert event.settings is not None and event.settings["share.port"] == "8999"


def test_a_reload_brings_the_files_settings_and_revisions(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        other.set_settings({"share.port": "8999"})
        session = Session(other)
        session.do(ops.add_problem(session.workshop, column(workspace), "From the CRM"))
        settings_revision = other.settings_revision()
    assert workspace.check_outside() is True
    (event,) = heard
    assert (event.origin, event.action, event.settings_revision) == (
        OUTSIDE,
        Action.RELOADED,
        settings_revision,
    )
    assert workspace.settings_revision == settings_revision
    assert event.settings is not None and event.settings["share.port"] == "8999"


def test_catching_up_before_our_commit_is_told_as_ours(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        session = Session(other)
        problem = sorted(session.workshop.problems)[0]
        session.do(ops.edit_problem(session.workshop, problem, title="Theirs"))
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column(workspace), "Ours")), phone("d"))
    assert [(e.origin, e.action) for e in heard] == [(phone("d"), Action.RELOADED)]


def test_a_conflict_is_told_as_the_other_programs_reload(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        session = Session(other)
        session.do(ops.add_problem(session.workshop, column(workspace), "Theirs"))
    with pytest.raises(ConflictError):
        workspace.submit(Edit(lambda ws: ops.add_problem(ws, column(workspace), "Ours")))
    assert [(e.origin, e.action) for e in heard] == [(OUTSIDE, Action.RELOADED)]


def test_a_failing_view_is_logged_in_plain_words(
    workspace: Workspace, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: Applied) -> None:
        raise RuntimeError("a view's bug")

    workspace.subscribe(broken)
    with caplog.at_level(logging.ERROR, logger=module.__name__):
        workspace.submit(ChangeSettings({"share.port": "1"}))
    assert [r.getMessage() for r in caplog.records] == ["A view failed to take a change"]


def test_a_redo_is_in_the_activity_log(workspace: Workspace) -> None:
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column(workspace), "Again")))
    workspace.submit(Undo())
    workspace.submit(Redo())
    assert [e.label.msgid for e in workspace.activity(3)] == [
        "redo:add_problem",
        "undo:add_problem",
        "add_problem",
    ]


def test_the_activity_log_shows_the_newest_500(workspace: Workspace, demo_path: Path) -> None:
    import sqlite3

    row = "('2027-02-11T10:00:00+01:00', 'facilitator', 'edit_workshop')"
    raw = sqlite3.connect(demo_path, isolation_level=None)
    try:
        raw.execute(f"INSERT INTO activity (at, source, msgid) VALUES {', '.join([row] * 600)}")
    finally:
        raw.close()
    assert len(workspace.activity()) == 500


def test_a_copy_leaves_out_what_it_is_told_to(workspace: Workspace, tmp_path: Path) -> None:
    workspace.submit(ChangeSettings({"share.token": "A" * 26, "timer.state": "paused"}))
    copy = tmp_path / "copy.workshop"
    workspace.copy_to(copy, without=("share.token",))
    with WorkshopFile.open(copy, Mode.READ) as copied:
        assert copied.settings() == {"timer.state": "paused"}
        assert len(copied.load().problems) == len(workspace.workshop.problems)


def test_a_server_following_the_file_says_once_when_it_cannot_read_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio

    from workshopdesk.core.errors import WorkshopError

    looks = iter(["fail", "fail", "fine", "fail", "fine", "fine"])
    seen: list[str] = []

    def check_outside() -> bool:
        look = next(looks, "fine")
        seen.append(look)
        if look == "fail":
            raise WorkshopError("The network share is gone.")
        return False

    monkeypatch.setattr(workspace, "check_outside", check_outside)
    monkeypatch.setattr(workspace, "watch_interval", lambda: 0.0)

    async def follow() -> None:
        task = asyncio.create_task(module.follow_outside(workspace))
        for _ in range(10_000):
            if len(seen) >= 6 or task.done():
                break
            await asyncio.sleep(0)
        task.cancel()

    with caplog.at_level(logging.WARNING, logger=module.__name__):
        asyncio.run(follow())
    assert len(seen) >= 6, "it kept looking"
    assert [r.getMessage() for r in caplog.records] == [
        "Kept the last workshop: The network share is gone.",
        "Kept the last workshop: The network share is gone.",
    ], "once per spell of failures"


def test_a_server_told_how_often_to_look_looks_that_often(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The phone server's own interval wins over the workspace's (here an hour)."""
    import asyncio

    looked: list[int] = []

    def check_outside() -> bool:
        looked.append(1)
        return False

    monkeypatch.setattr(workspace, "check_outside", check_outside)
    monkeypatch.setattr(workspace, "watch_interval", lambda: 3600.0)

    async def follow() -> None:
        task = asyncio.create_task(module.follow_outside(workspace, 0.0))
        for _ in range(10_000):
            if len(looked) >= 3 or task.done():
                break
            await asyncio.sleep(0)
        task.cancel()

    asyncio.run(follow())
    assert len(looked) >= 3
