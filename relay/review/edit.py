"""A reviewer's corrected version of a quarantined message, built from the original.

The buyer must see it in the same conversation, so From, To, Cc, Subject, In-Reply-To and
References are kept; it is a new message (new Message-ID and Date), so the ledger tells the
two apart. The plain text is the reviewer's; an HTML part, when the original had one, is
made from that same text, so both parts say the same thing. Attachments are kept unless the
reviewer drops them.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.utils import formatdate, make_msgid

from relay.model.message import address_domain, text_parts

KEPT_HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "In-Reply-To", "References")


class EditError(Exception):
    """The original cannot be rebuilt (unreadable) or the new text is empty."""


def attachment_parts(msg: Message) -> list[Message]:
    """The parts `relay.model.message` lists as attachments, in the same order (same indexes)."""
    body = {id(p) for p in text_parts(msg)}
    return [
        part
        for part in msg.walk()
        if not part.is_multipart()
        and id(part) not in body
        and part.get_content_type() != "message/rfc822"
    ]


def attachment_bytes(raw: bytes, index: int) -> bytes:
    parts = attachment_parts(message_from_bytes(raw, policy=policy.default))
    if not 0 <= index < len(parts):
        return b""
    payload = parts[index].get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def html_from_text(text: str) -> str:
    """The text as simple HTML: a paragraph per blank-line block, line breaks kept."""
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    paragraphs = "\n".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
    )
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n'
    return f"{head}{paragraphs}\n</body></html>\n"


def edited_message(original: bytes, text: str, drop_attachments: Collection[int] = ()) -> bytes:
    """The corrected message: the original's conversation headers, the new text, its HTML twin
    when the original had HTML, and the original's attachments except those dropped (by their
    position among the attachments)."""
    if not text.strip():
        raise EditError("the corrected text is empty")
    source = message_from_bytes(original, policy=policy.default)
    if not isinstance(source, EmailMessage):
        raise EditError("the original message cannot be read")
    edited = EmailMessage()
    for name in KEPT_HEADERS:
        value = source.get(name)
        if value is not None:
            edited[name] = str(value)
    sender = edited.get("From")
    domain = address_domain(str(sender.addresses[0].addr_spec)) if sender else ""
    edited["Message-ID"] = make_msgid(domain=domain or None)
    edited["Date"] = formatdate(localtime=False, usegmt=True)
    body = text.replace("\r\n", "\n")
    if not body.endswith("\n"):
        body += "\n"
    edited.set_content(body)
    had_html = any(part.get_content_type() == "text/html" for part in source.walk())
    if had_html:
        edited.add_alternative(html_from_text(body), subtype="html")
    for index, part in enumerate(attachment_parts(source)):
        if index in drop_attachments:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        maintype, subtype = part.get_content_type().split("/", 1)
        edited.add_attachment(
            payload,
            maintype=maintype,
            subtype=subtype,
            filename=part.get_filename() or None,
            disposition="inline" if part.get("Content-ID") else "attachment",
            cid=part.get("Content-ID"),
        )
    return edited.as_bytes(policy=policy.SMTP)
