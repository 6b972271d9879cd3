"""IMG: images in the body: tracking pixels, http images, GIFs, linked logos, image count.

Only the seller's images are judged: an image inside quoted text (`Image.quoted`) belongs to
the message being answered and is neither judged nor removed. The predicates below are shared
with the strip transforms in relay/delivery/rewrite.py, so what a rule reports is exactly what the
rewrite removes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

import tldextract
from pydantic import BaseModel, ConfigDict, Field

from relay.model.message import Image, ParsedMessage
from relay.model.types import RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, RuleMode, Severity

if TYPE_CHECKING:
    from relay.delivery.rewrite import BodyEditor


@options("images")
class ImageOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # IMG001: an image whose every known dimension is at most this many pixels is a pixel.
    pixel_max_px: int = Field(default=2, ge=0)
    # IMG001: hosts (and their subdomains) that serve open-tracking images.
    tracking_hosts: list[str] = []
    # IMG004: words that look like a domain but are not one in an alt text or file name.
    not_addresses: list[str] = ["co.kg", "co.ohg", "co.kgaa"]
    # IMG005: images a proactive message may carry.
    max_images_proactive: int = Field(default=1, ge=0)


def image_options(ctx: RuleContext) -> ImageOptions:
    opts: ImageOptions = ctx.policy.option("images", ImageOptions)
    return opts


# The public suffix list bundled with tldextract; never downloaded (architecture trap 12).
# Reserved names (RFC 2606) read as domains too, as the LNK rules read them.
_EXTRACT: Final = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, extra_suffixes=("example", "test", "invalid")
)
_DOMAIN: Final = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?![\w-]*\.?\w)",
    re.IGNORECASE,
)
_IMAGE_EXTENSION: Final = re.compile(
    r"\.(?:png|jpe?g|gif|bmp|webp|svg|tiff?|ico|heic)$", re.IGNORECASE
)


def _host(src: str) -> str:
    url = src if "://" in src else f"http:{src}" if src.startswith("//") else ""
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def _host_listed(host: str, listed: list[str]) -> bool:
    return any(host == entry or host.endswith("." + entry) for entry in listed)


def pixel_reason(image: Image, opts: ImageOptions) -> str:
    """Why `image` is a tracking pixel (IMG001), or "" when it is not one."""
    sizes = [s for s in (image.width, image.height) if s is not None]
    if sizes and max(sizes) <= opts.pixel_max_px:
        return f"image of at most {opts.pixel_max_px} px"
    if image.hidden:
        return "hidden image"
    host = _host(image.src)
    if host and _host_listed(host, [h.lower().strip(".") for h in opts.tracking_hosts]):
        return f"image from tracking host {host}"
    return ""


def is_plain_http(image: Image) -> bool:
    """IMG002: fetched without TLS (`http:`, or protocol-relative `//host`, which may be)."""
    src = image.src.lower()
    return src.startswith("http://") or src.startswith("//")


def gif_reason(image: Image, message: ParsedMessage) -> str:
    """Why `image` is a GIF (IMG003): its inline part's bytes or type, or a remote .gif."""
    if image.is_cid:
        cid = image.src[4:].strip().strip("<>")
        for part in message.attachments:
            if part.content_id == cid:
                if part.sniffed_kind == "gif":
                    return "inline GIF (bytes)"
                if part.declared_type == "image/gif":
                    return "inline GIF (declared image/gif)"
                return ""
        if image.filename.lower().endswith(".gif"):
            return "inline GIF (file name)"
        return ""
    if image.content_type == "image/gif":
        return "GIF image"
    path = image.src.split("#", 1)[0].split("?", 1)[0].lower()
    if path.startswith("data:image/gif"):
        return "embedded GIF"
    if path.endswith(".gif"):
        return "remote GIF"
    return ""


@lru_cache(maxsize=4096)
def domain_in(text: str, exceptions: tuple[str, ...] = ()) -> str:
    """The first web address (a name under a real public suffix, or www.) in `text`, or ""."""
    for match in _DOMAIN.finditer(text):
        candidate = match.group(0).rstrip(".")
        if candidate.lower() in exceptions:
            continue
        if candidate.lower().startswith("www."):
            return candidate
        parts = _EXTRACT(candidate)
        if parts.suffix and parts.domain:
            return candidate
    return ""


def address_shown(image: Image, exceptions: tuple[str, ...] = ()) -> str:
    """IMG004 "address": a web address in the alt text or the file name, or ""."""
    found = domain_in(image.alt, exceptions)
    if found:
        return f'alt text "{image.alt[:80]}" shows {found}'
    stem = _IMAGE_EXTENSION.sub("", image.filename.rsplit("/", 1)[-1])
    stem = re.sub(r"[_\s]+", " ", stem)
    found = domain_in(stem, exceptions) if "." in stem else ""
    if found:
        return f'file name "{image.filename[:80]}" shows {found}'
    return ""


def _strips(ctx: RuleContext, code: str) -> bool:
    severity, mode = ctx.policy.resolve(code)
    return (
        severity is Severity.STRIP
        and mode is RuleMode.ENFORCE
        and ctx.policy.settings(code).enabled
    )


