"""An asyncio SP-API client on httpx: the LWA refresh-token flow, per-operation token buckets,
retries with jittered backoff, Restricted Data Tokens.

python-amazon-sp-api is synchronous (requests) and builds its own endpoints; the relay needs
an async client whose endpoint and token URL are settings (a local fake in the tests), so the
few operations it uses are written out here against their documented JSON shapes.

Secrets (client secret, refresh token, access tokens, RDTs) never appear in an exception text
or a log line: errors name the operation, the order and Amazon's error code and message.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, TypeVar

import httpx
import structlog

from relay.config import SpapiSettings

log = structlog.get_logger("relay.spapi")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RateLimit:
    """An operation's default usage plan: requests per second and burst (SP-API reference)."""

    rate: float
    burst: int


# The documented default usage plans. `x-amzn-RateLimit-Limit` (the rate actually applied to
# this selling partner) replaces the rate once a response carries it.
RATE_LIMITS: Final[Mapping[str, RateLimit]] = {
    "getOrders": RateLimit(0.0167, 20),
    "getOrder": RateLimit(0.5, 30),
    "getOrderBuyerInfo": RateLimit(0.5, 30),
    "createRestrictedDataToken": RateLimit(1.0, 10),
    "getAttributes": RateLimit(1.0, 5),
    "getSolicitationActionsForOrder": RateLimit(1.0, 5),
    "createProductReviewAndSellerFeedbackSolicitation": RateLimit(1.0, 5),
}

REVIEW_SOLICITATION: Final = "productReviewAndSellerFeedback"
_TOKEN_MARGIN: Final = 60.0  # refresh an access token or RDT this many seconds before expiry
_MAX_BACKOFF: Final = 30.0


class SpapiError(Exception):
    """An SP-API call failed. `temporary`: throttled, 5xx or unreachable after every retry."""

    def __init__(
        self,
        operation: str,
        message: str,
        *,
        order_id: str | None = None,
        status: int | None = None,
        temporary: bool = False,
    ) -> None:
        where = f"{operation}" + (f" for order {order_id}" if order_id else "")
        super().__init__(f"SP-API {where}: {message}")
        self.operation = operation
        self.order_id = order_id
        self.status = status
        self.temporary = temporary


# Our bucket refills this much slower than the plan: requests sent exactly at the plan's rate
# arrive with network jitter, and one that lands a little early finds Amazon's bucket empty.
RATE_MARGIN: Final = 0.9


# And our bucket holds one token less than Amazon's: a sequential caller that has spent its
# burst leaves Amazon's bucket near zero, where a request that arrives a few milliseconds early
# (a busy host, a delayed predecessor) is throttled. The token left there absorbs that jitter.
BURST_MARGIN: Final = 1


class TokenBucket:
    """The SP-API's own algorithm on our side: `burst` tokens (less BURST_MARGIN), refilled at
    `rate` per second (times RATE_MARGIN)."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = limit.rate * RATE_MARGIN
        self.burst = max(1, limit.burst - BURST_MARGIN)
        self._tokens = float(self.burst)
        self._clock = clock
        self._updated = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(float(self.burst), self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    async def acquire(self) -> None:
        async with self._lock:  # waiters are served in order
            while True:
                self._refill()
                # (a hair under 1 counts: float rounding must not leave a sleep too short to
                # move the clock)
                if self._tokens >= 1.0 - 1e-9:
                    self._tokens -= 1.0
                    return
                await asyncio.sleep((1.0 - self._tokens) / self.rate)

    def drain(self) -> None:
        """A 429 says the server's bucket is empty: ours is too, whatever it counted."""
        self._refill()
        self._tokens = min(self._tokens, 0.0)

    def set_rate(self, rate: float) -> None:
        """The plan's rate as `x-amzn-RateLimit-Limit` reports it."""
        if rate > 0 and rate * RATE_MARGIN != self.rate:
            self._refill()
            self.rate = rate * RATE_MARGIN


@dataclass(frozen=True, slots=True)
class OrdersPage:
    orders: list[dict[str, Any]]
    next_token: str | None
    last_updated_before: str | None


