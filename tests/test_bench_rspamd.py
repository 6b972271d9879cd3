"""The bench's admin rule set for rspamd (bench/rspamd/) loads, and names policy codes."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from bench import rspamd_milter
from bench.rspamd_eval import RSPAMD_BLOCKING
from relay import rules

# On a developer's machine without rspamd these are skipped (the bench installs it when it
# runs); CI installs it (.ci/run), so there a missing rspamd fails them.
pytestmark = pytest.mark.skipif(
    shutil.which("rspamadm") is None and os.environ.get("CI") != "true",
    reason="rspamd is not installed (the bench installs it)",
)


def test_rule_set_passes_configtest(tmp_path: Path) -> None:
    rspamd_milter.prepare(tmp_path / "rspamd", 21001, 21002, 21003)
    done = rspamd_milter.configtest(tmp_path / "rspamd")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "syntax OK" in done.stdout


def test_every_amazon_symbol_names_a_policy_code() -> None:
    text = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (
            rspamd_milter.RULES / "local.d" / "regexp.conf",
            rspamd_milter.RULES / "override.d" / "multimap.conf",
        )
    )
    symbols = re.findall(r"^(AMZ_\w+) \{", text, re.M)
    assert len(symbols) >= 25
    rules.load()
    codes = set(rules.REGISTRY)
    for symbol in symbols:
        assert symbol.split("_")[1] in codes, symbol
    assert {"reject", "add header"} <= RSPAMD_BLOCKING


def test_eval_scores_stop_decisions_and_rule_codes() -> None:
    from datetime import UTC, datetime

    from bench.rspamd_eval import Judgement, Sample, score

    def sample(codes: set[str], block: bool, optional: frozenset[str] = frozenset()) -> Sample:
        return Sample(
            "m", b"", frozenset(codes), frozenset(optional), block, "s@x", None, datetime.now(UTC)
        )

    samples = [
        sample({"CNT004"}, True),  # found and stopped
        sample(set(), False),  # wrongly stopped, with a code not expected
        sample(
            {"CTC001", "ORD003"}, True, frozenset({"STY002"})
        ),  # missed; ORD is out of rule scope
        sample(set(), False, frozenset({"STY002"})),  # an optional code is no false positive
    ]
    judged = [
        Judgement(frozenset({"CNT004"}), True),
        Judgement(frozenset({"LNK001"}), True),
        Judgement(frozenset(), False),
        Judgement(frozenset({"STY002"}), False),
    ]
    result = score(samples, judged)
    assert (result.block_tp, result.block_fp, result.block_fn) == (1, 1, 1)
    assert (result.code_tp, result.code_fp, result.code_fn) == (1, 1, 1)
    assert result.row("x", "set").startswith("| set (4) | x | 50.0% | 50.0% | 50.0% | 50.0% |")
