"""What the fixture makers of the golden corpus share: a fixture's .eml and .toml sidecar, the
family's orders.csv, and a one-part seller message (text or HTML, proactive or a reply).

The makers (tests/corpus/<family>/make_fixtures.py) run as scripts from the repository root
and import this module from their parent folder (tests/corpus is put on sys.path).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

# order id, buyer alias, marketplace, buyer locale
Order = tuple[str, str, str, str]

ORDERS_HEADER = (
    "order_id,buyer_email,purchase_date,marketplace,status,ship_date,"
    "earliest_delivery_date,latest_delivery_date,delivery_date,buyer_locale,opted_out"
)


def write(
    here: Path,
    name: str,
    eml: str,
    codes: Iterable[str],
    action: str,
    note: str,
    *,
    ascii_note: bool = True,
) -> None:
    """The fixture's message and its sidecar (expected action, codes and why).

    `ascii_note=False` keeps the note's letters as written (the sidecar is UTF-8 either way).
    """
    (here / f"{name}.eml").write_text(eml, encoding="utf-8")
    side = (
        f"action = {json.dumps(action)}\ncodes = {json.dumps(list(codes))}\n"
        f"note = {json.dumps(note, ensure_ascii=ascii_note)}\n"
    )
    (here / f"{name}.toml").write_text(side, encoding="utf-8")


def write_orders(here: Path, orders: Iterable[Order]) -> None:
    """orders.csv: every order bought 2026-11-08, shipped 11-10, delivered 11-13."""
    rows = [ORDERS_HEADER]
    rows += [
        f"{oid},{buyer},2026-11-08,{market},Delivered,2026-11-10,2026-11-12,2026-11-14,"
        f"2026-11-13,{locale},false"
        for oid, buyer, market, locale in orders
    ]
    (here / "orders.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def seller_message(
    *,
    seller: str,
    buyer: str,
    subject: str,
    date: str,
    msgid: str,
    body: str,
    html: bool = False,
    quote: str | None = None,
    reply: bool | None = None,
) -> str:
    """A one-part message from the seller to the buyer's alias, 8bit UTF-8.

    `quote`: the buyer's words the reply quotes (Gmail's attribution line and `>` in text, a
    blockquote in HTML). `reply` (default: whether there is a quote) adds In-Reply-To.
    """
    if reply is None:
        reply = quote is not None
    headers = (
        f"From: {seller}\nTo: {buyer}\nSubject: {subject}\n"
        f"Date: {date}\nMessage-ID: <{msgid}@shop.example>\n"
    )
    if reply:
        headers += f"In-Reply-To: <buyer-{msgid}@marketplace.amazon.example>\n"
    if quote is not None:
        if html:
            body = body.replace("</body>", f"<blockquote><p>{quote}</p></blockquote>\n</body>")
        else:
            body += f"\n\nOn Wed, 18 Nov 2026 at 18:20, Buyer <{buyer}> wrote:\n> {quote}"
    kind = "text/html" if html else "text/plain"
    return (
        f"{headers}MIME-Version: 1.0\n"
        f'Content-Type: {kind}; charset="UTF-8"\nContent-Transfer-Encoding: 8bit\n\n'
        f"{body}\n"
    )


# name, index into the orders, the buyer's words a reply quotes (None: proactive), subject,
# body (text, or ("html", markup)), expected codes, action, note; `{order}` in the subject and
# body is the order id.
Case = tuple[str, int, str | None, str, str | tuple[str, str], list[str], str, str]


def write_cases(
    here: Path, *, seller: str, date: str, orders: list[Order], cases: Iterable[Case]
) -> None:
    """Every case as a fixture (one-part seller messages), then the family's orders.csv."""
    for name, index, quote, subject, body, codes, action, note in cases:
        order, buyer, _market, _locale = orders[index]
        html = isinstance(body, tuple)
        text = body[1] if isinstance(body, tuple) else body
        eml = seller_message(
            seller=seller,
            buyer=buyer,
            subject=subject.format(order=order),
            date=date,
            msgid=name,
            body=text.format(order=order),
            html=html,
            quote=quote,
        )
        write(here, name, eml, codes, action, note, ascii_note=False)
    write_orders(here, orders)
