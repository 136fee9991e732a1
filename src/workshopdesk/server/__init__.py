"""The phone view: the board, live, on every attendee's phone over the local network.

No Qt here: the window runs :class:`workshopdesk.server.thread.ShareServer` on its own
thread; ``workshopdesk serve`` runs the same service headless.
"""
