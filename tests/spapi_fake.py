"""A fake Selling Partner API on 127.0.0.1 (Starlette under uvicorn, in its own thread).

It answers the LWA token endpoint and the Orders, Tokens, Messaging and Solicitations
operations the relay uses, with their documented JSON shapes, so the relay's real client runs
against it unchanged. It checks what Amazon checks (credentials, access token or RDT, each
operation's rate and burst as it advertises in `x-amzn-RateLimit-Limit`) and counts every call;
a call beyond the advertised rate is recorded in `violations` (the tests assert there are none)
and answered 429 as Amazon would. Faults are injected per test: a 429 every Nth call, 503s,
hangs, access tokens that expire early.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.conftest import free_port

CLIENT_ID = "amzn1.application-oa2-client.fake0000000000000000"
CLIENT_SECRET = "fake-client-secret-7d2f1c9e8b6a4d3c2b1a"
REFRESH_TOKEN = "Atzr|fake-refresh-token-4f5e6d7c8b9a0f1e2d3c"
MARKETPLACES = {"A1PA6795UKMFR9": "de", "A13V1IB3VIYZZH": "fr", "A1F83G8C2ARO7P": "co.uk"}
LOCALES = {"A1PA6795UKMFR9": "de-DE", "A13V1IB3VIYZZH": "fr-FR", "A1F83G8C2ARO7P": "en-GB"}

# Rates the fake advertises (and enforces) in the tests: the documented bursts, faster rates
# so a suite run takes seconds, not the minutes the real getOrders rate (1/min) would take.
FAST_RATES: dict[str, tuple[float, int]] = {
    "getOrders": (20.0, 20),
    "getOrder": (20.0, 30),
    "getOrderBuyerInfo": (20.0, 30),
    "createRestrictedDataToken": (20.0, 10),
    "getAttributes": (50.0, 5),
    "getSolicitationActionsForOrder": (20.0, 5),
    "createProductReviewAndSellerFeedbackSolicitation": (20.0, 5),
}


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def order_id_for(number: int) -> str:
    return f"302-{1000000 + number:07d}-{2000000 + number:07d}"


@dataclass
class Bucket:
    rate: float
    burst: int
    tokens: float = 0.0
    updated: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(float(self.burst), self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        # A little slack for the network: a request sent on time may arrive a hair early.
        if self.tokens >= 0.95:
            self.tokens -= 1.0
            return True
        return False


@dataclass
class FakeSpapi:
    rates: dict[str, tuple[float, int]] = field(default_factory=lambda: dict(FAST_RATES))
    page_size: int = 50
    throttle_every: int = 0  # every Nth SP-API call answers 429 (0: never)
    fail_503_at: set[int] = field(default_factory=set)  # these call numbers answer 503
    outage: dict[str, int] = field(default_factory=dict)  # op -> its call number from which 503
    hang_seconds: float = 0.0  # every SP-API call waits this long before answering
    page_delay: float = 0.0  # getOrders waits this long before each page
    token_lifetime: int = 3600
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    locales: dict[str, str] = field(default_factory=dict)
    not_solicitable: set[str] = field(default_factory=set)
    solicitations: list[str] = field(default_factory=list)
    calls: Counter[str] = field(default_factory=Counter)
    served: Counter[str] = field(default_factory=Counter)  # calls answered 2xx, per operation
    returned_orders: list[str] = field(default_factory=list)  # getOrders' order ids, in order
    violations: list[str] = field(default_factory=list)
    token_requests: int = 0
    call_number: int = 0

    def __post_init__(self) -> None:
        self._buckets = {op: Bucket(rate, burst) for op, (rate, burst) in self.rates.items()}
        self._access: dict[str, float] = {}
        self._rdts: dict[str, tuple[list[dict[str, Any]], float]] = {}
        self._pages: dict[str, tuple[list[str], int]] = {}
        self._lock = threading.Lock()
        self.port = free_port()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # -- data -----------------------------------------------------------------------------

    def add_orders(self, count: int, *, start: int = 0, updated: datetime | None = None) -> None:
        """`count` orders spread over the three marketplaces, purchased in the last days."""
        now = datetime.now(UTC)
        ids = list(MARKETPLACES)
        for number in range(start, start + count):
            mid = ids[number % len(ids)]
            self.put_order(
                order_id_for(number),
                marketplace_id=mid,
                purchased=now - timedelta(days=10, minutes=number),
                updated=updated or now - timedelta(hours=2, minutes=number % 60),
            )

    def put_order(
        self,
        order_id: str,
        *,
        marketplace_id: str = "A1PA6795UKMFR9",
        buyer_email: str | None = None,
        purchased: datetime | None = None,
        updated: datetime | None = None,
        status: str = "Shipped",
        locale: str | None = None,
    ) -> dict[str, Any]:
        now = datetime.now(UTC)
        purchased = purchased or now - timedelta(days=10)
        suffix = MARKETPLACES[marketplace_id]
        local = order_id.replace("-", "")[-10:]
        order = {
            "AmazonOrderId": order_id,
            "PurchaseDate": iso(purchased),
            "LastUpdateDate": iso(updated or now),
            "OrderStatus": status,
            "MarketplaceId": marketplace_id,
            "SalesChannel": f"Amazon.{suffix}",
            "EarliestShipDate": iso(purchased + timedelta(days=1)),
            "LatestShipDate": iso(purchased + timedelta(days=2)),
            "EarliestDeliveryDate": iso(purchased + timedelta(days=3)),
            "LatestDeliveryDate": iso(purchased + timedelta(days=5)),
            "BuyerInfo": {
                "BuyerEmail": buyer_email or f"b{local}@marketplace.amazon.{suffix}",
            },
        }
        with self._lock:
            self.orders[order_id] = order
            self.locales[order_id] = locale or LOCALES[marketplace_id]
        return order

    def touch(self, order_id: str, **changes: Any) -> None:
        """Change an order as Amazon would (status, dates): its LastUpdateDate moves to now."""
        with self._lock:
            self.orders[order_id].update(changes)
            self.orders[order_id]["LastUpdateDate"] = iso(datetime.now(UTC))

    def expire_tokens(self, *, rdts: bool = False) -> None:
        """Every access token (and with `rdts`, every RDT) issued so far stops working now."""
        with self._lock:
            for token in self._access:
                self._access[token] = 0.0
            if rdts:
                for token, (resources, _expiry) in list(self._rdts.items()):
                    self._rdts[token] = (resources, 0.0)

    # -- server ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token_url(self) -> str:
        return f"{self.url}/auth/o2/token"

    def settings_toml(self, **extra: object) -> str:
        values: dict[str, object] = {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "refresh_token": REFRESH_TOKEN,
            "endpoint": self.url,
            "token_endpoint": self.token_url,
            "retry_backoff": 0.05,
            **extra,
        }
        lines = ["[spapi]", 'marketplaces = ["' + '", "'.join(MARKETPLACES) + '"]']
        for key, value in values.items():
            lines.append(f'{key} = "{value}"' if isinstance(value, str) else f"{key} = {value}")
        return "\n".join(lines) + "\n"

    def start(self) -> FakeSpapi:
        routes = [
            Route("/auth/o2/token", self._lwa, methods=["POST"]),
            Route("/tokens/2021-03-01/restrictedDataToken", self._rdt, methods=["POST"]),
            Route("/orders/v0/orders", self._get_orders, methods=["GET"]),
            Route("/orders/v0/orders/{order_id}", self._get_order, methods=["GET"]),
            Route("/orders/v0/orders/{order_id}/buyerInfo", self._buyer_info, methods=["GET"]),
            Route("/messaging/v1/orders/{order_id}/attributes", self._attributes, methods=["GET"]),
            Route("/solicitations/v1/orders/{order_id}", self._actions, methods=["GET"]),
            Route(
                "/solicitations/v1/orders/{order_id}/solicitations/productReviewAndSellerFeedback",
                self._solicit,
                methods=["POST"],
            ),
        ]
        app = Starlette(routes=routes)
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("fake SP-API did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._server.force_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)

    # -- checks every operation makes -----------------------------------------------------

    async def _gate(self, request: Request, operation: str) -> JSONResponse | None:
        """Count the call, inject faults, check the token and the rate; None = go on."""
        with self._lock:
            self.calls[operation] += 1
            self.call_number += 1
            number = self.call_number
        if self.hang_seconds:
            await asyncio.sleep(self.hang_seconds)
        rate, _burst = self.rates[operation]
        headers = {"x-amzn-RateLimit-Limit": f"{rate}"}
        if not self._buckets[operation].take():
            self.violations.append(f"{operation} call {number}: over {rate}/s")
            return _errors(429, "QuotaExceeded", "You exceeded your quota.", headers)
        if number in self.fail_503_at or self.calls[operation] >= self.outage.get(
            operation, 1 << 62
        ):
            return _errors(503, "ServiceUnavailable", "Service temporarily unavailable.", headers)
        if self.throttle_every and number % self.throttle_every == 0:
            return _errors(429, "QuotaExceeded", "You exceeded your quota.", headers)
        token = request.headers.get("x-amz-access-token", "")
        if not self._token_valid(token):
            return _errors(
                403,
                "Unauthorized",
                "Access to requested resource is denied.",
                headers,
                details="The access token you provided has expired.",
            )
        return None

    def _token_valid(self, token: str) -> bool:
        now = time.time()
        if token in self._access:
            return self._access[token] > now
        if token in self._rdts:
            return self._rdts[token][1] > now
        return False

    def _rdt_allows(self, request: Request, path: str, element: str | None) -> bool:
        token = request.headers.get("x-amz-access-token", "")
        if token not in self._rdts:
            return False
        for resource in self._rdts[token][0]:
            # A generic path ("{orderId}" literally) covers every order (Tokens API guide).
            generic = re.sub(r"\d{3}-\d{7}-\d{7}", "{orderId}", path)
            if resource.get("path") in (path, generic) and (
                element is None or element in (resource.get("dataElements") or [])
            ):
                return True
        return False

    def _ok(self, operation: str, body: dict[str, Any], status: int = 200) -> JSONResponse:
        with self._lock:
            self.served[operation] += 1
        rate, _burst = self.rates[operation]
        return JSONResponse(body, status_code=status, headers={"x-amzn-RateLimit-Limit": f"{rate}"})

    # -- Login with Amazon ----------------------------------------------------------------

    async def _lwa(self, request: Request) -> JSONResponse:
        # application/x-www-form-urlencoded, read by hand (no python-multipart needed)
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        self.token_requests += 1
        if form.get("grant_type") != "refresh_token":
            return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return JSONResponse(
                {"error": "invalid_client", "error_description": "Client authentication failed"},
                status_code=401,
            )
        if form.get("refresh_token") != REFRESH_TOKEN:
            return JSONResponse(
                {"error": "invalid_grant", "error_description": "The request has an invalid grant"},
                status_code=400,
            )
        token = "Atza|" + secrets.token_urlsafe(24)
        with self._lock:
            self._access[token] = time.time() + self.token_lifetime
        return JSONResponse(
            {"access_token": token, "token_type": "bearer", "expires_in": self.token_lifetime}
        )

    # -- Tokens API -----------------------------------------------------------------------

    async def _rdt(self, request: Request) -> JSONResponse:
        refused = await self._gate(request, "createRestrictedDataToken")
        if refused is not None:
            return refused
        if request.headers.get("x-amz-access-token", "") not in self._access:
            return _errors(403, "Unauthorized", "An RDT cannot create an RDT.")
        body = await request.json()
        resources = body.get("restrictedResources") or []
        token = "Atz.sprdt|" + secrets.token_urlsafe(24)
        with self._lock:
            self._rdts[token] = (resources, time.time() + 3600)
        return self._ok(
            "createRestrictedDataToken", {"restrictedDataToken": token, "expiresIn": 3600}
        )

    # -- Orders API -----------------------------------------------------------------------

    async def _get_orders(self, request: Request) -> JSONResponse:
        refused = await self._gate(request, "getOrders")
        if refused is not None:
            return refused
        if self.page_delay:
            await asyncio.sleep(self.page_delay)
        params = request.query_params
        markets = [m for m in params.get("MarketplaceIds", "").split(",") if m]
        if not markets:
            return _errors(400, "InvalidInput", "MarketplaceIds is required.")
        next_token = params.get("NextToken")
        if next_token:
            if next_token not in self._pages:
                return _errors(400, "InvalidInput", "Invalid NextToken.")
            ids, offset = self._pages.pop(next_token)
        else:
            after_text = params.get("LastUpdatedAfter")
            if not after_text:
                return _errors(400, "InvalidInput", "LastUpdatedAfter or CreatedAfter required.")
            after = datetime.fromisoformat(after_text.replace("Z", "+00:00"))
            with self._lock:
                ids = sorted(
                    oid
                    for oid, o in self.orders.items()
                    if o["MarketplaceId"] in markets
                    and datetime.fromisoformat(o["LastUpdateDate"].replace("Z", "+00:00")) >= after
                )
            offset = 0
        size = min(self.page_size, int(params.get("MaxResultsPerPage", "100")))
        chunk = ids[offset : offset + size]
        with_buyer = self._rdt_allows(request, "/orders/v0/orders", "buyerInfo")
        orders = [self._shown(self.orders[oid], with_buyer) for oid in chunk]
        self.returned_orders.extend(chunk)
        payload: dict[str, Any] = {"Orders": orders, "LastUpdatedBefore": iso(datetime.now(UTC))}
        if offset + size < len(ids):
            token = secrets.token_urlsafe(16)
            self._pages[token] = (ids, offset + size)
            payload["NextToken"] = token
        return self._ok("getOrders", {"payload": payload})

    @staticmethod
    def _shown(order: dict[str, Any], with_buyer: bool) -> dict[str, Any]:
        shown = dict(order)
        if not with_buyer:
            shown["BuyerInfo"] = {}  # PII only with an RDT for buyerInfo
        return shown

    async def _get_order(self, request: Request) -> JSONResponse:
        refused = await self._gate(request, "getOrder")
        if refused is not None:
            return refused
        order_id = request.path_params["order_id"]
        order = self.orders.get(order_id)
        if order is None:
            return _errors(404, "NotFound", f"Order {order_id} not found.")
        path = f"/orders/v0/orders/{order_id}"
        with_buyer = self._rdt_allows(request, path, "buyerInfo")
        return self._ok("getOrder", {"payload": self._shown(order, with_buyer)})

    async def _buyer_info(self, request: Request) -> JSONResponse:
        refused = await self._gate(request, "getOrderBuyerInfo")
        if refused is not None:
            return refused
        order_id = request.path_params["order_id"]
        order = self.orders.get(order_id)
        if order is None:
            return _errors(404, "NotFound", f"Order {order_id} not found.")
        if not self._rdt_allows(request, f"/orders/v0/orders/{order_id}/buyerInfo", None):
            return _errors(403, "Unauthorized", "Access to requested resource is denied.")
        return self._ok(
            "getOrderBuyerInfo", {"payload": {"AmazonOrderId": order_id, **order["BuyerInfo"]}}
        )

    # -- Messaging API --------------------------------------------------------------------

    async def _attributes(self, request: Request) -> JSONResponse:
        refused = await self._gate(request, "getAttributes")
        if refused is not None:
            return refused
        order_id = request.path_params["order_id"]
        if order_id not in self.orders:
            return _errors(404, "NotFound", f"Order {order_id} not found.")
        if not request.query_params.get("marketplaceIds"):
            return _errors(400, "InvalidInput", "marketplaceIds is required.")
        return self._ok("getAttributes", {"buyer": {"locale": self.locales[order_id]}})

    # -- Solicitations API ----------------------------------------------------------------

    def _offered(self, order_id: str) -> bool:
        return (
            order_id in self.orders
            and order_id not in self.not_solicitable
            and order_id not in self.solicitations
        )

    async def _actions(self, request: Request) -> JSONResponse:
        refused = await self._gate(request, "getSolicitationActionsForOrder")
        if refused is not None:
            return refused
        order_id = request.path_params["order_id"]
        market = request.query_params.get("marketplaceIds", "")
        base = f"/solicitations/v1/orders/{order_id}"
        actions = []
        if self._offered(order_id):
            actions.append(
                {
                    "href": f"{base}/solicitations/productReviewAndSellerFeedback"
                    f"?marketplaceIds={market}",
                    "name": "productReviewAndSellerFeedback",
                }
            )
        body = {
            "_links": {"self": {"href": f"{base}?marketplaceIds={market}"}, "actions": actions},
            "_embedded": {"actions": []},
        }
        return self._ok("getSolicitationActionsForOrder", body)

    async def _solicit(self, request: Request) -> JSONResponse:
        operation = "createProductReviewAndSellerFeedbackSolicitation"
        refused = await self._gate(request, operation)
        if refused is not None:
            return refused
        order_id = request.path_params["order_id"]
        if not self._offered(order_id):
            return _errors(403, "Unauthorized", "This solicitation is not available.")
        self.solicitations.append(order_id)
        return self._ok(operation, {}, status=201)


def _errors(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    *,
    details: str = "",
) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"code": code, "message": message, "details": details}]},
        status_code=status,
        headers=headers,
    )
