"""The pipeline: parse once, look the order up once, run every rule, decide, rewrite.

`serve` and `check` both call Checker.evaluate, so `bsm-relay check` shows exactly what the
relay would do. Parsing and rules for large messages run in worker threads with bounded
concurrency, so one 20 MB message does not freeze every other SMTP session (aiosmtpd #293).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import time
from collections.abc import Callable, Hashable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol, TypeVar

import structlog

from relay import rules
from relay.delivery import rewrite as rewrite_mod
from relay.model import extract
from relay.model import facts as facts_mod
from relay.model.fold import message_memo
from relay.model.message import ParsedMessage, parse
from relay.model.types import Envelope, MessageFacts, Order, OrderContext, RelayConfig, RuleContext
from relay.policy import Policy
from relay.runtime import parse_process
from relay.runtime.cpu_clock import cpu_timed
from relay.store.base import Store
from relay.verdict import Finding, Verdict, decide

log = structlog.get_logger("relay.pipeline")
T = TypeVar("T")


class OrderSource(Protocol):
    """Where an order the store does not know may still be found (the SP-API, relay.spapi)."""

    async def find(self, order_id: str, budget: float) -> Order | None:
        """The order, or None when there is none or it took longer than `budget` seconds."""


@dataclass(frozen=True)
class Evaluation:
    message: ParsedMessage
    facts: MessageFacts
    orders: OrderContext
    verdict: Verdict
    forward_bytes: bytes
    policy_seconds: float
    # the CPU the parse and the judging cost, wherever they ran (loop, thread, parse process)
    policy_cpu_seconds: float
    context: RuleContext


def run_rules(ctx: RuleContext) -> list[Finding]:
    """Every enabled rule, in family order; a rule that raises becomes a SYS001 finding."""
    findings: list[Finding] = []
    for spec in rules.load():
        code = spec.code
        if not ctx.policy.settings(code).enabled:
            continue
        try:
            findings.extend(spec.check(ctx))
        except Exception as exc:
            log.exception("rule_failed", code=code)
            findings.append(ctx.finding("SYS001", f"rule {code} failed", type(exc).__name__))
    return findings


def judge(
    message: ParsedMessage,
    envelope: Envelope,
    policy: Policy,
    config: RelayConfig,
    orders: OrderContext,
    now: datetime,
) -> tuple[RuleContext, Verdict, bytes]:
    """The pure part: facts, rules, decision and rewrite. No I/O.

    What the facts and the rules fold (relay.model.fold) is remembered in the rule context's memo,
    for this message only."""
    memo: dict[Hashable, object] = {}
    with message_memo(memo):
        facts = facts_mod.derive(message, envelope, policy, orders.order)
        ctx = RuleContext(
            message=message,
            envelope=envelope,
            policy=policy,
            config=config,
            facts=facts,
            orders=orders,
            now=now,
            _memo=memo,
        )
        verdict = decide(run_rules(ctx))
        forward = message.raw
        if verdict.modified:
            forward = rewrite_mod.rewrite(message.raw, verdict, ctx)
    return ctx, verdict, forward


_WARM_TEXT = (
    "Guten Tag,\n\nvielen Dank für Ihre Nachricht zur Bestellung 302-0000000-0000000. Das Paket "
    "wurde heute an DHL übergeben und kommt morgen an. Die Anleitung finden Sie unter "
    "www.example.com/anleitung, die Hotline des Herstellers unter +49 30 1234567.\n\n"
    "Mit freundlichen Grüßen\nIhr Kundenservice\n"
)


def warm(policy: Policy, config: RelayConfig) -> None:
    """Load at start what the first message would otherwise wait for.

    Judges one built-in German reply (text and HTML, a link, a phone number): the phrase
    patterns, langdetect's profiles, the public suffix list (LNK, CTC001), phonenumbers'
    metadata (CTC002), the emoji tables, the HTML parser, the PDF reader and the attachment
    rules' keyword patterns (a PDF delivery note) are loaded. STY003's word lists of
    every language the policy checks are mapped (built once per machine, relay.model.wordlists).
    """
    from email.message import EmailMessage

    policy.warm()
    load_wordlists(policy)
    msg = EmailMessage()
    msg["From"] = "warm-up@relay.invalid"
    msg["To"] = "a1b2c3d4e5@marketplace.amazon.de"
    msg["Subject"] = "Ihre Bestellung 302-0000000-0000000"
    msg["Message-ID"] = "<warm-up@relay.invalid>"
    msg.set_content(_WARM_TEXT)
    msg.add_alternative(
        "<html><body><p>" + _WARM_TEXT.replace("\n", "<br>") + "</p></body></html>", subtype="html"
    )
    # A delivery note as a PDF: the PDF reader and the attachment rules' keyword patterns
    # (compiled per policy on first use, ~100 ms) are ready before the first buyer's PDF.
    msg.add_attachment(
        extract.minimal_pdf("Lieferschein zur Bestellung 302-0000000-0000000"),
        maintype="application",
        subtype="pdf",
        filename="lieferschein.pdf",
    )
    message = parse(msg.as_bytes())
    envelope = Envelope(mail_from="warm-up@relay.invalid", rcpt_tos=tuple(message.to_addresses))
    judge(message, envelope, policy, config, OrderContext(), datetime.now(UTC))


def load_wordlists(policy: Policy) -> None:
    """STY003's word lists for every spelling language of `policy` (also after a reload)."""
    from relay.rules.style import StyleOptions, dictionary

    if not policy.settings("STY003").enabled:
        return
    for language in policy.option("style", StyleOptions).spelling_languages:
        dictionary(language)


