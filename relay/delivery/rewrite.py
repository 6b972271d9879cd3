"""The rewrite: rebuild the MIME message without what the strip findings name.

Each strip rule's fix (declared with the rule, beside its check: `@rule(..., fix=...)`) edits
one shared `BodyEditor`: the parsed email's headers, the HTML body parsed once, the plain body,
the Subject. When every fix has run, the editor
writes back only what changed, re-encoded in the part's own charset and transfer encoding, and
drops inline parts that a removed image was the last to reference. Parts nobody touched are
re-emitted byte for byte; the result is what goes upstream.

Quoted text (the message being answered) is never changed.
"""

from __future__ import annotations

import email
import email.base64mime
import email.policy
import email.quoprimime
import re
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.message import EmailMessage, Message

from bs4 import Tag

from relay import rules
from relay.html.editor import HtmlDoc
from relay.model import quoting
from relay.model.message import (
    Image,
    body_parts,
    decode_text,
    further_text_parts,
    text_parts,
)
from relay.model.types import RuleContext
from relay.verdict import Verdict, Where

# Keep long lines as they are; the default policy would refold them and change bytes.
_POLICY = email.policy.SMTP.clone(max_line_length=0)


class BodyEditor:
    """The Subject, plain body and HTML body of one message, edited by the body transforms."""

    def __init__(
        self,
        msg: EmailMessage,
        ctx: RuleContext,
        parts: tuple[Message | None, Message | None] | None = None,
        html_index: int = 0,
    ) -> None:
        self.msg = msg
        self.ctx = ctx
        # The body's two parts, or (for the other editors of a message: rewrite.editors)
        # the plain and HTML parts of a further alternative, or one further text part alone.
        self.main = parts is None
        self.plain_part, self.html_part = body_parts(msg) if parts is None else parts
        self.html_index = html_index  # the HTML part's index (Image.part, Span.part)
        self._doc: HtmlDoc | None = None
        self._images: list[tuple[Tag, Image]] = []
        self._plain: str | None = None
        self._subject: str | None = None
        self.html_changed = False
        self.plain_changed = False
        self.removed_cids: set[str] = set()
        self.placeholders: list[str] = []
        self.unwrapped_hrefs: list[str] = []

    # ---- HTML -------------------------------------------------------------------------------

    @property
    def doc(self) -> HtmlDoc | None:
        if self._doc is None and self.html_part is not None:
            self._doc = HtmlDoc(decode_text(self.html_part))
            self._images = self._pair_images(self._doc)
        return self._doc

    def _pair_images(self, doc: HtmlDoc) -> list[tuple[Tag, Image]]:
        """Each of the seller's <img> elements with the Image the rules judged.

        The document is parsed the way relay.model.message parses it, so the seller's images come in
        the same order; an element whose src disagrees is matched by src instead.
        """
        judged = [i for i in self.ctx.message.own_images if i.part == self.html_index]
        tags = doc.own_images()
        pairs: list[tuple[Tag, Image]] = []
        unused = list(judged)
        for index, tag in enumerate(tags):
            src = str(tag.get("src", "")).strip()
            if index < len(judged) and judged[index].src == src and judged[index] in unused:
                image = judged[index]
            else:
                image = next((i for i in unused if i.src == src), None)  # type: ignore[assignment]
                if image is None:
                    continue
            unused.remove(image)
            pairs.append((tag, image))
        return pairs

    def images(self) -> list[tuple[Tag, Image]]:
        """The seller's images still in the document, each with its judged Image."""
        if self.doc is None:
            return []
        return [(tag, image) for tag, image in self._images if not tag.decomposed]

    def remove_image(self, tag: Tag, image: Image) -> None:
        if tag.decomposed:
            return
        anchor = tag.find_parent("a", href=True)
        tag.decompose()
        if anchor is not None and not anchor.get_text(strip=True) and anchor.find("img") is None:
            anchor.decompose()
        self.html_changed = True
        if image.is_cid:
            cid = image.src[4:].strip().strip("<>")
            self.removed_cids.add(cid)
            self.placeholders.append(f"[cid:{cid}]")
        if image.alt:
            self.placeholders.append(f"[image: {image.alt}]")

    def unwrap_link(self, tag: Tag) -> None:
        anchor = tag.find_parent("a", href=True)
        if anchor is None:
            return
        self.unwrapped_hrefs.append(str(anchor.get("href", "")).strip())
        anchor.unwrap()
        self.html_changed = True

    # ---- plain text and Subject -------------------------------------------------------------

    @property
    def plain(self) -> str | None:
        if self._plain is None and self.plain_part is not None:
            self._plain = decode_text(self.plain_part)
        return self._plain

    @plain.setter
    def plain(self, text: str) -> None:
        if text != self.plain:
            self._plain = text
            self.plain_changed = True

    @property
    def subject(self) -> str:
        return self._subject if self._subject is not None else self.ctx.message.subject

    @subject.setter
    def subject(self, text: str) -> None:
        self._subject = text

    # ---- write back -------------------------------------------------------------------------

    def finish(self) -> None:
        plain = self.plain
        if plain is not None and (self.placeholders or self.unwrapped_hrefs):
            self.plain = _drop_placeholders(plain, self.placeholders, self.unwrapped_hrefs)
        if self.html_changed and self.html_part is not None and self._doc is not None:
            write_text(self.html_part, self._doc.serialize())
        if self.plain_changed and self.plain_part is not None and self._plain is not None:
            write_text(self.plain_part, self._plain)
        if self.main and self._subject is not None and self._subject != self.ctx.message.subject:
            set_subject(self.msg, self._subject)


