"""``workshopdesk shot PATH -o OUT.png --view VIEW [--problem NO] [--theme T] [--size WxH]``
``[--scale 1|2]``

Renders a view of a workshop offscreen to a PNG, for documentation and checks. It needs
no display: it switches Qt to its offscreen platform before Qt is loaded.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import Any

from workshopdesk.commands import UsageError
from workshopdesk.commands.output import write_file
from workshopdesk.store.preflight import check_file
from workshopdesk.text.ui import _

WALL_VIEW_NAMES = ("wall", "spotlight", "rules", "join", "check-in")
"""The projector's views: 1920x1080 unless --size says otherwise, and themed."""
VIEW_NAMES = ("board", "editor", "start", *WALL_VIEW_NAMES)
"""The views known without loading Qt (for --help); gui.shots.VIEWS is the authority."""
THEME_NAMES = ("light", "dark", "contrast")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "shot",
        help=_("render a view of a workshop to a PNG (no display needed)"),
        description=_("Render a view of a workshop offscreen to a PNG image."),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument("-o", "--output", required=True, metavar="OUT.png", help=_("the PNG"))
    parser.add_argument(
        "--view", default="board", help=_("one of {views}").format(views=", ".join(VIEW_NAMES))
    )
    parser.add_argument(
        "--problem", type=int, metavar="NO", help=_("the problem (editor and spotlight views)")
    )
    parser.add_argument(
        "--theme",
        choices=THEME_NAMES,
        help=_("the wall's theme (wall, spotlight, rules and join views only; default light)"),
    )
    parser.add_argument(
        "--size",
        default=None,
        metavar="WxH",
        help=_("image size (default 1600x1000; 1920x1080 for the wall views)"),
    )
    parser.add_argument("--scale", type=int, default=1, choices=(1, 2), help=_("pixel ratio"))
    parser.set_defaults(run=run)


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        raise UsageError(_("--size must look like 1600x1000, not {value}").format(value=repr(text)))
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise UsageError(_("--size must be between 320x240 and 8000x8000"))
    return width, height


PROBLEM_VIEWS = ("editor", "spotlight")
"""The views that show one problem, which --problem picks."""


def run(args: argparse.Namespace) -> int:
    if args.view not in VIEW_NAMES and not _view_exists(args.view):
        raise UsageError(
            _("unknown view {view}; choose one of {views}").format(
                view=repr(args.view), views=", ".join(VIEW_NAMES)
            )
        )
    wall_view = args.view in WALL_VIEW_NAMES
    if args.theme is not None and not wall_view:
        raise UsageError(
            _("--theme is for the wall views ({views}), not for the desktop view {view}").format(
                views=", ".join(WALL_VIEW_NAMES), view=repr(args.view)
            )
        )
    width, height = parse_size(args.size or ("1920x1080" if wall_view else "1600x1000"))
    if args.problem is not None and args.problem < 1:
        raise UsageError(_("--problem must be a problem number, 1 or more"))
    if args.problem is not None and args.view not in PROBLEM_VIEWS:
        raise UsageError(_("--problem is for the editor and spotlight views"))
    output = Path(args.output)
    if output.suffix.lower() != ".png":
        raise UsageError(_("the output must be a .png file"))
    path = Path(args.path)
    check_file(path)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    from workshopdesk.gui import shots

    request = shots.ShotRequest(
        path=path, width=width, height=height, problem=args.problem, theme=args.theme
    )
    image = shots.VIEWS[args.view](request)
    write_file(output, shots.png_bytes(image))
    print(
        _("Wrote {path} ({width}x{height}, view {view})").format(
            path=output, width=image.width(), height=image.height(), view=args.view
        )
    )
    return 0


def _view_exists(name: str) -> bool:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from workshopdesk.gui import shots

    return name in shots.VIEWS
