"""LNK: where links may go. Amazon's own pages and the carriers' tracking pages, over https.

A link is an `<a href>` (not quoted, not a logo wrapper: that is IMG004's), a URL written in the
text, or a bare domain written in the text (`shop.example`). Domains are recognised with the
public suffix list that ships with tldextract (never downloaded at run time). `scan_text` runs
the same checks over any text, for instance the text of a PDF attachment (ATT005).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Final
from urllib.parse import parse_qsl, unquote, urlsplit

import tldextract
from pydantic import BaseModel, ConfigDict

from relay.model import aliases
from relay.model.fold import fold_for_reading
from relay.model.locate import DerivedText
from relay.model.message import Link
from relay.model.types import RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, Severity

# Reserved names (RFC 2606/6761) are not in the public suffix list but are domains to a reader.
DEFAULT_EXTRA_SUFFIXES: Final = ("example", "test", "invalid")


@options("links")
class LinkOptions(BaseModel):
    """`[options.links]`: allowlists, shorteners and redirect patterns, as data."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Carrier tracking hosts allowed besides the marketplace (subdomains included); the
    # settings' `[policy] carrier_hosts` are added to these.
    carrier_hosts: list[str] = []
    # Any other host the seller allows (subdomains included).
    allowed_hosts: list[str] = []
    # URL shorteners (host or parent domain).
    shorteners: list[str] = []
    # Click-tracking and redirect services (host or parent domain).
    redirect_hosts: list[str] = []
    # Host names starting with these are click-tracking hosts (`click.mailer.example`).
    redirect_host_prefixes: list[str] = []
    # A query parameter with one of these names whose value is a URL makes a redirect.
    redirect_params: list[str] = []
    # Regular expressions on the path (case-insensitive) of redirect endpoints.
    redirect_paths: list[str] = []
    # Regular expressions on the path (case-insensitive) of Amazon product, storefront and
    # review pages (LNK004), and query parameters that make a page a storefront.
    amazon_restricted_paths: list[str] = []
    amazon_restricted_params: list[str] = []
    # Suffixes read as domains besides the public suffix list.
    extra_suffixes: list[str] = list(DEFAULT_EXTRA_SUFFIXES)
    # `invoice.pdf`, `readme.md`: a bare "domain" ending in one of these is a file name.
    file_extensions: list[str] = []
    # `bzw.in`, `ca.de`: an abbreviation and the next word with the space missing.
    abbreviations: list[str] = []
    # `Momsreg.nr SE5561234567`, `Art.-Nr 4711`, `Ref.no 88`: a word abbreviated with a full
    # stop before its last piece (a number label), then the number: a label, not a domain.
    label_endings: list[str] = []

    @cached_property
    def compiled(self) -> _Compiled:
        """The patterns and sets these options make: built once, kept with the policy."""
        return _build_compiled(self)


