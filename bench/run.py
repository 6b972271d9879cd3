"""`python bench/run.py`: bsm-relay vs. Postfix + rspamd vs. the pass-through ceilings.

Starts a sink, the no-filter baseline, bsm-relay (full default policy, SQLite store, orders
imported) and, where they can be installed, a private Postfix instance relaying to the same sink
and a second one with a private rspamd as its milter (the admin's Amazon rule set in
bench/rspamd/, every network check off);
drives each with the same message mix from one load generator; prints msgs/s, p50/p99 latency,
the ratios, policy-evaluation time per message (from the relay's own `policy_ms` log field and
its bsm_relay_policy_seconds histogram), head-of-line delay of a small message while ten 10 MB
messages are in flight, and the relay's peak RSS. Loopback only; every load is bounded in count
and time. Takes about three minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil

from bench import load, rspamd_milter
from bench import postfix as postfix_mod
from bench.messages import ORDERS_CSV, SELLER, Template, mix

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

# (concurrent sessions, max messages, max seconds) per message kind
PLAN = {
    "small": (8, 3000, 5.0),
    "html8k": (8, 3000, 5.0),
    "pdf1m": (4, 80, 8.0),
    "pdf10m": (2, 8, 25.0),
}


# --quick: the same kinds, a fraction of the messages, for development (figures are noisier)
QUICK_PLAN = {
    "small": (8, 600, 1.5),
    "html8k": (8, 600, 1.5),
    "pdf1m": (4, 16, 3.0),
    "pdf10m": (2, 3, 10.0),
}

TARGETS = ("bsm-relay", "postfix+rspamd", "postfix", "baseline")

_NEXT_PORT = [20000 + os.getpid() % 5000]


def free_port() -> int:
    """A free loopback port below the kernel's ephemeral range (32768-60999 here): a port
    that bind(0) handed out and that was released can become the source port of an outgoing
    connection before the server that was meant to listen on it starts."""
    while _NEXT_PORT[0] < 32000:
        port = _NEXT_PORT[0]
        _NEXT_PORT[0] += 1
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free loopback port below 32000")


def wait_port(port: int, proc: subprocess.Popen[bytes] | None, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.recv(100)
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port} after {seconds} s")


def reference_loop_ms() -> float:
    """A fixed pure-Python workload (median of three), to tell a slow moment of a shared
    machine from a slow relay: runs of the bench compare only at similar figures."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)[1]


