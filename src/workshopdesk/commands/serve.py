"""``workshopdesk serve PATH [--host ADDRESS] [--port N]``: the board on phones, headless.

The first line on stdout is exactly ``Join: <URL>`` (flushed at once, for scripts, and
the same in every language); on a terminal the QR code follows, with what to do in the
interface's language. Ctrl+C or SIGTERM stops it within two seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import signal
import sys
from pathlib import Path
from typing import Any

from workshopdesk.app import sharing
from workshopdesk.app.bridge import Bridge
from workshopdesk.app.workspace import Workspace, follow_outside
from workshopdesk.commands import UsageError
from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.share_link import DEFAULT_PORT, ShareSettings
from workshopdesk.links import qr_matrix, qr_text
from workshopdesk.server.addresses import LOOPBACK, default_address
from workshopdesk.store.workshop_file import Mode
from workshopdesk.text.ui import N_, _

NO_NETWORK = N_("No network found; use --host 127.0.0.1")


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(_("a port is a number from 0 to 65535 (0: any free port)"))
    return int(text)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help=_("show the board live on phones over the local network, without the window"),
        description=_(
            "Show the board live on every phone on this network. Prints the join "
            "URL (and its QR code on a terminal); stop with Ctrl+C."
        ),
    )
    parser.add_argument("path", metavar="PATH", help=_("a workshop file"))
    parser.add_argument(
        "--host",
        metavar="ADDRESS",
        help=_(
            "this computer's address to listen on (default: the last one used, else the "
            "first private IPv4 address; 127.0.0.1 for this computer only)"
        ),
    )
    parser.add_argument(
        "--port",
        type=_port,
        metavar="N",
        help=_(
            "the port (default: the last one used, else {port}, or any free one "
            "if that is taken; 0: any free port)"
        ).format(port=DEFAULT_PORT),
    )
    parser.set_defaults(run=run)


def _host(text: str) -> str:
    if text.lower() == "localhost":
        return LOOPBACK
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise UsageError(
            _("--host needs an IP address of this computer, e.g. {example}, not {value}").format(
                example=LOOPBACK, value=repr(text)
            )
        ) from None


def _record_and_say(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """An error in one of the server's own tasks: the traceback to the log, one line on
    stderr, and the server goes on (a phone that went away is no error)."""
    error = context.get("exception")
    if isinstance(error, OSError):
        return
    if not isinstance(error, Exception):
        loop.default_exception_handler(context)
        return
    from workshopdesk.crash_log import record_error, went_wrong

    log = record_error(error, "workshopdesk serve")
    print(f"workshopdesk: {went_wrong(type(error).__name__, log, in_server=True)}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    explicit_host = _host(args.host) if args.host else None
    return asyncio.run(_serve(path, explicit_host, args.port))


def _open(path: Path) -> Workspace:
    """The workshop for writing; read-only when it cannot be written (its link then
    lasts until the server stops). A file that is no workshop is a clear error."""
    try:
        return Workspace.open(path, Mode.WRITE)
    except WorkshopError:
        return Workspace.open(path, Mode.READ)  # or the clear error of a file it can't read


async def _serve(path: Path, explicit_host: str | None, wanted_port: int | None) -> int:
    # The workspace lives on this event loop: the phone server, the watch and the saved
    # link all reach the file through it, over one connection.
    with _open(path) as workspace:
        settings, writable = sharing.share_link(workspace)
        host = explicit_host or default_address(settings.host)
        if host is None:
            raise WorkshopError(_(NO_NETWORK))
        if wanted_port is not None:
            port, fall_back = wanted_port, False
        else:
            port, fall_back = settings.port or DEFAULT_PORT, True
        if not writable:
            print(
                _("{name} cannot be written: this link works until the server stops.").format(
                    name=path.name
                ),
                file=sys.stderr,
            )
        return await _run_service(workspace, settings, host, port, fall_back, writable)


async def _run_service(
    workspace: Workspace,
    settings: ShareSettings,
    host: str,
    port: int,
    fall_back: bool,
    writable: bool,
) -> int:
    from workshopdesk.server.service import PhoneService  # aiohttp loads only to serve

    loop = asyncio.get_running_loop()
    loop.set_exception_handler(_record_and_say)
    # The workspace lives on this loop: phones' commands reach it on the same thread.
    bridge = Bridge(workspace, loop.call_soon)
    service = PhoneService(workspace.state(), settings.token, submit=bridge.submit)
    unsubscribe = workspace.subscribe(service.apply)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    watch = loop.create_task(follow_outside(workspace))
    try:
        url = await service.start(host, port, fall_back=fall_back)
        sys.stdout.write(f"Join: {url}\n")  # a contract for scripts: in every language
        sys.stdout.flush()
        if writable:
            with contextlib.suppress(WorkshopError):  # the link still works until stopped
                sharing.save_link(
                    workspace, ShareSettings(settings.token, service.host, service.port)
                )
        if sys.stdout.isatty():
            sys.stdout.write("\n" + qr_text(qr_matrix(url)) + "\n\n")
            sys.stdout.write(
                _("Scan the code or type the address on a phone on this network.") + "\n"
            )
            sys.stdout.write(_("Stop sharing with Ctrl+C.") + "\n")
            sys.stdout.flush()
        await stop.wait()
    finally:
        watch.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watch
        unsubscribe()
        await service.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return 0
