"""orders import: the order CSV and Amazon's order report, good and bad rows, both engines."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from relay.orders_import import (
    ImportFileError,
    ImportReport,
    RefusedRow,
    import_file,
    parse_orders,
    read_orders,
)
from relay.store import SqlStore, StoreError, async_url, open_store
from tests.conftest import console_script

PG_URL = os.environ.get("BSM_RELAY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SqlStore]:
    schema = f"t_{uuid.uuid4().hex[:16]}"
    if request.param == "sqlite":
        opened = await open_store(f"sqlite:///{tmp_path}/relay.db")
    else:
        try:
            opened = await open_store(PG_URL, schema=schema)
        except StoreError as exc:
            pytest.fail(f"PostgreSQL for the tests is unreachable ({exc})")
    yield opened
    await opened.close()
    if request.param == "postgresql":
        engine = create_async_engine(async_url(PG_URL))
        async with engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await engine.dispose()


def write(tmp_path: Path, content: str | bytes, name: str = "orders.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


GOOD_CSV = (
    "order_id,buyer_email,purchase_date,marketplace,status,ship_date,earliest_delivery_date,"
    "latest_delivery_date,delivery_date,buyer_locale,opted_out,review_requested_at\n"
    "302-9100001-9100001,k9x2m4p7q1@marketplace.amazon.de,2026-11-10T09:30:00Z,amazon.de,"
    "Delivered,2026-11-12,2026-11-14,2026-11-18,2026-11-17T15:45:00+01:00,de-DE,false,\n"
    "171-9100002-9100002,zz8y7x6w5v@marketplace.amazon.fr,2026-11-11,,Shipped,,,,,,true,"
    "2026-11-19T08:00:00\n"
)


async def test_good_csv_imports_every_field(store: SqlStore, tmp_path: Path) -> None:
    report = await import_file(write(tmp_path, GOOD_CSV), store)
    assert report == ImportReport(imported=2, refused=())
    de = await store.get_order("302-9100001-9100001")
    assert de is not None
    assert de.buyer_email == "k9x2m4p7q1@marketplace.amazon.de"
    assert de.purchase_date == datetime(2026, 11, 10, 9, 30, tzinfo=UTC)
    assert de.delivery_date == datetime(2026, 11, 17, 14, 45, tzinfo=UTC)  # +01:00 -> UTC
    assert de.earliest_delivery_date == datetime(2026, 11, 14, tzinfo=UTC)
    assert de.latest_delivery_date == datetime(2026, 11, 18, tzinfo=UTC)
    assert de.ship_date == datetime(2026, 11, 12, tzinfo=UTC)
    assert (de.status, de.buyer_locale, de.opted_out) == ("Delivered", "de-DE", False)
    assert de.review_requested_at is None
    fr = await store.get_order("171-9100002-9100002")
    assert fr is not None
    # Marketplace and locale default from the alias domain; a date without zone is UTC.
    assert (fr.marketplace, fr.buyer_locale, fr.opted_out) == ("amazon.fr", "fr", True)
    assert fr.review_requested_at == datetime(2026, 11, 19, 8, 0, tzinfo=UTC)


async def test_reimport_is_idempotent(store: SqlStore, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_CSV)
    first = await import_file(path, store)
    before = await store.get_order("302-9100001-9100001")
    second = await import_file(path, store)
    assert first == second
    assert await store.count_orders() == 2
    assert await store.get_order("302-9100001-9100001") == before


async def test_columns_in_any_order_bom_crlf_and_quotes(store: SqlStore, tmp_path: Path) -> None:
    content = (
        '\ufeff"purchase_date","order_id","status","buyer_email","opted_out"\r\n'
        '"2026-11-10","028-9100003-9100003","Delivered","""odd""@example.com","false"\r\n'
        '"2026-11-10","028-9100004-9100004","Delivered","Q1W2E3+tok@Marketplace.Amazon.co.uk",'
        '"FALSE"\r\n'
        '"2026-11-10","028-9100005-9100005","Pending, awaiting","r5t6y7@marketplace.amazon.co.uk",'
        '"false"\r\n'
    )
    report = await import_file(write(tmp_path, content), store)
    assert report.imported == 1
    assert report.refused == (
        RefusedRow(
            2, "bad buyer alias '\"odd\"@example.com' (expected …@marketplace.amazon.<suffix>)"
        ),
        RefusedRow(
            4,
            "bad status 'Pending, awaiting' (expected Pending, Unshipped, Shipped, Delivered or "
            "Canceled)",
        ),
    )
    uk = await store.get_order("028-9100004-9100004")
    assert uk is not None
    assert uk.buyer_email == "q1w2e3+tok@marketplace.amazon.co.uk"  # +token kept
    assert (uk.marketplace, uk.buyer_locale) == ("amazon.co.uk", "en")


