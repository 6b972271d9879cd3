"""ATT: what may be attached, judged by the bytes."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from relay import sniff
from relay.context import RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, Severity


@options("attachments")
class AttachmentOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    allowed_kinds: list[str] = ["text", "pdf", "doc", "docx", "jpeg", "png", "gif"]
    max_count: int = Field(default=5, gt=0)
    max_total_bytes: int = Field(default=10 * 1024 * 1024, gt=0)


def _options(ctx: RuleContext) -> AttachmentOptions:
    opts: AttachmentOptions = ctx.policy.option("attachments", AttachmentOptions)
    return opts


def _label(name: str, kind: str) -> str:
    return f"{name or '(unnamed)'} ({kind})"


@rule("ATT001", "attachment-type", Severity.REJECT, "Communication Guidelines: attachments")
def allowed_type(ctx: RuleContext) -> Iterator[Finding]:
    """Only text, PDF, Word (.doc, .docx), JPEG, PNG and GIF files, decided by the bytes.

    Archives, executables, HTML, SVG, macro-enabled documents and spreadsheets are refused,
    whatever the file is called.

    Compliant: invoice.pdf whose bytes start with %PDF
    Non-compliant: setup.exe renamed invoice.pdf (bytes start with MZ)
    """
    allowed = set(_options(ctx).allowed_kinds)
    for attachment in ctx.message.attachments:
        if attachment.sniffed_kind not in allowed:
            yield ctx.finding(
                "ATT001",
                f"attachment type {attachment.sniffed_kind} is not allowed",
                _label(attachment.filename, attachment.sniffed_kind),
            )


@rule("ATT002", "attachment-extension", Severity.REJECT, "Communication Guidelines: attachments")
def extension_matches_bytes(ctx: RuleContext) -> Iterator[Finding]:
    """A file name's extension agrees with what the bytes are.

    Compliant: label.png holding a PNG image
    Non-compliant: photo.jpg holding a ZIP archive
    """
    for attachment in ctx.message.attachments:
        if not attachment.filename:
            continue
        if not sniff.extension_matches(attachment.sniffed_kind, attachment.filename):
            yield ctx.finding(
                "ATT002",
                f"file name says .{sniff.extension_of(attachment.filename)}, "
                f"bytes are {attachment.sniffed_kind}",
                _label(attachment.filename, attachment.sniffed_kind),
            )


@rule("ATT003", "attachment-limits", Severity.REJECT, "Communication Guidelines: attachments")
def count_and_size(ctx: RuleContext) -> Iterator[Finding]:
    """At most 5 attachments, under 10 MB decoded in total.

    Inline images referenced from the HTML body are images, not attachments, and do not count.

    Compliant: one 200 KB invoice PDF
    Non-compliant: six PDFs, or one 12 MB PDF
    """
    opts = _options(ctx)
    attached = [a for a in ctx.message.attachments if not a.inline]
    if len(attached) > opts.max_count:
        yield ctx.finding(
            "ATT003",
            f"{len(attached)} attachments, at most {opts.max_count} allowed",
            ", ".join(a.filename or "(unnamed)" for a in attached),
        )
    total = sum(a.size for a in attached)
    if total >= opts.max_total_bytes:
        yield ctx.finding(
            "ATT003",
            f"attachments total {total} bytes, limit {opts.max_total_bytes}",
            f"{total} bytes",
        )