def editors(msg: EmailMessage, ctx: RuleContext) -> list[BodyEditor]:
    """One editor for the body's two parts, then one per further multipart/alternative (its
    plain and HTML parts together, so that both alternatives stay consistent) and one per
    further text part standing alone: every text part a reader sees is edited."""
    main = BodyEditor(msg, ctx)
    found = [main]
    further = further_text_parts(msg, main.plain_part, main.html_part)
    if not further:
        return found
    parents: dict[int, Message] = {}
    for container in msg.walk():
        children = container.get_payload() if container.is_multipart() else None
        if isinstance(children, list):
            for child in children:
                parents[id(child)] = container
    groups: dict[int, list[tuple[Where, int, Message]]] = {}
    for where, index, part in further:
        key = id(part)
        ancestor = parents.get(id(part))
        while ancestor is not None:
            if ancestor.get_content_type() == "multipart/alternative":
                key = id(ancestor)
                break
            ancestor = parents.get(id(ancestor))
        groups.setdefault(key, []).append((where, index, part))
    for members in groups.values():
        plain = next((p for w, _i, p in members if w is Where.TEXT), None)
        html = next(((i, p) for w, i, p in members if w is Where.HTML), None)
        found.append(
            BodyEditor(msg, ctx, (plain, html[1] if html else None), html[0] if html else 0)
        )
        # A group's further parts of the same kind (rare) are each edited alone.
        for where, index, part in members:
            if part is not plain and (html is None or part is not html[1]):
                pair = (part, None) if where is Where.TEXT else (None, part)
                found.append(BodyEditor(msg, ctx, pair, index if where is Where.HTML else 0))
    return found


def _drop_unreferenced_parts(msg: EmailMessage, removed_cids: set[str]) -> None:
    """Remove inline parts that a removed image was the last to reference (in any HTML part)."""
    if not removed_cids:
        return
    lowered = "\n".join(
        decode_text(part).lower()
        for part in text_parts(msg)
        if part.get_content_type() == "text/html"
    )
    for parent in msg.walk():
        if not parent.is_multipart():
            continue
        children = parent.get_payload()
        assert isinstance(children, list)
        for child in list(children):
            cid = str(child.get("content-id") or "").strip().strip("<>")
            if cid and cid in removed_cids and f"cid:{cid.lower()}" not in lowered:
                children.remove(child)


