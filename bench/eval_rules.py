"""Precision/recall of the content rules against the blind evaluation set in bench/eval.

The labels (bench/eval/labels.toml) were written from the rule catalogue (policy.md) alone,
without reading the implementation. Each message goes through the relay's real pipeline
(Checker.evaluate) with the orders of bench/eval/orders.csv in a temporary SQLite store.

Run from the repository root:  .venv/bin/python bench/eval_rules.py [--all] [--ids FROM-TO]
  --all          also list every finding (in scope) of every message, not only disagreements
  --ids FROM-TO  evaluate and count only the messages whose id lies in FROM..TO (inclusive),
                 e.g. --ids 901-999 for the third blind batch
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from relay.model.message import parse  # noqa: E402
from relay.model.types import Envelope, RelayConfig  # noqa: E402
from relay.orders_import import import_file  # noqa: E402
from relay.pipeline import Checker  # noqa: E402
from relay.policy import load_policy  # noqa: E402
from relay.store import open_store  # noqa: E402

EVAL = ROOT / "bench" / "eval"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SENDER = "support@shop.example"
FAMILIES = ("CNT", "CTC", "LNK", "IMG", "STY", "ENV")

# Default severities from policy.md (the labels' expectation; `warn`/`hold` in labels override).
DEFAULT_SEVERITY = {
    **{
        c: "reject"
        for c in (
            "CNT001",
            "CNT002",
            "CNT003",
            "CNT004",
            "CNT005",
            "CNT006",
            "CNT007",
            "CNT008",
            "CNT011",
            "CTC001",
            "CTC002",
            "LNK001",
            "LNK002",
            "LNK003",
        )
    },
    **{c: "hold" for c in ("CNT009", "CNT010", "CNT012", "LNK004", "IMG005")},
    **{c: "strip" for c in ("ENV004", "IMG001", "IMG002", "IMG003", "IMG004", "STY001", "STY002")},
}
BLOCKING = {"reject", "hold"}


def in_scope(code: str) -> bool:
    if code in ("STY001", "STY002", "ENV004"):
        return True
    return code[:3] in ("CNT", "CTC", "LNK", "IMG")


def family(code: str) -> str:
    return code[:3]


def sev_name(sev) -> str:
    s = getattr(sev, "value", sev)
    s = getattr(s, "name", s) if not isinstance(s, str) else s
    return str(s).lower().rsplit(".", 1)[-1]


def expected_severity(code: str, label: dict) -> str:
    if code in label.get("warn", []):
        return "warn"
    if code in label.get("hold", []):
        return "hold"
    return DEFAULT_SEVERITY.get(code, "reject")


OBFUSCATION_TAG = re.compile(r"obf:([a-z0-9-]+)")


def obfuscation_classes(label: dict) -> list[str]:
    """The obfuscation classes a label's note names (`obf:zero-width`, `obf:cyrillic`, ...)."""
    return OBFUSCATION_TAG.findall(label.get("note", ""))


