"""`bsm-relay orders import FILE`: the order CSV of docs/interface.md, or Amazon's order report.

Two formats, told apart by the header row:

* the relay's own CSV (comma or semicolon separated; the columns of docs/interface.md in any order;
  an unknown column refuses the file, so a misspelt `opted_out` cannot be ignored silently);
* Amazon's tab-separated flat-file order report (`order-id`, `purchase-date`, `buyer-email`,
  `sales-channel`, the delivery-window columns, and many item columns that are ignored; an order
  with several items has several rows).

Each bad row is refused with its line number and the reason; good rows are upserted, so importing
the same file again changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from relay.model import aliases
from relay.model.types import ORDER_FIELDS, Order
from relay.store.base import Store

ORDER_ID: Final = re.compile(r"\d{3}-\d{7}-\d{7}")
_LOCALE: Final = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_MARKETPLACE: Final = re.compile(r"amazon\.[a-z]{2,3}(?:\.[a-z]{2})?")

CSV_COLUMNS: Final = ORDER_FIELDS
REQUIRED: Final = ("order_id", "buyer_email", "purchase_date")
DATE_FIELDS: Final = (
    "purchase_date",
    "ship_date",
    "earliest_delivery_date",
    "latest_delivery_date",
    "delivery_date",
    "review_requested_at",
)

# Amazon order report column -> order field. Every other report column is ignored.
REPORT_COLUMNS: Final = {
    "order-id": "order_id",
    "amazon-order-id": "order_id",
    "buyer-email": "buyer_email",
    "purchase-date": "purchase_date",
    "sales-channel": "marketplace",
    "order-status": "status",
    "shipment-date": "ship_date",
    "ship-date": "ship_date",
    "earliest-delivery-date": "earliest_delivery_date",
    "latest-delivery-date": "latest_delivery_date",
}
REPORT_MARKERS: Final = frozenset({"order-id", "amazon-order-id", "purchase-date", "buyer-email"})

STATUSES: Final = {
    s.lower(): s
    for s in (
        "Pending",
        "PendingAvailability",
        "Unshipped",
        "PartiallyShipped",
        "Shipped",
        "Shipping",
        "Delivered",
        "Canceled",
        "Unfulfillable",
        "InvoiceUnconfirmed",
    )
}
STATUSES["cancelled"] = "Canceled"
_TRUE: Final = frozenset({"true", "yes", "1", "y"})
_FALSE: Final = frozenset({"false", "no", "0", "n", ""})


class ImportFileError(Exception):
    """The whole file is refused (unreadable, no header, unknown column set); one line."""


@dataclass(frozen=True, slots=True)
class RefusedRow:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    refused: tuple[RefusedRow, ...]
    # columns the rules read that the file lacks, each with what the rules then do
    warnings: tuple[str, ...] = ()


# Optional columns the rules read: (any of these columns, the rules, what they do without).
RULE_COLUMNS: Final = (
    (
        ("delivery_date", "latest_delivery_date", "earliest_delivery_date"),
        ("ORD004", "ORD007"),
        "judge the contact window and the review-request timing from the ship or purchase date",
    ),
    (("buyer_locale",), ("LNG001",), "expect the marketplace's language, not the buyer's"),
    (("opted_out",), ("ORD005",), "cannot hold unsolicited messages to buyers who opted out"),
)


def missing_rule_columns(fields: set[str]) -> list[str]:
    """One warning per group of columns the rules use that none of `fields` provides."""
    warnings = []
    for columns, codes, without in RULE_COLUMNS:
        if not fields & set(columns):
            named = " / ".join(columns)
            warnings.append(f"no {named} column: {', '.join(codes)} {without}")
    return warnings


class RowError(ValueError):
    """One row cannot be imported; the message is the reason shown to the user."""


async def import_file(path: Path, store: Store) -> ImportReport:
    """Read an order file, upsert its good rows and report the refused ones, and warn about
    columns the rules use that the file does not have."""
    content = _read(path)
    parsed, refused = parse_orders(content, name=str(path))
    if parsed:
        await store.upsert_orders(parsed)
    warnings = missing_rule_columns(header_fields(content, str(path)))
    return ImportReport(imported=len(parsed), refused=tuple(refused), warnings=tuple(warnings))


def read_orders(path: Path) -> tuple[list[Order], list[RefusedRow]]:
    """The orders of a file and the rows refused; raises ImportFileError for the whole file."""
    return parse_orders(_read(path), name=str(path))


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    return decode(data)


def header_fields(content: str, name: str = "file") -> set[str]:
    """The order fields a file's header provides (CSV or order report)."""
    _reader, _rows, columns = _header(content, name)
    mapping, _build = _columns(columns, name)
    return set(mapping.values())


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); Seller Central's older reports come as Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_orders(content: str, name: str = "file") -> tuple[list[Order], list[RefusedRow]]:
    reader, rows, columns = _header(content, name)
    mapping, build = _columns(columns, name)

    orders: list[Order] = []
    refused: list[RefusedRow] = []
    while True:
        try:
            line, cells = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(f"{name}: line {reader.line_num}: {exc}") from None
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            refused.append(RefusedRow(line, f"{len(cells)} fields, the header has {len(columns)}"))
            continue
        values = {
            field: cells[index].strip() for index, field in mapping.items() if index < len(cells)
        }
        try:
            orders.append(build(values))
        except RowError as exc:
            refused.append(RefusedRow(line, str(exc)))
    return orders, refused


