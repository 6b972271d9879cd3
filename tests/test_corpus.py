"""The golden corpus: every fixture through the real pipeline and a real SQLite order store.

Each `tests/corpus/<family>/<name>.eml` has a `<name>.toml` beside it with the action and the
exact set of rule codes it must produce. Orders come from every `orders.csv` in the corpus.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from relay.model.message import parse
from relay.model.types import Envelope, RelayConfig
from relay.pipeline import Checker
from relay.policy import Policy
from tests.conftest import NOW, SELLER, console_script

CORPUS = Path(__file__).parent / "corpus"
_SIDE_KEYS = {"action", "codes", "mail_from", "rcpt", "now", "note"}


@dataclass(frozen=True)
class Case:
    eml: Path
    action: str
    codes: frozenset[str]
    mail_from: str
    rcpt: tuple[str, ...] | None
    now: datetime

    @property
    def id(self) -> str:
        return f"{self.eml.parent.name}/{self.eml.stem}"


def load_cases() -> list[Case]:
    cases = []
    for eml in sorted(CORPUS.glob("*/*.eml")):
        side = eml.with_suffix(".toml")
        data = tomllib.loads(side.read_text(encoding="utf-8")) if side.exists() else {}
        unknown = set(data) - _SIDE_KEYS
        assert not unknown, f"{side}: unknown keys {unknown}"
        assert "action" in data and "codes" in data, f"{side}: needs action and codes"
        now = datetime.fromisoformat(data["now"].replace("Z", "+00:00")) if "now" in data else NOW
        cases.append(
            Case(
                eml=eml,
                action=data["action"],
                codes=frozenset(data["codes"]),
                mail_from=data.get("mail_from", SELLER),
                rcpt=tuple(data["rcpt"]) if "rcpt" in data else None,
                now=now.astimezone(UTC),
            )
        )
    return cases


CASES = load_cases()


@cache
def corpus_store_url(tmp_root: str) -> str:
    """One SQLite store with every corpus order, built once per test run."""
    from relay.orders_import import import_file
    from relay.store import open_store

    url = f"sqlite:///{tmp_root}/corpus.db"

    async def build() -> None:
        store = await open_store(url)
        try:
            for csv in sorted(CORPUS.glob("*/orders.csv")):
                report = await import_file(csv, store)
                assert not report.refused, f"{csv}: {report.refused}"
        finally:
            await store.close()

    asyncio.run(build())
    return url


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return corpus_store_url(str(tmp_path_factory.mktemp("corpus")))


def envelope_for(case: Case, raw: bytes) -> Envelope:
    message = parse(raw)
    rcpt = case.rcpt or (*message.to_addresses, *message.cc_addresses)
    return Envelope(mail_from=case.mail_from, rcpt_tos=tuple(rcpt))


def test_corpus_is_large_and_balanced() -> None:
    assert len(CASES) >= 150, len(CASES)
    compliant = [c for c in CASES if c.action == "deliver"]
    assert len(compliant) * 3 >= len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fixture(case: Case, store_url: str, policy: Policy) -> None:
    from relay.store import open_store

    raw = case.eml.read_bytes()
    config = RelayConfig(approved_senders=(SELLER,))

    async def run() -> tuple[str, set[str], list[dict[str, str]]]:
        store = await open_store(store_url)
        try:
            evaluation = await Checker(policy, config, store).evaluate(
                raw, envelope_for(case, raw), now=case.now
            )
        finally:
            await store.close()
        verdict = evaluation.verdict
        return verdict.action.value, set(verdict.codes), [f.as_dict() for f in verdict.findings]

    action, codes, findings = asyncio.run(run())
    detail = json.dumps(findings, ensure_ascii=False, indent=1)
    assert codes == set(case.codes), detail
    assert action == case.action, detail
    for finding in findings:
        assert finding["message"], finding


# One console-script start per family (each start compiles twelve languages' phrase lists):
# more than the default two minutes on a shared machine.
@pytest.mark.timeout(360)
def test_check_command_agrees_on_one_fixture_per_family(tmp_path: Path) -> None:
    """`bsm-relay check --json` (the installed script) gives the same answers as the pipeline."""
    by_family: dict[str, Case] = {}
    for case in CASES:
        if case.rcpt is None:
            by_family.setdefault(case.eml.parent.name, case)
    assert by_family
    # The orders go in through the import module (the orders CLI has its own tests): twelve
    # console-script starts fewer.
    url = corpus_store_url(str(tmp_path))
    settings = tmp_path / "bsm-relay.toml"
    settings.write_text(
        f'[store]\nurl = "{url}"\n[senders]\napproved = ["{SELLER}"]\n', encoding="utf-8"
    )
    def run_check(case: Case) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                console_script(),
                "--config",
                str(settings),
                "check",
                str(case.eml),
                "--mail-from",
                case.mail_from,
                "--now",
                case.now.isoformat(),
                "--json",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    # two at a time: each start is CPU-bound, and `check` records nothing, so they cannot
    # interfere (the suite's longest test otherwise, ~70 s on a slow day)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(run_check, by_family.values()))
    for case, done in zip(by_family.values(), runs, strict=True):
        assert done.returncode in (0, 1), done.stderr
        result = json.loads(done.stdout)
        assert set(result) == {"action", "modified", "findings"}, result
        assert result["action"] == case.action, (case.id, result)
        assert {f["code"] for f in result["findings"]} == set(case.codes), (case.id, result)
        assert done.returncode == (0 if case.action == "deliver" else 1)
