"""An Orders API order (JSON) as the store's Order."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

from relay.model.types import Order
from relay.orders_import import STATUSES
from relay.spapi.marketplaces import MARKETPLACES

# Fields the Orders API does not provide: a stored value (from a CSV import) is kept.
NOT_FROM_API: Final = ("opted_out", "delivery_date", "review_requested_at", "buyer_locale")
_SHIPPED: Final = frozenset({"Shipped", "PartiallyShipped"})
# Amazon releases the buyer's details only once an order leaves these states.
PENDING: Final = frozenset({"Pending", "PendingAvailability"})


class OrderShapeError(ValueError):
    """The API's order lacks something the store needs; the text says what."""


class OrderNotReady(OrderShapeError):
    """A pending order without its buyer yet: taken when it changes (its LastUpdateDate moves)."""


def parse_time(value: object) -> datetime | None:
    """An SP-API ISO 8601 time (`2026-11-10T08:00:00Z`) as aware UTC; None when absent."""
    if not value:
        return None
    if not isinstance(value, str):
        raise OrderShapeError(f"not a time: {value!r}")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise OrderShapeError(f"not an ISO 8601 time: {value!r}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def order_from_api(data: dict[str, Any], *, buyer_locale: str | None = None) -> Order:
    """The store's view of one order (getOrders or getOrder with the buyerInfo RDT).

    The Orders API has no actual ship or delivery date: a shipped order's ship date is its
    LatestShipDate (the latest it can have left), the delivery window is Earliest/Latest
    DeliveryDate, and the delivery date stays unknown (a stored one from a CSV is kept).
    """
    order_id = data.get("AmazonOrderId")
    if not isinstance(order_id, str) or not order_id:
        raise OrderShapeError("no AmazonOrderId")
    buyer = data.get("BuyerInfo") or {}
    email = buyer.get("BuyerEmail") if isinstance(buyer, dict) else None
    if not isinstance(email, str) or "@" not in email:
        if data.get("OrderStatus") in PENDING:
            raise OrderNotReady(f"order {order_id} is pending: no buyer alias yet")
        raise OrderShapeError(f"order {order_id} has no BuyerEmail (buyer alias)")
    marketplace = MARKETPLACES.get(str(data.get("MarketplaceId") or ""))
    if marketplace is None:
        raise OrderShapeError(
            f"order {order_id}: unknown MarketplaceId {data.get('MarketplaceId')}"
        )
    purchased = parse_time(data.get("PurchaseDate"))
    if purchased is None:
        raise OrderShapeError(f"order {order_id} has no PurchaseDate")
    raw_status = str(data.get("OrderStatus") or "")
    status = STATUSES.get(raw_status.lower(), raw_status or None)
    return Order(
        order_id=order_id,
        buyer_email=email.strip().lower(),
        purchase_date=purchased,
        marketplace=marketplace,
        status=status,
        ship_date=parse_time(data.get("LatestShipDate")) if status in _SHIPPED else None,
        earliest_delivery_date=parse_time(data.get("EarliestDeliveryDate")),
        latest_delivery_date=parse_time(data.get("LatestDeliveryDate")),
        buyer_locale=buyer_locale,
    )


def last_update(data: dict[str, Any]) -> datetime | None:
    try:
        return parse_time(data.get("LastUpdateDate"))
    except OrderShapeError:
        return None
