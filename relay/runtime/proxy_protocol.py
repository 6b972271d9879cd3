"""The PROXY protocol (v1 and v2), accepted only from the configured load balancers.

A connection from an address in `[smtp] proxy_protocol_from` must open with a PROXY header
(HAProxy `send-proxy` / `send-proxy-v2`); the relay then logs and rate-limits the client's real
address. A PROXY header from any other address is refused, and so is a connection from a listed
address that does not send one: otherwise anybody could claim any address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any

import structlog

log = structlog.get_logger("relay.proxy")

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

REPLY_NOT_TRUSTED = "554 5.7.0 PROXY header not accepted from this address"


def parse_networks(values: Sequence[str]) -> tuple[IpNetwork, ...]:
    """Addresses or CIDR networks; ValueError names the bad one."""
    networks: list[IpNetwork] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is not an IP address or network") from None
    return tuple(networks)


def peer_address(peername: Any) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    host = peername[0] if isinstance(peername, tuple) and peername else peername
    if not isinstance(host, str):
        return None
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


class ProxyPolicy:
    """Which peers must speak the PROXY protocol, and for how long we wait for the header."""

    def __init__(self, trusted: Sequence[str], timeout: float) -> None:
        self.networks = parse_networks(trusted)
        self.timeout = timeout

    def trusted(self, peername: Any) -> bool:
        address = peer_address(peername)
        if address is None:
            return False
        return any(address.version == n.version and address in n for n in self.networks)

    def header_timeout(self, peername: Any) -> float | None:
        """aiosmtpd's proxy_protocol_timeout for this peer: None means no header expected."""
        return self.timeout if self.trusted(peername) else None


def accept(peer: Any, proxy_data: Any, session_id: str) -> bool:
    """handle_PROXY: take a well-formed header from a trusted peer and log the real client."""
    if not getattr(proxy_data, "valid", False):
        log.warning(
            "proxy_refused",
            session_id=session_id,
            peer=str(peer[0] if isinstance(peer, tuple) else peer),
            reason=getattr(proxy_data, "error", "") or "malformed PROXY header",
        )
        return False
    src = getattr(proxy_data, "src_addr", None)
    log.info(
        "proxy_accepted",
        session_id=session_id,
        client=str(src) if src is not None else None,
        client_port=getattr(proxy_data, "src_port", None),
        proxy=str(peer[0] if isinstance(peer, tuple) else peer),
        version=getattr(proxy_data, "version", None),
    )
    return True