@dataclass
class LanguageTally:
    """Code-level counts and message-level decisions of one language."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    messages: int = 0
    right: int = 0  # held/rejected vs. delivered as labelled
    exact: int = 0  # codes exactly as labelled
    compliant: int = 0
    compliant_blocked: int = 0
    deliver: int = 0
    false_blocks: int = 0
    block: int = 0
    misses: int = 0
    family_tp: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    family_fn: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))


def ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "   n/a"


def parse_id_range(text: str) -> tuple[int, int]:
    """`901-999` -> (901, 999); a single id `905` -> (905, 905)."""
    m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", text)
    if not m:
        raise argparse.ArgumentTypeError(f"expected FROM-TO (e.g. 901-999), got {text!r}")
    low, high = int(m.group(1)), int(m.group(2) or m.group(1))
    if low > high:
        raise argparse.ArgumentTypeError(f"empty range {text!r}: FROM is above TO")
    return low, high


def in_range(key: str, id_range: tuple[int, int] | None) -> bool:
    if id_range is None:
        return True
    return key.isdigit() and id_range[0] <= int(key) <= id_range[1]


async def run(id_range: tuple[int, int] | None = None) -> list[dict]:
    labels = tomllib.loads((EVAL / "labels.toml").read_text(encoding="utf-8"))
    labels = {k: v for k, v in labels.items() if in_range(k, id_range)}
    store = await open_store(f"sqlite:///{tempfile.mkdtemp()}/eval.db")
    await import_file(EVAL / "orders.csv", store)
    checker = Checker(load_policy(), RelayConfig(approved_senders=(SENDER,)), store)
    results = []
    for key in sorted(labels):
        label = labels[key]
        path = EVAL / "messages" / f"{key}.eml"
        raw = path.read_bytes()
        error = None
        findings = []
        try:
            m = parse(raw)
            ev = await checker.evaluate(raw, Envelope(SENDER, tuple(m.to_addresses)), now=NOW)
            findings = list(ev.verdict.findings)
        except Exception as exc:  # a crash is a disagreement too
            error = f"{type(exc).__name__}: {exc}"
        results.append({"id": key, "label": label, "findings": findings, "error": error})
    return results


def report(
    results: list[dict], show_all: bool = False, id_range: tuple[int, int] | None = None
) -> None:
    tp = defaultdict(int)
    fp = defaultdict(int)
    fn = defaultdict(int)
    code_tp = defaultdict(int)
    code_fp = defaultdict(int)
    code_fn = defaultdict(int)
    disagreements = []
    sev_mismatch = []
    compliant_flagged = []
    false_blocks = []
    misses = []
    unstripped = []
    n_compliant = n_blocking_expected = n_nonblocking = n_strip_only = 0
    by_language: defaultdict[str, LanguageTally] = defaultdict(LanguageTally)
    # per obfuscation class: messages, blocked as expected, every expected code found
    obf_msgs: defaultdict[str, list[str]] = defaultdict(list)
    obf_blocked: defaultdict[str, int] = defaultdict(int)
    obf_codes: defaultdict[str, int] = defaultdict(int)
    compliant_blocked = []

    for r in results:
        label = r["label"]
        expected = set(label.get("codes", []))
        optional = set(label.get("optional", []))
        scoped = [f for f in r["findings"] if in_scope(f.code)]
        got = {f.code for f in scoped}
        got_sev = defaultdict(set)
        for f in scoped:
            got_sev[f.code].add(sev_name(f.severity))
        hits = expected & got
        missed = expected - got
        extra = got - expected - optional
        for c in hits:
            tp[family(c)] += 1
            code_tp[c] += 1
        for c in missed:
            fn[family(c)] += 1
            code_fn[c] += 1
        for c in extra:
            fp[family(c)] += 1
            code_fp[c] += 1
        for c in sorted(hits):
            want = expected_severity(c, label)
            if want not in got_sev[c]:
                sev_mismatch.append((r["id"], c, want, sorted(got_sev[c])))

        exp_block = any(expected_severity(c, label) in BLOCKING for c in expected)
        got_block = any(sev_name(f.severity) in BLOCKING for f in scoped)
        lang = by_language[str(label.get("language", "?"))]
        lang.tp += len(hits)
        lang.fp += len(extra)
        lang.fn += len(missed)
        for c in hits:
            lang.family_tp[family(c)] += 1
        for c in missed:
            lang.family_fn[family(c)] += 1
        lang.messages += 1
        if exp_block == got_block and not r["error"]:
            lang.right += 1
        if not missed and not extra and not r["error"]:
            lang.exact += 1
        if exp_block:
            lang.block += 1
            if not got_block:
                lang.misses += 1
        else:
            lang.deliver += 1
            if got_block:
                lang.false_blocks += 1
        for cls in obfuscation_classes(label):
            obf_msgs[cls].append(r["id"])
            if exp_block == got_block:
                obf_blocked[cls] += 1
            if not missed:
                obf_codes[cls] += 1
        if not expected:
            n_compliant += 1
            lang.compliant += 1
            if scoped:
                compliant_flagged.append(r["id"])
            if got_block:
                compliant_blocked.append(r["id"])
                lang.compliant_blocked += 1
        if exp_block:
            n_blocking_expected += 1
            if not got_block:
                misses.append(r["id"])
        else:
            n_nonblocking += 1
            if got_block:
                false_blocks.append(r["id"])
            if expected and any(expected_severity(c, label) == "strip" for c in expected):
                n_strip_only += 1
                strip_codes = {c for c in expected if expected_severity(c, label) == "strip"}
                if not strip_codes <= got:
                    unstripped.append(r["id"])

        if missed or extra or r["error"] or show_all:
            disagreements.append((r, expected, optional, got, missed, extra, scoped))

    # ---- tables -------------------------------------------------------------------------------
    only = f" (ids {id_range[0]}-{id_range[1]} only)" if id_range else ""
    print(
        f"Blind evaluation: {len(results)} messages{only}, now={NOW.isoformat()}, "
        "scope = CNT, CTC, LNK, IMG, STY001-002, ENV004\n"
    )
    print(f"{'family':8} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for fam in FAMILIES:
        a, b, c = tp[fam], fp[fam], fn[fam]
        print(f"{fam:8} {a:4} {b:4} {c:4} {ratio(a, a + b):>10} {ratio(a, a + c):>8}")
    a, b, c = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'overall':8} {a:4} {b:4} {c:4} {ratio(a, a + b):>10} {ratio(a, a + c):>8}")

    print(
        f"\n{'language':8} {'msgs':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} "
        f"{'recall':>8} {'right':>7} {'exact':>7} {'compl':>5} {'c.blk':>5} {'deliv':>5} "
        f"{'f.blk':>5} {'block':>5} {'miss':>5} {'viol.recall':>11}"
    )
    for name, t in sorted(by_language.items()):
        a, b, c = t.tp, t.fp, t.fn
        print(
            f"{name:8} {t.messages:4} {a:4} {b:4} {c:4} {ratio(a, a + b):>10} "
            f"{ratio(a, a + c):>8} {ratio(t.right, t.messages):>7} "
            f"{ratio(t.exact, t.messages):>7} {t.compliant:5} "
            f"{t.compliant_blocked:5} {t.deliver:5} "
            f"{t.false_blocks:5} {t.block:5} {t.misses:5} {ratio(t.block - t.misses, t.block):>11}"
        )
    print(
        "  right = held/rejected vs. delivered as labelled; exact = codes exactly as labelled;\n"
        "  compl/c.blk = compliant messages (codes = []) / of those held or rejected;\n"
        "  deliv/f.blk = messages that should be delivered / of those held or rejected;\n"
        "  block/miss = messages that should be held or rejected / of those delivered"
    )

    print("\nrecall per family and language (codes found / codes labelled)")
    print(f"{'language':8} " + " ".join(f"{fam:>8}" for fam in FAMILIES))
    for name, t in sorted(by_language.items()):
        cells = []
        for fam in FAMILIES:
            found, labelled = t.family_tp[fam], t.family_tp[fam] + t.family_fn[fam]
            cells.append(f"{found:>3}/{labelled:<4}" if labelled else f"{'-':>3}     ")
        print(f"{name:8} " + " ".join(cells))

    if obf_msgs:
        print(f"\n{'obfuscation':16} {'msgs':>4} {'blocked':>8} {'codes found':>11}  messages")
        for cls in sorted(obf_msgs):
            n = len(obf_msgs[cls])
            print(
                f"{cls:16} {n:4} {obf_blocked[cls]:4}/{n:<3} {obf_codes[cls]:7}/{n:<3}  "
                f"{' '.join(obf_msgs[cls])}"
            )

    print(f"\n{'code':8} {'TP':>4} {'FP':>4} {'FN':>4}")
    for code in sorted(set(code_tp) | set(code_fp) | set(code_fn)):
        print(f"{code:8} {code_tp[code]:4} {code_fp[code]:4} {code_fn[code]:4}")

    print("\nMessage level")
    print(f"  compliant messages (codes = [])            : {n_compliant}")
    print(
        f"  ... with any in-scope finding (false flags): {len(compliant_flagged)} "
        f"{compliant_flagged}"
    )
    print(
        f"  messages that should be delivered          : {n_nonblocking} "
        "(compliant, warn-only or strip-only)"
    )
    print(f"  ... wrongly held/rejected (false blocks)   : {len(false_blocks)} {false_blocks}")
    print(
        f"  false blocks on compliant mail             : {len(compliant_blocked)}/{n_compliant} "
        f"= {ratio(len(compliant_blocked), n_compliant).strip()} {compliant_blocked}"
    )
    print(
        f"  false blocks on mail to deliver            : {len(false_blocks)}/{n_nonblocking} "
        f"= {ratio(len(false_blocks), n_nonblocking).strip()}"
    )
    print(f"  messages that should be held/rejected      : {n_blocking_expected}")
    print(f"  ... delivered anyway (misses)              : {len(misses)} {misses}")
    print(
        f"  recall on violations (held or rejected)    : "
        f"{ratio(n_blocking_expected - len(misses), n_blocking_expected).strip()}"
    )
    print(f"  strip-only messages                        : {n_strip_only}")
    print(f"  ... expected strip not done                : {len(unstripped)} {unstripped}")
    print(f"  severity mismatches on correct codes       : {len(sev_mismatch)}")
    for mid, c, want, have in sev_mismatch:
        print(f"    {mid} {c}: expected {want}, got {'/'.join(have)}")

    print(f"\nDisagreements ({sum(1 for d in disagreements if d[4] or d[5] or d[0]['error'])})")
    for r, expected, optional, got, missed, extra, scoped in disagreements:
        label = r["label"]
        print(
            f"\n{r['id']}.eml [{label.get('language')}, {label.get('kind')}] "
            f"expected={sorted(expected)}"
            + (f" optional={sorted(optional)}" if optional else "")
            + f" got={sorted(got)}"
        )
        print(f"  note: {label.get('note', '')}")
        if r["error"]:
            print(f"  ERROR: {r['error']}")
        if missed:
            print(f"  missed (FN): {sorted(missed)}")
        if extra:
            print(f"  extra  (FP): {sorted(extra)}")
        for f in scoped:
            ev = str(getattr(f, "evidence", "")).replace("\n", "\\n")
            if len(ev) > 160:
                ev = ev[:157] + "..."
            message = getattr(f, "message", "")
            print(f"    {f.code} [{sev_name(f.severity)}] {message} | evidence: {ev}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every finding of every message")
    parser.add_argument(
        "--ids",
        type=parse_id_range,
        metavar="FROM-TO",
        help="only the messages whose id lies in FROM..TO (inclusive)",
    )
    args = parser.parse_args()
    results = asyncio.run(run(args.ids))
    if not results:
        parser.error(f"no message id in {args.ids[0]}-{args.ids[1]}")
    report(results, show_all=args.all, id_range=args.ids)


if __name__ == "__main__":
    main()
