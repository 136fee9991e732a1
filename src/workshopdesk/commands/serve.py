"""``workshopdesk serve PATH [--host ADDRESS] [--port N]``: the board on phones, headless.

The first line on stdout is exactly ``Join: <URL>`` (flushed at once, for scripts);
on a terminal the QR code follows. Ctrl+C or SIGTERM stops it within two seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import signal
import sys
from pathlib import Path
from typing import Any

from workshopdesk.commands import UsageError
from workshopdesk.core.errors import WorkshopError
from workshopdesk.server import share_settings
from workshopdesk.server.addresses import LOOPBACK, default_address
from workshopdesk.server.links import qr_matrix, qr_text
from workshopdesk.server.share_settings import DEFAULT_PORT, ShareSettings
from workshopdesk.server.token import new_token
from workshopdesk.store.workshop_file import Mode, WorkshopFile

NO_NETWORK = "No network found; use --host 127.0.0.1"


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535 (0: any free port)")
    return int(text)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="show the board live on phones over the local network, without the window",
        description="Show the board live on every phone on this network. Prints the join "
        "URL (and its QR code on a terminal); stop with Ctrl+C.",
    )
    parser.add_argument("path", metavar="PATH", help="a workshop file")
    parser.add_argument(
        "--host",
        metavar="ADDRESS",
        help="this computer's address to listen on (default: the last one used, else the "
        "first private IPv4 address; 127.0.0.1 for this computer only)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        metavar="N",
        help=f"the port (default: the last one used, else {DEFAULT_PORT}, or any free one "
        "if that is taken; 0: any free port)",
    )
    parser.set_defaults(run=run)


def _host(text: str) -> str:
    if text.lower() == "localhost":
        return LOOPBACK
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise UsageError(
            f"--host needs an IP address of this computer, e.g. {LOOPBACK}, not {text!r}"
        ) from None


def _settings(path: Path) -> tuple[ShareSettings, bool]:
    """The saved share settings, and whether they can be saved (a read-only file keeps
    working with a link that lasts until it stops)."""
    try:
        return share_settings.load_or_create(path), True
    except WorkshopError:
        with WorkshopFile.open(path, Mode.READ) as file:  # a clear error if not a workshop
            saved = ShareSettings.from_settings(file.settings())
        return (saved or ShareSettings(new_token())), False


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    explicit_host = _host(args.host) if args.host else None
    with WorkshopFile.open(path, Mode.READ):
        pass  # a clear error now if it is not a workshop
    settings, writable = _settings(path)
    host = explicit_host or default_address(settings.host)
    if host is None:
        raise WorkshopError(NO_NETWORK)
    if args.port is not None:
        port, fall_back = args.port, False
    else:
        port, fall_back = settings.port or DEFAULT_PORT, True
    if not writable:
        print(
            f"{path.name} cannot be written: this link works until the server stops.",
            file=sys.stderr,
        )
    return asyncio.run(_serve(path, settings, host, port, fall_back, writable))


async def _serve(
    path: Path, settings: ShareSettings, host: str, port: int, fall_back: bool, writable: bool
) -> int:
    from workshopdesk.server.service import PhoneService  # aiohttp loads only to serve

    service = PhoneService(path, settings.token)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        url = await service.start(host, port, fall_back=fall_back)
        sys.stdout.write(f"Join: {url}\n")
        sys.stdout.flush()
        if writable and (settings.host, settings.port) != (service.host, service.port):
            share_settings.save(path, ShareSettings(settings.token, service.host, service.port))
        if sys.stdout.isatty():
            sys.stdout.write("\n" + qr_text(qr_matrix(url)) + "\n\n")
            sys.stdout.write("Scan the code or type the address on a phone on this network.\n")
            sys.stdout.write("Stop sharing with Ctrl+C.\n")
            sys.stdout.flush()
        await stop.wait()
    finally:
        await service.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return 0
