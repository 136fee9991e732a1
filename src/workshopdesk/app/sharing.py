"""Sharing's settings, written through the one writer: the link phones join with."""

from __future__ import annotations

from workshopdesk.app.commands import ChangeSettings, Edit
from workshopdesk.app.workspace import Workspace
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.operations.phones import end_sessions
from workshopdesk.core.share_link import ShareSettings, new_token


def saved_link(workspace: Workspace) -> ShareSettings | None:
    return ShareSettings.from_settings(workspace.settings)


def share_link(workspace: Workspace) -> tuple[ShareSettings, bool]:
    """The saved link; a new one is made (and saved) the first time. The flag says
    whether it is kept: a workshop that cannot be written gets a link that lasts until
    sharing stops."""
    saved = saved_link(workspace)
    if saved is not None:
        return saved, not workspace.read_only
    fresh = ShareSettings(new_token())
    if workspace.read_only:
        return fresh, False
    try:
        workspace.submit(ChangeSettings(fresh.to_settings()))
    except WorkshopError:
        return fresh, False
    return fresh, True


def save_link(workspace: Workspace, settings: ShareSettings) -> None:
    """Remember where sharing listens (same token, new address or port)."""
    if saved_link(workspace) != settings:
        workspace.submit(ChangeSettings(settings.to_settings()))


def renew_link(workspace: Workspace) -> ShareSettings:
    """A new token ("New link"): every old link, QR code and poster stops working, and every
    phone's session ends (its cookie belongs to the old link)."""
    saved = saved_link(workspace)
    fresh = ShareSettings(new_token(), saved.host if saved else None, saved.port if saved else None)
    workspace.submit(ChangeSettings(fresh.to_settings()))
    workspace.submit(Edit(end_sessions, undoable=False))
    return fresh