def refused_through_milter(port: int) -> None:
    """Postfix + rspamd must refuse a coupon offer, or its rows would measure a pass-through
    (a milter that is not asked, or rules that do not load); raises RuntimeError if not."""
    import smtplib

    offer = (
        f"From: {SELLER}\r\nTo: a1b2c3d4e5@marketplace.amazon.de\r\nSubject: Danke\r\n\r\n"
        "Mit dem Gutscheincode DANKE10 sparen Sie 10 % bei Ihrer nächsten Bestellung.\r\n"
    ).encode()
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        try:
            client.sendmail(SELLER, ["a1b2c3d4e5@marketplace.amazon.de"], offer)
        except smtplib.SMTPDataError as exc:
            if 500 <= exc.smtp_code < 600:
                return
            raise RuntimeError(f"postfix+rspamd answered {exc.smtp_code} to a coupon") from exc
    raise RuntimeError("postfix+rspamd accepted a coupon offer: the milter does not filter")


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of a process and every descendant, the reaped ones too.

    Children that have exited and been waited for are in their parent's `children_*` times;
    live ones are summed directly, so the difference of two readings is what the whole tree
    used in between even when processes come and go (Postfix's smtpd, cleanup, smtp)."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return float("nan")
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


@dataclass(frozen=True)
class ProcessMemory:
    """One relay process's memory at one sample (bytes)."""

    role: str
    pid: int
    rss: int
    pss: int
    uss: int


def process_role(proc: psutil.Process, depth: int) -> str:
    """What a relay process is: its own name when it set one (bsm-relay's processes name
    themselves, relay/runtime/proctitle.py), else guessed from its place in the tree."""
    try:
        name = proc.name()
        cmdline = " ".join(proc.cmdline())
    except psutil.Error:
        return "?"
    if name.startswith("bsm-") and name != "bsm-relay":
        return name
    if "resource_tracker" in cmdline:
        return "resource-tracker"
    return {0: "supervisor", 1: "worker"}.get(depth, "parse")


def memory_of_tree(proc: psutil.Process) -> list[ProcessMemory]:
    found: list[ProcessMemory] = []
    levels = [(proc, 0)]
    while levels:
        current, depth = levels.pop(0)
        try:
            info = current.memory_full_info()
            children = current.children()
        except psutil.Error:
            continue
        role = process_role(current, depth)
        found.append(ProcessMemory(role, current.pid, info.rss, info.pss, info.uss))
        levels.extend((child, depth + 1) for child in children)
    return found


@dataclass
class RssSampler:
    """Samples the RSS of a process and its children every 10 ms, in a thread, and every
    100 ms each process's RSS, PSS and USS (smaps is slower to read)."""

    pid: int
    peak: int = 0
    window_peak: int = 0
    window_peak_main: int = 0
    # PSS: a page shared by several relay processes counted once in all (RSS counts it in each)
    window_peak_pss: int = 0
    current: int = 0
    # per process: the last full sample, the one when the window opened (idle) and the one
    # with the highest PSS sum in the window (peak)
    last_tree: list[ProcessMemory] = field(default_factory=list)
    idle_tree: list[ProcessMemory] = field(default_factory=list)
    peak_tree: list[ProcessMemory] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        try:
            proc = psutil.Process(self.pid)
        except psutil.Error:
            return
        rounds = 0
        while not self._stop.is_set():
            try:
                children = proc.children(recursive=True)
                main = proc.memory_info().rss
                rss = main + sum(c.memory_info().rss for c in children)
                if rounds % 10 == 0:
                    tree = memory_of_tree(proc)
                    pss = sum(p.pss for p in tree)
                    self.last_tree = tree
                    if pss > self.window_peak_pss:
                        self.window_peak_pss = pss
                        self.peak_tree = tree
            except psutil.Error:
                if not proc.is_running():
                    break
                time.sleep(0.01)  # a child that ended between the listing and the reading
                continue
            except Exception as exc:  # a bench bug: say so instead of a silent 0 MiB peak
                print(f"memory sampler stopped: {exc!r}", file=sys.stderr)
                raise
            rounds += 1
            self.current = rss
            self.peak = max(self.peak, rss)
            self.window_peak = max(self.window_peak, rss)
            self.window_peak_main = max(self.window_peak_main, main)
            time.sleep(0.01)

    def reset_window(self) -> None:
        self.idle_tree = self.last_tree
        self.window_peak = 0
        self.window_peak_main = 0
        self.window_peak_pss = 0
        self.peak_tree = []

    def stop(self) -> None:
        self._stop.set()


@dataclass
class Row:
    target: str
    kind: str
    result: load.LoadResult
    cpu_seconds: float = float("nan")  # the target's process tree while it handled the load
    sink_cpu_seconds: float = float("nan")
    generator_cpu_seconds: float = float("nan")

    def per_message_ms(self, seconds: float) -> float:
        return seconds / self.result.sent * 1000 if self.result.sent else float("nan")

    @property
    def p50(self) -> float:
        return load.percentile(self.result.latencies, 50) * 1000

    @property
    def p99(self) -> float:
        return load.percentile(self.result.latencies, 99) * 1000


def relay_settings(
    tmp: Path, smtp_port: int, http_port: int, sink_port: int, workers: int, parse_processes: int
) -> Path:
    path = tmp / "bsm-relay.toml"
    path.write_text(
        f"""
[smtp]
listen = "127.0.0.1:{smtp_port}"
auth = "off"
session_timeout = 300
max_connections = 500
messages_per_minute_per_user = 1000000
workers = {workers}
parse_processes = {parse_processes}

[upstream]
url = "smtp://127.0.0.1:{sink_port}"
timeout = 60

[store]
url = "sqlite:///{tmp / "relay.db"}"

[quarantine]
dir = "{tmp / "quarantine"}"

[senders]
approved = ["{SELLER}"]

[http]
listen = "127.0.0.1:{http_port}"
""",
        encoding="utf-8",
    )
    return path


def policy_ms(
    log_path: Path, start_offset: int, field: str = "policy_ms"
) -> tuple[list[float], dict[str, int]]:
    """Every message event's `field` (policy_ms, or policy_cpu_ms) from the offset on, and the
    count of each action."""
    values: list[float] = []
    actions: dict[str, int] = {}
    with log_path.open("rb") as handle:
        handle.seek(start_offset)
        for line in handle:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("event") != "message":
                continue
            actions[event.get("action", "?")] = actions.get(event.get("action", "?"), 0) + 1
            if event.get(field) is not None:
                values.append(float(event[field]))
    return values, actions


def metrics_text(http_port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/metrics", timeout=10) as resp:
        return str(resp.read().decode())


def histogram_summary(text: str, name: str) -> tuple[float, float, dict[float, float]]:
    buckets: dict[float, float] = {}
    total = count = 0.0
    for line in text.splitlines():
        if line.startswith(f"{name}_bucket"):
            le = line.split('le="', 1)[1].split('"', 1)[0]
            buckets[float("inf") if le == "+Inf" else float(le)] = float(line.rsplit(" ", 1)[1])
        elif line.startswith(f"{name}_sum"):
            total = float(line.rsplit(" ", 1)[1])
        elif line.startswith(f"{name}_count"):
            count = float(line.rsplit(" ", 1)[1])
    return total, count, buckets


async def head_of_line(
    port: int,
    templates: dict[str, Template],
    sampler: RssSampler | None,
    profile: Callable[[], subprocess.Popen[bytes]] | None = None,
) -> dict[str, float]:
    """Small messages' reply time, idle and while ten 10 MB messages are in flight."""
    small, big = templates["small"], templates["pdf10m"]
    idle = await load.run(port, small, concurrency=1, count=30, seconds=10)
    idle_p50 = load.percentile(idle.latencies, 50)
    idle_rss = 0.0
    if sampler is not None:
        idle_rss = float(sampler.current)
        sampler.reset_window()
    big_task = asyncio.ensure_future(load.run(port, big, concurrency=10, count=10, seconds=120))
    profiler = profile() if profile is not None else None
    await asyncio.sleep(0.3)  # let the uploads start
    # the probe runs in its own process: the generator's own work must not delay it
    probe = await asyncio.create_subprocess_exec(
        PY,
        "-m",
        "bench.probe",
        str(port),
        "120",
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE,
    )
    await big_task
    probe.terminate()  # SIGTERM: the probe stops after its current message and reports
    out, _ = await probe.communicate()
    during = json.loads(out or b"[]")
    if os.environ.get("BENCH_DEBUG"):
        print("probe latencies (ms):", [round(v * 1000) for v in during], file=sys.stderr)
    big_result = await big_task
    if profiler is not None:
        profiler.wait(timeout=60)
    return {
        "idle_p50_ms": idle_p50 * 1000,
        "during_p50_ms": load.percentile(during, 50) * 1000,
        "during_p90_ms": load.percentile(during, 90) * 1000,
        "during_max_ms": max(during) * 1000 if during else float("nan"),
        "delay_max_ms": (max(during) - idle_p50) * 1000 if during else float("nan"),
        "samples": len(during),
        "big_sent": big_result.sent,
        "big_errors": big_result.errors,
        "big_seconds": big_result.elapsed,
        "bytes_in_flight": 10 * big.size,
        "rss_peak": float(sampler.window_peak) if sampler else float("nan"),
        "rss_peak_main": float(sampler.window_peak_main) if sampler else float("nan"),
        "pss_peak": float(sampler.window_peak_pss) if sampler else float("nan"),
        "rss_before": idle_rss,
        "pss_before": float(sum(p.pss for p in sampler.idle_tree)) if sampler else float("nan"),
        "slow_samples": float(sum(1 for v in during if v > 0.2)),
    }


def wait_drained(status: Path, expected: int, seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            got = int(status.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            got = 0
        if got >= expected:
            return time.monotonic() - started
        time.sleep(0.05)
    return float("nan")


def sink_count(status: Path) -> int:
    try:
        return int(status.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0


async def drive(
    name: str,
    port: int,
    templates: dict[str, Template],
    kinds: list[str],
    rows: list[Row],
    *,
    after: Callable[[str], None] | None = None,
    before: Callable[[str], None] | None = None,
    cpu_of: Callable[[], float] | None = None,
    sink_pid: int | None = None,
    sent: list[int] | None = None,
) -> None:
    # warm-up: the first messages pay for imports, caches and connections
    for kind in kinds:
        await load.run(port, templates[kind], concurrency=1, count=2, seconds=30)
    for kind in kinds:
        if before:
            before(kind)
        concurrency, count, seconds = PLAN[kind]
        cpu_start = cpu_of() if cpu_of else float("nan")
        sink_start = tree_cpu_seconds(sink_pid) if sink_pid else float("nan")
        generator_start = time.process_time()
        result = await load.run(
            port, templates[kind], concurrency=concurrency, count=count, seconds=seconds
        )
        generator = time.process_time() - generator_start
        if sent is not None:
            sent[0] = result.sent
        if after:
            after(kind)  # Postfix: waits until the sink has every message (it delivers later)
        row = Row(name, kind, result, generator_cpu_seconds=generator)
        if cpu_of:
            row.cpu_seconds = cpu_of() - cpu_start
        if sink_pid:
            row.sink_cpu_seconds = tree_cpu_seconds(sink_pid) - sink_start
        rows.append(row)
        print(
            f"  {name:14} {kind:7} {result.rate:8.1f} msgs/s  p50 {rows[-1].p50:8.1f} ms  "
            f"p99 {rows[-1].p99:8.1f} ms  CPU {rows[-1].per_message_ms(rows[-1].cpu_seconds):6.2f} "
            f"ms/msg  sent {result.sent} errors {result.errors} "
            f"{result.first_error[:80]}",
            file=sys.stderr,
            flush=True,
        )


def start_profiler(folder: Path, kind: str, pid: int, seconds: float) -> subprocess.Popen[bytes]:
    """py-spy samples the relay (and its parse processes) while one kind's load runs."""
    spy = shutil.which("py-spy") or str(Path(PY).parent / "py-spy")
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [
            spy,
            "record",
            "--subprocesses",
            "-p",
            str(pid),
            "-d",
            str(max(1, int(seconds))),
            "-r",
            "250",
            "-f",
            "speedscope",
            "-o",
            str(folder / f"relay-{kind}.speedscope.json"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def fmt(value: float, digits: int = 1) -> str:
    return "n/a" if value != value else f"{value:.{digits}f}"


async def main_async(args: argparse.Namespace) -> int:
    speed_before = reference_loop_ms()
    tmp = Path(tempfile.mkdtemp(prefix="bsm-bench-"))
    procs: list[subprocess.Popen[bytes]] = []
    postfix: postfix_mod.PostfixInstance | None = None
    postfix_reason = ""
    filtered: postfix_mod.PostfixInstance | None = None
    rspamd: rspamd_milter.RspamdInstance | None = None
    rspamd_reason = ""
    try:
        templates = mix()
        kinds = args.kinds
        sink_port, base_port, relay_port, http_port, pf_port = (free_port() for _ in range(5))
        pr_port, milter_port, scan_port, controller_port = (free_port() for _ in range(4))
        status = tmp / "sink.status"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        sink = subprocess.Popen(
            [PY, "-m", "bench.sink", str(sink_port), str(status)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        procs.append(sink)
        wait_port(sink_port, sink)
        baseline = subprocess.Popen(
            [PY, "-m", "bench.baseline", str(base_port), f"smtp://127.0.0.1:{sink_port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        procs.append(baseline)
        settings = relay_settings(
            tmp, relay_port, http_port, sink_port, args.workers, args.parse_processes
        )
        orders = tmp / "orders.csv"
        orders.write_text(ORDERS_CSV, encoding="utf-8")
        script = str(Path(PY).parent / "bsm-relay")
        subprocess.run(
            [script, "--config", str(settings), "orders", "import", str(orders)],
            check=True,
            capture_output=True,
            cwd=tmp,
        )
        log_path = tmp / "relay.log"
        log_file = log_path.open("wb")
        relay = subprocess.Popen(
            [script, "--config", str(settings), "serve"],
            cwd=tmp,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        procs.append(relay)
        wait_port(base_port, baseline)
        wait_port(relay_port, relay, seconds=60)
        sampler = RssSampler(relay.pid)
        sampler.start()
        if not args.no_postfix:
            try:
                postfix = postfix_mod.start(tmp / "postfix", pf_port, sink_port)
                wait_port(pf_port, None)
            except (RuntimeError, OSError) as exc:
                postfix_reason = str(exc)
                postfix = None
        else:
            postfix_reason = "skipped (--no-postfix)"
        if not args.no_postfix and not args.no_rspamd:
            try:
                rspamd = rspamd_milter.start(
                    tmp / "rspamd", milter_port, scan_port, controller_port
                )
                filtered = postfix_mod.start(
                    tmp / "postfix-rspamd", pr_port, sink_port, milter_port=milter_port
                )
                wait_port(pr_port, None)
                refused_through_milter(pr_port)
            except (RuntimeError, OSError) as exc:
                rspamd_reason = str(exc)
        else:
            rspamd_reason = "skipped (--no-rspamd or --no-postfix)"

        rows: list[Row] = []
        print("running (figures as they come, on stderr):", file=sys.stderr, flush=True)
        policy_by_kind: dict[str, list[float]] = {}
        policy_cpu_by_kind: dict[str, list[float]] = {}
        offsets: dict[str, int] = {}

        profilers: dict[str, subprocess.Popen[bytes]] = {}

        def log_offset() -> int:
            log_file.flush()
            return log_path.stat().st_size

        def policy_since(offset: int) -> tuple[list[float], list[float]]:
            """policy_ms and policy_cpu_ms of the messages logged since `offset`."""
            time.sleep(0.2)
            log_file.flush()
            return policy_ms(log_path, offset)[0], policy_ms(log_path, offset, "policy_cpu_ms")[0]

        def mark(kind: str) -> None:
            offsets[kind] = log_offset()
            if args.profile:
                profilers[kind] = start_profiler(Path(args.profile), kind, relay.pid, PLAN[kind][2])

        def collect(kind: str) -> None:
            policy_by_kind[kind], policy_cpu_by_kind[kind] = policy_since(offsets[kind])
            if kind in profilers:
                profilers[kind].wait(timeout=60)

        drain: dict[tuple[str, str], float] = {}

        def pf_before(kind: str) -> None:
            offsets["pf"] = sink_count(status)

        def pf_after(target: str) -> Callable[[str], None]:
            def after(kind: str) -> None:
                # Postfix answers on queueing and delivers later: the run ends at the sink
                sent = load_sent[0]
                drain[(target, kind)] = wait_drained(status, offsets["pf"] + sent, 120)

            return after

        load_sent = [0]
        targets: list[tuple[str, int, dict[str, Any]]] = [
            ("baseline", base_port, {"cpu_of": lambda: tree_cpu_seconds(baseline.pid)}),
            (
                "bsm-relay",
                relay_port,
                {
                    "before": mark,
                    "after": collect,
                    "cpu_of": lambda: tree_cpu_seconds(relay.pid),
                },
            ),
        ]
        if filtered is not None and rspamd is not None:
            both = (filtered, rspamd)
            targets.append(
                (
                    "postfix+rspamd",
                    pr_port,
                    {
                        "before": pf_before,
                        "after": pf_after("postfix+rspamd"),
                        "cpu_of": lambda: both[0].cpu_seconds() + both[1].cpu_seconds(),
                        "sent": load_sent,
                    },
                )
            )
        if postfix is not None:
            targets.append(
                (
                    "postfix",
                    pf_port,
                    {
                        "before": pf_before,
                        "after": pf_after("postfix"),
                        "cpu_of": postfix.cpu_seconds,
                        "sent": load_sent,
                    },
                )
            )
        if not args.only_head_of_line:
            # Kind by kind, every target in turn: the machine's speed drifts over minutes (the
            # reference loop moved by a third within one run), so the targets a ratio compares
            # are measured within the same half minute, not minutes apart.
            for kind in kinds:
                for name, port, hooks in targets:
                    await drive(name, port, templates, [kind], rows, sink_pid=sink.pid, **hooks)

        # Below saturation: the same two kinds at half the rate the relay sustained above. A
        # relay is provisioned with headroom; this p99 is the policy's latency when the worker
        # rarely waits for a core, next to the goal row's p99 at saturation.
        paced: dict[str, tuple[float, list[float], list[float]]] = {}
        saturated = {row.kind: row.result.rate for row in rows if row.target == "bsm-relay"}
        for kind in ("small", "html8k"):
            if args.only_head_of_line or not saturated.get(kind):
                continue
            rate = saturated[kind] / 2
            concurrency, _count, seconds = PLAN[kind]
            offset = log_offset()
            result = await load.run(
                relay_port,
                templates[kind],
                concurrency=concurrency,
                count=int(rate * seconds) + 1,
                seconds=seconds + 1,
                rate=rate,
            )
            paced[kind] = (result.rate, *policy_since(offset))
            print(
                f"  bsm-relay      {kind:7} {result.rate:8.1f} msgs/s  paced at half the "
                f"saturated rate, sent {result.sent} errors {result.errors}",
                file=sys.stderr,
                flush=True,
            )

        hol = None
        hol_base = None
        if args.only_head_of_line or ("pdf10m" in kinds and "small" in kinds):
            print("  head-of-line: ten 10 MB messages in flight ...", file=sys.stderr, flush=True)
            hol_base = await head_of_line(base_port, templates, None)
            hol = await head_of_line(
                relay_port,
                templates,
                sampler,
                (lambda: start_profiler(Path(args.profile), "hol", relay.pid, 6.0))
                if args.profile
                else None,
            )
        text = metrics_text(http_port)
        total, count, buckets = histogram_summary(text, "bsm_relay_policy_seconds")
        _, actions = policy_ms(log_path, 0)
        sampler.stop()
        args.reference_loop_ms = (speed_before, reference_loop_ms())
        report(
            args,
            rows,
            policy_by_kind,
            policy_cpu_by_kind,
            hol,
            hol_base,
            sampler.peak,
            drain,
            postfix_reason,
            rspamd_reason,
            (total, count, buckets),
            actions,
            templates,
            (sampler.idle_tree, sampler.peak_tree),
            paced,
        )
        return 0
    finally:
        if postfix is not None:
            postfix.stop()
        if filtered is not None:
            filtered.stop()
        if rspamd is not None:
            rspamd.stop()
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                proc.kill()
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def rate_ratio(by: dict[tuple[str, str], Row], kind: str, other: str) -> float:
    """bsm-relay's msgs/s over another target's, for one kind (nan when either is missing)."""
    relay, them = by.get(("bsm-relay", kind)), by.get((other, kind))
    if relay is None or them is None or not them.result.rate:
        return float("nan")
    return relay.result.rate / them.result.rate


def cpu_ratio(by: dict[tuple[str, str], Row], kind: str, other: str) -> float:
    """bsm-relay's CPU per message over another target's, for one kind."""
    relay, them = by.get(("bsm-relay", kind)), by.get((other, kind))
    if relay is None or them is None:
        return float("nan")
    theirs = them.per_message_ms(them.cpu_seconds)
    return relay.per_message_ms(relay.cpu_seconds) / theirs if theirs else float("nan")


def report(
    args: argparse.Namespace,
    rows: list[Row],
    policy_by_kind: dict[str, list[float]],
    policy_cpu_by_kind: dict[str, list[float]],
    hol: dict[str, float] | None,
    hol_base: dict[str, float] | None,
    rss_peak: int,
    drain: dict[tuple[str, str], float],
    postfix_reason: str,
    rspamd_reason: str,
    histogram: tuple[float, float, dict[float, float]],
    actions: dict[str, int],
    templates: dict[str, Template],
    trees: tuple[list[ProcessMemory], list[ProcessMemory]] = ([], []),
    paced: dict[str, tuple[float, list[float], list[float]]] | None = None,
) -> None:
    by = {(r.target, r.kind): r for r in rows}
    cpu = os.cpu_count()
    print(
        f"# bsm-relay benchmark  ({cpu} CPUs, {psutil.virtual_memory().total // 2**20} MiB RAM, "
        f"Python {sys.version.split()[0]}, relay workers = {args.workers})"
    )
    before, after = getattr(args, "reference_loop_ms", (float("nan"), float("nan")))
    print(
        f"\nReference loop (2M additions, pure Python; lower is a faster machine): "
        f"{fmt(before)} ms before the run, {fmt(after)} ms after"
    )
    print()
    print(
        "| message | size | target | msgs/s | p50 ms | p99 ms | sent | errors "
        "| target CPU ms/msg | sink | generator |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in args.kinds:
        for target in TARGETS:
            row = by.get((target, kind))
            if row is None:
                continue
            r = row.result
            extra = ""
            if (target, kind) in drain:
                extra = f" (sink drained {fmt(drain[(target, kind)], 2)} s after)"
            print(
                f"| {kind} | {templates[kind].size:,} B | {target}{extra} | {fmt(r.rate)} | "
                f"{fmt(row.p50)} | {fmt(row.p99)} | {r.sent} | {r.errors} | "
                f"{fmt(row.per_message_ms(row.cpu_seconds), 2)} | "
                f"{fmt(row.per_message_ms(row.sink_cpu_seconds), 2)} | "
                f"{fmt(row.per_message_ms(row.generator_cpu_seconds), 2)} |"
            )
    print()
    print("| message | relay / postfix+rspamd | relay / postfix | relay / no-filter |")
    print("|---|---:|---:|---:|")
    for kind in args.kinds:
        cells = [rate_ratio(by, kind, other) for other in ("postfix+rspamd", "postfix", "baseline")]
        print(f"| {kind} | " + " | ".join(f"{fmt(c, 2)}x" for c in cells) + " |")
    if postfix_reason:
        print(f"\nPostfix not measured: {postfix_reason}")
    if rspamd_reason:
        print(f"\nPostfix + rspamd not measured: {rspamd_reason}")
    print()
    print(
        "Policy evaluation per message (relay log field policy_ms: parse + facts + rules + "
        "decision, store lookup excluded; wall-clock, so it counts waits for a core too) and "
        "the CPU that work cost (policy_cpu_ms):"
    )
    print()
    print("| message | n | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    all_values: list[float] = []
    for kind in args.kinds:
        values = policy_by_kind.get(kind, [])
        cpu = policy_cpu_by_kind.get(kind, [])
        all_values += values
        worst = max(values) if values else float("nan")
        print(
            f"| {kind} | {len(values)} | {fmt(load.percentile(values, 50), 2)} | "
            f"{fmt(load.percentile(values, 99), 2)} | {fmt(worst, 2)} | "
            f"{fmt(load.percentile(cpu, 50), 2)} | {fmt(load.percentile(cpu, 99), 2)} |"
        )
    total, count, buckets = histogram
    within = buckets.get(0.01, float("nan"))
    print()
    mean = total / count * 1000 if count else float("nan")
    share = within / count * 100 if count else float("nan")
    print(
        f"bsm_relay_policy_seconds: {int(count)} messages, mean {fmt(mean, 2)} ms, "
        f"{fmt(share, 2)}% <= 10 ms; relay actions: {actions}"
    )
    small_kinds = [k for k in ("small", "html8k") if policy_by_kind.get(k)]
    small_values = [v for k in small_kinds for v in policy_by_kind[k]]
    print()
    print("Goals (issue 13):")
    print()
    print("| figure | this run | goal | |")
    print("|---|---:|---:|---|")

    def goal(figure: str, value: float, unit: str, bar: float, higher_is_better: bool) -> None:
        met = value >= bar if higher_is_better else value <= bar
        verdict = "n/a" if value != value else ("MET" if met else "NOT MET")
        sign = ">=" if higher_is_better else "<="
        print(f"| {figure} | {fmt(value, 2)}{unit} | {sign} {bar:g}{unit} | {verdict} |")

    goal(
        "html8k msgs/s, bsm-relay / postfix+rspamd",
        rate_ratio(by, "html8k", "postfix+rspamd"),
        "x",
        1.0,
        True,
    )
    goal(
        "html8k CPU per message, bsm-relay / postfix+rspamd",
        cpu_ratio(by, "html8k", "postfix+rspamd"),
        "x",
        1.0,
        False,
    )
    goal(
        "html8k msgs/s, bsm-relay / no-filter",
        rate_ratio(by, "html8k", "baseline"),
        "x",
        0.35,
        True,
    )
    pdf_values = policy_by_kind.get("pdf1m", [])
    goal(
        "pdf1m policy evaluation p50",
        load.percentile(pdf_values, 50) if pdf_values else float("nan"),
        " ms",
        30,
        False,
    )
    goal(
        "pdf1m msgs/s, bsm-relay / postfix+rspamd",
        rate_ratio(by, "pdf1m", "postfix+rspamd"),
        "x",
        1.0,
        True,
    )
    goal(
        "policy evaluation p99, small + html8k",
        load.percentile(small_values, 99) if small_values else float("nan"),
        " ms",
        8,
        False,
    )
    if hol is not None:
        # The relay is several processes (supervisor, workers, their parse processes). Summing
        # their RSS counts every page they share once per process: a worker forked from a
        # preloaded parent (relay/runtime/zygote.py) holds its imports and policy tables in
        # pages shared with its siblings, and the RSS sum would show them twice, or five times.
        # PSS charges each process its share of every page, so the sum over the processes is
        # the memory the tree takes from the machine, each page counted once. That is the
        # figure the lever ("policy data loaded once before the workers fork") can
        # move; the RSS sum is printed below it for comparison with earlier rounds.
        goal(
            "peak memory (PSS, shared pages once) / bytes in flight, ten 10 MB messages",
            hol["pss_peak"] / hol["bytes_in_flight"],
            "x",
            4,
            False,
        )
        goal(
            "small message's worst delay, ten 10 MB in flight",
            hol["delay_max_ms"],
            " ms",
            150,
            False,
        )
    print()
    small_cpu = [v for k in small_kinds for v in policy_cpu_by_kind.get(k, [])]
    if small_cpu:
        print(
            f"  (policy evaluation p99, small + html8k, in CPU time (policy_cpu_ms): "
            f"{load.percentile(small_cpu, 99):.2f} ms; the rest of the wall-clock p99 is waiting "
            "for a core)"
        )
    if paced:
        wall = [v for _rate, values, _cpu in paced.values() for v in values]
        cpu_values = [v for _rate, _values, cpu_list in paced.values() for v in cpu_list]
        rates = ", ".join(f"{kind} {rate:.1f} msgs/s" for kind, (rate, _v, _c) in paced.items())
        print(
            f"  (the same p99 below saturation, at half the relay's rate above ({rates}; "
            f"{len(wall)} messages): {load.percentile(wall, 99):.2f} ms wall-clock, "
            f"{load.percentile(cpu_values, 99):.2f} ms CPU)"
        )
    if all_values:
        p99 = load.percentile(all_values, 99)
        print(
            f"  (all kinds incl. 1 MB / 10 MB attachments, parsed off the loop: p99 {p99:.2f} ms)"
        )
    if hol is not None:
        delay = hol["delay_max_ms"]
        print(
            f"- small message while ten 10 MB in flight: idle p50 {hol['idle_p50_ms']:.1f} ms; "
            f"during: p50 {hol['during_p50_ms']:.1f} ms, p90 {hol['during_p90_ms']:.1f} ms, "
            f"max {hol['during_max_ms']:.1f} ms ({int(hol['samples'])} samples, "
            f"{int(hol['slow_samples'])} over 200 ms; big: {int(hol['big_sent'])} sent, "
            f"{int(hol['big_errors'])} errors, {hol['big_seconds']:.1f} s); "
            f"worst delay {delay:.1f} ms"
        )
        if hol_base is not None:
            print(
                f"  (no-filter baseline, same test: idle p50 {hol_base['idle_p50_ms']:.1f} ms, "
                f"during p50 {hol_base['during_p50_ms']:.1f} ms, "
                f"p90 {hol_base['during_p90_ms']:.1f} ms, max {hol_base['during_max_ms']:.1f} ms)"
            )
        inflight = hol["bytes_in_flight"]
        pss_growth = hol["pss_peak"] - hol["pss_before"]
        rss_growth = hol["rss_peak"] - hol["rss_before"]
        print(
            f"- peak memory while ten 10 MB messages in flight (PSS summed over every relay "
            f"process, each shared page counted once): {hol['pss_peak'] / 2**20:.0f} MiB for "
            f"{inflight / 2**20:.0f} MiB in flight = {hol['pss_peak'] / inflight:.2f}x\n"
            f"  (idle just before: {hol['pss_before'] / 2**20:.0f} MiB; growth while in flight "
            f"{pss_growth / 2**20:.0f} MiB = {pss_growth / inflight:.2f}x the bytes in flight)\n"
            f"  (RSS summed over the processes, shared pages once per process: peak "
            f"{hol['rss_peak'] / 2**20:.0f} MiB = {hol['rss_peak'] / inflight:.2f}x; idle "
            f"{hol['rss_before'] / 2**20:.0f} MiB; growth {rss_growth / 2**20:.0f} MiB = "
            f"{rss_growth / inflight:.2f}x)"
        )
        idle_tree, peak_tree = trees
        if idle_tree or peak_tree:
            print()
            print("Relay processes, MiB (idle just before; at the PSS peak):")
            print()
            print(
                "| process | pid | idle rss | idle pss | idle uss | peak rss | peak pss "
                "| peak uss |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            at_peak = {p.pid: p for p in peak_tree}
            at_idle = {p.pid: p for p in idle_tree}

            def mib(m: ProcessMemory | None, name: str) -> str:
                return "-" if m is None else f"{getattr(m, name) / 2**20:.0f}"

            for pid in [*at_idle, *(p for p in at_peak if p not in at_idle)]:
                idle, peak = at_idle.get(pid), at_peak.get(pid)
                role = (idle or peak).role if (idle or peak) else "?"
                print(
                    f"| {role} | {pid} | {mib(idle, 'rss')} | {mib(idle, 'pss')} | "
                    f"{mib(idle, 'uss')} | {mib(peak, 'rss')} | {mib(peak, 'pss')} | "
                    f"{mib(peak, 'uss')} |"
                )
            print()
    print(f"- relay peak RSS over the whole run: {rss_peak / 2**20:.0f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="relay [smtp] workers (default: one per CPU)",
    )
    parser.add_argument(
        "--parse-processes", type=int, default=1, help="relay [smtp] parse_processes per worker"
    )
    parser.add_argument("--no-postfix", action="store_true", help="no Postfix target at all")
    parser.add_argument("--no-rspamd", action="store_true", help="no postfix+rspamd target")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a fraction of the messages per kind, for development (noisier figures)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--only-head-of-line",
        action="store_true",
        help="skip the throughput runs: only the head-of-line and RSS test",
    )
    parser.add_argument(
        "--profile",
        metavar="DIR",
        help="record the relay with py-spy (pip install py-spy) during each kind, into DIR",
    )
    parser.add_argument("--kinds", nargs="+", default=list(PLAN), choices=list(PLAN))
    args = parser.parse_args()
    if args.quick:
        PLAN.update(QUICK_PLAN)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
