"""The admin's rspamd rule set (bench/rspamd/) against bsm-relay, on the labelled messages.

Two sets: the golden corpus (tests/corpus, whose labels bsm-relay was built to) and the blind
evaluation set (bench/eval, labelled from policy.md alone, as bench/eval_rules.py reads it).
Every message goes through a private rspamd (bench/rspamd_milter.py, the same as the bench's
milter) on its scan port, and through bsm-relay's pipeline (Checker.evaluate, a temporary SQLite
store with the set's orders). Printed per set and target:

* message level: the decision that reaches the buyer. Positive = the label holds or rejects the
  message; bsm-relay's hold/reject, rspamd's reject/add header count as blocking.
* rule level: the rule codes of the content families both can judge (CNT, CTC, LNK, IMG,
  STY001-002, ENV004, as eval_rules.py scores them); an rspamd symbol AMZ_<code>_... names its
  code.

Run from the repository root:  .venv/bin/python bench/rspamd_eval.py
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import rspamd_milter  # noqa: E402
from bench.eval_rules import BLOCKING, expected_severity, in_scope  # noqa: E402
from bench.run import free_port  # noqa: E402
from relay.model.message import parse  # noqa: E402
from relay.model.types import Envelope, RelayConfig  # noqa: E402
from relay.orders_import import import_file  # noqa: E402
from relay.pipeline import Checker  # noqa: E402
from relay.policy import load_policy  # noqa: E402
from relay.store import open_store  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
EVAL = ROOT / "bench" / "eval"
SELLER = "support@shop.example"
EVAL_NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
RSPAMD_BLOCKING = {"reject", "add header", "rewrite subject", "soft reject"}


@dataclass(frozen=True)
class Sample:
    """One labelled message: what should be found and whether it should be stopped."""

    id: str
    raw: bytes
    codes: frozenset[str]
    optional: frozenset[str]
    block: bool
    mail_from: str
    rcpt: tuple[str, ...] | None
    now: datetime


@dataclass(frozen=True)
class Judgement:
    codes: frozenset[str]
    block: bool


@dataclass(frozen=True)
class Score:
    """Precision and recall of one target on one set, at message and at rule level."""

    messages: int
    block_tp: int
    block_fp: int
    block_fn: int
    code_tp: int
    code_fp: int
    code_fn: int

    @staticmethod
    def ratio(hit: int, miss: int) -> float:
        return hit / (hit + miss) if hit + miss else float("nan")

    def row(self, target: str, name: str) -> str:
        cells = (
            self.ratio(self.block_tp, self.block_fp),
            self.ratio(self.block_tp, self.block_fn),
            self.ratio(self.code_tp, self.code_fp),
            self.ratio(self.code_tp, self.code_fn),
        )
        shown = " | ".join(f"{c:.1%}" if c == c else "n/a" for c in cells)
        return (
            f"| {name} ({self.messages}) | {target} | {shown} | {self.block_fp} | {self.block_fn} |"
        )


def corpus_samples() -> list[Sample]:
    samples = []
    for eml in sorted(CORPUS.glob("*/*.eml")):
        side = tomllib.loads(eml.with_suffix(".toml").read_text(encoding="utf-8"))
        now = datetime.fromisoformat(side.get("now", EVAL_NOW.isoformat()).replace("Z", "+00:00"))
        samples.append(
            Sample(
                id=f"{eml.parent.name}/{eml.stem}",
                raw=eml.read_bytes(),
                codes=frozenset(side["codes"]),
                optional=frozenset(),
                block=side["action"] in ("hold", "reject"),
                mail_from=side.get("mail_from", SELLER),
                rcpt=tuple(side["rcpt"]) if "rcpt" in side else None,
                now=now.astimezone(UTC),
            )
        )
    return samples


def blind_samples() -> list[Sample]:
    labels = tomllib.loads((EVAL / "labels.toml").read_text(encoding="utf-8"))
    samples = []
    for key in sorted(labels):
        label = labels[key]
        codes = frozenset(label.get("codes", []))
        samples.append(
            Sample(
                id=key,
                raw=(EVAL / "messages" / f"{key}.eml").read_bytes(),
                codes=codes,
                optional=frozenset(label.get("optional", [])),
                block=any(expected_severity(c, label) in BLOCKING for c in codes),
                mail_from=SELLER,
                rcpt=None,
                now=EVAL_NOW,
            )
        )
    return samples


async def judge_relay(samples: list[Sample], orders: list[Path]) -> list[Judgement]:
    store = await open_store(f"sqlite:///{tempfile.mkdtemp()}/eval.db")
    try:
        for csv in orders:
            await import_file(csv, store)
        checker = Checker(load_policy(), RelayConfig(approved_senders=(SELLER,)), store)
        judged = []
        for sample in samples:
            message = parse(sample.raw)
            rcpt = sample.rcpt or (*message.to_addresses, *message.cc_addresses)
            evaluation = await checker.evaluate(
                sample.raw, Envelope(sample.mail_from, tuple(rcpt)), now=sample.now
            )
            verdict = evaluation.verdict
            judged.append(
                Judgement(frozenset(verdict.codes), verdict.action.value in ("hold", "reject"))
            )
        checker.close()
        return judged
    finally:
        await store.close()


def judge_rspamd(samples: list[Sample], rspamd: rspamd_milter.RspamdInstance) -> list[Judgement]:
    judged = []
    for sample in samples:
        result = rspamd.check(sample.raw)
        symbols = result.get("symbols", {})
        assert isinstance(symbols, dict)
        codes = frozenset(name.split("_")[1] for name in symbols if name.startswith("AMZ_"))
        judged.append(Judgement(codes, str(result.get("action")) in RSPAMD_BLOCKING))
    return judged


def score(samples: list[Sample], judged: list[Judgement]) -> Score:
    block_tp = block_fp = block_fn = code_tp = code_fp = code_fn = 0
    for sample, judgement in zip(samples, judged, strict=True):
        block_tp += sample.block and judgement.block
        block_fp += judgement.block and not sample.block
        block_fn += sample.block and not judgement.block
        expected = {c for c in sample.codes if in_scope(c)}
        got = {c for c in judgement.codes if in_scope(c)}
        code_tp += len(expected & got)
        code_fp += len(got - expected - sample.optional)
        code_fn += len(expected - got)
    return Score(len(samples), block_tp, block_fp, block_fn, code_tp, code_fp, code_fn)


def main() -> int:
    sets = {
        "golden corpus": (corpus_samples(), sorted(CORPUS.glob("*/orders.csv"))),
        "blind set": (blind_samples(), [EVAL / "orders.csv"]),
    }
    root = Path(tempfile.mkdtemp(prefix="bsm-rspamd-eval-"))
    ports = [free_port() for _ in range(3)]
    rspamd = rspamd_milter.start(root / "rspamd", *ports)
    rows = []
    try:
        for name, (samples, orders) in sets.items():
            relay = asyncio.run(judge_relay(samples, orders))
            admin = judge_rspamd(samples, rspamd)
            rows.append(score(samples, relay).row("bsm-relay", name))
            rows.append(score(samples, admin).row("rspamd rule set", name))
            if "-v" in sys.argv:
                for sample, mine, theirs in zip(samples, relay, admin, strict=True):
                    if mine.block != theirs.block or sample.block != theirs.block:
                        print(
                            f"{sample.id}: label block={sample.block} codes={sorted(sample.codes)}"
                            f" | bsm-relay {mine.block} {sorted(mine.codes)}"
                            f" | rspamd {theirs.block} {sorted(theirs.codes)}",
                            file=sys.stderr,
                        )
    finally:
        rspamd.stop()
        shutil.rmtree(root, ignore_errors=True)
    print(
        "| set (messages) | target | precision (stop) | recall (stop) | precision (rules) "
        "| recall (rules) | wrongly stopped | let through |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(row)
    print(
        "\nstop = the message is held or rejected (rspamd: reject or add header); rules = the "
        "codes of CNT, CTC, LNK, IMG, STY001-002 and ENV004 found per message."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
