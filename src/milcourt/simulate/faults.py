"""The fault model: how the simulated court sites misbehave, as real ones do.

``none`` serves every request. ``realistic`` adds, per court site: 5xx bursts, slow answers (a
timeout for a client with a short deadline), truncated bodies, slow hosts, captcha gates and
outages ("Информация временно недоступна") that clear after a number of requests to that court,
cases whose pages change between two crawls (the act is published and an event added; the
listing row gains its act link), and cases removed from the site between two crawls (a
case whose card was served in one crawl is gone in the next: searches omit it, its card answers
404). A "crawl" is a server session, or what lies between two calls of ``next_crawl``; removing a
case in the middle of a crawl would shift the result pages under the crawler, which no crawl
could survive and which a real site's nightly update does not do. ``heavy`` adds one court that
stays down (HTTP 503) for good.

Every decision is a pure function of (seed, court, n-th request to that court) plus the per-case
visit count, so a run is reproducible given the seed and the order of requests.
"""

from __future__ import annotations

import hashlib
import random
import threading
from dataclasses import dataclass, field

from milcourt.simulate.population import Population

MODES = ("none", "realistic", "heavy")


@dataclass
class FaultConfig:
    mode: str = "none"
    error_rate: float = 0.02  # chance that a request starts a 5xx burst
    burst_max: int = 3  # a burst lasts 1..burst_max requests
    slow_rate: float = 0.005  # chance of a slow answer
    slow_seconds: float = 3.0
    truncate_rate: float = 0.01
    gate_share: float = 0.1  # share of courts that put up a captcha gate for a while
    outage_share: float = 0.05  # share of courts whose case module goes down for a while
    window: tuple[int, int] = (3, 12)  # a gate/outage lasts this many requests to that court
    slow_host_share: float = 0.05
    slow_host_seconds: float = 0.2
    changed_share: float = 0.02  # cases whose card changes on a later visit
    removed_share: float = 0.005  # cases removed from the site once their card was served
    # not faults but how the real sites are: in every mode
    captcha_share: float = 0.25  # courts whose search always demands a captcha (about 520 of 2,270 real ones)
    pair_lifetime: float = 1800.0  # seconds a solved (captcha, captchaid) pair opens searches
    captcha_refresh: float = 300.0  # seconds a client is shown the same unsolved image
    platform_rate: float = 50.0  # requests per second over all courts (over platform_window) that trip the block
    platform_window: float = 5.0
    platform_failures: int = 20  # wrong captcha codes within platform_window that trip it
    platform_block_seconds: float = 2.0  # how long the platform then answers «Информация временно недоступна»

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown fault mode {self.mode!r}: use one of {', '.join(MODES)}")


@dataclass
class Action:
    """What the server does with one request."""

    kind: str = "ok"  # ok | error | truncate | captcha | unavailable | down
    status: int = 200
    delay: float = 0.0