def drop_pixels(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    opts = image_options(ctx)
    for tag, image in editor.images():
        if pixel_reason(image, opts):
            editor.remove_image(tag, image)


@rule(
    "IMG001",
    "tracking-pixel",
    Severity.STRIP,
    "Communication Guidelines: tracking",
    fix=drop_pixels,
)
def tracking_pixels(ctx: RuleContext) -> Iterator[Finding]:
    """Tracking pixels (1-2 px, hidden, or from a known tracking host) are removed.

    Sizes come from width/height attributes or CSS; tracking hosts are policy data.

    Compliant: <img src="cid:logo.png" width="180" height="60">
    Non-compliant: <img src="https://t.helpdesk.example/open.gif" width="1" height="1">
    """
    opts = image_options(ctx)
    for image in ctx.message.own_images:
        reason = pixel_reason(image, opts)
        if reason:
            yield ctx.finding(
                "IMG001",
                f"tracking pixel removed: {reason}",
                image.evidence,
                spans=ctx.locate_image(image),
            )


def drop_http_images(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    for tag, image in editor.images():
        if is_plain_http(image):
            editor.remove_image(tag, image)


@rule(
    "IMG002",
    "http-image",
    Severity.STRIP,
    "Communication Guidelines: secure content",
    fix=drop_http_images,
)
def http_images(ctx: RuleContext) -> Iterator[Finding]:
    """Remote images loaded over plain http are removed (https and inline images are fine).

    Compliant: <img src="https://cdn.shop.example/logo.png">
    Non-compliant: <img src="http://cdn.shop.example/logo.png">
    """
    for image in ctx.message.own_images:
        if is_plain_http(image):
            yield ctx.finding(
                "IMG002", "image over http removed", image.evidence, spans=ctx.locate_image(image)
            )


def drop_gifs(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    for tag, image in editor.images():
        if gif_reason(image, ctx.message):
            editor.remove_image(tag, image)


@rule("IMG003", "gif-image", Severity.STRIP, "Communication Guidelines: images", fix=drop_gifs)
def gif_images(ctx: RuleContext) -> Iterator[Finding]:
    """GIFs shown in the body (inline parts, remote .gif, or bytes that are GIF) are removed.

    A GIF sent as an attachment is judged by the ATT rules, not here.

    Compliant: <img src="cid:logo.png"> whose part is a PNG
    Non-compliant: <img src="cid:banner.gif"> (an animated banner)
    """
    for image in ctx.message.own_images:
        reason = gif_reason(image, ctx.message)
        if reason:
            yield ctx.finding(
                "IMG003", f"{reason} removed", image.evidence, spans=ctx.locate_image(image)
            )


def unwrap_image_links(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    for tag, image in editor.images():
        if image.link_href is not None:
            editor.unwrap_link(tag)


@rule(
    "IMG004",
    "linked-logo",
    Severity.STRIP,
    "Communication Guidelines: links and logos",
    variants={"address": Severity.HOLD},
    fix=unwrap_image_links,
)
def linked_logo(ctx: RuleContext) -> Iterator[Finding]:
    """A logo must not link anywhere nor show a web address.

    The link around an image is removed (strip); a web address in an image's alt text or file
    name cannot be removed without changing the image, so the message is held (variant
    "address").

    Compliant: <img src="cid:logo.png" alt="Gartenwelt"> with no link around it
    Non-compliant: <a href="https://shop.example"><img src="cid:logo.png"></a>, or alt="www.shop.de"
    """
    exceptions = tuple(e.lower() for e in image_options(ctx).not_addresses)
    for image in ctx.message.own_images:
        if image.link_href is not None:
            yield ctx.finding(
                "IMG004",
                "link around an image removed",
                image.evidence,
                spans=ctx.locate_image(image),
            )
        shown = address_shown(image, exceptions)
        if shown:
            yield ctx.finding(
                "IMG004",
                "image shows a web address",
                f"{shown}: {image.evidence}",
                "address",
                spans=ctx.locate_image(image),
            )


def removed_by_strip(ctx: RuleContext, image: Image) -> bool:
    """Whether an enforced strip rule removes `image` (so it does not count for IMG005)."""
    from relay.rules.style import is_emoji_image, style_options

    opts = image_options(ctx)
    return (
        (_strips(ctx, "IMG001") and bool(pixel_reason(image, opts)))
        or (_strips(ctx, "IMG002") and is_plain_http(image))
        or (_strips(ctx, "IMG003") and bool(gif_reason(image, ctx.message)))
        or (_strips(ctx, "STY001") and is_emoji_image(image, style_options(ctx)))
    )


@rule("IMG005", "too-many-images", Severity.HOLD, "Communication Guidelines: images")
def image_count(ctx: RuleContext) -> Iterator[Finding]:
    """A proactive message carries at most one image (the logo); more are held for review.

    Images that a strip rule removes anyway (pixels, http images, GIFs, emoji images) do not
    count; replies are not limited; attachments are judged by the ATT rules.

    Compliant: a proactive review request with one inline logo
    Non-compliant: a proactive message with a logo and three product photos in the body
    """
    if not ctx.is_proactive:
        return
    limit = image_options(ctx).max_images_proactive
    counted = [i for i in ctx.message.own_images if not removed_by_strip(ctx, i)]
    if len(counted) > limit:
        yield ctx.finding(
            "IMG005",
            f"{len(counted)} images in a proactive message (at most {limit})",
            "; ".join(i.evidence for i in counted[:5]),
            spans=tuple(span for i in counted[:5] for span in ctx.locate_image(i)),
        )