CallObserver = Callable[[str, str], None]  # (operation, outcome: ok|throttled|error|failed)


class SpapiClient:
    """The operations the relay uses, each behind its own token bucket.

    `observe` is told about every HTTP attempt (for /metrics); `retry_backoff` is the base of
    the exponential backoff with full jitter after a 429, a 5xx or a network failure.
    """

    def __init__(
        self,
        settings: SpapiSettings,
        *,
        attempts: int = 6,
        retry_backoff: float = 1.0,
        observe: CallObserver | None = None,
    ) -> None:
        self.settings = settings
        self._attempts = attempts
        self._backoff = retry_backoff
        self._observe = observe or (lambda _op, _outcome: None)
        self._http = httpx.AsyncClient(
            timeout=settings.request_timeout, headers={"user-agent": "bsm-relay"}
        )
        self._buckets = {name: TokenBucket(limit) for name, limit in RATE_LIMITS.items()}
        self._token: str | None = None
        self._token_expires = 0.0
        self._token_lock = asyncio.Lock()
        self._rdts: dict[str, tuple[str, float]] = {}
        self._rdt_lock = asyncio.Lock()

    async def close(self) -> None:
        await self._http.aclose()

    # -- Login with Amazon ----------------------------------------------------------------

    async def access_token(self, *, force: bool = False) -> str:
        """The LWA access token, refreshed shortly before it expires (not per request)."""
        async with self._token_lock:
            if not force and self._token and time.monotonic() < self._token_expires:
                return self._token
            form = {
                "grant_type": "refresh_token",
                "refresh_token": self.settings.resolved_refresh_token(),
                "client_id": self.settings.client_id,
                "client_secret": self.settings.resolved_client_secret(),
            }
            last = "no answer"
            for attempt in range(self._attempts):
                try:
                    response = await self._http.post(self.settings.token_endpoint, data=form)
                except httpx.HTTPError as exc:
                    last = _transport_text(exc)
                    self._observe("lwaToken", "unreachable")
                else:
                    if response.status_code == 200:
                        body = _json(response)
                        token = body.get("access_token")
                        if not isinstance(token, str) or not token:
                            raise SpapiError("LWA token", "answer without access_token")
                        expires_in = float(body.get("expires_in") or 3600)
                        self._token = token
                        self._token_expires = time.monotonic() + max(
                            expires_in - _TOKEN_MARGIN, expires_in / 2
                        )
                        self._observe("lwaToken", "ok")
                        return token
                    if response.status_code != 429 and response.status_code < 500:
                        self._observe("lwaToken", "refused")
                        # LWA's error codes (invalid_grant, invalid_client) name no secret.
                        body = _json(response)
                        reason = str(body.get("error") or f"HTTP {response.status_code}")
                        if body.get("error_description"):
                            reason += f": {body['error_description']}"
                        raise SpapiError(
                            "LWA token",
                            f"refused ({reason})",
                            status=response.status_code,
                        )
                    last = f"HTTP {response.status_code}"
                    self._observe(
                        "lwaToken", "throttled" if response.status_code == 429 else "error"
                    )
                await asyncio.sleep(self._delay(attempt))
            self._observe("lwaToken", "failed")
            raise SpapiError("LWA token", f"unavailable ({last})", temporary=True)

    # -- the call loop --------------------------------------------------------------------

    def _delay(self, attempt: int) -> float:
        return random.uniform(0, min(_MAX_BACKOFF, self._backoff * 2**attempt))

    async def _call(
        self,
        operation: str,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        order_id: str | None = None,
        rdt: str | None = None,
        missing_ok: bool = False,
    ) -> dict[str, Any] | None:
        bucket = self._buckets[operation]
        url = self.settings.endpoint + path
        refreshed = False
        last = "no answer"
        for attempt in range(self._attempts):
            await bucket.acquire()
            token = rdt or await self.access_token()
            try:
                response = await self._http.request(
                    method,
                    url,
                    params=params,
                    json=body,
                    headers={"x-amz-access-token": token, "accept": "application/json"},
                )
            except httpx.HTTPError as exc:
                last = _transport_text(exc)
                self._observe(operation, "unreachable")
                await asyncio.sleep(self._delay(attempt))
                continue
            limit = response.headers.get("x-amzn-RateLimit-Limit")
            if limit:
                with contextlib.suppress(ValueError):
                    bucket.set_rate(float(limit))
            status = response.status_code
            if 200 <= status < 300:
                self._observe(operation, "ok")
                return _json(response)
            if status == 404 and missing_ok:
                self._observe(operation, "ok")
                return None
            if status == 429 or status >= 500:
                self._observe(operation, "throttled" if status == 429 else "error")
                if status == 429:
                    bucket.drain()
                last = f"HTTP {status}"
                await asyncio.sleep(self._delay(attempt))
                continue
            code, message = _error(response)
            if status == 403 and rdt is None and not refreshed and _token_problem(code, message):
                # The access token expired or was revoked early: one fresh token, one retry.
                refreshed = True
                await self.access_token(force=True)
                continue
            self._observe(operation, "refused")
            raise SpapiError(
                operation, f"HTTP {status} {code}: {message}", order_id=order_id, status=status
            )
        self._observe(operation, "failed")
        raise SpapiError(
            operation,
            f"unavailable after {self._attempts} attempts ({last})",
            order_id=order_id,
            temporary=True,
        )

    # -- Tokens API -----------------------------------------------------------------------

    async def restricted_data_token(self, path: str, data_elements: tuple[str, ...]) -> str:
        """An RDT for GET `path` with `data_elements` (PII), cached until shortly before expiry."""
        key = _rdt_key(path, data_elements)
        async with self._rdt_lock:
            cached = self._rdts.get(key)
            if cached and time.monotonic() < cached[1]:
                return cached[0]
            answer = await self._call(
                "createRestrictedDataToken",
                "POST",
                "/tokens/2021-03-01/restrictedDataToken",
                body={
                    "restrictedResources": [
                        {"method": "GET", "path": path, "dataElements": list(data_elements)}
                    ]
                },
            )
            assert answer is not None
            token = answer.get("restrictedDataToken")
            if not isinstance(token, str) or not token:
                raise SpapiError("createRestrictedDataToken", "answer without a token")
            expires_in = float(answer.get("expiresIn") or 3600)
            self._rdts[key] = (token, time.monotonic() + max(expires_in - _TOKEN_MARGIN, 1.0))
            return token

    async def _restricted(
        self, path: str, data_elements: tuple[str, ...], call: Callable[[str], Awaitable[T]]
    ) -> T:
        """`call` with an RDT; an RDT refused early (403) is dropped and replaced once."""
        for attempt in range(2):
            rdt = await self.restricted_data_token(path, data_elements)
            try:
                return await call(rdt)
            except SpapiError as exc:
                if exc.status != 403 or attempt == 1:
                    raise
                self._rdts.pop(_rdt_key(path, data_elements), None)
        raise AssertionError("unreachable")

    # -- Orders API -----------------------------------------------------------------------

    async def get_orders(
        self,
        marketplaces: list[str],
        *,
        last_updated_after: datetime | None = None,
        next_token: str | None = None,
    ) -> OrdersPage:
        """One page of getOrders, with the buyer info (an RDT for `buyerInfo`)."""
        params = {"MarketplaceIds": ",".join(marketplaces), "MaxResultsPerPage": "100"}
        if next_token:
            params["NextToken"] = next_token
        elif last_updated_after is not None:
            params["LastUpdatedAfter"] = iso(last_updated_after)
        answer = await self._restricted(
            "/orders/v0/orders",
            ("buyerInfo",),
            lambda rdt: self._call("getOrders", "GET", "/orders/v0/orders", params=params, rdt=rdt),
        )
        payload = _payload(answer)
        orders = payload.get("Orders") or []
        if not isinstance(orders, list):
            raise SpapiError("getOrders", "Orders is not a list")
        return OrdersPage(
            orders=[o for o in orders if isinstance(o, dict)],
            next_token=payload.get("NextToken") or None,
            last_updated_before=payload.get("LastUpdatedBefore") or None,
        )

    async def get_order(self, order_id: str) -> dict[str, Any] | None:
        """getOrder with its buyer info; None if Amazon has no such order.

        The RDT is for the generic path (`{orderId}` literally), valid for any order of the
        seller for an hour: one Tokens call per hour, not one per lookup.
        """
        path = f"/orders/v0/orders/{order_id}"
        answer = await self._restricted(
            "/orders/v0/orders/{orderId}",
            ("buyerInfo",),
            lambda rdt: self._call(
                "getOrder", "GET", path, order_id=order_id, rdt=rdt, missing_ok=True
            ),
        )
        if answer is None:
            return None
        payload = _payload(answer)
        return payload or None

    async def get_order_buyer_info(self, order_id: str) -> dict[str, Any]:
        path = f"/orders/v0/orders/{order_id}/buyerInfo"
        answer = await self._restricted(
            "/orders/v0/orders/{orderId}/buyerInfo",
            (),
            lambda rdt: self._call("getOrderBuyerInfo", "GET", path, order_id=order_id, rdt=rdt),
        )
        return _payload(answer)

    # -- Messaging API --------------------------------------------------------------------

    async def buyer_locale(self, order_id: str, marketplace_id: str) -> str | None:
        """The buyer's preferred locale (Messaging getAttributes), e.g. `de-DE`."""
        answer = await self._call(
            "getAttributes",
            "GET",
            f"/messaging/v1/orders/{order_id}/attributes",
            params={"marketplaceIds": marketplace_id},
            order_id=order_id,
            missing_ok=True,
        )
        buyer = (answer or {}).get("buyer") or {}
        locale = buyer.get("locale") if isinstance(buyer, dict) else None
        return locale if isinstance(locale, str) and locale else None

    # -- Solicitations API ----------------------------------------------------------------

    async def solicitation_actions(self, order_id: str, marketplace_id: str) -> list[str]:
        """The solicitation types Amazon offers for this order now (HAL `_links.actions`)."""
        answer = await self._call(
            "getSolicitationActionsForOrder",
            "GET",
            f"/solicitations/v1/orders/{order_id}",
            params={"marketplaceIds": marketplace_id},
            order_id=order_id,
            missing_ok=True,
        )
        links = (answer or {}).get("_links") or {}
        actions = links.get("actions") or [] if isinstance(links, dict) else []
        return [str(a.get("name")) for a in actions if isinstance(a, dict) and a.get("name")]

    async def request_review(self, order_id: str, marketplace_id: str) -> None:
        """createProductReviewAndSellerFeedbackSolicitation: Amazon's own review request."""
        await self._call(
            "createProductReviewAndSellerFeedbackSolicitation",
            "POST",
            f"/solicitations/v1/orders/{order_id}/solicitations/{REVIEW_SOLICITATION}",
            params={"marketplaceIds": marketplace_id},
            order_id=order_id,
        )


def _rdt_key(path: str, data_elements: tuple[str, ...]) -> str:
    return f"{path}|{','.join(data_elements)}"


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _payload(answer: dict[str, Any] | None) -> dict[str, Any]:
    payload = (answer or {}).get("payload")
    return payload if isinstance(payload, dict) else {}


def _error(response: httpx.Response) -> tuple[str, str]:
    """Amazon's first error (`{"errors": [{"code", "message", "details"}]}`), one line."""
    errors = _json(response).get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        message = " ".join(
            str(part) for part in (first.get("message"), first.get("details")) if part
        )
        return str(first.get("code") or "Error"), " ".join(message.split())[:300]
    return "Error", response.reason_phrase or "no details"


def _token_problem(code: str, message: str) -> bool:
    text = f"{code} {message}".lower()
    return "unauthorized" in text or "expired" in text or "token" in text


def _transport_text(exc: httpx.HTTPError) -> str:
    # httpx's texts name the URL at most (endpoints carry no secret); the class says enough.
    return type(exc).__name__
