"""The SP-API client against the fake: tokens, throttling, errors."""

from __future__ import annotations

import asyncio
import time

import pytest

from relay.config import SpapiSettings
from relay.spapi.client import (
    RATE_LIMITS,
    RATE_MARGIN,
    RateLimit,
    SpapiClient,
    SpapiError,
    TokenBucket,
)
from tests.spapi_fake import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpapi

DE = "A1PA6795UKMFR9"


def settings(fake: FakeSpapi) -> SpapiSettings:
    return SpapiSettings(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,  # type: ignore[arg-type]
        refresh_token=REFRESH_TOKEN,  # type: ignore[arg-type]
        endpoint=fake.url,
        token_endpoint=fake.token_url,
        marketplaces=[DE],
    )


async def test_access_token_is_refreshed_before_it_expires_not_per_call(
    fake_spapi: FakeSpapi,
) -> None:
    fake_spapi.put_order("302-7700003-7700003")
    fake_spapi.token_lifetime = 4  # refreshed at half its life when it is this short
    client = SpapiClient(settings(fake_spapi), retry_backoff=0.01)
    try:
        for _ in range(5):
            assert await client.buyer_locale("302-7700003-7700003", DE) == "de-DE"
        assert fake_spapi.token_requests == 1
        await asyncio.sleep(2.2)
        assert await client.buyer_locale("302-7700003-7700003", DE) == "de-DE"
        assert fake_spapi.token_requests == 2  # renewed before the fake would refuse it
        assert fake_spapi.served["getAttributes"] == 6
    finally:
        await client.close()


async def test_a_token_revoked_early_is_replaced_once_and_the_call_retried(
    fake_spapi: FakeSpapi,
) -> None:
    fake_spapi.put_order("302-7700004-7700004")
    client = SpapiClient(settings(fake_spapi), retry_backoff=0.01)
    try:
        assert await client.buyer_locale("302-7700004-7700004", DE) == "de-DE"
        fake_spapi.expire_tokens()
        assert await client.buyer_locale("302-7700004-7700004", DE) == "de-DE"
        assert fake_spapi.token_requests == 2
        assert fake_spapi.calls["getAttributes"] == 3  # ok, 403 expired, ok
    finally:
        await client.close()


async def test_an_rdt_refused_early_is_replaced_once(fake_spapi: FakeSpapi) -> None:
    fake_spapi.put_order("302-7700008-7700008", buyer_email="x1y2z3@marketplace.amazon.de")
    client = SpapiClient(settings(fake_spapi), retry_backoff=0.01)
    try:
        first = await client.get_order("302-7700008-7700008")
        assert (
            first is not None and first["BuyerInfo"]["BuyerEmail"] == "x1y2z3@marketplace.amazon.de"
        )
        fake_spapi.expire_tokens(rdts=True)
        again = await client.get_order("302-7700008-7700008")
        assert (
            again is not None and again["BuyerInfo"]["BuyerEmail"] == "x1y2z3@marketplace.amazon.de"
        )
        assert fake_spapi.served["createRestrictedDataToken"] == 2
        assert fake_spapi.token_requests == 2
        assert await client.get_order("302-0000000-0000000") is None  # Amazon has no such order
    finally:
        await client.close()


async def test_other_4xx_is_reported_with_the_operation_and_the_order(
    fake_spapi: FakeSpapi,
) -> None:
    fake_spapi.put_order("302-7700005-7700005")
    client = SpapiClient(settings(fake_spapi), retry_backoff=0.01)
    try:
        with pytest.raises(SpapiError) as refused:
            await client.buyer_locale("302-7700005-7700005", "")  # no marketplace id: 400
        assert str(refused.value) == (
            "SP-API getAttributes for order 302-7700005-7700005: "
            "HTTP 400 InvalidInput: marketplaceIds is required."
        )
        assert not refused.value.temporary
        assert fake_spapi.calls["getAttributes"] == 1  # not retried
    finally:
        await client.close()


