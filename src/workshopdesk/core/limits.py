"""Size limits shared by every feature: the window, imports, the phone server."""

TITLE_MAX = 200
"""Titles, names and other one-line fields."""

TEXT_MAX = 10_000
"""Descriptions, solutions, the shared goal, the invitation."""

TAG_MAX = 50
"""One tag."""

LIST_MAX = 100
"""Items in one list field (tags, teams with a stake, ground rules)."""

NUMBER_MAX = 999_999_999
"""A problem's number (it is printed on posters and in phone links)."""

VOTES_MAX = 1_000_000
"""Votes for one solution."""

IDEA_MAX = 1_000
"""An idea sent from a phone (short enough to read on the wall)."""

DOTS_MAX = 20
"""A vote's budget of dots per phone."""
