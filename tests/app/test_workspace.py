"""The one writer: commands with their origin, one undo history, subscribers, settings,
and other programs' commits — against a real workshop file on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshopdesk.app import sharing
from workshopdesk.app.commands import ChangeSettings, Edit, EditAll, Redo, Undo
from workshopdesk.app.events import Action, Applied
from workshopdesk.app.origin import FACILITATOR, OUTSIDE, Source, imported, phone
from workshopdesk.app.timer import set_timer, timer_of
from workshopdesk.app.workspace import Workspace
from workshopdesk.core import operations as ops
from workshopdesk.core.changes import Label
from workshopdesk.core.errors import ConflictError, ReadOnlyError, ValidationError
from workshopdesk.core.session import Session, StaleUndo
from workshopdesk.core.timer import TimerState
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text import error_text


def from_file(path: Path) -> tuple[int, int, dict[str, str], set[str]]:
    """What another program reads: revisions, settings and problem titles."""
    with WorkshopFile.open(path, Mode.READ) as file:
        titles = {p.title for p in file.load().problems.values()}
        return file.revision(), file.settings_revision(), file.settings(), titles


def first_column(workspace: Workspace) -> str:
    return workspace.workshop.ordered_columns()[0].id


def test_an_edit_is_committed_applied_and_published_with_its_origin(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    column = first_column(workspace)
    before = workspace.revision
    step = workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Invoices in euros")))
    assert step is not None and step.label.msgid == "add_problem"
    assert workspace.revision == before + 1
    assert [(e.origin, e.action, e.revision, e.step) for e in heard] == [
        (FACILITATOR, Action.DONE, before + 1, step)
    ]
    revision, _, _, titles = from_file(demo_path)
    assert revision == before + 1 and "Invoices in euros" in titles
    assert workspace.undo_label() == Label("add_problem", {"title": "Invoices in euros"})


def test_only_the_facilitators_steps_go_into_undo(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    column = first_column(workspace)
    solution = sorted(workspace.workshop.solutions)[0]
    votes = workspace.workshop.solutions[solution].votes
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Mine")))
    workspace.submit(Edit(lambda ws: ops.vote_solution(ws, solution, 1)), phone("dev-1", "Ann"))
    workspace.submit(
        EditAll(
            Label("import_problems", {"count": 1}),
            [lambda ws: ops.add_problem(ws, column, "Imported")],
        ),
        imported("crm.csv"),
    )
    assert [e.origin.source for e in heard] == [Source.FACILITATOR, Source.PHONE, Source.IMPORT]
    assert heard[1].origin.device == "dev-1" and heard[1].origin.name == "Ann"
    assert workspace.workshop.solutions[solution].votes == votes + 1
    # Undo takes back the facilitator's own step, never the phone's vote or the import.
    assert workspace.undo_label() == Label("add_problem", {"title": "Mine"})
    undone = workspace.submit(Undo())
    assert undone is not None and heard[-1].action is Action.UNDONE
    titles = {p.title for p in workspace.workshop.problems.values()}
    assert "Mine" not in titles and "Imported" in titles
    assert workspace.workshop.solutions[solution].votes == votes + 1
    assert not workspace.history.can_undo
    assert workspace.submit(Redo()) is not None and heard[-1].action is Action.REDONE
    _, _, _, on_disk = from_file(demo_path)
    assert {"Mine", "Imported"} <= on_disk


def test_a_phone_cannot_undo_the_facilitators_steps(workspace: Workspace) -> None:
    column = first_column(workspace)
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Kept")))
    with pytest.raises(ReadOnlyError):
        workspace.submit(Undo(), phone("dev-2"))
    assert workspace.history.can_undo
    assert "Kept" in {p.title for p in workspace.workshop.problems.values()}


def test_undo_of_something_a_phone_changed_since_is_refused_and_dropped(
    workspace: Workspace,
) -> None:
    solution = sorted(workspace.workshop.solutions)[0]
    workspace.submit(Edit(lambda ws: ops.vote_solution(ws, solution, 1)))
    workspace.submit(Edit(lambda ws: ops.vote_solution(ws, solution, 1)), phone("dev-3"))
    votes = workspace.workshop.solutions[solution].votes
    with pytest.raises(StaleUndo):
        workspace.submit(Undo())
    assert workspace.workshop.solutions[solution].votes == votes, "the phone's vote stays"
    assert not workspace.history.can_undo


def test_a_refused_command_changes_nothing_and_tells_nobody(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    column = first_column(workspace)
    before = from_file(demo_path)
    with pytest.raises(ValidationError):
        workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "")))
    assert heard == [] and from_file(demo_path) == before
    assert not workspace.history.can_undo


def test_settings_are_not_board_edits(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    revision = workspace.revision
    settings_revision = workspace.settings_revision
    running = TimerState().set_minutes(10)
    set_timer(workspace, running)
    assert workspace.revision == revision, "the board's revision stays"
    assert workspace.settings_revision == settings_revision + 1
    assert not workspace.history.can_undo
    assert [e.action for e in heard] == [Action.SETTINGS]
    assert heard[0].step is None and heard[0].workshop is None
    assert heard[0].settings is not None and timer_of(heard[0].settings) == running
    file_revision, file_settings_revision, settings, _ = from_file(demo_path)
    assert (file_revision, file_settings_revision) == (revision, settings_revision + 1)
    assert timer_of(settings) == running
    # The same values again write nothing and tell nobody.
    set_timer(workspace, running)
    assert workspace.settings_revision == settings_revision + 1 and len(heard) == 1
    workspace.submit(ChangeSettings({"timer.state": None}))
    assert "timer.state" not in workspace.settings


def test_the_share_link_is_made_once_kept_and_renewed(
    workspace: Workspace, demo_path: Path
) -> None:
    assert sharing.saved_link(workspace) is None  # opening writes nothing
    link, kept = sharing.share_link(workspace)
    assert kept and sharing.share_link(workspace) == (link, True)
    sharing.save_link(workspace, type(link)(link.token, "127.0.0.1", 8123))
    renewed = sharing.renew_link(workspace)
    assert renewed.token != link.token and (renewed.host, renewed.port) == ("127.0.0.1", 8123)
    assert from_file(demo_path)[2]["share.token"] == renewed.token


def test_a_read_only_workspace_refuses_and_shares_a_passing_link(demo_path: Path) -> None:
    with (
        Workspace.open(demo_path, Mode.EDIT) as first,
        Workspace.open(demo_path, Mode.EDIT) as second,
    ):
        assert not first.read_only and second.read_only and second.locked_elsewhere
        column = first_column(second)
        with pytest.raises(ReadOnlyError):
            second.submit(Edit(lambda ws: ops.add_problem(ws, column, "Nope")))
        link, kept = sharing.share_link(second)
        assert not kept and sharing.saved_link(second) is None
        assert link.token


def test_another_programs_commit_is_found_and_published_as_a_reload(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    assert workspace.check_outside() is False
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        session = Session(other)
        session.do(ops.add_problem(session.workshop, first_column(workspace), "From the CRM"))
        board_revision = other.revision()
    assert workspace.check_outside() is True
    assert workspace.revision == board_revision
    assert len(heard) == 1
    event = heard[0]
    assert (event.origin, event.action, event.revision) == (
        OUTSIDE,
        Action.RELOADED,
        board_revision,
    )
    assert event.workshop is not None and event.workshop is not workspace.workshop
    assert "From the CRM" in {p.title for p in event.workshop.problems.values()}
    assert workspace.check_outside() is False and len(heard) == 1


def test_another_programs_settings_arrive_without_a_reload(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    board = workspace.workshop
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        other.set_settings({"share.port": "8999"})
    assert workspace.check_outside() is True
    assert [e.action for e in heard] == [Action.SETTINGS]
    assert workspace.setting("share.port") == "8999"
    assert workspace.workshop is board, "the workshop was not read again"


def test_a_commit_just_before_ours_is_caught_up_with(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    column = first_column(workspace)
    theirs = sorted(workspace.workshop.problems)[0]
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        session = Session(other)
        session.do(ops.edit_problem(session.workshop, theirs, title="Theirs"))
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Ours")))
    titles = {p.title for p in workspace.workshop.problems.values()}
    assert {"Theirs", "Ours"} <= titles
    assert heard[-1].action is Action.RELOADED
    assert heard[-1].workshop is not None
    assert {"Theirs", "Ours"} <= {p.title for p in heard[-1].workshop.problems.values()}
    assert workspace.undo_label() == Label("add_problem", {"title": "Ours"})


def test_two_new_problems_with_one_number_is_a_conflict_and_a_reload(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    column = first_column(workspace)
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:
        session = Session(other)
        session.do(ops.add_problem(session.workshop, column, "Theirs"))
    with pytest.raises(ConflictError):
        workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Ours")))
    assert [e.action for e in heard] == [Action.RELOADED]
    assert "Theirs" in {p.title for p in workspace.workshop.problems.values()}
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Ours")))
    assert "Ours" in {p.title for p in workspace.workshop.problems.values()}


def test_a_failing_subscriber_does_not_stop_the_others(
    workspace: Workspace, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: Applied) -> None:
        raise RuntimeError("a view's bug")

    later: list[Applied] = []
    workspace.subscribe(broken)
    unsubscribe = workspace.subscribe(later.append)
    column = first_column(workspace)
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Still saved")))
    assert len(later) == 1
    assert "A view failed to take a change" in caplog.text
    unsubscribe()
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Unheard")))
    assert len(later) == 1


def test_the_state_is_a_private_copy(workspace: Workspace) -> None:
    state = workspace.state()
    column = first_column(workspace)
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "After the copy")))
    assert "After the copy" not in {p.title for p in state.workshop.problems.values()}
    assert state.revision == workspace.revision - 1


def test_what_phones_bring_is_kept_in_the_file(workspace: Workspace, demo_path: Path) -> None:
    device = "00000000-0000-4000-8000-00000000a001"
    now = "2027-02-11T10:00:00+01:00"
    problem = workspace.workshop.ordered_problems()[-1].id
    as_phone = phone(device, "Ann")
    workspace.submit(Edit(lambda ws: ops.join(ws, device, now, name="Ann")), as_phone)
    workspace.submit(Edit(lambda ws: ops.start_round(ws, "vote", now)))
    workspace.submit(Edit(lambda ws: ops.send_idea(ws, device, problem, "Idea", now)), as_phone)
    solution = workspace.workshop.solutions_of(problem)[0].id
    workspace.submit(Edit(lambda ws: ops.set_dot(ws, device, solution, True)), as_phone)
    workspace.submit(Edit(lambda ws: ops.mark_finished(ws, device)), as_phone)
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        read = reader.load()
    for kind in ("device", "idea", "round", "dot", "finished"):
        assert read.collection(kind) == workspace.workshop.collection(kind), kind
        assert len(read.collection(kind)) == 1, kind


def test_every_change_is_in_the_activity_log_with_its_origin(
    workspace: Workspace, demo_path: Path
) -> None:
    column = first_column(workspace)
    solution = sorted(workspace.workshop.solutions)[0]
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Logged")))
    workspace.submit(Edit(lambda ws: ops.vote_solution(ws, solution, 1)), phone("d-1", "Ann"))
    workspace.submit(Edit(lambda ws: ops.vote_solution(ws, solution, 1)), phone("d-2"))
    workspace.submit(
        EditAll(
            Label("import_problems", {"count": 1}),
            [lambda ws: ops.add_problem(ws, column, "From a sheet")],
        ),
        imported("crm.csv"),
    )
    workspace.submit(Undo())
    workspace.submit(Redo())
    workspace.submit(Undo())
    set_timer(workspace, TimerState().set_minutes(5))  # settings are not activity
    with pytest.raises(ValidationError):
        workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "")))  # nor refusals
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        log = reader.activity()
    assert [(e.source, e.label.msgid, e.device_id, e.name) for e in reversed(log)] == [
        ("facilitator", "add_problem", None, None),
        ("phone", "vote_solution", "d-1", "Ann"),
        ("phone", "vote_solution", "d-2", None),
        ("import", "import_problems", None, "crm.csv"),
        ("facilitator", "undo:add_problem", None, None),
        ("facilitator", "redo:add_problem", None, None),
        ("facilitator", "undo:add_problem", None, None),
    ]
    assert log[-1].label.params == {"title": "Logged"}
    assert all(
        e.at.startswith("20") and ("+" in e.at or "Z" in e.at or "-" in e.at[10:]) for e in log
    )
    assert workspace.activity(2) == log[:2]


def test_a_new_link_ends_every_phones_session_and_is_not_undone(workspace: Workspace) -> None:
    from workshopdesk.core.participation import joined

    now = "2027-02-11T10:00:00+01:00"
    device = "00000000-0000-4000-8000-00000000a001"
    workspace.submit(Edit(lambda ws: ops.join(ws, device, now, name="Ann")), phone(device))
    sharing.share_link(workspace)
    assert [d.id for d in joined(workspace.workshop)] == [device]
    sharing.renew_link(workspace)
    assert joined(workspace.workshop) == [] and device in workspace.workshop.devices
    assert not workspace.history.can_undo
    workspace.submit(Edit(lambda ws: ops.join(ws, device, now, name="Ann")), phone(device))
    assert [d.id for d in joined(workspace.workshop)] == [device]


def test_the_file_is_watched_often_while_busy_and_less_when_quiet(workspace: Workspace) -> None:
    import time

    from workshopdesk.app import workspace as module

    column = first_column(workspace)
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Busy")))
    assert workspace.watch_interval() == module.WATCH_INTERVAL
    workspace._last_change = time.monotonic() - module.BUSY_SECONDS - 1
    assert workspace.watch_interval() == module.QUIET_INTERVAL
    assert module.QUIET_INTERVAL + 0.03 < 0.1, "a lone commit still reaches views in 100 ms"


def test_undo_of_something_a_phone_now_refers_to_is_refused_not_stuck(
    workspace: Workspace, demo_path: Path
) -> None:
    """The facilitator starts a vote, a phone places a dot, Ctrl+Z: the round cannot go
    (the dot refers to it). Undo says so once and gives up that side of the history,
    instead of failing the same way at every press."""
    now = "2027-02-11T10:00:00+01:00"
    device = "00000000-0000-4000-8000-00000000a001"
    column = first_column(workspace)
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Older step")))
    workspace.submit(Edit(lambda ws: ops.join(ws, device, now)), phone(device))
    workspace.submit(Edit(lambda ws: ops.start_round(ws, "vote", now)))
    solution = next(s.id for s in workspace.workshop.solutions.values() if s.status != "rejected")
    workspace.submit(Edit(lambda ws: ops.set_dot(ws, device, solution, True)), phone(device))
    with pytest.raises(StaleUndo) as refused:
        workspace.submit(Undo())
    assert error_text(refused.value) == (
        "Cannot undo or redo 'Start a vote round': it was changed elsewhere."
    )
    assert not workspace.history.can_undo
    assert len(workspace.workshop.rounds) == 1 and len(workspace.workshop.dots) == 1
    with WorkshopFile.open(demo_path, Mode.READ) as reader:
        stored = reader.load()
    assert len(stored.rounds) == 1 and len(stored.dots) == 1
    workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Still editable")))
    assert workspace.undo_label() is not None


def test_settings_another_program_wrote_just_before_ours_are_not_missed(
    workspace: Workspace, heard: list[Applied], demo_path: Path
) -> None:
    with WorkshopFile.open(demo_path, Mode.WRITE) as other:  # its timer, not yet seen here
        other.set_settings({"timer.remaining_ms": "30000"})
    workspace.submit(ChangeSettings({"share.port": "8123"}))
    assert workspace.setting("timer.remaining_ms") == "30000"
    assert heard[-1].settings is not None and heard[-1].settings["timer.remaining_ms"] == "30000"
    assert workspace.check_outside() is False, "nothing left to catch up with"
