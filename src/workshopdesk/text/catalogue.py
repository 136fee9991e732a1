"""The English text of every message the core and the store name, keyed by message id.

A template names its parameters in braces (``{name}``, ``{limit:,}``); a message that
depends on a number has a :class:`Plural` entry, singular and plural keyed by the
parameter that counts, so a gettext catalogue (``ngettext``) can take its place. A
message whose words depend on a word the core names (a round's kind) has a
:class:`Choice` entry: a whole sentence for each value, so no English word is glued
into another language's sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

from workshopdesk.core.messages import VERBATIM


@dataclass(frozen=True, slots=True)
class Plural:
    """The singular and plural templates of a message, chosen by the parameter ``count``."""

    count: str
    one: str
    other: str

    def pick(self, params: Mapping[str, object]) -> str:
        """The English choice; a count read back from a file as text counts as well."""
        return self.one if str(params.get(self.count)) == "1" else self.other


@dataclass(frozen=True, slots=True)
class Choice:
    """A whole template for each value of the parameter ``by``, and one for any other value
    (what an older file may hold); each is translated on its own, under the message id."""

    by: str
    templates: Mapping[str, str]
    other: str

    def pick(self, params: Mapping[str, object]) -> str:
        return self.templates.get(str(params.get(self.by)), self.other)

    def texts(self) -> tuple[str, ...]:
        """Every template, the catch-all last."""
        return (*self.templates.values(), self.other)


Entry: TypeAlias = "str | Plural | Choice"
Catalogue: TypeAlias = Mapping[str, Entry]

_FIELDS: dict[str, Entry] = {
    "field.workshop_title": "The workshop's title",
    "field.venue": "The venue",
    "field.facilitator": "The facilitator's name",
    "field.goal": "The shared goal",
    "field.invitation": "The invitation",
    "field.start": "The start",
    "field.end": "The end",
    "field.ground_rule": "A ground rule",
    "field.team_name": "The team's name",
    "field.team_colour": "The team's colour",
    "field.attendee_name": "The attendee's name",
    "field.role": "The role",
    "field.email": "The e-mail address",
    "field.phone": "The phone number",
    "field.column_name": "The column's name",
    "field.problem_title": "The problem's title",
    "field.customer": "The customer",
    "field.description": "The description",
    "field.stalled_because": "Why it stalled",
    "field.card_colour": "The card colour",
    "field.tag": "A tag",
    "field.problem_teams": "the teams with a stake",
    "field.solution": "The solution",
    "field.solution_teams": "the solution's teams",
    "field.follow_up": "The follow-up",
    "field.due": "The due date",
    "field.check_in": "The check-in date",
    "field.outcome": "The outcome",
    "field.workshop_id": "The workshop's id",
    "field.team_id": "The team's id",
    "field.attendee_id": "The attendee's id",
    "field.column_id": "The column's id",
    "field.problem_id": "The problem's id",
    "field.solution_id": "The solution's id",
    "field.follow_up_id": "The follow-up's id",
    "field.device_id": "The device's id",
    "field.idea_id": "The idea's id",
    "field.round_id": "The round's id",
    "field.dot_id": "The dot's id",
    "field.finished_id": "The mark's id",
    "field.check_in_id": "The check-in's id",
    "field.held_on": "The check-in's date",
    "field.came": "The name of who came",
    "field.notes": "The text of the notes",
    "field.next_check_in": "The next check-in's date",
    "field.your_name": "Your name",
    "field.joined_at": "When the phone joined",
    "field.your_idea": "Your idea",
    "field.sent_at": "When the idea was sent",
    "field.idea_state": "An idea's state",
    "field.request": "The request",
    "field.round": "A round",
    "field.started_at": "When the round started",
    "field.ended_at": "When the round ended",
}

_VALIDATION: dict[str, Entry] = {
    "error.not_text": "{what} must be text.",
    "error.too_many_people": "A check-in lists at most {limit} people.",
    "error.check_in_gone": "That check-in no longer exists.",
    "error.next_check_in_before": "The next check-in must come after this one.",
    "error.unknown_language": "A workshop speaks one of {known}, not '{value}'.",
    "error.not_one_line": "{what} must be a single line without control characters.",
    "error.control_characters": "{what} contains control characters.",
    "error.invalid_characters": "{what} contains characters that are not valid text.",
    "error.empty": "{what} cannot be empty.",
    "error.too_long": "{what} is too long: {length:,} characters, at most {limit:,}.",
    "error.not_a_colour": "{what} must be a colour like #3366cc.",
    "error.too_many_tags": "Too many tags: {count}, at most {limit}.",
    "error.invalid_id": "{what} is not a valid id: {value!r}.",
    "error.not_lowercase_uuid": "{what} is not a lowercase UUID: {value!r}.",
    "error.not_a_date": "{what} must be a date like 2027-02-11, not {value!r}.",
    "error.not_a_date_time": (
        "{what} must be a date and time like 2027-02-11T09:00:00+01:00, not {value!r}."
    ),
    "error.no_time_zone_offset": "{what} needs a time zone offset, like +01:00.",
    "error.unknown_time_zone": "Unknown time zone {value!r}.",
    "error.too_many_teams": "Too many teams among {what}: {count}, at most {limit}.",
    "error.team_listed_twice": "The same team is listed twice among {what}.",
    "error.unknown_team": "Unknown team among {what}: {id}.",
    "error.ends_before_start": "The workshop cannot end before it starts.",
    "error.team_name_taken": "There is already a team called '{name}'.",
    "error.not_an_email": "'{email}' does not look like an e-mail address.",
    "error.attendee_team_missing": "The attendee's team does not exist.",
    "error.problem_number_range": "A problem's number must be from 1 to {limit:,}.",
    "error.problem_column_missing": "The problem's column does not exist.",
    "error.problem_number_taken": "Two problems cannot share number {number}.",
    "error.solution_problem_missing": "The solution's problem does not exist.",
    "error.proposer_not_attendee": "The proposer is not an attendee.",
    "error.votes_range": "Votes must be from 0 to {limit:,}.",
    "error.follow_up_problem_missing": "The follow-up's problem does not exist.",
    "error.owner_not_attendee": "The owner is not an attendee.",
    "error.too_many_ground_rules": "Too many ground rules, at most {limit}.",
    "error.missing": "{what} is missing.",
    "error.not_one_of": "{what} cannot be {value!r}.",
    "error.team_missing": "That team does not exist.",
    "error.card_needs_contact": "Add an e-mail address or a phone number, so people can reach you.",
    "error.idea_number_range": "An idea's number must be from 1 to {limit:,}.",
    "error.phone_not_joined": "That phone has not joined.",
    "error.idea_solution_missing": "The idea's solution does not exist.",
    "error.idea_round_missing": "The idea's round does not exist.",
    "error.dots_range": "A vote gives each phone 1 to {limit} dots.",
    "error.dot_orphaned": "That dot belongs to no vote or no phone.",
    "error.mark_orphaned": "That belongs to no round or no phone.",
    "error.unknown_solution_status": "A solution is proposed, agreed or rejected, not {value!r}.",
    "error.unknown_follow_up_status": "A follow-up is open, done or dropped, not {value!r}.",
}

_OPERATIONS: dict[str, Entry] = {
    "error.team_gone": "That team no longer exists.",
    "error.attendee_gone": "That attendee no longer exists.",
    "error.column_gone": "That column no longer exists.",
    "error.problem_gone": "That problem no longer exists.",
    "error.solution_gone": "That solution no longer exists.",
    "error.follow_up_gone": "That follow-up no longer exists.",
    "error.phone_gone": "That phone no longer exists.",
    "error.idea_gone": "That idea no longer exists.",
    "error.round_gone": "That round no longer exists.",
    "error.dot_gone": "That dot no longer exists.",
    "error.mark_gone": "That mark no longer exists.",
    "error.cannot_set": "Cannot set {fields}.",
    "error.last_column": "The board needs at least one column.",
    "error.move_into_deleted_column": "Cannot move the problems into the column being deleted.",
    "error.stale_undo": "Cannot undo or redo '{label}': it was changed elsewhere.",
    "error.needs_agreed_solution": (
        "'{title}' needs an agreed solution before it can move to {column}."
    ),
    "gate.moving_column": "Moving the column '{name}'",
    "gate.making_done_column": "Making '{name}' the done column",
    "gate.deleting_column": "Deleting the column '{name}'",
    "error.gate_leaves_unsolved": Plural(
        "count",
        "{doing} would leave '{title}', which has no agreed solution, in or past the done column.",
        "{doing} would leave {count} problems without an agreed solution "
        "in or past the done column.",
    ),
    "error.keeps_agreed_solution": (
        "'{title}' is in or past the done column, so it keeps an agreed "
        "solution: agree on another one first, or move the card back."
    ),
    "progress": Plural(
        "total",
        "{solved} of {total} problem has an agreed solution",
        "{solved} of {total} problems have an agreed solution",
    ),
}

_PHONES: dict[str, Entry] = {
    "refused.join_first": "Join the board first.",
    "refused.phone_paused": "The facilitator has paused this phone.",
    "refused.voting_ended": "Voting has ended.",
    "refused.no_vote": "There is no vote right now.",
    "refused.not_in_vote": "That solution is not part of this vote.",
    "refused.dots_used": Plural(
        "count", "You have used your {count} dot.", "You have used your {count} dots."
    ),
    "refused.no_round": "There is no round right now.",
    "error.no_such_idea": "There is no idea {number}.",
    "error.idea_not_waiting": "Idea {number} is not waiting for a decision.",
    "error.merge_other_problem": "An idea can only be merged into a solution of its problem.",
    "error.round_running": "A round is running already: stop it first.",
    "error.no_round_running": "No round is running.",
    "error.reveal_not_writing": "Only a writing round has ideas to reveal.",
    "error.revealed_already": "The ideas are revealed already.",
    "error.phone_not_here": "That phone is not in this workshop.",
}

_FILES: dict[str, Entry] = {
    "error.changed_elsewhere": (
        "This was changed elsewhere in the meantime; the board now shows the latest."
    ),
    "error.disk_full": (
        "The disk is full: the last change to {name} was not saved. Free some space and try again."
    ),
    "error.file_damaged_detail": "{name} is damaged ({detail}).",
    "error.cannot_use_file": "Cannot use {name}: {reason}.",
    "error.file_read_only": "{name} cannot be changed: it is read-only.",
    "error.file_busy": "{name} is busy in another program; try again in a moment.",
    "error.cannot_open_folder": (
        "Cannot open {name}: its folder may be read-only, or the disk full."
    ),
    "error.disk_io": "Could not write {name}: the disk reported an error.",
    "error.could_not_use": "Could not use {name} ({detail}).",
    "error.no_such_file": "There is no file {path}.",
    "error.folder_not_workshop": "{path} is a folder, not a workshop file.",
    "error.cannot_read": "Cannot read {name}: {reason}.",
    "error.cannot_write": "Cannot write {name}: {reason}.",
    "error.file_empty": "{name} is empty: it is not a workshop file.",
    "error.not_a_workshop_file": (
        "{name} is not a workshop file (it is not a WorkshopDesk database)."
    ),
    "error.file_truncated": "{name} is damaged: the file is truncated.",
    "error.cannot_open": "Cannot open {name}.",
    "error.file_damaged_unopenable": "{name} is damaged and cannot be opened ({detail}).",
    "error.foreign_database": (
        "{name} is a database of another application, not a WorkshopDesk workshop."
    ),
    "error.no_format_record": "{name} is damaged: it has no record of its format.",
    "error.newer_version": (
        "{name} was written by a newer version of WorkshopDesk; update WorkshopDesk to open it."
    ),
    "error.integrity_check_failed": (
        "{name} is damaged and cannot be opened (its integrity check failed)."
    ),
    "error.file_exists": "{path} already exists; choose another name or use --force.",
    "error.is_a_folder": "{path} is a folder.",
    "error.no_such_folder": "The folder {path} does not exist.",
    "error.no_workshop_in_file": "{name} is damaged: it holds no workshop.",
    "error.copy_onto_itself": "A copy must have another name than the open workshop.",
    "error.open_read_only": "{name} is open read-only.",
    "error.open_read_only_elsewhere": (
        "{name} is open read-only because another window is editing it."
    ),
    "error.cannot_write_beside": "Cannot write beside {name}: {reason}.",
    "error.open_elsewhere": "{name} is open in WorkshopDesk; close it first.",
    "error.not_upgraded": (
        "{name} could not be updated for this version of WorkshopDesk ({detail}) "
        "and was left unchanged."
    ),
    "error.not_upgraded_kept": (
        "{name} could not be updated for this version of WorkshopDesk ({detail}) "
        "and was left unchanged; its original is also kept as {backup}."
    ),
    "reason.disk_full": "the disk is full",
    # The system's words (as Linux and macOS say them) for the usual reasons.
    "reason.permission_denied": "Permission denied",
    "reason.not_permitted": "Operation not permitted",
    "reason.no_such_file": "No such file or directory",
    "reason.is_a_folder": "Is a directory",
    "reason.not_a_folder": "Not a directory",
    "reason.read_only_file_system": "Read-only file system",
    "reason.name_too_long": "File name too long",
    "error.cannot_create_folder": "Cannot create {path}: {reason}.",
    "error.too_many_demos": "Too many demo workshops are open; close some and try again.",
}

_UNDO_LABELS: dict[str, Entry] = {
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
    "record_check_in": "Record the check-in of {date}",
    "edit_check_in": "Edit the check-in of {date}",
    "delete_check_in": "Delete the check-in of {date}",
    "import_problems": Plural("count", "Import {count} problem", "Import {count} problems"),
    "import_attendees": Plural("count", "Import {count} attendee", "Import {count} attendees"),
    "import_rows": Choice(  # activity logs of older files
        "what",
        {
            "problem": "Import {count} problem",
            "problems": "Import {count} problems",
            "attendee": "Import {count} attendee",
            "attendees": "Import {count} attendees",
        },
        "Import {count} {what}",
    ),
    "join": "{name} joined",
    "share_card": "{name} shared a contact card",
    "send_idea": "{name} sent an idea for '{title}'",
    "approve_idea": "Put idea {number} on the wall",
    "merge_idea": "Merge idea {number} into a solution",
    "reject_idea": "Not use idea {number}",
    "start_round": Choice(
        "kind",
        {"write": "Start a write round", "vote": "Start a vote round"},
        "Start a {kind} round",
    ),
    "reveal_round": "Reveal everyone's ideas",
    "stop_round": Choice(
        "kind",
        {"write": "End the write round", "vote": "End the vote round"},
        "End the {kind} round",
    ),
    "dot": "{name} placed a dot",
    "undot": "{name} took a dot back",
    "finished": "{name} is done",
    "block_phone": "Pause {name}'s phone",
    "end_sessions": "End every phone's session (a new link)",
}

ENGLISH: Catalogue = {
    VERBATIM: "{text}",
    **_FIELDS,
    **_VALIDATION,
    **_OPERATIONS,
    **_PHONES,
    **_FILES,
    **_UNDO_LABELS,
}
