"""The fake SP-API for the SP-API tests (a real HTTP server on 127.0.0.1, see tests/spapi_fake)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.spapi_fake import FakeSpapi


@pytest.fixture
def fake_spapi() -> Iterator[FakeSpapi]:
    fake = FakeSpapi().start()
    try:
        yield fake
    finally:
        fake.stop()
