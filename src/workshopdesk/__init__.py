"""WorkshopDesk: the facilitator's app for problem-wall workshops."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("workshopdesk")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"
