"""The window: PySide6 widgets that show the workshop and send its commands."""

from workshopdesk.gui.pyside_imports import quicker_source_check

quicker_source_check()  # before the window's modules load
