"""The client's address: X-Forwarded-For is believed only when the peer is a trusted proxy."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any


def _networks(trusted: Sequence[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    nets = []
    for item in trusted:
        try:
            nets.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            continue
    return nets


def _is_trusted(address: str, nets: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in nets)


class ClientAddress:
    def __init__(self, trusted_proxies: Sequence[str]) -> None:
        self._nets = _networks(trusted_proxies)

    def of(self, scope: Any) -> str:
        client = scope.get("client") or ("unknown", 0)
        peer = str(client[0])
        if not self._nets or not _is_trusted(peer, self._nets):
            return peer
        forwarded = ""
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                forwarded = value.decode("latin-1")
        # walk from the nearest hop back; the first address that is not a trusted proxy is the client
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        for hop in reversed(hops):
            if not _is_trusted(hop, self._nets):
                return hop
        return hops[0] if hops else peer
