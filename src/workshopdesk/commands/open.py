"""``workshopdesk open PATH``, ``workshopdesk PATH`` and ``workshopdesk --demo``: the window."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import Any

from workshopdesk import starters
from workshopdesk.core.errors import WorkshopError
from workshopdesk.store.preflight import check_file
from workshopdesk.text import ui
from workshopdesk.text.ui import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "open",
        help=_("open a workshop in the window"),
        description=_(
            "Open a workshop in the window (the same as: {command}). Without PATH, the "
            "window opens on its start screen (as the desktop's menu entry does)."
        ).format(command="workshopdesk PATH"),
    )
    parser.add_argument("path", metavar="PATH", nargs="?", help=_("a workshop file"))
    parser.set_defaults(run=run)


class NoDisplay(WorkshopError):
    pass


def require_display() -> None:
    """Refuse, in one line, to open a window where there is no screen to show it on."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform in ("win32", "darwin"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise NoDisplay(
            _(
                "no display found: the window needs a desktop session "
                "(the other commands, such as 'shot', 'export' and 'serve', work without one)."
            )
        )


def run(args: argparse.Namespace) -> int:
    require_display()
    if args.path is None:  # e.g. the menu entry's `open %f` with no file: the start screen
        return _window(None)
    path = Path(args.path)
    check_file(path)
    return _window(path)


def open_demo() -> int:
    require_display()
    gc.disable()  # see _window
    from workshopdesk.gui.app import use_preferred_language

    use_preferred_language()  # the demo speaks the window's language: the preference's
    path = starters.fresh_demo_copy(ui.current().language)
    print(_("Demo workshop: {path}").format(path=path), flush=True)
    return _window(path)


def _window(path: Path | None) -> int:
    # Python's cycle collector waits until the window has first painted (run_window turns
    # it back on): starting makes tens of thousands of lasting objects (modules, classes,
    # Qt's enums) and no garbage worth collecting, and the collector's passes over them
    # were a tenth of the start.
    gc.disable()
    from workshopdesk.gui.app import run_window  # the window's code loads only now

    result: int = run_window(path)
    return result