@dataclass
class FaultPlan:
    config: FaultConfig
    seed: int
    gates: dict[str, tuple[int, int]] = field(default_factory=dict)
    outages: dict[str, tuple[int, int]] = field(default_factory=dict)
    slow_hosts: set[str] = field(default_factory=set)
    captcha_courts: set[str] = field(default_factory=set)
    down_courts: list[str] = field(default_factory=list)
    changed: set[tuple[str, str, str]] = field(default_factory=set)
    removed: set[tuple[str, str, str]] = field(default_factory=set)
    _requests: dict[str, int] = field(default_factory=dict)
    _burst: dict[str, int] = field(default_factory=dict)
    _visits: dict[tuple[str, str, str], int] = field(default_factory=dict)
    _gone: set[tuple[str, str, str]] = field(default_factory=set)
    _updated: bool = False  # the changing cases show their later version
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, population: Population, config: FaultConfig) -> FaultPlan:
        plan = cls(config, population.seed)
        pick = random.Random(f"captcha:{population.seed}")  # its own draws: the faults stay as they were
        plan.captcha_courts = {c.code for c in population.courts if pick.random() < config.captcha_share}
        if config.mode == "none":
            return plan
        rng = random.Random(f"faults:{population.seed}")
        codes = [c.code for c in population.courts]
        lo, hi = config.window
        for code in codes:
            if rng.random() < config.gate_share:
                plan.gates[code] = (rng.randrange(0, 30), rng.randint(lo, hi))
            if rng.random() < config.outage_share:
                plan.outages[code] = (rng.randrange(0, 60), rng.randint(lo, hi))
            if rng.random() < config.slow_host_share:
                plan.slow_hosts.add(code)
        for case in population.cases:
            u = rng.random()
            if u < config.removed_share:
                plan.removed.add(case.key())
            elif u < config.removed_share + config.changed_share:
                plan.changed.add(case.key())
        if config.mode == "heavy":
            busy = sorted({c.court for c in population.cases if c.instance == "first"})
            plan.down_courts = [rng.choice(busy)] if busy else []
        return plan

    def _u(self, court: str, n: int, salt: str) -> float:
        digest = hashlib.sha256(f"{self.seed}:{court}:{n}:{salt}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def decide(self, court: str, kind: str) -> Action:
        """The fate of the next request to ``court`` (``kind``: search, card, doc, form)."""
        cfg = self.config
        if cfg.mode == "none":
            return Action()
        if court in self.down_courts:
            return Action("down", 503)
        with self._lock:
            n = self._requests.get(court, 0)
            self._requests[court] = n + 1
            burst = self._burst.get(court, 0)
            if burst:
                self._burst[court] = burst - 1
        delay = cfg.slow_host_seconds if court in self.slow_hosts else 0.0
        start, length = self.outages.get(court, (-1, 0))
        if start <= n < start + length:
            return Action("unavailable", 200, delay)
        start, length = self.gates.get(court, (-1, 0))
        if kind == "search" and start <= n < start + length:
            return Action("captcha", 200, delay)
        if burst:
            return Action("error", 503, delay)
        if self._u(court, n, "error") < cfg.error_rate:
            with self._lock:
                self._burst[court] = int(self._u(court, n, "burst") * cfg.burst_max)
            return Action("error", (500, 502, 503)[n % 3], delay)
        if self._u(court, n, "slow") < cfg.slow_rate:
            delay += cfg.slow_seconds
        if self._u(court, n, "truncate") < cfg.truncate_rate:
            return Action("truncate", 200, delay)
        return Action("ok", 200, delay)

    def visit(self, key: tuple[str, str, str]) -> int:
        """Count a full card served for the case; returns how many were served before this one."""
        with self._lock:
            seen = self._visits.get(key, 0)
            self._visits[key] = seen + 1
        return seen

    def is_removed(self, key: tuple[str, str, str]) -> bool:
        """Gone from the site: a case to be removed whose card was served in an earlier crawl."""
        return key in self._gone

    def served_removable(self) -> list[tuple[str, str, str]]:
        """Cases to be removed whose card has been served (what the next crawl will miss)."""
        with self._lock:
            return sorted(k for k in self.removed if self._visits.get(k, 0) > 0)

    def next_crawl(self, served: list[tuple[str, str, str]] | None = None) -> list[tuple[str, str, str]]:
        """Start a new crawl: cases to be removed that were served before are now gone, and the
        changing cases show their later version."""
        gone = set(self.served_removable() if served is None else served) & self.removed
        with self._lock:
            self._gone |= gone
            self._updated = True
        return sorted(self._gone)

    @property
    def is_updated(self) -> bool:
        """The changing cases already show their later version (a second crawl has begun)."""
        return self._updated

    @property
    def gone(self) -> set[tuple[str, str, str]]:
        """Cases no longer on the sites."""
        with self._lock:
            return set(self._gone)

    def remove(self, keys: set[tuple[str, str, str]]) -> None:
        """Take cases off the sites now (an evolving world's removals, between two crawls)."""
        with self._lock:
            self._gone |= keys

    def is_early(self, key: tuple[str, str, str]) -> bool:
        """A changing case still shows its first version (no act yet, last event missing)."""
        return key in self.changed and not self._updated