def rewrite(raw: bytes, verdict: Verdict, ctx: RuleContext) -> bytes:
    """Apply the fix of every enforced strip finding's rule; return the bytes to forward."""
    codes = sorted(verdict.strip_codes)
    if not codes:
        return raw
    msg = email.message_from_bytes(raw, policy=_POLICY)
    assert isinstance(msg, EmailMessage)
    found = editors(msg, ctx)
    for editor in found:
        for code in codes:
            fix = rules.REGISTRY[code].fix
            if fix is not None:  # the policy refuses strip without a fix: a shadow finding
                fix(editor, [f for f in verdict.findings if f.code == code], ctx)
        editor.finish()
    _drop_unreferenced_parts(msg, {cid for editor in found for cid in editor.removed_cids})
    return msg.as_bytes(policy=_POLICY)


# --------------------------------------------------------------------------------------------
# MIME helpers


def write_text(part: Message, text: str) -> None:
    """Replace a text part's content, keeping its headers, charset and transfer encoding.

    HTML characters the charset cannot hold become character references; plain text that no
    longer fits its charset is re-declared as UTF-8.
    """
    html = part.get_content_subtype() == "html"
    charset = part.get_content_charset() or "us-ascii"
    text = text.replace("\r\n", "\n")
    try:
        data = text.encode(charset, errors="xmlcharrefreplace" if html else "strict")
    except (LookupError, UnicodeEncodeError):
        charset = "utf-8"
        data = text.encode(charset)
        part.set_param("charset", charset)
    cte = str(part.get("content-transfer-encoding") or "7bit").strip().lower()
    if cte == "7bit" and not data.isascii():
        cte = "quoted-printable"
        del part["Content-Transfer-Encoding"]
        part["Content-Transfer-Encoding"] = cte
    if cte == "base64":
        payload = email.base64mime.body_encode(data.replace(b"\n", b"\r\n"), 76)
    elif cte == "quoted-printable":
        payload = email.quoprimime.body_encode(data.decode("latin-1"), 76)
    else:
        payload = data.decode("ascii", errors="surrogateescape")
    part.set_payload(payload)


def encode_subject(text: str) -> str:
    """The Subject's header value: as is when ASCII, else RFC 2047 encoded words in UTF-8."""
    if text.isascii() and "=?" not in text:
        return text
    charset = Charset("utf-8")
    non_ascii = sum(1 for c in text if not c.isascii())
    charset.header_encoding = BASE64 if non_ascii > len(text) / 3 else QP
    return Header(text, charset, header_name="Subject").encode(linesep="\n")


def set_subject(msg: EmailMessage, text: str) -> None:
    """Replace the Subject in place, every other header kept as it was, in its order."""
    items = list(msg.raw_items())
    for name in dict.fromkeys(name.lower() for name, _ in items):
        del msg[name]
    replaced = False
    for name, value in items:
        if name.lower() == "subject" and not replaced:
            msg.set_raw(name, encode_subject(text))
            replaced = True
        else:
            msg.set_raw(name, value)


def _drop_placeholders(text: str, placeholders: list[str], hrefs: list[str]) -> str:
    """Remove what a plain alternative shows for removed images and unwrapped image links.

    Outlook writes `[cid:image001.png@...]`, Gmail `[image: alt]`, and both add the link as
    `<https://...>`. A line left empty is dropped, with one blank line if it stood between two.
    """
    tokens = [re.escape(p) for p in dict.fromkeys(placeholders) if p]
    links = [re.escape(h) for h in dict.fromkeys(hrefs) if h]
    patterns: list[re.Pattern[str]] = []
    if links:
        patterns.append(re.compile(r"[ \t]*<(?:" + "|".join(links) + r")>"))
        patterns.append(re.compile(r"(?<!\S)(?:" + "|".join(links) + r")(?!\S)"))
    if tokens:
        patterns.append(re.compile(r"[ \t]*(?:" + "|".join(tokens) + r")"))
    lines = text.splitlines(keepends=True)
    quoted = quoting.quoted_line_flags(text)
    out: list[str] = []
    skip_blank = False
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        own = not (index < len(quoted) and quoted[index])
        if skip_blank and own and not body.strip():
            skip_blank = False
            continue
        skip_blank = False
        if own and body.strip():
            edited = body
            for pattern in patterns:
                edited = pattern.sub("", edited)
            if not edited.strip():
                previous_blank = bool(out) and not out[-1].strip()
                skip_blank = previous_blank or not out
                continue
            line = edited + line[len(body) :]
        out.append(line)
    return "".join(out)
