"""The STY rules' HTML facts (relay.rules.style.analyse) against the BeautifulSoup analysis
they replaced.

`analyse` read every HTML body into a BeautifulSoup tree (`HtmlDoc`) and asked it for the
emoji, blank runs, centring, font overrides and font sizes; it now reads the lxml parser's
events directly. The old analysis is kept here, and only here (`old_analyse`, on the HtmlDoc
methods the editing side still uses), and both are compared, HtmlFacts field by field:

- over the HTML body of every golden-corpus fixture, evaluation message and bench mix message
  (bench/html_equivalence.message_files);
- over random documents: bench/html_equivalence's random markup with emoji (keycaps, ZWJ
  sequences, text symbols), <br> runs, empty <p>/<div> runs, centring (text-align, <center>,
  align= on blocks, cells and tables), font, colour and line-height overrides and font sizes
  (style attributes, <style> sheets, <font>) mixed in, inside and outside quoted blocks;
- over deep nesting (bench/html_equivalence.deep_documents).

Run from the repository root:

    .venv/bin/python bench/style_equivalence.py [--random 5000] [--seed 1] [-v]

Exits 1 on any difference. tests/test_style_equivalence.py runs it on a smaller sample.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import html_equivalence  # noqa: E402  (also silences bs4's markup warnings)
from relay.message import parse  # noqa: E402
from relay.rules import style  # noqa: E402
from relay.rules.style import _ALL_EMOJI, HtmlDoc, HtmlFacts  # noqa: E402


def old_analyse(html: str) -> HtmlFacts:
    """relay.rules.style.analyse as it was: one BeautifulSoup tree, asked for every fact."""
    doc = HtmlDoc(html)
    runs = []
    for run in doc.blank_runs(0):
        if run[0].name == "br":
            runs.append(("<br>", len(run) - 1))
        else:
            runs.append((f"empty <{run[0].name}>", len(run)))
    share, element = doc.centred_share()
    return HtmlFacts(
        emoji=tuple(doc.emoji_texts(_ALL_EMOJI)),
        blank_runs=tuple(runs),
        centred_share=share,
        centred_by=element,
        overrides=tuple(dict.fromkeys(doc.font_overrides())),
        sizes=tuple(doc.font_sizes()),
    )


def new_analyse(html: str) -> HtmlFacts:
    return style.analyse(html)


@dataclass
class Report:
    compared: int = 0
    messages: int = 0
    documents: int = 0
    differences: list[str] = field(default_factory=list)
    old_failed: list[str] = field(default_factory=list)
    # How often the inputs exercised each fact (so a sample that never fires is visible).
    fired: dict[str, int] = field(default_factory=dict)


def _result(analysis: Any, html: str) -> Any:
    try:
        return analysis(html)
    except Exception as exc:  # compared like a result: both must fail the same way
        return ("raised", type(exc).__name__)


def compare(name: str, html: str, report: Report) -> None:
    old = _result(old_analyse, html)
    new = _result(new_analyse, html)
    report.compared += 1
    if isinstance(old, tuple):
        report.old_failed.append(f"{name}: {old[1]}")
    else:
        for f in fields(HtmlFacts):
            if getattr(old, f.name):
                report.fired[f.name] = report.fired.get(f.name, 0) + 1
    if old == new:
        return
    if isinstance(old, tuple) or isinstance(new, tuple):
        report.differences.append(f"{name}: old {old!r:.300}\n  new {new!r:.300}")
        return
    diffs = [
        f"{f.name}: old {getattr(old, f.name)!r:.300}\n  new {getattr(new, f.name)!r:.300}"
        for f in fields(HtmlFacts)
        if getattr(old, f.name) != getattr(new, f.name)
    ]
    report.differences.append(f"{name} {html!r:.500}:\n  " + "\n  ".join(diffs))


# --------------------------------------------------------------------------------------------
# Random HTML for the style facts

_EMOJI = [
    "😀", "👍🏽", "1️⃣", "#⃣", "*️⃣", "7\u20e3", "👨‍👩‍👧", "🏳️‍🌈", "❤️", "❤", "©", "®", "™", "☺",
    "🇩🇪", "x😀y", "‼️", "\u200d", "\ufe0f", "9\ufe0f", "Grüße 😊 !", "日本語😀テキスト",
]  # fmt: skip
_STYLE_DECLS = [
    "text-align:center", "TEXT-ALIGN : Center !important", "text-align:left",
    "text-align:center;text-align:right", "text-align: centre", "-webkit-text-align:center",
    "font-family:Comic Sans MS", "font-family:inherit", "mso-ascii-font-family:Calibri",
    "font: 12px Arial", "color:red", "color: currentColor", "COLOR:#333 !important",
    "line-height:1.5", "background-color:red", "font-size:12px", "FONT-SIZE: 14pt",
    "font-size:inherit", "font-size : 1.2em !important", "font-size:", "display:none",
    "color:red}", "font-size:9px;;font-size:10px", "",
]  # fmt: skip
_SHEETS = [
    "p{color:red;font-size:12px}", "@font-face{font-family:X;src:url(x)} body{font-family:X}",
    "  ", "", "div{text-align:center}", ".a{font:bold 12px Arial;line-height:2}",
    "<!-- p{font-size:8pt} -->", "a{color:inherit}",
]  # fmt: skip
_BLANKS = [
    "<br>", "<br><br>", "<br>\n<br>\n<br>", "<br> <!-- c --> <br>", "<br/><br/><br/><br/>",
    "<p>&nbsp;</p>", "<p></p>", "<div><br></div>", "<div><br><br></div>", "<p>\u200b</p>",
    "<p> </p>\n<p>&nbsp;</p>", "<div></div><div><br></div><p> </p>", "<p><!-- x --></p>",
    "<div><span> </span></div>", "<div><img src=x.png></div>", "<p><b><br></b></p>",
    "<div class=gmail_quote></div>", "<div><p></p></div>", "<p>&#8203;</p>", "<p>\xa0\n</p>",
    "<pre>\n\n</pre>", "<div><script>x</script></div>", "<div><!doctype></div>",
]  # fmt: skip
_CENTRES = [
    "<center>{}</center>", "<p align=center>{}</p>", "<div align='CENTER '>{}</div>",
    "<table align=center><tr><td>{}</td></tr></table>", "<td align=center>{}</td>",
    "<img align=center>{}", "<div style='text-align:center'>{}</div>",
    "<span style='text-align:left'>{}</span>", "<p align=left>{}</p>", "<div align=''>{}</div>",
    "<table style='text-align:center'><tr><td>{}</td></tr></table>",
    "<div align=center class='a  b' id=c style='color:red'>{}</div>",
    "<h1 align=center>{}</h1>", "<center><p align=right>{}</p></center>",
]  # fmt: skip
_FONTS = [
    "<font face=Arial>{}</font>", "<font color=' red '>{}</font>", "<font size=3>{}</font>",
    "<font size=' 7 '>{}</font>", "<font face=''>{}</font>", "<font>{}</font>",
    "<body text=blue>{}</body>", "<span style='{}'>x</span>", "<style>{}</style>",
    "<p style='{}'>{}</p>", "<font size=2 color=red face=Verdana style='{}'>{}</font>",
]  # fmt: skip
_WORDS = ["Hallo Welt", "one two three", "日本語のテキスト", "x", " ", "\n", "Grüße aus Köln"]


def _style_piece(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    inner = _style_html(rng, rng.randrange(0, 4), depth + 1) if depth < 5 else "z"
    if roll < 0.2:
        return rng.choice(_EMOJI)
    if roll < 0.3:
        attr = rng.choice(("alt", "title"))
        tag = rng.choice(("img src=e.png", "span", "a href=x", "abbr", "p"))
        return f"<{tag} {attr}='{rng.choice(_EMOJI)}'>{inner}"
    if roll < 0.5:
        return rng.choice(_BLANKS)
    if roll < 0.65:
        return rng.choice(_CENTRES).replace("{}", inner or rng.choice(_WORDS))
    if roll < 0.8:
        template = rng.choice(_FONTS)
        if "<style>" in template:
            return template.replace("{}", rng.choice(_SHEETS) + rng.choice(_STYLE_DECLS))
        decl = ";".join(rng.choice(_STYLE_DECLS) for _ in range(rng.randrange(1, 3)))
        filled = template.replace("{}", decl, template.count("{}") - 1)
        return filled.replace("{}", inner or "t")
    if roll < 0.9:
        quote = rng.choice(
            ("<blockquote>{}</blockquote>", "<div class=gmail_quote>{}</div>",
             "<div id=divRplyFwdMsg>{}</div>", "<div class='x quote'>{}</div>",
             "<span hidden>{}</span>", "<div style='display:none'>{}</div>", "<!--{}-->")
        )  # fmt: skip
        return quote.replace("{}", inner)
    return rng.choice(_WORDS)


def _style_html(rng: random.Random, budget: int, depth: int = 0) -> str:
    out: list[str] = []
    for _ in range(budget):
        if rng.random() < 0.25:
            out.append(html_equivalence.random_html(rng, rng.randrange(1, 6), 8))
        else:
            out.append(_style_piece(rng, depth))
    return rng.choice(("", "", "\n", " ")).join(out)


def random_documents(count: int, seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    for n in range(count):
        html = _style_html(rng, rng.randrange(1, 25))
        shape = rng.random()
        if shape < 0.1:
            html = f"<!DOCTYPE html><html><head><style>{rng.choice(_SHEETS)}</style></head>"
            html += f"<body>{html}</body></html>"
        elif shape < 0.15:
            html = "\ufeff" + html
        elif shape < 0.2:
            html = html[: rng.randrange(len(html) + 1)]  # cut anywhere, mid-tag included
        yield f"random #{n} (seed {seed})", html


def fixed_documents(*, heavy: bool = True) -> Iterator[tuple[str, str]]:
    """Edge cases and deep nesting (`heavy`: also the deepest, where the old analysis takes
    seconds a document)."""
    yield "empty", ""
    yield "blank", " \n "
    yield "bom only", "\ufeff"
    yield "text only", "Hallo 😀"
    for name, html in html_equivalence.deep_documents():
        if heavy or html.count("<") <= 2000:
            yield name, html
    yield "deep centred", "<center>" * 3000 + "x" + "</center>" * 3000
    yield "many br", "<div>" + "<br>" * 5000 + "</div>"
    yield "many empty p", "<p></p>" * 3000 + "<p>x</p>"


def run(
    random_count: int, seed: int, *, messages: bool = True, fixed: bool = True, heavy: bool = True
) -> Report:
    report = Report()
    if messages:
        for name, raw in html_equivalence.message_files():
            html = parse(raw).html
            if html is not None:
                report.messages += 1
                compare(name, html, report)
    if fixed:
        for name, html in fixed_documents(heavy=heavy):
            report.documents += 1
            compare(name, html, report)
    for name, html in random_documents(random_count, seed):
        report.documents += 1
        compare(name, html, report)
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
        f"compared {report.compared}: {report.messages} message HTML bodies, "
        f"{report.documents} other HTML documents; {len(report.differences)} differences"
    )
    print("non-empty old facts:", ", ".join(f"{k} {v}" for k, v in sorted(report.fired.items())))
    if report.old_failed:
        print(f"the old analysis raised on {len(report.old_failed)}:", *report.old_failed[:10])
    shown = report.differences if args.verbose else report.differences[:10]
    for difference in shown:
        print(difference)
    return 1 if report.differences else 0


if __name__ == "__main__":
    sys.exit(main())