def _header(content: str, name: str) -> tuple[Any, Iterator[tuple[int, list[str]]], list[str]]:
    """The csv reader, its numbered rows after the header, and the header's column names."""
    header_line = next((line for line in content.splitlines() if line.strip()), None)
    if header_line is None:
        raise ImportFileError(f"{name}: empty file, expected a header row")
    delimiter = _delimiter(header_line)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    rows = _numbered(reader)
    try:
        header: list[str] = []
        while not any(cell.strip() for cell in header):
            _, header = next(rows)
    except StopIteration:
        raise ImportFileError(f"{name}: empty file, expected a header row") from None
    except csv.Error as exc:
        raise ImportFileError(f"{name}: line 1: {exc}") from None
    columns = [c.strip().lstrip("\ufeff").strip().lower() for c in header]
    return reader, rows, columns


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows with the physical line each starts on (a quoted field may span lines).

    csv.reader yields an empty list for a blank line, so every physical line is counted.
    """
    previous = 0
    for cells in reader:
        yield previous + 1, cells
        previous = reader.line_num


def _delimiter(header_line: str) -> str:
    if "\t" in header_line:
        return "\t"
    if ";" in header_line and "," not in header_line:
        return ";"
    return ","


Builder = Callable[[Mapping[str, str]], Order]


def _columns(columns: list[str], name: str) -> tuple[dict[int, str], Builder]:
    """Which column feeds which field, for the format the header shows."""
    duplicates = sorted({c for c in columns if c and columns.count(c) > 1})
    if duplicates:
        raise ImportFileError(f"{name}: duplicate column(s) {', '.join(duplicates)}")
    if REPORT_MARKERS & set(columns) and not set(CSV_COLUMNS) & set(columns):
        return _report_columns(columns, name)
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    missing = [c for c in REQUIRED if c not in columns]
    if unknown or missing:
        problems = []
        if unknown:
            problems.append(f"unknown column(s) {', '.join(repr(c) for c in unknown)}")
        if missing:
            problems.append(f"missing required column(s) {', '.join(missing)}")
        raise ImportFileError(
            f"{name}: unknown column set: {'; '.join(problems)}. Expected the order CSV "
            f"({', '.join(CSV_COLUMNS)}) or Amazon's tab-separated order report "
            "(order-id, purchase-date, buyer-email, sales-channel, …)"
        )
    return {i: c for i, c in enumerate(columns)}, build_order


def _report_columns(columns: list[str], name: str) -> tuple[dict[int, str], Builder]:
    mapping = {i: REPORT_COLUMNS[c] for i, c in enumerate(columns) if c in REPORT_COLUMNS}
    present = set(mapping.values())
    missing = [c for c in ("order-id", "purchase-date", "buyer-email")
               if REPORT_COLUMNS[c] not in present]  # fmt: skip
    if missing:
        raise ImportFileError(
            f"{name}: unknown column set: an Amazon order report needs "
            f"{', '.join(missing)} (request the report with buyer e-mail addresses)"
        )
    return mapping, build_report_order


# -- one row --------------------------------------------------------------------------------


def build_order(values: Mapping[str, str]) -> Order:
    """An Order from one CSV row's values (field name -> text); raises RowError."""
    for field in REQUIRED:
        if not values.get(field):
            raise RowError(f"missing {field}")
    order_id = values["order_id"]
    if not ORDER_ID.fullmatch(order_id):
        raise RowError(
            f"bad order id {order_id!r} (expected 3-7-7 digits, e.g. 302-1234567-1234567)"
        )
    alias = values["buyer_email"].lower()
    if not aliases.is_buyer_alias(alias):
        raise RowError(
            f"bad buyer alias {values['buyer_email']!r} (expected …@marketplace.amazon.<suffix>)"
        )
    alias_market = aliases.marketplace(alias)
    assert alias_market is not None
    market = _marketplace(values.get("marketplace", "")) or alias_market
    if market != alias_market:
        raise RowError(f"marketplace {market} does not match the buyer alias domain {alias_market}")
    dates = {field: _date(field, values.get(field, "")) for field in DATE_FIELDS}
    purchase = dates.pop("purchase_date")
    assert purchase is not None
    locale = values.get("buyer_locale", "")
    if locale and not _LOCALE.fullmatch(locale):
        raise RowError(f"bad buyer_locale {locale!r} (expected e.g. de-DE)")
    if not locale:
        locale = aliases.MARKETPLACE_LANGUAGE.get(market.removeprefix("amazon."), "")
    return Order(
        order_id=order_id,
        buyer_email=alias,
        purchase_date=purchase,
        marketplace=market,
        status=_status(values.get("status", "")),
        buyer_locale=locale or None,
        opted_out=_bool("opted_out", values.get("opted_out", "")),
        **dates,
    )