async def test_bad_rows_are_refused_with_line_and_reason(store: SqlStore, tmp_path: Path) -> None:
    content = (
        "order_id,buyer_email,purchase_date,marketplace,opted_out,buyer_locale\n"
        "302-9100006-9100006,a1@marketplace.amazon.de,2026-11-10,,,\n"  # 2: good
        "302-910006-9100006,a2@marketplace.amazon.de,2026-11-10,,,\n"  # 3: short middle group
        "302-9100007-9100007,a3@gmail.com,2026-11-10,,,\n"  # 4: not an alias
        "302-9100008-9100008,a4@marketplace.amazon.de,10/11/2026,,,\n"  # 5: not ISO
        "\n"  # 6: blank, ignored
        '302-9100009-9100009,a5@marketplace.amazon.de,"2026-11-10",,maybe,\n'  # 7: bad bool
        "302-9100010-9100010,,2026-11-10,,,\n"  # 8: missing alias
        "302-9100011-9100011,a6@marketplace.amazon.de,2026-11-10,amazon.fr,,\n"  # 9: mismatch
        "302-9100012-9100012,a7@marketplace.amazon.de,2026-11-10,,,German\n"  # 10: bad locale
        "302-9100013-9100013,a8@marketplace.amazon.de,2026-11-10,,,,extra\n"  # 11: too many
        "302-9100014-9100014,a9@marketplace.amazon.de,2026-02-30,,,\n"  # 12: no such day
    )
    report = await import_file(write(tmp_path, content), store)
    assert report.imported == 1
    lines = {r.line: r.reason for r in report.refused}
    assert sorted(lines) == [3, 4, 5, 7, 8, 9, 10, 11, 12]
    assert lines[3].startswith("bad order id '302-910006-9100006'")
    assert lines[4].startswith("bad buyer alias")
    assert lines[5].startswith("bad purchase_date '10/11/2026'")
    assert lines[7].startswith("bad opted_out 'maybe'")
    assert lines[8] == "missing buyer_email"
    assert lines[9] == "marketplace amazon.fr does not match the buyer alias domain amazon.de"
    assert lines[10].startswith("bad buyer_locale 'German'")
    assert lines[11] == "7 fields, the header has 6"
    assert lines[12].startswith("bad purchase_date '2026-02-30'")
    assert await store.count_orders() == 1


async def test_line_numbers_count_quoted_newlines(tmp_path: Path) -> None:
    content = (
        "order_id,buyer_email,purchase_date,status\n"
        '302-9100015-9100015,b1@marketplace.amazon.de,2026-11-10,"Delivered"\n'
        '302-9100016-9100016,b2@marketplace.amazon.de,2026-11-10,"two\nlines"\n'
        "bad,b3@marketplace.amazon.de,2026-11-10,\n"
    )
    orders, refused = parse_orders(content)
    assert [o.order_id for o in orders] == ["302-9100015-9100015"]
    assert [r.line for r in refused] == [3, 5]


def test_unknown_column_set_refuses_the_file(tmp_path: Path) -> None:
    content = "order,email,date\n302-9100017-9100017,c@marketplace.amazon.de,2026-11-10\n"
    with pytest.raises(ImportFileError) as caught:
        parse_orders(content, name="x.csv")
    message = str(caught.value)
    assert "unknown column set" in message and "'order'" in message
    assert "\n" not in message


def test_misspelt_optional_column_refuses_the_file() -> None:
    content = "order_id,buyer_email,purchase_date,optedout\n"
    with pytest.raises(ImportFileError, match="unknown column\\(s\\) 'optedout'"):
        parse_orders(content)


def test_missing_required_column_refuses_the_file() -> None:
    with pytest.raises(ImportFileError, match="missing required column\\(s\\) purchase_date"):
        parse_orders("order_id,buyer_email\n302-9100018-9100018,d@marketplace.amazon.de\n")


def test_empty_file_is_refused() -> None:
    with pytest.raises(ImportFileError, match="empty file"):
        parse_orders("\n\n")


async def test_unreadable_file(tmp_path: Path, store: SqlStore) -> None:
    with pytest.raises(ImportFileError, match="cannot read"):
        await import_file(tmp_path / "missing.csv", store)


def test_semicolon_csv_and_windows_1252(tmp_path: Path) -> None:
    content = (
        "order_id;buyer_email;purchase_date;status\r\n"
        "302-9100019-9100019;é1@marketplace.amazon.fr;2026-11-10;Delivered\r\n"
    )
    orders, refused = read_orders(write(tmp_path, content.encode("cp1252")))
    assert refused == []
    assert orders[0].buyer_email == "é1@marketplace.amazon.fr"


