"""Prometheus metrics, one registry per relay instance."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_POLICY_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.messages = Counter(
            "bsm_relay_messages",
            "Messages by action and SMTP reply code",
            ["action", "code"],
            registry=self.registry,
        )
        self.findings = Counter(
            "bsm_relay_findings",
            "Findings by rule code and severity",
            ["code", "severity"],
            registry=self.registry,
        )
        self.upstream_replies = Counter(
            "bsm_relay_upstream_replies",
            "Upstream replies by status class",
            ["status"],
            registry=self.registry,
        )
        self.message_seconds = Histogram(
            "bsm_relay_message_seconds",
            "Time from end of DATA to reply",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.policy_seconds = Histogram(
            "bsm_relay_policy_seconds",
            "Policy evaluation time per message",
            buckets=_POLICY_BUCKETS,
            registry=self.registry,
        )
        self.sessions_open = Gauge(
            "bsm_relay_sessions_open",
            "SMTP sessions open now",
            registry=self.registry,
            multiprocess_mode="livesum",
        )
        self.quarantine_held = Gauge(
            "bsm_relay_quarantine_held",
            "Messages waiting in quarantine",
            registry=self.registry,
            multiprocess_mode="livemax",
        )
        self.notices = Counter(
            "bsm_relay_notices",
            "Notices to writers: queued, skipped (rate limit), sent, retry, failed",
            ["result"],
            registry=self.registry,
        )
        self.reloads = Counter(
            "bsm_relay_policy_reloads",
            "SIGHUP reloads by result",
            ["result"],
            registry=self.registry,
        )


class WorkerMetrics:
    """The supervisor's view of several worker processes (prometheus_client multiprocess mode).

    Workers write their samples to files in `path`; this collector sums them at scrape time.
    The quarantine size is the supervisor's own gauge (the folder is shared, counting it in
    every worker would count it N times).
    """

    def __init__(self, path: str) -> None:
        from prometheus_client.multiprocess import MultiProcessCollector

        self.inner = MultiProcessCollector(None, path)  # type: ignore[no-untyped-call]
        self.held = 0.0

    def collect(self) -> Iterator[Metric]:
        for family in self.inner.collect():  # type: ignore[no-untyped-call]
            if family.name != "bsm_relay_quarantine_held":
                yield family
        held = GaugeMetricFamily("bsm_relay_quarantine_held", "Messages waiting in quarantine")
        held.add_metric([], self.held)
        yield held