def build_report_order(values: Mapping[str, str]) -> Order:
    """An Order from one order-report row: `sales-channel` says `Amazon.de`."""
    adjusted = dict(values)
    channel = adjusted.get("marketplace", "").strip().lower()
    if channel and not channel.startswith(("amazon.", "www.amazon.")):
        raise RowError(f"sales-channel {values['marketplace']!r} is not an Amazon marketplace")
    return build_order(adjusted)


def _marketplace(value: str) -> str | None:
    if not value:
        return None
    market = value.strip().lower().removeprefix("https://").removeprefix("www.").rstrip("/")
    if not _MARKETPLACE.fullmatch(market):
        raise RowError(f"bad marketplace {value!r} (expected e.g. amazon.de)")
    return market


def _date(field: str, value: str) -> datetime | None:
    """ISO 8601 date or date-time; UTC when no zone is given."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise RowError(f"bad {field} {value!r} (expected an ISO 8601 date)") from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _status(value: str) -> str | None:
    if not value:
        return None
    key = value.strip().lower().replace(" ", "").replace("_", "")
    if key not in STATUSES:
        raise RowError(
            f"bad status {value!r} (expected Pending, Unshipped, Shipped, Delivered or Canceled)"
        )
    return STATUSES[key]


def _bool(field: str, value: str) -> bool:
    key = value.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise RowError(f"bad {field} {value!r} (expected true or false)")
