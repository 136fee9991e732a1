"""Operations: pure functions from a workshop and a request to a :class:`Step`.

They validate, compute every change (cascades included) and never mutate anything; the
session writes, applies and records the step.
"""

from workshopdesk.core.operations.check_ins import (
    delete_check_in,
    edit_check_in,
    record_check_in,
)
from workshopdesk.core.operations.columns import (
    add_column,
    delete_column,
    heir_column,
    move_column,
    rename_column,
    set_done_column,
)
from workshopdesk.core.operations.contacts import share_card
from workshopdesk.core.operations.details import edit_workshop
from workshopdesk.core.operations.gate import (
    LeavesUnsolvedPastDone,
    NeedsAgreedSolution,
    counts_as_done,
)
from workshopdesk.core.operations.people import (
    add_attendee,
    add_attendees,
    add_team,
    delete_attendee,
    delete_team,
    edit_attendee,
    edit_team,
    move_team,
)
from workshopdesk.core.operations.phones import (
    approve_idea,
    block_device,
    join,
    mark_finished,
    reject_idea,
    reveal_round,
    send_idea,
    set_dot,
    start_round,
    stop_round,
)
from workshopdesk.core.operations.problems import (
    add_problem,
    add_problems,
    delete_problem,
    edit_problem,
    move_problem,
)
from workshopdesk.core.operations.solutions import (
    add_follow_up,
    add_solution,
    delete_follow_up,
    delete_solution,
    edit_follow_up,
    edit_solution,
    vote_solution,
)

__all__ = [
    "LeavesUnsolvedPastDone",
    "NeedsAgreedSolution",
    "add_attendee",
    "add_attendees",
    "add_column",
    "add_follow_up",
    "add_problem",
    "add_problems",
    "add_solution",
    "add_team",
    "approve_idea",
    "block_device",
    "counts_as_done",
    "delete_attendee",
    "delete_check_in",
    "delete_column",
    "delete_follow_up",
    "delete_problem",
    "delete_solution",
    "delete_team",
    "edit_attendee",
    "edit_check_in",
    "edit_follow_up",
    "edit_problem",
    "edit_solution",
    "edit_team",
    "edit_workshop",
    "heir_column",
    "join",
    "mark_finished",
    "move_column",
    "move_problem",
    "move_team",
    "record_check_in",
    "reject_idea",
    "rename_column",
    "reveal_round",
    "send_idea",
    "set_done_column",
    "set_dot",
    "share_card",
    "start_round",
    "stop_round",
    "vote_solution",
]
