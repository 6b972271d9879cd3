"""The HTML reading of relay.message against the BeautifulSoup implementation it replaced.

relay.message reads the HTML body (visible text, own and quoted text, links, images) from an
lxml tree; until perf-html it built a BeautifulSoup tree ("lxml" builder) and walked that. The
old implementation is kept here, and only here, to show the new one gives the same results:

- every golden-corpus fixture (tests/corpus/*/*.eml), every message of the blind evaluation
  set (bench/eval/messages) and the bench mix (bench/messages.py) are parsed whole with both
  (`relay.message.parse`, its HTML reader swapped for the old one) and every ParsedMessage
  field is compared;
- random HTML documents (nested tags, hidden styles, quoted blocks of every kind, Outlook
  markers, comments, scripts, entities, malformed markup, images in links, cid: images, deep
  nesting) are read with both readers and html_text / own / quoted text, links and images
  compared field by field.

Run from the repository root:

    .venv/bin/python bench/html_equivalence.py [--random 5000] [--seed 1] [-v]

Exits 1 on any difference. tests/test_html_equivalence.py runs it over the corpus and a
smaller random sample.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import warnings  # noqa: E402

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning  # noqa: E402
from bs4.element import NavigableString, PageElement  # noqa: E402

from bench.messages import mix  # noqa: E402
from relay import message as message_mod  # noqa: E402
from relay import quoting  # noqa: E402
from relay.message import (  # noqa: E402
    _CSS_SIZE,
    _HIDDEN_STYLE,
    _INVISIBLE_TAGS,
    Attachment,
    Image,
    Link,
    ParsedMessage,
)

# Random markup can look like XML or a URL; bs4 warns, the result is what is compared.
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

CORPUS = ROOT / "tests" / "corpus"
EVAL = ROOT / "bench" / "eval" / "messages"

# --------------------------------------------------------------------------------------------
# The BeautifulSoup implementation, as it was in relay/message.py and relay/quoting.py


def old_visible_html_text(soup: BeautifulSoup | Tag) -> str:
    types = soup.interesting_string_types or Tag.MAIN_CONTENT_STRING_TYPES
    found: list[str] = []
    if soup.contents:
        last = soup._last_descendant()
        stop = last.next_element if last is not None else None
        current: PageElement | None = soup.contents[0]
        while current is not stop and current is not None:
            if isinstance(current, Tag):
                if _old_invisible(current):
                    skipped = current._last_descendant()
                    current = (skipped or current).next_element
                    continue
            elif isinstance(current, NavigableString) and type(current) in types:
                found.append(current)
            current = current.next_element
    text = "\n".join(found)
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _old_invisible(tag: Tag) -> bool:
    if tag.name in _INVISIBLE_TAGS or tag.get("hidden") is not None:
        return True
    style = tag.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


def old_detach_html_quotes(soup: BeautifulSoup) -> list[Tag]:
    removed: list[Tag] = []
    taken: set[int] = set()
    for element in quoting.html_quote_blocks(soup):
        if id(element) in taken or any(id(parent) in taken for parent in element.parents):
            continue
        following: list[Tag] = []
        if element.get("id") in quoting.FOLLOWED_BY_QUOTE:
            following = [s for s in element.find_next_siblings() if isinstance(s, Tag)]
        for block in (element, *following):
            taken.add(id(block))
            removed.append(block.extract())
    return removed


def old_read_html(
    html: str, links: list[Link], images: list[Image], by_cid: dict[str, Attachment]
) -> tuple[str, str, str]:
    soup = BeautifulSoup(html, "lxml")
    full_text = old_visible_html_text(soup)
    quoted_blocks = old_detach_html_quotes(soup)
    for element in [soup, *quoted_blocks]:
        quoted = element is not soup
        _old_collect_links(element, quoted, links)
        _old_collect_images(element, quoted, images, by_cid)
    own = old_visible_html_text(soup)
    quoted_text = "\n".join(old_visible_html_text(block) for block in quoted_blocks)
    return full_text, own, quoted_text


def _old_collect_links(root: BeautifulSoup | Tag, quoted: bool, links: list[Link]) -> None:
    for anchor in root.find_all("a", href=True):
        href = str(anchor.get("href", "")).strip()
        if not href or href.startswith("#"):
            continue
        text = anchor.get_text(" ", strip=True)
        wraps_image = anchor.find("img") is not None and not text
        links.append(
            Link(url=href, source="href", text=text, wraps_image=wraps_image, quoted=quoted)
        )


def _old_collect_images(
    root: BeautifulSoup | Tag, quoted: bool, images: list[Image], by_cid: dict[str, Attachment]
) -> None:
    for img in root.find_all("img"):
        src = str(img.get("src", "")).strip()
        style = str(img.get("style", ""))
        sizes = {m.group(1).lower(): m.group(2) for m in _CSS_SIZE.finditer(style)}
        width = message_mod._int(img.get("width")) or message_mod._int(sizes.get("width"))
        height = message_mod._int(img.get("height")) or message_mod._int(sizes.get("height"))
        hidden = bool(_HIDDEN_STYLE.search(style)) or img.has_attr("hidden")
        for parent in img.parents:
            if isinstance(parent, Tag) and _HIDDEN_STYLE.search(str(parent.get("style", ""))):
                hidden = True
                break
        anchor = img.find_parent("a", href=True)
        part = by_cid.get(src[4:]) if src.lower().startswith("cid:") else None
        filename = part.filename if part else src.rsplit("/", 1)[-1].split("?", 1)[0]
        images.append(
            Image(
                src=src,
                width=width,
                height=height,
                hidden=hidden,
                alt=str(img.get("alt", "")),
                filename=filename,
                content_type=part.declared_type if part else "",
                link_href=str(anchor.get("href")) if anchor else None,
                quoted=quoted,
            )
        )


# --------------------------------------------------------------------------------------------
# Comparison


@dataclass
class Report:
    compared: int = 0
    messages: int = 0
    documents: int = 0
    differences: list[str] = field(default_factory=list)
    # Inputs the old reader could not read at all (it raised): the old parse fell back.
    old_failed: list[str] = field(default_factory=list)


def read_both(html: str, by_cid: dict[str, Attachment]) -> tuple[Any, Any]:
    """(old, new) results of reading `html`: (texts, links, images), or the exception."""
    results: list[Any] = []
    for reader in (old_read_html, message_mod._read_html):
        links: list[Link] = []
        images: list[Image] = []
        try:
            texts = reader(html, links, images, by_cid)
        except Exception as exc:  # compared like a result: both must fail the same way
            results.append(("raised", type(exc).__name__))
            continue
        results.append((texts, tuple(links), tuple(images)))
    return results[0], results[1]


def describe_difference(old: Any, new: Any) -> list[str]:
    if old[0] == "raised" or new[0] == "raised":
        return [f"old {old!r:.300}\n  new {new!r:.300}"]
    found: list[str] = []
    for name, a, b in zip(("html_text", "own", "quoted"), old[0], new[0], strict=True):
        if a != b:
            found.append(f"{name}: old {a!r:.300}\n  new {b!r:.300}")
    for kind, index in (("links", 1), ("images", 2)):
        if len(old[index]) != len(new[index]):
            found.append(f"{kind}: old {len(old[index])}, new {len(new[index])}")
            continue
        for n, (a, b) in enumerate(zip(old[index], new[index], strict=True)):
            for f in fields(a):
                va, vb = getattr(a, f.name), getattr(b, f.name)
                if va != vb:
                    found.append(f"{kind}[{n}].{f.name}: old {va!r:.200} new {vb!r:.200}")
    return found


def compare_html(name: str, html: str, by_cid: dict[str, Attachment], report: Report) -> None:
    old, new = read_both(html, by_cid)
    report.compared += 1
    report.documents += 1
    if old[0] == "raised":
        report.old_failed.append(f"{name}: {old[1]}")
    if old != new:
        report.differences.append(f"{name}:\n  " + "\n  ".join(describe_difference(old, new)))


def old_parse(raw: bytes) -> ParsedMessage:
    """relay.message.parse with the BeautifulSoup reader (and its RecursionError fallback)."""

    def reader(
        html: str, links: list[Link], images: list[Image], by_cid: dict[str, Attachment]
    ) -> tuple[str, str, str]:
        try:
            return old_read_html(html, links, images, by_cid)
        except RecursionError:
            links.clear()
            images.clear()
            raise

    with mock.patch.object(message_mod, "_read_html", reader):
        return message_mod.parse(raw)


def compare_message(name: str, raw: bytes, report: Report) -> None:
    new = message_mod.parse(raw)
    old = old_parse(raw)
    report.compared += 1
    report.messages += 1
    if new != old:
        diffs = [
            f"{f.name}: old {getattr(old, f.name)!r:.300}\n  new {getattr(new, f.name)!r:.300}"
            for f in fields(ParsedMessage)
            if getattr(old, f.name) != getattr(new, f.name)
        ]
        report.differences.append(f"{name}:\n  " + "\n  ".join(diffs))
    # The HTML reader alone too, with the message's own inline parts as cid: targets.
    if new.html is not None:
        by_cid = {a.content_id: a for a in new.attachments if a.content_id}
        compare_html(f"{name} (html)", new.html, by_cid, report)
        report.documents -= 1


def message_files() -> Iterator[tuple[str, bytes]]:
    for eml in sorted(CORPUS.glob("**/*.eml")):
        yield str(eml.relative_to(ROOT)), eml.read_bytes()
    for eml in sorted(EVAL.glob("*.eml")):
        yield str(eml.relative_to(ROOT)), eml.read_bytes()
    for kind, template in mix().items():
        yield f"bench mix {kind}", template.render(1)


# --------------------------------------------------------------------------------------------
# Random HTML

_CIDS = {
    "logo@shop": Attachment("logo.png", "image/png", "png", 10, "0" * 64, b"x", True, "logo@shop"),
    "sig": Attachment("sig.gif", "image/gif", "gif", 10, "1" * 64, b"y", True, "sig"),
}
_TEXTS = [
    "Hallo", "Ihre Bestellung 302-1234567-1234567", "see www.shop.example/x", "  spaced  out  ",
    "tab\there", "line\nbreak", "\r\n", "\n\n\n", " ", "\t", "\xa0", "&nbsp;", "&amp;",
    "&lt;b&gt;", "&#x1F600;", "&#128512;", "&bogus;", "&copy", "&", "<", ">", "a < b", "Grüße",
    "日本語のテキスト",
    "\u2028", "\u3000x\u3000", "\x0c", "\x0b", "\x85", "x\x00y", "\ufeff", "😀", "\u200b",
    "http://evil.example/p?q=1", "On Mon, 1 Jan 2026 Buyer wrote:", "From: a\nSent: b",
    "-----Original Message-----", "> quoted line",
]  # fmt: skip
_TAGS = [
    "p", "div", "span", "b", "i", "a", "table", "tr", "td", "tbody", "ul", "li", "blockquote",
    "font", "center", "pre", "textarea", "title", "head", "body", "html", "noscript", "template",
    "ruby", "rt", "rp", "svg", "math", "o:p", "h1", "section", "form", "select", "option",
    "iframe", "object", "label", "button", "em", "strong", "small", "sup", "code", "address",
    "dl", "dt", "dd", "caption", "colgroup", "frameset", "xmp", "plaintext", "noembed",
]  # fmt: skip
_VOIDS = ["br", "hr", "img", "meta", "link", "input", "wbr", "col", "base", "area", "embed"]
_STYLES = [
    "display:none", "DISPLAY : NONE", "visibility:hidden", "opacity:0", "opacity: 0.0;",
    "opacity:0.5", "opacity:0;color:red", "color:red", "width:20px;height:10px", "WIDTH: 3.5px",
    "max-width:100px", "border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm",
    "display:block", "font-size:0", "display: none !important", "",
]  # fmt: skip
_CLASS_VALUES = [
    "gmail_quote", "gmail_extra", "yahoo_quoted", "moz-cite-prefix", "zd-quote",
    "freshdesk_quote", "quote", "x gmail_quote y", "gmail_quote\u00a0", "GMAIL_QUOTE",
    "gmail_quote_x", "\tquote\n", "zd-comment", "",
]  # fmt: skip
_ID_VALUES = ["divRplyFwdMsg", "appendonsend", "divrplyfwdmsg", "x", "", " divRplyFwdMsg"]
_HREFS = [
    "https://shop.example/a", " http://x.example ", "", "#top", "mailto:a@b.c", "javascript:x",
    "//cdn.example/i", "www.example.com", "https://a.example/?a=1&amp;b=2", "\n",
]  # fmt: skip
_SRCS = [
    "cid:logo@shop", "CID:sig", "cid:missing", "https://img.example/x.png?s=1", "//cdn/x.gif",
    "data:image/png;base64,AAAA", "", " cid:sig ", "pixel.gif", "http://t.example/o/p",
]  # fmt: skip
_JUNK = [
    "<!-- comment -->", "<!-- <p>in comment</p> -->", "<!-->", "<!--->", "<!-- unclosed",
    "<![CDATA[cdata <b>x</b>]]>", "<?xml version='1.0'?>", "<?php echo 1 ?>", "<!DOCTYPE html>",
    "<!doctype>", "</p>", "</div>", "</a>", "</blockquote>", "</body>", "</html>", "<p", "<a href=",
    "<div class='gmail_quote'", "< p>", "<>", "</>", "<a href='x'<b>", "<img src=cid:sig<p>",
    "<script>var a = '<p>x</p>';</script>", "<script>", "<style>p{display:none}</style>",
    "<style>", "<title>T</title>", "<br/>", "<br></br>", "</br>", "<p/>", "<div/>",
    "<x-custom attr>t</x-custom>",
    "<svg><text>s</text><foreignObject><p>f</p></foreignObject></svg>",
    "<table><p>in table</p><td>cell</td></table>", "<select><option>o<p>p</select>",
    "<a href='https://l.example'><img src='cid:logo@shop' alt='Logo'></a>",
    "<a href='https://l.example'> <img src='x.png'> </a>",
    "<a href=x><a href=y>nested</a></a>", "<a href=x><div>block in a</div></a>",
    "<a href=x>link<blockquote>q in a<a href=z>qa</a><img src=cid:sig></blockquote>after</a>",
    "<div id=divRplyFwdMsg><b>From:</b> Buyer</div><div>orig</div><p>more</p>",
    "<div id=appendonsend></div><hr><div>Von: Käufer</div>",
    "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
    "<p><b>From:</b> x<br><b>Sent:</b> y</p></div>",
    "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>", "<rt><b>bold rt</b></rt>",
    "<template><a href='http://t.example'>t</a><img src=cid:sig></template>",
    "<noscript><img src='http://n.example/p.gif'>ns</noscript>", "<plaintext>rest",
    "<textarea><p>raw</p></textarea>", "<xmp><b>x</b></xmp>", "<iframe><p>i</p></iframe>",
    "<img src='a.png' width='10' height=' 20px ' style='width:5px'>", "<img>",
    "<img src=x.png hidden>", "<img src=y.png width=0 style='width:7px;height:8px'>",
    "<img src='cid:logo@shop' style='display:none'>", "<img alt='😀' src='e.png'>",
    "<p hidden>hidden p</p>", "<p hidden=false>hidden false</p>",
    "<pre><span hidden>in pre<!----></span></pre>", "<pre><b style='display:none'>y<!doctype>",
    "<p hidden>x<!----></p>", "<frameset><frame></frameset>",
    "<html><head><title>x</title></head><body>b</body></html>", "<body><body>",
    "<head><p>p in head</p></head>", "<meta charset=utf-8>", "<base href='http://b.example/'>",
]  # fmt: skip


def _attrs(rng: random.Random, name: str) -> str:
    out: list[str] = []
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        kind = rng.randrange(9)
        quote = rng.choice(("'", '"', ""))
        if kind == 0:
            value = rng.choice(_STYLES)
            out.append(f"style={quote}{value}{quote}" if quote else f"style='{value}'")
        elif kind == 1:
            out.append(f"class='{rng.choice(_CLASS_VALUES)}'")
        elif kind == 2:
            out.append(f"id='{rng.choice(_ID_VALUES)}'")
        elif kind == 3:
            out.append(rng.choice(("hidden", "hidden=''", "HIDDEN=hidden")))
        elif kind == 4:
            out.append(f"href='{rng.choice(_HREFS)}'")
        elif kind == 5:
            out.append(f"src='{rng.choice(_SRCS)}'")
        elif kind == 6:
            out.append(f"width='{rng.choice(('10', 'x', '0', ' 3 ', '12.5'))}'")
        elif kind == 7:
            out.append(f"alt='{rng.choice(('', 'logo', '😀', 'a&amp;b'))}'")
        else:
            out.append(rng.choice(("type=cite", "dir=auto", "align=center", "class=a class=b")))
    return (" " + " ".join(out)) if out else ""


def random_html(rng: random.Random, budget: int = 40, depth: int = 0) -> str:
    """A random HTML fragment of about `budget` pieces."""
    out: list[str] = []
    while budget > 0:
        budget -= 1
        roll = rng.random()
        if roll < 0.3:
            out.append(rng.choice(_TEXTS))
        elif roll < 0.45:
            out.append(rng.choice(_JUNK))
        elif roll < 0.55:
            name = rng.choice(_VOIDS)
            out.append(f"<{name}{_attrs(rng, name)}>")
        elif roll < 0.62:
            # The quoted blocks and markers the relay looks for.
            name = rng.choice(("blockquote", "div", "div", "div"))
            attrs = rng.choice(
                (
                    "", " class='gmail_quote'", " class=gmail_extra", " class='yahoo_quoted'",
                    " id='divRplyFwdMsg'", " id=appendonsend", " class='moz-cite-prefix'",
                    " class=zd-quote", " class=freshdesk_quote", " class=quote",
                    " type=cite style='display:none'", " class='gmail_quote' hidden",
                )
            )  # fmt: skip
            inner = random_html(rng, rng.randrange(1, 8), depth + 1) if depth < 12 else "x"
            close = f"</{name}>" if rng.random() < 0.9 else ""
            out.append(f"<{name}{attrs}>{inner}{close}")
        else:
            name = rng.choice(_TAGS)
            inner = random_html(rng, rng.randrange(0, 8), depth + 1) if depth < 12 else "y"
            close = f"</{name}>" if rng.random() < 0.85 else ""
            out.append(f"<{name}{_attrs(rng, name)}>{inner}{close}")
    return rng.choice(("", "", "\n", " ", "\r\n")).join(out)


def random_documents(count: int, seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    for n in range(count):
        html = random_html(rng, rng.randrange(1, 60))
        shape = rng.random()
        if shape < 0.1:
            html = f"<!DOCTYPE html><html><head><title>t</title></head><body>{html}</body></html>"
        elif shape < 0.15:
            html = "\ufeff" + html
        elif shape < 0.2:
            html = html[: rng.randrange(len(html) + 1)]  # cut anywhere, mid-tag included
        yield f"random #{n} (seed {seed})", html


def deep_documents() -> Iterator[tuple[str, str]]:
    """Deep nesting, closed and unclosed, under and at MAX_HTML_TAGS."""
    link = "<a href='http://deep.example'><img src='cid:sig'>L</a>"
    for depth in (100, 255, 256, 257, 300, 900, 3000, 4900):
        for tag in ("div", "b", "blockquote", "span style='display:none'"):
            name = tag.split()[0]
            yield (
                f"deep {depth} <{tag}>",
                f"<p>top</p>{f'<{tag}>a' * depth}{link}{f'</{name}>' * depth}<p>end</p>",
            )
    for depth in (3000, 9000):
        yield f"deep {depth} unclosed <div>", "<p>top</p>" + "<div>x" * depth + link
        yield f"deep {depth} unclosed <blockquote>", "<blockquote>q" * depth + link
    yield (
        "deep 2000 gmail_quote in blockquote",
        "<blockquote><div class=gmail_quote>" * 2000 + "q" + "</div></blockquote>" * 2000,
    )


def run(random_count: int, seed: int, *, messages: bool = True, deep: bool = True) -> Report:
    report = Report()
    if messages:
        for name, raw in message_files():
            compare_message(name, raw, report)
    if deep:
        for name, html in deep_documents():
            compare_html(name, html, _CIDS, report)
    for name, html in random_documents(random_count, seed):
        compare_html(name, html, _CIDS, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=int, default=5000, help="random HTML documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-messages", action="store_true", help="random documents only")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every difference")
    args = parser.parse_args(argv)
    report = run(args.random, args.seed, messages=not args.no_messages)
    print(
        f"compared {report.compared}: {report.messages} whole messages (their HTML read again "
        f"on its own), {report.documents} HTML documents; "
        f"{len(report.differences)} differences"
    )
    if report.old_failed:
        print(f"the old reader raised on {len(report.old_failed)}:", *report.old_failed[:10])
    shown = report.differences if args.verbose else report.differences[:10]
    for difference in shown:
        print(difference)
    return 1 if report.differences else 0


if __name__ == "__main__":
    sys.exit(main())
