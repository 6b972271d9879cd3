"""Policy time per message, in-process: `relay.model.message.parse` + `relay.pipeline.judge`.

Run from the repository root:

    .venv/bin/python bench/policy_time.py [-n 20] [--kinds small html8k corpus eval]
    .venv/bin/python bench/policy_time.py --save verdicts.json   # every verdict, in full
    .venv/bin/python bench/policy_time.py --check verdicts.json  # ... and compare later

The messages: the benchmark mix of bench/messages.py (small, html8k; pdf1m with --kinds pdf1m),
every golden-corpus fixture (tests/corpus/*/*.eml, with its sidecar's envelope and time) and
the blind evaluation set (bench/eval/messages). Orders come from a temporary SQLite store with
every orders.csv imported; the store is asked once per message, outside the timing (the relay
excludes the lookup from policy_ms too). The policy is loaded and warmed first, and every
message is judged once before timing starts, so what is measured is the steady state.

Each message is a different text in real traffic, so by default anything a previous judgement
of the *same* text left in a process-wide cache is dropped before each run (`--keep-caches`
keeps it: what a stream of identical bench messages sees).

`--save` writes, per message, the action, every finding (code, severity, mode, message,
evidence), the facts and a digest of the bytes that would be forwarded; `--check` compares a
new run against such a file and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.messages import ORDERS_CSV, SELLER, mix  # noqa: E402
from relay.model.message import parse  # noqa: E402
from relay.model.types import Envelope, OrderContext, RelayConfig  # noqa: E402
from relay.pipeline import judge  # noqa: E402
from relay.policy import Policy, load_policy  # noqa: E402

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
CORPUS = ROOT / "tests" / "corpus"
EVAL = ROOT / "bench" / "eval"
KINDS = ("small", "html8k", "pdf1m", "corpus", "eval")


@dataclass
class Case:
    kind: str
    name: str
    raw: bytes
    envelope: Envelope
    now: datetime
    orders: OrderContext = field(default_factory=OrderContext)


def _corpus_cases() -> list[Case]:
    cases = []
    for eml in sorted(CORPUS.glob("*/*.eml")):
        side = eml.with_suffix(".toml")
        data = tomllib.loads(side.read_text(encoding="utf-8")) if side.exists() else {}
        raw = eml.read_bytes()
        message = parse(raw)
        rcpt = tuple(data.get("rcpt", ())) or (*message.to_addresses, *message.cc_addresses)
        now = NOW
        if "now" in data:
            now = datetime.fromisoformat(data["now"].replace("Z", "+00:00")).astimezone(UTC)
        envelope = Envelope(mail_from=data.get("mail_from", SELLER), rcpt_tos=tuple(rcpt))
        cases.append(Case("corpus", f"{eml.parent.name}/{eml.stem}", raw, envelope, now))
    return cases


def _eval_cases() -> list[Case]:
    cases = []
    for eml in sorted((EVAL / "messages").glob("*.eml")):
        raw = eml.read_bytes()
        envelope = Envelope(SELLER, tuple(parse(raw).to_addresses))
        cases.append(Case("eval", f"eval/{eml.stem}", raw, envelope, NOW))
    return cases


def load_cases(kinds: tuple[str, ...]) -> list[Case]:
    cases: list[Case] = []
    templates = mix()
    for kind in ("small", "html8k", "pdf1m"):
        if kind in kinds:
            raw = templates[kind].render(1)
            envelope = Envelope(SELLER, tuple(parse(raw).to_addresses))
            cases.append(Case(kind, kind, raw, envelope, NOW))
    if "corpus" in kinds:
        cases.extend(_corpus_cases())
    if "eval" in kinds:
        cases.extend(_eval_cases())
    return cases


async def _attach_orders(cases: list[Case]) -> None:
    """Every case's OrderContext, from one SQLite store with every orders.csv imported."""
    from relay.model import facts
    from relay.orders_import import import_file
    from relay.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        bench_csv = Path(tmp) / "bench-orders.csv"
        bench_csv.write_text(ORDERS_CSV, encoding="utf-8")
        store = await open_store(f"sqlite:///{tmp}/orders.db")
        try:
            for csv in [bench_csv, EVAL / "orders.csv", *sorted(CORPUS.glob("*/orders.csv"))]:
                await import_file(csv, store)
            for case in cases:
                message = parse(case.raw)
                ids = message.order_ids
                case.orders = await store.lookup(
                    ids[0] if ids else None,
                    facts.buyer_alias(case.envelope, message),
                    case.envelope.mail_from,
                    case.now,
                    message_id=message.ledger_key,
                )
        finally:
            await store.close()


def _cache_clearers() -> list[Callable[[], None]]:
    """Process-wide caches keyed by a message's text (not by policy data or single characters)."""
    import importlib

    clearers: list[Callable[[], None]] = []
    for module_name, attr in (
        ("relay.rules.images", "domain_in"),
        ("relay.model.message", "_HEADER_VALUES"),
        ("relay.model.phrases", "normalize"),
        ("relay.model.phrases", "word_starts"),
        ("relay.model.langid", "_WORD_NGRAMS"),  # langdetect's n-grams per word
    ):
        module = importlib.import_module(module_name)
        target = getattr(module, attr, None)
        clear = getattr(target, "cache_clear", None) or getattr(target, "clear", None)
        if callable(clear):
            clearers.append(clear)
    return clearers