class Checker:
    """Evaluates messages against one policy; safe to share between sessions."""

    def __init__(
        self,
        policy: Policy,
        config: RelayConfig,
        store: Store | None,
        *,
        max_concurrent: int = 4,
        offload_bytes: int = 32 * 1024,
        parse_processes: int = 0,
        process_bytes: int = 1024 * 1024,
        order_source: OrderSource | None = None,
        lookup_budget: float = 3.0,
    ) -> None:
        self.policy = policy
        self.config = config
        self.store = store
        self.order_source = order_source
        self.lookup_budget = lookup_budget
        self._offload_bytes = offload_bytes
        self._slots = asyncio.Semaphore(max_concurrent)
        # Large messages are parsed in worker processes (started by `serve` at start, else on
        # first use): in threads, parsing holds the GIL for long stretches and every SMTP
        # session waits (aiosmtpd #293).
        self._process_bytes = process_bytes
        self._process_count = parse_processes
        # As many large messages handed over as there are processes to take them: one waiting
        # in the pool's queue is a pickled copy of its bytes held for nothing.
        self._process_slots = asyncio.Semaphore(max(1, parse_processes))
        self._processes = parse_process.pool(parse_processes)

    def start_processes(self) -> None:
        """Start the parse processes now, in the background, rather than on the first large
        message: a spawned process imports the relay (~1 s of CPU at normal priority, before
        its initializer lowers it), which would stall every session at that moment. (A
        worker's were forked before it served: relay.runtime.parse_process.fork_processes.)"""
        if self._processes is None:
            return
        for _ in range(self._process_count):
            self._processes.submit(parse_process.warm_up)

    async def _parse(self, raw: bytes) -> tuple[ParsedMessage, float]:
        """The parsed message and the CPU seconds its parse cost."""
        processes = self._processes
        if processes is not None and len(raw) >= self._process_bytes:
            async with self._slots, self._process_slots:
                try:
                    parsed, cpu_seconds = await self._parse_in_process(processes, raw)
                except BrokenProcessPool:
                    self._replace_broken_pool(processes)
                    raise
            return dataclasses.replace(parsed, raw=raw), cpu_seconds
        return await self._run(len(raw), lambda: cpu_timed(parse, raw))

    @staticmethod
    async def _parse_in_process(
        processes: ProcessPoolExecutor, raw: bytes
    ) -> tuple[ParsedMessage, float]:
        loop = asyncio.get_running_loop()
        try:
            spooled = await asyncio.to_thread(parse_process.spool, raw)
        except OSError:  # no room in TMPDIR: handed over pickled, as before
            return await loop.run_in_executor(
                processes, cpu_timed, parse_process.parse_without_raw, raw
            )
        try:
            return await loop.run_in_executor(
                processes, cpu_timed, parse_process.parse_spooled, spooled
            )
        finally:  # read and removed by the parse process, unless it failed first
            with contextlib.suppress(FileNotFoundError):
                os.unlink(spooled)

    def _replace_broken_pool(self, broken: ProcessPoolExecutor) -> None:
        """A parse process that died (the OOM killer, a crash in a C library) breaks its pool
        for good: every later large message would fail. This message gets its temporary
        failure (451, the client sends it again); the next ones go to new processes (spawned:
        a worker with threads must not fork). Messages in flight on the broken pool all fail
        with it; the first to get here replaces it."""
        if self._processes is not broken:
            return
        self._processes = parse_process.pool(self._process_count)
        log.error("parse_processes_replaced", processes=self._process_count)
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """End the parse processes. Called once every message in flight is answered.

        The pool's own shutdown misses a process that is still starting up (a stop right
        after start: its exit sentinel is never sent), and the interpreter then waits for it
        forever at exit; so they are ended here, with nothing of ours left running in them.
        """
        if self._processes is None:
            return
        # the pool's own table of its processes (CPython's, no public accessor)
        running = list((getattr(self._processes, "_processes", None) or {}).values())
        self._processes.shutdown(wait=False, cancel_futures=True)
        for process in running:
            if process.is_alive():
                process.terminate()
        for process in running:
            process.join(timeout=5)

    async def _run(self, size: int, func: Callable[[], T]) -> T:
        if size < self._offload_bytes:
            return func()
        async with self._slots:
            return await asyncio.to_thread(func)

    async def evaluate(
        self, raw: bytes, envelope: Envelope, now: datetime | None = None
    ) -> Evaluation:
        now = now or datetime.now(UTC)
        started = time.perf_counter()
        message, parse_cpu_seconds = await self._parse(raw)
        lookup_started = time.perf_counter()
        orders = await self._lookup(message, envelope, now)
        lookup_seconds = time.perf_counter() - lookup_started
        policy = self.policy
        (ctx, verdict, forward), judge_cpu_seconds = await self._run(
            len(raw),
            lambda: cpu_timed(judge, message, envelope, policy, self.config, orders, now),
        )
        return Evaluation(
            message=message,
            facts=ctx.facts,
            orders=orders,
            verdict=verdict,
            forward_bytes=forward,
            policy_seconds=time.perf_counter() - started - lookup_seconds,
            context=ctx,
            policy_cpu_seconds=parse_cpu_seconds + judge_cpu_seconds,
        )

    async def _lookup(
        self, message: ParsedMessage, envelope: Envelope, now: datetime
    ) -> OrderContext:
        order_ids = message.order_ids
        order_id = order_ids[0] if order_ids else None
        if self.store is None:
            return OrderContext(order_id=order_id)
        alias = facts_mod.buyer_alias(envelope, message)
        context = await self.store.lookup(
            order_id,
            alias,
            envelope.mail_from,
            now,
            message_id=message.ledger_key,
            digest=message.digest,
        )
        if (
            context.order is None
            and order_id is not None
            and alias is not None
            and self.order_source is not None
        ):
            # An order newer than the last sync or import: asked of Amazon within the budget
            # before ORD002-ORD007 and LNG001 judge; without an answer they judge as before.
            found = await self.order_source.find(order_id, self.lookup_budget)
            if found is not None:
                context = dataclasses.replace(context, order=found)
        return context