async def test_throttling_and_server_errors_are_retried_then_reported_as_temporary(
    fake_spapi: FakeSpapi,
) -> None:
    fake_spapi.put_order("302-7700006-7700006")
    fake_spapi.fail_503_at = {1}
    fake_spapi.throttle_every = 2
    client = SpapiClient(settings(fake_spapi), retry_backoff=0.01, attempts=4)
    try:
        assert await client.buyer_locale("302-7700006-7700006", DE) == "de-DE"  # 503, 429, ok
        assert fake_spapi.calls["getAttributes"] == 3
        fake_spapi.outage = {"getAttributes": 0}
        with pytest.raises(SpapiError) as failed:
            await client.buyer_locale("302-7700006-7700006", DE)
        assert failed.value.temporary and "after 4 attempts (HTTP 503)" in str(failed.value)
    finally:
        await client.close()


async def test_the_advertised_rate_replaces_the_documented_one(fake_spapi: FakeSpapi) -> None:
    fake_spapi.put_order("302-7700007-7700007")
    fake_spapi.rates["getAttributes"] = (4.0, 5)  # x-amzn-RateLimit-Limit: 4.0
    fake_spapi._buckets["getAttributes"].rate = 4.0
    client = SpapiClient(settings(fake_spapi), retry_backoff=0.01)
    try:
        started = time.monotonic()
        for _ in range(13):
            await client.buyer_locale("302-7700007-7700007", DE)
        elapsed = time.monotonic() - started
    finally:
        await client.close()
    # Burst 5, then 8 more at 4/s (less the margin): about 2.2 s; at the documented 1/s it
    # would have taken 8 s. The fake fails the test if its 4/s was exceeded.
    assert 8 / 4.0 <= elapsed < 5.0, elapsed
    assert fake_spapi.served["getAttributes"] == 13


async def test_token_bucket_keeps_the_documented_rate_after_the_burst(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [0.0]
    bucket = TokenBucket(RATE_LIMITS["getAttributes"], clock=lambda: now[0])
    sleeps: list[float] = []
    real_sleep = asyncio.sleep

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds
        await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    for _ in range(4):
        await bucket.acquire()
    assert now[0] == 0.0  # the burst (5, less the token left to Amazon) at once
    for _ in range(10):
        await bucket.acquire()
    monkeypatch.undo()
    # then 10 more at 1/s (a tenth under the plan)
    assert now[0] == pytest.approx(10 / (1.0 * RATE_MARGIN), rel=1e-6)
    bucket.set_rate(2.0)  # x-amzn-RateLimit-Limit said 2/s
    assert bucket.rate == pytest.approx(2.0 * RATE_MARGIN)


async def test_a_late_first_request_does_not_make_a_later_one_too_early_for_amazon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sequential calls at the advertised rate, the first one 10 ms late on the wire (a new
    connection, a busy host): Amazon's bucket, which counted from the late arrival, never runs
    dry. With a full-burst bucket of our own the sixth call would arrive with 0.6 tokens there."""
    limit = RateLimit(50.0, 5)
    now = [0.0]
    bucket = TokenBucket(limit, clock=lambda: now[0])
    real_sleep = asyncio.sleep

    async def fake_sleep(seconds: float) -> None:
        now[0] += seconds
        await real_sleep(0)

    amazon_tokens, amazon_updated = float(limit.burst), 0.0
    lowest = float(limit.burst)
    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    for call in range(30):
        await bucket.acquire()
        arrival = now[0] + (0.010 if call == 0 else 0.0)
        amazon_tokens = min(
            float(limit.burst), amazon_tokens + (arrival - amazon_updated) * limit.rate
        )
        amazon_updated = arrival
        lowest = min(lowest, amazon_tokens)
        amazon_tokens -= 1.0
        now[0] = arrival  # the next call waits for this one's answer
    monkeypatch.undo()
    assert lowest >= 1.0, lowest


async def test_retries_wait_a_jittered_exponential_backoff() -> None:
    client = SpapiClient(SpapiSettings(), retry_backoff=1.0)
    try:
        # Full jitter: anywhere in [0, base * 2**attempt], capped; relays that met the same 429
        # do not come back in step.
        third = [client._delay(3) for _ in range(200)]
        assert all(0.0 <= d <= 8.0 for d in third)
        assert len(set(third)) > 150 and max(third) > 4.0
        assert all(0.0 <= client._delay(0) <= 1.0 for _ in range(50))
        assert max(client._delay(12) for _ in range(200)) <= 30.0
    finally:
        await client.close()