def run_one(case: Case, policy: Policy, config: RelayConfig) -> tuple[float, Any, bytes, Any]:
    started = time.perf_counter()
    message = parse(case.raw)
    ctx, verdict, forward = judge(message, case.envelope, policy, config, case.orders, case.now)
    return time.perf_counter() - started, verdict, forward, ctx


def describe(verdict: Any, forward: bytes, ctx: Any) -> dict[str, Any]:
    facts = ctx.facts
    return {
        "action": verdict.action.value,
        "modified": verdict.modified,
        "findings": [f.as_dict() for f in verdict.findings],
        # the raw bytes when not modified (bench messages get a random MIME boundary each run)
        "forward_sha256": hashlib.sha256(forward).hexdigest() if verdict.modified else None,
        "facts": {
            "buyer_alias": facts.buyer_alias,
            "marketplace": facts.marketplace,
            "buyer_language": facts.buyer_language,
            "language": [facts.language.code, facts.language.probability, facts.language.words],
            "review": [facts.is_review_request, facts.review_request_evidence],
            "critical": [facts.is_critical, facts.critical_evidence],
        },
    }


def _without_spans(result: dict[str, Any]) -> dict[str, Any]:
    findings = [{k: v for k, v in f.items() if k != "spans"} for f in result["findings"]]
    return {**result, "findings": findings}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--rounds", type=int, default=20, help="timed runs per message")
    parser.add_argument("--kinds", nargs="+", default=["small", "html8k", "corpus", "eval"],
                        choices=KINDS)  # fmt: skip
    parser.add_argument("--keep-caches", action="store_true",
                        help="keep per-text caches between runs of the same message")  # fmt: skip
    parser.add_argument("--save", type=Path, help="write every verdict to this JSON file")
    parser.add_argument("--check", type=Path, help="compare every verdict with this JSON file")
    parser.add_argument("--slowest", type=int, default=5, help="list the N slowest messages")
    args = parser.parse_args()

    started = time.perf_counter()
    policy = load_policy()
    policy.warm()
    config = RelayConfig(approved_senders=(SELLER,))
    cases = load_cases(tuple(args.kinds))
    asyncio.run(_attach_orders(cases))
    print(f"{len(cases)} messages, set-up {time.perf_counter() - started:.2f} s", file=sys.stderr)

    # The first judgement of all: what the first message after start pays (nothing warmed
    # besides the policy's phrase patterns).
    first, *_ = run_one(cases[0], policy, config)
    results: dict[str, dict[str, Any]] = {}
    for case in cases:
        _seconds, verdict, forward, ctx = run_one(case, policy, config)
        results[case.name] = describe(verdict, forward, ctx)

    clearers = [] if args.keep_caches else _cache_clearers()
    times: dict[str, list[float]] = {case.name: [] for case in cases}
    for _round in range(args.rounds):
        for case in cases:
            for clear in clearers:
                clear()
            seconds, *_ = run_one(case, policy, config)
            times[case.name].append(seconds)

    print(f"first message after start ({cases[0].name}): {first * 1000:.1f} ms")
    print()
    print("| messages | n | p50 ms | p99 ms | mean ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    everything: list[float] = []
    for kind in args.kinds:
        values = [t * 1000 for case in cases if case.kind == kind for t in times[case.name]]
        if not values:
            continue
        everything.extend(values)
        count = sum(1 for case in cases if case.kind == kind)
        print(
            f"| {kind} ({count}) | {len(values)} | {percentile(values, 0.5):.2f} | "
            f"{percentile(values, 0.99):.2f} | {statistics.fmean(values):.2f} | "
            f"{max(values):.2f} |"
        )
    print(
        f"| all | {len(everything)} | {percentile(everything, 0.5):.2f} | "
        f"{percentile(everything, 0.99):.2f} | {statistics.fmean(everything):.2f} | "
        f"{max(everything):.2f} |"
    )
    per_round = sum(statistics.median(v) for v in times.values()) * 1000
    print(f"\nsum of per-message medians (one pass over all {len(cases)}): {per_round:.1f} ms")
    if args.slowest:
        print("\nslowest (median ms):")
        ranked = sorted(times.items(), key=lambda item: -statistics.median(item[1]))
        for name, values in ranked[: args.slowest]:
            print(f"  {statistics.median(values) * 1000:8.2f}  {name}")

    if args.save:
        args.save.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"\nverdicts of {len(results)} messages written to {args.save}")
    if args.check:
        expected = json.loads(args.check.read_text(encoding="utf-8"))
        # Spans (where a finding's words are) are checked by tests/test_spans.py; the verdicts
        # compared here are everything else, so a file saved before spans existed still serves.
        differ = [
            name
            for name in results
            if name in expected and _without_spans(results[name]) != _without_spans(expected[name])
        ]
        missing = sorted(set(expected) - set(results))
        for name in differ:
            print(f"DIFFERS {name}:")
            print("  was", json.dumps(expected[name], ensure_ascii=False))
            print("  now", json.dumps(results[name], ensure_ascii=False))
        checked = len(set(results) & set(expected))
        print(f"\nverdicts compared: {checked}, differing: {len(differ)}, not run: {len(missing)}")
        if differ:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
