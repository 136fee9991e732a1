"""Preparing the workshop: the shared goal and ground rules, teams and attendees, the invitation."""

from workshopdesk.gui.preparation.goal_dialog import GoalDialog
from workshopdesk.gui.preparation.invitation_dialog import InvitationDialog
from workshopdesk.gui.preparation.people_dialog import PeopleDialog

__all__ = ["GoalDialog", "InvitationDialog", "PeopleDialog"]
