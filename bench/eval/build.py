"""Builds the blind evaluation set (messages/*.eml, labels.toml, orders.csv).

Labels were written from /work/shared/policy.md alone, without reading the implementation.
Run from /work/main: .venv/bin/python bench/eval/build.py
"""

import hashlib
import html as htmlmod
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MSGS = []

LANG = {
    "en-GB": ("amazon.co.uk", "en-GB", "en", "202"),
    "en-US": ("amazon.com", "en-US", "en", "113"),
    "de": ("amazon.de", "de-DE", "de", "302"),
    "fr": ("amazon.fr", "fr-FR", "fr", "171"),
    "it": ("amazon.it", "it-IT", "it", "405"),
    "es": ("amazon.es", "es-ES", "es", "406"),
    "ja": ("amazon.co.jp", "ja-JP", "ja", "249"),
    # regional variants of the core languages
    "en-CA": ("amazon.ca", "en-CA", "en", "701"),
    "fr-CA": ("amazon.ca", "fr-CA", "fr", "702"),
    "fr-BE": ("amazon.com.be", "fr-BE", "fr", "703"),
    "es-MX": ("amazon.com.mx", "es-MX", "es", "704"),
    "es-US": ("amazon.com", "es-US", "es", "114"),
    # the six languages beyond the core
    "nl": ("amazon.nl", "nl-NL", "nl", "407"),
    "sv": ("amazon.se", "sv-SE", "sv", "408"),
    "pl": ("amazon.pl", "pl-PL", "pl", "409"),
    "tr": ("amazon.com.tr", "tr-TR", "tr", "410"),
    "pt-BR": ("amazon.com.br", "pt-BR", "pt", "705"),
    "ar-AE": ("amazon.ae", "ar-AE", "ar", "411"),
    "ar-SA": ("amazon.sa", "ar-SA", "ar", "412"),
}


def M(id, loc, subject, body=None, html=None, reply=False, headers=(), codes=(), warn=(),
      optional=(), hold=(), note="", crlf=False, mailer="zendesk", qp=False, html_only=False,
      sender_name="Customer Service"):
    """One message. html_only: a single text/html part, no text/plain alternative (some shop
    systems send only HTML). body together with html: the text/plain alternative is exactly
    body (to build alternatives that differ, e.g. a coupon only in the HTML one)."""
    MSGS.append(dict(id=id, loc=loc, subject=subject, body=body, html=html, reply=reply,
                     headers=list(headers), codes=list(codes), warn=list(warn),
                     optional=list(optional), hold=list(hold), note=note, crlf=crlf,
                     mailer=mailer, qp=qp, html_only=html_only, sender_name=sender_name))


def ids(id):
    h = hashlib.sha256(id.encode()).hexdigest()
    alias = "".join("abcdefghijklmnopqrstuvwxyz0123456789"[int(h[i:i + 2], 16) % 36]
                    for i in range(0, 20, 2))
    n = int(h[20:40], 16)
    mid = "5" + f"{n % 1000000:06d}"
    last = f"{(n // 1000000) % 10000000:07d}"
    return alias, mid, last


def html_to_text(h):
    t = re.sub(r"(?is)<(style|script|head)[^>]*>.*?</\1>", "", h)
    t = re.sub(r"(?is)<blockquote[^>]*>(.*?)</blockquote>",
               lambda m: "\n".join("&gt; " + ln.strip() for ln in
                                    re.sub(r"<[^>]+>", "\n", m.group(1)).splitlines() if ln.strip()),
               t)
    t = re.sub(r'(?is)<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>',
               lambda m: (re.sub(r"<[^>]+>", "", m.group(2)).strip() + f" <{m.group(1)}>")
               if re.sub(r"<[^>]+>", "", m.group(2)).strip() else "", t)
    t = re.sub(r"(?i)<br\s*/?>", "\n", t)
    t = re.sub(r"(?i)</(p|div|tr|h\d|li|blockquote)>", "\n", t)
    t = re.sub(r"<[^>]+>", "", t)
    t = htmlmod.unescape(t)
    lines = [ln.strip() for ln in t.splitlines()]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip() + "\n"


def qp_encode(s):
    import quopri
    return quopri.encodestring(s.encode("utf-8")).decode("ascii")


def encode_subject(s):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        from email.header import Header
        return Header(s, "utf-8").encode()


