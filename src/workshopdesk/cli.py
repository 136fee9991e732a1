"""The front door: ``workshopdesk COMMAND ...`` (and ``python -m workshopdesk``).

Exit codes: 0 success, 1 a problem with a file or data, 2 wrong usage. Every error is one
line on stderr, never a traceback. The window's code is imported only when a window is
wanted, so scripts start fast and run where there is no display.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from workshopdesk import __version__
from workshopdesk.commands import UsageError
from workshopdesk.commands.parser import Parser, see_help
from workshopdesk.core.errors import WorkshopError
from workshopdesk.text import error_text, ui
from workshopdesk.text.language import system_language
from workshopdesk.text.ui import _

PROG = "workshopdesk"

# Each module in workshopdesk.commands adds one subcommand with register(subparsers); a
# module named for a Python keyword ends in ``_`` (import_ adds ``import``).
COMMANDS = (
    "new", "info", "export", "import_", "ideas", "followups", "round", "open", "serve", "shot",
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description=_(
            "WorkshopDesk: the problem wall for your workshop, on the projector "
            "and on every phone. Run a command, or give a workshop file to open it."
        ),
        epilog=_("Open a workshop: {open}    Try the demo: {demo}").format(
            open=f"{PROG} FILE.workshop", demo=f"{PROG} --demo"
        ),
    )
    parser.add_version(f"{PROG} {__version__}")
    parser.add_argument(
        "--demo",
        dest="open_demo",
        action="store_true",
        help=_("open a fresh copy of the built-in demo workshop in the window"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"workshopdesk.commands.{name}").register(subparsers)
    return parser


def _with_open(argv: list[str]) -> list[str]:
    """``workshopdesk FILE`` means ``workshopdesk open FILE``."""
    if argv and not argv[0].startswith("-") and argv[0] not in {c.rstrip("_") for c in COMMANDS}:
        return ["open", *argv]
    return argv


def _window_only(args_list: list[str]) -> argparse.Namespace | None:
    """``workshopdesk FILE``, ``workshopdesk open [FILE]`` and ``workshopdesk --demo`` only
    open the window: they skip loading every other command, so the window starts sooner."""
    if args_list == ["--demo"]:
        return argparse.Namespace(open_demo=True, command=None)
    if args_list[:1] == ["open"] and len(args_list) <= 2 and not args_list[-1].startswith("-"):
        from workshopdesk.commands.open import run

        path = args_list[1] if len(args_list) == 2 else None
        return argparse.Namespace(open_demo=False, command="open", path=path, run=run)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    ui.use(system_language(os.environ))
    args_list = _with_open(list(sys.argv[1:] if argv is None else argv))
    window_only = _window_only(args_list)
    parser = build_parser() if window_only is None else None
    try:
        args = window_only if parser is None else parser.parse_args(args_list)
        assert args is not None
        if args.open_demo:
            if args.command is not None and parser is not None:
                parser.error(_("--demo cannot be combined with a command"))
            from workshopdesk.commands.open import open_demo

            return open_demo()
        if args.command is None:
            (parser or build_parser()).print_help()
            return 2
        result: int = args.run(args)
        return result
    except UsageError as error:
        command = getattr(locals().get("args"), "command", None)
        where = f"{PROG} {command}" if command else PROG
        print(see_help(where, str(error)), file=sys.stderr)
        return 2
    except WorkshopError as error:
        print(f"{PROG}: {' '.join(error_text(error).split())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): nothing to say
        return 0
    except MemoryError:
        print(PROG + ": " + _("not enough memory to finish."), file=sys.stderr)
        return 1
    except Exception as error:  # our bug: one line here, the traceback in the log
        from workshopdesk.crash_log import record_error, went_wrong

        log = record_error(error, f"{PROG} {' '.join(args_list)}".rstrip())
        print(f"{PROG}: {went_wrong(type(error).__name__, log)}", file=sys.stderr)
        return 1
    return 0
