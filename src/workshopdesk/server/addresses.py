"""This machine's network addresses a phone could reach, best first.

The default is the first private IPv4 address (the venue's Wi-Fi or the laptop's own
hotspot); other IPv4 addresses follow; loopback only when asked for explicitly.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import psutil

LOOPBACK = "127.0.0.1"

_PRIVATE = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, some phone hotspots


@dataclass(frozen=True, slots=True)
class NetworkAddress:
    address: str
    interface: str

    def label(self) -> str:
        return f"{self.address} ({self.interface})"


def _rank(address: ipaddress.IPv4Address) -> int:
    if any(address in network for network in _PRIVATE):
        return 0
    if address in _SHARED:
        return 1
    return 2


def network_addresses() -> list[NetworkAddress]:
    """Usable IPv4 addresses of interfaces that are up: private ones first, no loopback
    and no self-assigned (169.254.x.x) ones."""
    try:
        stats = psutil.net_if_stats()
        interfaces = psutil.net_if_addrs()
    except (OSError, RuntimeError):
        return []
    found: list[tuple[int, int, NetworkAddress]] = []
    for order, (name, entries) in enumerate(interfaces.items()):
        stat = stats.get(name)
        if stat is not None and not stat.isup:
            continue
        for entry in entries:
            if entry.family != socket.AF_INET:
                continue
            try:
                address = ipaddress.IPv4Address(entry.address)
            except ValueError:
                continue
            if address.is_loopback or address.is_link_local or address.is_unspecified:
                continue
            found.append((_rank(address), order, NetworkAddress(str(address), name)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in found]


def default_address(saved: str | None = None) -> str | None:
    """The saved address if this machine still has it, else the best one, else None."""
    addresses = [a.address for a in network_addresses()]
    if saved and saved in addresses:
        return saved
    return addresses[0] if addresses else None
