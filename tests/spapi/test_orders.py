"""An Orders API order as the store's Order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from relay.spapi.orders import OrderNotReady, OrderShapeError, order_from_api
from tests.spapi_fake import FakeSpapi


def api_order(**changes: object) -> dict[str, object]:
    order = FakeSpapi().put_order(
        "302-7700020-7700020",
        buyer_email="Q9W8E7R6T5@marketplace.amazon.de",
        purchased=datetime(2026, 11, 10, 8, 30, tzinfo=UTC),
    )
    order.update(changes)
    return order


def test_fields_come_from_their_documented_names() -> None:
    order = order_from_api(api_order(), buyer_locale="de-DE")
    assert order.order_id == "302-7700020-7700020"
    assert order.buyer_email == "q9w8e7r6t5@marketplace.amazon.de"
    assert order.marketplace == "amazon.de"
    assert order.status == "Shipped"
    assert order.purchase_date == datetime(2026, 11, 10, 8, 30, tzinfo=UTC)
    assert order.ship_date == datetime(2026, 11, 12, 8, 30, tzinfo=UTC)  # LatestShipDate
    assert order.earliest_delivery_date == datetime(2026, 11, 13, 8, 30, tzinfo=UTC)
    assert order.latest_delivery_date == datetime(2026, 11, 15, 8, 30, tzinfo=UTC)
    assert order.delivery_date is None and order.opted_out is False
    assert order.buyer_locale == "de-DE"
    assert order_from_api(api_order(OrderStatus="Unshipped")).ship_date is None


def test_a_pending_order_waits_and_a_broken_one_is_refused_with_the_reason() -> None:
    with pytest.raises(OrderNotReady):
        order_from_api(api_order(OrderStatus="Pending", BuyerInfo={}))
    with pytest.raises(OrderShapeError, match="has no BuyerEmail"):
        order_from_api(api_order(BuyerInfo={}))
    with pytest.raises(OrderShapeError, match="unknown MarketplaceId XYZ"):
        order_from_api(api_order(MarketplaceId="XYZ"))
    with pytest.raises(OrderShapeError, match="not an ISO 8601 time"):
        order_from_api(api_order(PurchaseDate="yesterday"))