# Amazon's flat-file order report: tab separated, one row per item, many ignored columns.
REPORT_HEADER = (
    "order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\t"
    "sku\tproduct-name\tquantity-purchased\tcurrency\titem-price\tship-service-level\t"
    "recipient-name\tship-city\tship-country\tsales-channel\tearliest-ship-date\t"
    "latest-ship-date\tearliest-delivery-date\tlatest-delivery-date\tis-business-order\tis-prime"
)


def report_row(
    order_id: str,
    email: str,
    channel: str = "Amazon.de",
    purchase: str = "2026-11-10T08:12:44+00:00",
) -> str:
    return "\t".join(
        [
            order_id, "21436587091234", purchase, purchase, email, "Erika Mustermann",
            "MUG-01", "Tasse, blau", "1", "EUR", "12.99", "Standard", "Erika Mustermann",
            "Berlin", "DE", channel, "2026-11-11T00:00:00+00:00", "2026-11-12T23:59:59+00:00",
            "2026-11-14T00:00:00+00:00", "2026-11-18T23:59:59+00:00", "false", "true",
        ]
    )  # fmt: skip


async def test_amazon_order_report(store: SqlStore, tmp_path: Path) -> None:
    rows = [
        REPORT_HEADER,
        report_row("302-9100020-9100020", "h4j5k6l7m8@marketplace.amazon.de"),
        report_row("302-9100020-9100020", "h4j5k6l7m8@marketplace.amazon.de"),  # 2nd item
        report_row("403-9100021-9100021", "n1b2v3c4x5@marketplace.amazon.it", "Amazon.it"),
        report_row("403-9100022-9100022", "z9@example.com", "Non-Amazon"),
        report_row("403-9100023-9100023", "p0o9i8@marketplace.amazon.it", "Amazon.it", "gestern"),
    ]
    path = write(tmp_path, "\r\n".join(rows) + "\r\n", "report.txt")
    report = await import_file(path, store)
    assert report.imported == 3
    assert [(r.line, r.reason.split(" ")[0]) for r in report.refused] == [
        (5, "sales-channel"),
        (6, "bad"),
    ]
    assert await store.count_orders() == 2
    de = await store.get_order("302-9100020-9100020")
    assert de is not None
    assert de.marketplace == "amazon.de" and de.buyer_locale == "de"
    assert de.purchase_date == datetime(2026, 11, 10, 8, 12, 44, tzinfo=UTC)
    assert de.earliest_delivery_date == datetime(2026, 11, 14, tzinfo=UTC)
    assert de.latest_delivery_date == datetime(2026, 11, 18, 23, 59, 59, tzinfo=UTC)
    it = await store.get_order("403-9100021-9100021")
    assert it is not None and it.buyer_locale == "it"
    # Re-import: idempotent.
    assert await import_file(path, store) == report
    assert await store.count_orders() == 2


def test_order_report_without_buyer_email_is_refused() -> None:
    header = "order-id\tpurchase-date\tsales-channel\n"
    with pytest.raises(ImportFileError, match="buyer-email"):
        parse_orders(header + "302-9100024-9100024\t2026-11-10\tAmazon.de\n")


def test_import_warns_about_columns_the_rules_use(tmp_path: Path) -> None:
    def import_csv(header: str, row: str) -> subprocess.CompletedProcess[str]:
        (tmp_path / "orders.csv").write_text(f"{header}\n{row}\n")
        return subprocess.run(
            [console_script(), "orders", "import", "orders.csv"], cwd=tmp_path,
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    alias = "a1b2c3@marketplace.amazon.de"
    row = f"302-1234567-1234567,{alias},2026-11-10"
    bare = import_csv("order_id,buyer_email,purchase_date", row)
    assert bare.returncode == 0 and "imported 1 rows" in bare.stdout
    warnings = [line for line in bare.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 3, bare.stderr
    assert "delivery_date" in warnings[0] and "ORD004, ORD007" in warnings[0]
    assert "buyer_locale" in warnings[1] and "LNG001" in warnings[1]
    assert "opted_out" in warnings[2] and "ORD005" in warnings[2]

    some = import_csv(
        "order_id,buyer_email,purchase_date,delivery_date,buyer_locale",
        f"302-1234567-1234567,{alias},2026-11-10,2026-11-17,de-DE",
    )
    assert [line for line in some.stderr.splitlines() if "warning" in line] == [
        "bsm-relay: warning: no opted_out column: ORD005 cannot hold unsolicited messages to "
        "buyers who opted out"
    ]
    full = import_csv(
        "order_id,buyer_email,purchase_date,latest_delivery_date,buyer_locale,opted_out",
        f"302-1234567-1234567,{alias},2026-11-10,2026-11-18,de-DE,false",
    )
    assert full.returncode == 0 and full.stderr == ""
