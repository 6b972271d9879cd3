"""MAIL and RCPT addresses: parsed once per distinct argument (relay.runtime.smtp._parse_address),
with aiosmtpd's own answers."""

from __future__ import annotations

from unittest import mock

import aiosmtpd.smtp
import pytest
from aiosmtpd.smtp import SMTP

from relay.runtime.smtp import RelaySMTP, _parse_address

ARGUMENTS = [
    "<support@shop.example>",
    "<support@shop.example> SIZE=813",
    " <a1b2c3d4e5@marketplace.amazon.de>",
    "support@shop.example",
    "<>",
    "",
    "<@relay.example:user@shop.example>",
    '<"quoted local"@shop.example>',
    "<unterminated@shop.example",
    "<not an address>",
    "<x@[192.0.2.1]> BODY=8BITMIME",
    "<" + "l" * 70 + "@shop.example>",
    "<gruß@straße.example> SMTPUTF8",
]


class _Handler:
    pass


@pytest.mark.parametrize("limit", [0, 64])
def test_each_address_is_parsed_as_aiosmtpd_parses_it(limit: int) -> None:
    plain = SMTP(_Handler())
    plain.local_part_limit = limit
    relay_server = RelaySMTP.__new__(RelaySMTP)  # only _getaddr is used: no handler needed
    relay_server.local_part_limit = limit
    for arg in ARGUMENTS:
        assert relay_server._getaddr(arg) == plain._getaddr(arg), arg


def test_a_repeated_address_is_not_parsed_again() -> None:
    _parse_address.cache_clear()
    server = RelaySMTP.__new__(RelaySMTP)
    server.local_part_limit = 0
    real = aiosmtpd.smtp.get_angle_addr
    with mock.patch.object(aiosmtpd.smtp, "get_angle_addr", side_effect=real) as parser:
        for _ in range(5):
            assert server._getaddr("<support@shop.example>") == ("support@shop.example", "")
    assert parser.call_count == 1
