"""WorkshopDesk: the facilitator's app for problem-wall workshops."""

__version__ = "0.1.0"
"""The one place the version is written; the package metadata reads it from here."""