def build(m):
    mp, locale, lang, prefix = LANG[m["loc"]]
    alias, mid, last = ids(m["id"])
    oid = f"{prefix}-{mid}-{last}"
    alias_addr = f"{alias}@marketplace.{mp}"

    def sub(s):
        return s.replace("{OID}", oid).replace("{ALIAS}", alias_addr).replace("{MP}", mp)

    subj = sub(m["subject"])
    n = int(m["id"])
    date = f"Thu, 19 Nov 2026 {8 + n % 9:02d}:{(n * 7) % 60:02d}:{(n * 13) % 60:02d} +0100"
    mailer = m["mailer"]
    h = hashlib.md5(m["id"].encode()).hexdigest()
    if mailer == "zendesk":
        msgid = f"<{h[:12].upper()}_{h[12:20]}_sprut@zendesk.com>"
        xm = "Zendesk Mailer"
    elif mailer == "freshdesk":
        msgid = f"<{h[:20]}.{n}@freshdesk.com>"
        xm = None
    elif mailer == "gmail":
        msgid = f"<CAH{h[:24]}+{h[24:30]}@mail.gmail.com>"
        xm = None
    else:
        msgid = f"<AM9PR0{n % 9}MB{h[:4].upper()}{h[4:14].upper()}@AM9PR0{n % 9}MB{h[14:18].upper()}.eurprd0{n % 4}.prod.outlook.com>"
        xm = "Microsoft Outlook 16.0"
    hdr = [
        ("From", f"{m['sender_name']} <support@shop.example>" if lang != "ja"
         else "support@shop.example"),
        ("To", alias_addr),
        ("Subject", encode_subject(subj)),
        ("Date", date),
        ("Message-ID", msgid),
        ("MIME-Version", "1.0"),
    ]
    if m["reply"]:
        irt = f"<0102019{h[:13]}-{h[13:21]}-{h[21:25]}-000000@eu-west-1.amazonses.com>"
        hdr += [("In-Reply-To", irt), ("References", irt)]
    if xm:
        hdr.append(("X-Mailer", xm))
    hdr += [(k, sub(v)) for k, v in m["headers"]]

    def part(ctype, text):
        text = sub(text)
        if m["qp"]:
            return [("Content-Type", f"{ctype}; charset=utf-8"),
                    ("Content-Transfer-Encoding", "quoted-printable")], qp_encode(text)
        return [("Content-Type", f"{ctype}; charset=utf-8"),
                ("Content-Transfer-Encoding", "8bit")], text

    lines = []
    if m["html"] is None:
        ph, pb = part("text/plain", m["body"])
        lines = [f"{k}: {v}" for k, v in hdr + ph] + [""] + pb.split("\n")
    elif m["html_only"]:
        ph, pb = part("text/html", m["html"])
        lines = [f"{k}: {v}" for k, v in hdr + ph] + [""] + pb.split("\n")
    else:
        html = m["html"]
        plain = m["body"] if m["body"] is not None else html_to_text(html)
        bnd = f"--_000_{h[:16]}_"
        lines = [f"{k}: {v}" for k, v in hdr]
        lines.append(f'Content-Type: multipart/alternative; boundary="{bnd}"')
        lines += ["", f"--{bnd}"]
        ph, pb = part("text/plain", plain)
        lines += [f"{k}: {v}" for k, v in ph] + [""] + pb.split("\n") + [f"--{bnd}"]
        hh, hb = part("text/html", html)
        lines += [f"{k}: {v}" for k, v in hh] + [""] + hb.split("\n") + [f"--{bnd}--", ""]
    nl = "\r\n" if m["crlf"] else "\n"
    raw = nl.join(lines)
    if not raw.endswith(nl):
        raw += nl
    (HERE / "messages" / f"{m['id']}.eml").write_bytes(raw.encode("utf-8"))
    return oid, alias_addr, mp, locale, lang


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(xs):
    return "[" + ", ".join(toml_str(x) for x in xs) + "]"


def main():
    import importlib
    for path in sorted(HERE.glob("messages_*.py")):
        importlib.import_module(path.stem)
    (HERE / "messages").mkdir(exist_ok=True)
    for p in (HERE / "messages").glob("*.eml"):
        p.unlink()
    labels = ["# Blind labels for bench/eval/messages, written from /work/shared/policy.md only.",
              "# codes: every in-scope rule code a careful reviewer expects to fire.",
              "# warn: codes expected at warning severity (reply offers of help, warranty/manufacturer numbers).",
              "# hold: IMG004 cases where the domain in alt text/file name should hold (otherwise IMG004 = strip).",
              "# optional: codes arguable either way under policy.md; neither counted as FP nor FN.",
              ""]
    rows = ["order_id,buyer_email,purchase_date,marketplace,status,ship_date,earliest_delivery_date,"
            "latest_delivery_date,delivery_date,buyer_locale"]
    seen = set()
    for m in sorted(MSGS, key=lambda m: m["id"]):
        assert m["id"] not in seen, m["id"]
        seen.add(m["id"])
        oid, alias, mp, locale, lang = build(m)
        labels.append(f'["{m["id"]}"]')
        labels.append(f"codes = {toml_list(m['codes'])}")
        if m["warn"]:
            labels.append(f"warn = {toml_list(m['warn'])}")
        if m["hold"]:
            labels.append(f"hold = {toml_list(m['hold'])}")
        if m["optional"]:
            labels.append(f"optional = {toml_list(m['optional'])}")
        labels.append(f"language = {toml_str(lang)}")
        labels.append(f"kind = {toml_str('reply' if m['reply'] else 'proactive')}")
        labels.append(f"order_id = {toml_str(oid)}")
        labels.append(f"note = {toml_str(m['note'])}")
        labels.append("")
        rows.append(f"{oid},{alias},2026-11-10,{mp},Shipped,2026-11-12,2026-11-14,2026-11-18,"
                    f"2026-11-16,{locale}")
    (HERE / "labels.toml").write_text("\n".join(labels), encoding="utf-8")
    (HERE / "orders.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(MSGS)} messages")


if __name__ == "__main__":
    import sys
    sys.path.insert(0, str(HERE))
    sys.modules.setdefault("build", sys.modules[__name__])
    main()
