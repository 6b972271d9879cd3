"""Long-running MIME fuzz: hostile messages through the relay's real parse + policy.

    python fuzz/mime_fuzz.py --inputs 20000 --workers 2 [--seconds 3600] [--out fuzz/out]

Every input goes through what the relay does after DATA (smuggling check, line endings,
Checker.evaluate with the bundled policy). An exception, a SYS001 finding (a rule crashed), a
message beyond the parse limits that is not held (MIME001), or an input slower than
--slow seconds is a finding: its bytes are written to <out>/crash-*.eml or slow-*.eml.
Progress lines and a final JSON summary (inputs, crashes, slowest) go to stdout.

The strategies are the CI suite's (tests/reliability/mime_strategies.py); CI runs ~120 inputs.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import multiprocessing
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def worker(
    index: int, inputs: int, seconds: float, slow: float, out: str, queue: Any, seed_base: int
) -> None:
    from hypothesis import HealthCheck, given, seed, settings

    from relay.model.message import LIMIT_DEFECT
    from relay.model.types import Envelope, RelayConfig
    from relay.pipeline import Checker
    from relay.policy import load_policy
    from relay.runtime.smtp import normalize_line_endings
    from tests.reliability import mime_strategies as ms

    policy = load_policy()
    policy.warm()
    checker = Checker(
        policy, RelayConfig(approved_senders=(ms.SELLER,)), None, offload_bytes=1 << 40
    )
    envelope = Envelope(ms.SELLER, (ms.BUYER,))
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + seconds
    stats: dict[str, Any] = {"inputs": 0, "crashes": 0, "smuggling_refused": 0, "held_by_limits": 0,
                             "slowest": 0.0, "slowest_size": 0, "actions": {}}  # fmt: skip
    loop = asyncio.new_event_loop()

    def save(kind: str, raw: bytes, detail: str) -> None:
        name = f"{kind}-{hashlib.sha256(raw).hexdigest()[:12]}"
        (folder / f"{name}.eml").write_bytes(raw)
        (folder / f"{name}.txt").write_text(detail, encoding="utf-8")

    @seed(seed_base + index)
    @settings(
        max_examples=inputs, deadline=None, database=None, derandomize=False,
        suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    @given(raw=ms.hostile_message())
    def one(raw: bytes) -> None:
        if time.monotonic() > deadline:
            return
        stats["inputs"] += 1
        started = time.perf_counter()
        try:
            normalized = normalize_line_endings(raw)
            if normalized is None:
                stats["smuggling_refused"] += 1
                return
            evaluation = loop.run_until_complete(checker.evaluate(normalized, envelope))
            codes = {f.code for f in evaluation.verdict.findings}
            action = evaluation.verdict.action.value
            stats["actions"][action] = stats["actions"].get(action, 0) + 1
            if "SYS001" in codes:
                stats["crashes"] += 1
                failed = [f.message for f in evaluation.verdict.findings if f.code == "SYS001"]
                save("crash", raw, "SYS001: " + "; ".join(failed))
            if any("structure unreadable" in d for d in evaluation.message.defects):
                # parse() fell back to the headers: held, but worth a look.
                stats["parse_fallbacks"] = stats.get("parse_fallbacks", 0) + 1
                save("fallback", raw, "; ".join(evaluation.message.defects))
            if LIMIT_DEFECT in evaluation.message.defects:
                stats["held_by_limits"] += 1
                if "MIME001" not in codes:
                    stats["crashes"] += 1
                    save("crash", raw, "beyond parse limits but not held by MIME001")
        except Exception:
            stats["crashes"] += 1
            save("crash", raw, traceback.format_exc())
        finally:
            elapsed = time.perf_counter() - started
            if elapsed > stats["slowest"]:
                stats["slowest"], stats["slowest_size"] = elapsed, len(raw)
            if elapsed > slow:
                save("slow", raw, f"{elapsed:.2f} s")
            if stats["inputs"] % 250 == 0:
                queue.put(("progress", index, dict(stats)))

    one()
    queue.put(("done", index, stats))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=20000, help="total inputs (all workers)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=7200.0, help="stop after this long")
    parser.add_argument("--slow", type=float, default=10.0, help="report inputs slower than this")
    parser.add_argument("--out", default=str(ROOT / "fuzz" / "out"))
    parser.add_argument("--seed-base", type=int, default=1000, help="worker i uses seed base+i")
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    per_worker = -(-args.inputs // args.workers)
    procs = [
        context.Process(
            target=worker,
            args=(i, per_worker, args.seconds, args.slow, args.out, queue, args.seed_base),
        )
        for i in range(args.workers)
    ]
    started = time.monotonic()
    for proc in procs:
        proc.start()
    latest: dict[int, dict[str, Any]] = {}
    done = 0
    while done < len(procs):
        kind, index, stats = queue.get()
        latest[index] = stats
        if kind == "done":
            done += 1
        total = sum(s["inputs"] for s in latest.values())
        crashes = sum(s["crashes"] for s in latest.values())
        slowest = max(s["slowest"] for s in latest.values())
        print(
            f"[{time.monotonic() - started:7.0f}s] inputs {total} crashes {crashes} "
            f"slowest {slowest:.2f}s",
            flush=True,
        )
    for proc in procs:
        proc.join()
    actions: dict[str, int] = {}
    for stats in latest.values():
        for action, count in stats["actions"].items():
            actions[action] = actions.get(action, 0) + count
    summary = {
        "inputs": sum(s["inputs"] for s in latest.values()),
        "crashes": sum(s["crashes"] for s in latest.values()),
        "smuggling_refused": sum(s["smuggling_refused"] for s in latest.values()),
        "held_by_parse_limits": sum(s["held_by_limits"] for s in latest.values()),
        "parse_fallbacks": sum(s.get("parse_fallbacks", 0) for s in latest.values()),
        "slowest_seconds": round(max(s["slowest"] for s in latest.values()), 3),
        "actions": actions,
        "seconds": round(time.monotonic() - started, 1),
        "findings_folder": args.out,
    }
    print(json.dumps(summary), flush=True)
    return 1 if summary["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
