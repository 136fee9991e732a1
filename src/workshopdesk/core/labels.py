"""The English text of every undo label, keyed by message id.

Views translate the template (the message id is its translation context key) and fill
in the parameters themselves; the core only needs the English text.
"""

from __future__ import annotations

from collections.abc import Mapping

LABELS: dict[str, str] = {
    "edit_workshop": "Edit the workshop details",
    "add_team": "Add team '{name}'",
    "edit_team": "Edit team '{name}'",
    "delete_team": "Delete team '{name}'",
    "move_team": "Reorder team '{name}'",
    "add_attendee": "Add attendee '{name}'",
    "edit_attendee": "Edit attendee '{name}'",
    "delete_attendee": "Delete attendee '{name}'",
    "add_column": "Add column '{name}'",
    "rename_column": "Rename column '{old}' to '{name}'",
    "move_column": "Move column '{name}'",
    "set_done_column": "Make '{name}' the done column",
    "delete_column": "Delete column '{name}'",
    "add_problem": "Add problem '{title}'",
    "edit_problem": "Edit problem '{title}'",
    "move_problem": "Move '{title}' to {column}",
    "reorder_problem": "Reorder '{title}'",
    "delete_problem": "Delete problem '{title}'",
    "add_solution": "Add a solution to '{title}'",
    "edit_solution": "Edit a solution to '{title}'",
    "delete_solution": "Delete a solution to '{title}'",
    "vote_solution": "Vote for a solution to '{title}'",
    "add_follow_up": "Add a follow-up to '{title}'",
    "edit_follow_up": "Edit a follow-up to '{title}'",
    "delete_follow_up": "Delete a follow-up to '{title}'",
    "import_rows": "Import {count} {what}",
    "join": "{name} joined",
    "send_idea": "{name} sent an idea for '{title}'",
    "approve_idea": "Put idea {number} on the wall",
    "merge_idea": "Merge idea {number} into a solution",
    "reject_idea": "Not use idea {number}",
    "start_round": "Start a {kind} round",
    "reveal_round": "Reveal everyone's ideas",
    "stop_round": "End the {kind} round",
    "dot": "{name} placed a dot",
    "undot": "{name} took a dot back",
    "finished": "{name} is done",
    "block_phone": "Pause {name}'s phone",
    "end_sessions": "End every phone's session (a new link)",
}


def label_text(msgid: str, params: Mapping[str, str]) -> str:
    template = LABELS.get(msgid, msgid)
    try:
        return template.format_map(dict(params))
    except (KeyError, IndexError, ValueError):
        return template
