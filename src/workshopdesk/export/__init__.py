"""Exports: one module per format, offered by name to the command line and the window
through :mod:`workshopdesk.export.formats`.

The text formats (Markdown, CSV, JSON, HTML, iCalendar, vCard, the invitation) need no Qt.
The formats that draw (the PDF report and invitation, the posters, the wall as PNG) and
what they share (``pdf_layout``, ``report_flow``, ``qt_app``) use QtGui, never widgets, and
load it only when they run, so the command line's text exports start without Qt.
"""
