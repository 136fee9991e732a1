"""The one writer: every change to an open workshop is a command submitted here.

No Qt. The window, the phone server, the command line's import and the timer submit
commands tagged with their origin; the workspace applies the core's operation, commits it
through the store, keeps the one undo history (the facilitator's own steps) and tells its
subscribers what changed.
"""