@cache
def extractor(extra_suffixes: tuple[str, ...] = DEFAULT_EXTRA_SUFFIXES) -> tldextract.TLDExtract:
    """A tldextract reading only the suffix list bundled with the package (no download)."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, extra_suffixes=extra_suffixes)


@cache
def public_suffix_tlds() -> frozenset[str]:
    """The top-level labels of the bundled public suffix list (plus the reserved names)."""
    tlds: Iterable[str] = extractor().tlds
    return frozenset(s.rsplit(".", 1)[-1].casefold() for s in tlds) | frozenset(
        DEFAULT_EXTRA_SUFFIXES
    )


_URL: Final = re.compile(r"""(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'()\[\]{}]+""")
_EMAIL: Final = re.compile(r"(?<![\w.%+-])[\w.%+-]+[@＠][\w.-]+")
# Latin, Greek and Cyrillic letters: a look-alike domain (`аmazon.de`) is read whole.
_LETTER: Final = r"a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_LABEL: Final = rf"[{_LETTER}](?:[{_LETTER}-]{{0,61}}[{_LETTER}])?"
_BARE_DOMAIN: Final = re.compile(
    rf"(?<![{_LETTER}_@＠.\-/:])(?P<host>(?:{_LABEL}\.)+(?P<tld>[a-z\u00c0-\u024f]{{2,63}}))"
    rf"(?P<path>/[^\s<>\"'()\[\]{{}}]*)?(?![a-z0-9\u00c0-\u024f_@\-]|\.[a-z0-9])",
    re.IGNORECASE,
)
# After a number's label: a colon or spaces, then a token with a digit (`: SE556123456701`).
_NUMBER_AFTER: Final = re.compile(r"[:.]?[ \t]*[:#]?[ \t]*[A-Z]{0,4}\d", re.IGNORECASE)
# What stands before the domain of an (obfuscated) email address: `@`, `(at)`, `[at]`.
_AT_BEFORE: Final = re.compile(r"(?:[@＠]|[\[({<]\s*[^\W\d_]{1,10}\s*[\])}>])\s*$", re.IGNORECASE)
_SCHEME: Final = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_CONTACT_SCHEMES: Final = frozenset({"mailto", "tel", "callto", "sms"})
_SKIPPED_SCHEMES: Final = frozenset({"cid", "mid"})


def _options(ctx: RuleContext) -> LinkOptions:
    opts: LinkOptions = ctx.policy.option("links", LinkOptions)
    return opts


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Where a link goes, as the rules need it."""

    url: str
    scheme: str
    host: str
    path: str
    query: str
    bare: bool = False
    # The message's link it was read from (None: written in a text), to find it for a span.
    link: Link | None = field(default=None, compare=False)

    @property
    def evidence(self) -> str:
        return self.url


@dataclass(frozen=True)
class _Compiled:
    redirect_paths: re.Pattern[str] | None
    amazon_paths: re.Pattern[str] | None
    redirect_params: frozenset[str]
    amazon_params: frozenset[str]
    files: frozenset[str]
    abbreviations: frozenset[str]
    label_endings: frozenset[str]


def _any(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _build_compiled(opts: LinkOptions) -> _Compiled:
    return _Compiled(
        redirect_paths=_any(opts.redirect_paths),
        amazon_paths=_any(opts.amazon_restricted_paths),
        redirect_params=frozenset(p.lower() for p in opts.redirect_params),
        amazon_params=frozenset(p.lower() for p in opts.amazon_restricted_params),
        files=frozenset(e.lower().lstrip(".") for e in opts.file_extensions),
        abbreviations=frozenset(w.lower().rstrip(".") for w in opts.abbreviations),
        label_endings=frozenset(w.lower().strip(".") for w in opts.label_endings),
    )


def ascii_host(host: str) -> str:
    """An internationalized host in its punycode form (`bücher.de` -> `xn--bcher-kva.de`).

    A host is judged in one canonical form, so that its Unicode and punycode spellings meet
    the same lists; a look-alike (`аmazon.de`, Cyrillic `а`) keeps its own punycode and is
    no Amazon host. A host the IDNA codec refuses is kept as written (lower-cased).
    """
    host = host.rstrip(".").lower()
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def unicode_host(host: str) -> str:
    """A punycode host in its Unicode form (`xn--bcher-kva.de` -> `bücher.de`)."""
    if "xn--" not in host:
        return host
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


def _host_of(netloc_url: str) -> tuple[str, str, str]:
    try:
        parts = urlsplit(netloc_url)
        host = parts.hostname or ""
    except ValueError:
        return "", "", ""
    return ascii_host(host), parts.path, parts.query


def parse_target(url: str, *, bare: bool = False) -> LinkTarget | None:
    """A link's scheme, host, path and query; None for contact schemes and cid: references."""
    url = url.strip()
    match = _SCHEME.match(url)
    scheme = match.group("scheme").lower() if match else ""
    if scheme in _CONTACT_SCHEMES or scheme in _SKIPPED_SCHEMES:
        return None
    if scheme and not url.lower().startswith("www."):
        if url[len(scheme) + 1 : len(scheme) + 3] != "//":
            return LinkTarget(url, scheme, "", "", "", bare)  # javascript:, data:, whatsapp:
        host, path, query = _host_of(url)
        return LinkTarget(url, scheme, host, path, query, bare)
    host, path, query = _host_of("//" + url.lstrip("/"))
    return LinkTarget(url, "", host, path, query, bare)


def _matches(host: str, domains: Iterable[str]) -> bool:
    for domain in domains:
        domain = ascii_host(domain.strip().lstrip("."))
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False


def _extras(opts: LinkOptions) -> tuple[str, ...]:
    return tuple(sorted(s.lower() for s in opts.extra_suffixes))


def bare_domains(text: str, opts: LinkOptions) -> Iterator[str]:
    """Domains written without a scheme or `www.` (`shop.example`, `amazon.de/returns`).

    URLs and email addresses are masked first. Not domains: file names (`invoice.pdf`,
    `readme.md`), version numbers and decimals (the last label must be letters), abbreviations
    (`z.B.`, `e.g.`: one-letter labels; `bzw.in`: listed ones), and a missing space after a full
    stop (`Paket.Danke`, `Co.KG`: a capitalised last label, or an upper-case one after a
    lower-case name).
    """
    text = fold_for_reading(text, confusables=False)
    masked = _EMAIL.sub(lambda m: " " * len(m.group(0)), _URL.sub(" ", text))
    ex = extractor(_extras(opts))
    compiled = opts.compiled
    for match in _BARE_DOMAIN.finditer(masked):
        host, tld = match.group("host"), match.group("tld")
        if not (tld.islower() or (tld.isupper() and host.isupper())):
            continue  # `Paket.Danke`, `Co.KG`: not how anyone writes a domain
        if tld.lower() in compiled.files and not match.group("path"):
            continue
        first, _, rest = host.lower().partition(".")
        if "." not in rest and (
            first in compiled.abbreviations or (len(first) == 1 and not match.group("path"))
        ):
            continue  # `bzw.in`, `p.es.` (per esempio)
        if (
            "." not in rest
            and rest in compiled.label_endings
            and not match.group("path")
            and _NUMBER_AFTER.match(masked, match.end())
        ):
            continue  # `Momsreg.nr SE556123456701`: a number's label, then the number
        if _AT_BEFORE.search(masked[max(0, match.start() - 14) : match.start()]):
            continue  # the domain of an email address (CTC001's)
        parts = ex(match.group("host"))
        if not parts.suffix or not parts.domain:
            continue
        yield match.group(0).rstrip(".,;:!?")


def text_targets(text: str, opts: LinkOptions) -> Iterator[LinkTarget]:
    """Every URL and bare domain written in `text`."""
    written = [m.group(0).rstrip(".,;:!?") for m in _URL.finditer(text)]
    # A URL in compatibility forms (`ｗｗｗ．ｓｈｏｐ．ｊｐ`) reads as one once folded; bare_domains
    # masks it there as a URL, so it is found here or not at all.
    folded = fold_for_reading(text, confusables=False)
    if folded != text:
        # a URL found as written is not found again in its read form (`&amp;` read as `&`)
        seen = {*written, *(fold_for_reading(url, confusables=False) for url in written)}
        written += [
            url
            for url in (m.group(0).rstrip(".,;:!?") for m in _URL.finditer(folded))
            if url not in seen
        ]
    for url in written:
        target = parse_target(url)
        if target is not None:
            yield target
    for domain in bare_domains(text, opts):
        target = parse_target(domain, bare=True)
        if target is not None:
            yield target


def message_targets(ctx: RuleContext) -> list[LinkTarget]:
    """The message's links that LNK judges: hrefs and URLs not quoted and not logo wrappers,
    plus the URLs and bare domains of the readable text (visible, hidden, attributes).

    Read once per message: the four LNK rules share them.
    """
    return list(ctx.memo(("link-targets",), lambda: tuple(_message_targets(ctx))))


def _message_targets(ctx: RuleContext) -> list[LinkTarget]:
    found: list[LinkTarget] = []
    for link in ctx.message.links:
        if link.quoted or link.wraps_image:
            continue
        target = parse_target(link.url)
        if target is None:
            continue
        # A scheme-less href is relative; it only goes somewhere if it names a host.
        relative = link.source == "href" and not target.scheme
        if relative and not extractor(_extras(_options(ctx)))(target.host).suffix:
            continue
        found.append(replace(target, link=link))
        if link.source == "href" and link.text:
            # The text may name another host than the href goes to: judged by both.
            found.extend(
                named
                for named in text_targets(link.text, _options(ctx))
                if named.host and named.host != target.host
            )
    # URLs a reader can find besides the message's links: in hidden text, alt and title
    # attributes (`www.shop.example` in a display:none block). A URL that is one of the
    # message's links was judged (or left, as a logo's wrapper or quoted) above.
    seen = {(t.url, t.host) for t in found}
    seen.update((link.url, "") for link in ctx.message.links)
    for written in text_targets(ctx.readable_text.text, _options(ctx)):
        if written.bare or not {(written.url, written.host), (written.url, "")} & seen:
            seen.add((written.url, written.host))
            found.append(written)
    return list({(t.url, t.host): t for t in found}.values())


# ---------------------------------------------------------------- the checks


def _marketplace_hosts(ctx: RuleContext) -> tuple[str, ...]:
    order = ctx.orders.order
    marketplace = (order.marketplace if order and order.marketplace else None) or (
        ctx.facts.marketplace
    )
    if marketplace:
        return (marketplace.lower().removeprefix("www."),)
    return tuple(f"amazon.{suffix}" for suffix in sorted(aliases.KNOWN_SUFFIXES))


def allowed_hosts(ctx: RuleContext) -> tuple[str, ...]:
    opts = _options(ctx)
    return (
        *_marketplace_hosts(ctx),
        *opts.carrier_hosts,
        *ctx.config.carrier_hosts,
        *opts.allowed_hosts,
    )


def _unlisted(ctx: RuleContext, target: LinkTarget) -> Finding | None:
    if target.host and _matches(target.host, allowed_hosts(ctx)):
        return None
    what = "domain" if target.bare else "link"
    return ctx.finding("LNK001", f"{what} to a host that is not allowlisted", target.evidence)


def _not_https(ctx: RuleContext, target: LinkTarget) -> Finding | None:
    if target.scheme in ("http", "ftp"):
        return ctx.finding("LNK002", f"link uses {target.scheme}, not https", target.evidence)
    return None


def _looks_like_url(value: str) -> bool:
    value = unquote(unquote(value)).strip().lower()
    return value.startswith(("http://", "https://", "//", "www."))


def _redirect(ctx: RuleContext, target: LinkTarget) -> Finding | None:
    opts = _options(ctx)
    compiled = opts.compiled
    host = target.host
    if host and _matches(host, opts.shorteners):
        return ctx.finding("LNK003", "URL shortener", target.evidence)
    if host and (
        _matches(host, opts.redirect_hosts)
        or any(host.startswith(p.lower()) for p in opts.redirect_host_prefixes)
    ):
        return ctx.finding("LNK003", "click-tracking host", target.evidence)
    if compiled.redirect_paths is not None and compiled.redirect_paths.search(target.path):
        return ctx.finding("LNK003", "redirect link", target.evidence)
    for name, value in parse_qsl(target.query, keep_blank_values=True):
        if name.lower() in compiled.redirect_params and _looks_like_url(value):
            return ctx.finding("LNK003", "redirect link", target.evidence)
    return None


def is_amazon_host(host: str) -> bool:
    return bool(host) and extractor()(host).domain == "amazon"


def _restricted_page(ctx: RuleContext, target: LinkTarget) -> Finding | None:
    if ctx.facts.is_review_request or not is_amazon_host(target.host):
        return None
    compiled = _options(ctx).compiled
    restricted = compiled.amazon_paths is not None and bool(
        compiled.amazon_paths.search(target.path)
    )
    if not restricted:
        names = {name.lower() for name, _ in parse_qsl(target.query, keep_blank_values=True)}
        restricted = bool(names & compiled.amazon_params)
    if restricted:
        return ctx.finding(
            "LNK004",
            "Amazon product, storefront or review page outside a review request",
            target.evidence,
        )
    return None


_CHECKS: Final = {
    "LNK001": _unlisted,
    "LNK002": _not_https,
    "LNK003": _redirect,
    "LNK004": _restricted_page,
}


def _run(
    ctx: RuleContext, code: str, targets: Iterable[LinkTarget], text: DerivedText
) -> Iterator[Finding]:
    """One check over the targets; `text` is the text the targets without a link were read in."""
    check = _CHECKS[code]
    seen: set[str] = set()
    for target in targets:
        finding = check(ctx, target)
        if finding is not None and finding.evidence not in seen:
            seen.add(finding.evidence)
            if target.link is not None:
                spans = ctx.locate_link(target.link)
            else:
                spans = text.spans_of(target.url)
            yield replace(finding, spans=spans)


@rule("LNK001", "link-host-not-allowed", Severity.REJECT, "Communication Guidelines: links")
def link_hosts(ctx: RuleContext) -> Iterator[Finding]:
    """Every link, URL and bare domain goes to the marketplace's Amazon site or a carrier.

    Allowed: the order's marketplace (`amazon.de`, `www.`/`smile.` and other subdomains) and the
    carrier tracking hosts of `[options.links]` and `[policy] carrier_hosts`. An image's src is
    not a link, and a link wrapping only an image is IMG004's.

    Compliant: https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html
    Non-compliant: Mehr Produkte auf www.shop-example.de oder shop.example
    """
    yield from _run(ctx, "LNK001", message_targets(ctx), ctx.readable_text)


@rule("LNK002", "link-not-https", Severity.REJECT, "Communication Guidelines: links")
def links_use_https(ctx: RuleContext) -> Iterator[Finding]:
    """Links use https, also to allowed hosts.

    Compliant: https://www.amazon.de/gp/css/order-history
    Non-compliant: http://www.amazon.de/gp/css/order-history
    """
    yield from _run(ctx, "LNK002", message_targets(ctx), ctx.readable_text)


@rule("LNK003", "link-shortener-or-redirect", Severity.REJECT, "Communication Guidelines: links")
def no_shorteners(ctx: RuleContext) -> Iterator[Finding]:
    """No URL shorteners (amzn.to included) and no click-tracking redirects.

    Compliant: https://www.amazon.de/gp/help/customer/display.html
    Non-compliant: https://bit.ly/3xYz, https://u123.ct.sendgrid.net/ls/click?upn=…
    """
    yield from _run(ctx, "LNK003", message_targets(ctx), ctx.readable_text)


@rule("LNK004", "amazon-product-link", Severity.HOLD, "Communication Guidelines: links")
def product_links(ctx: RuleContext) -> Iterator[Finding]:
    """Amazon product, storefront and review pages are linked only in a review request.

    Compliant: (review request) https://www.amazon.de/review/create-review?asin=B0TEST1234
    Non-compliant: (delivery notice) https://www.amazon.de/dp/B0TEST1234
    """
    yield from _run(ctx, "LNK004", message_targets(ctx), ctx.readable_text)


def scan_text(ctx: RuleContext, view: DerivedText) -> Iterator[Finding]:
    """LNK001-LNK004 over any text (for example an attachment's, for ATT005)."""
    targets = list(text_targets(view.text, _options(ctx)))
    for code in _CHECKS:
        yield from _run(ctx, code, targets, view)
