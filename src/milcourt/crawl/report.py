"""What a crawl did, per court: counted as it goes, shown live, summed up at the end.

The summary is the crawl's account to the operator: for every court, cases found in the
listings, new and updated in the store, unchanged (not fetched again), failed pages, and
blocking events (captcha gate, "temporarily unavailable") with their times, captchas met and
how they were answered, expired pairs, and the platform's blocks with the time they cost.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass
class CourtTally:
    court: str
    found: int = 0  # distinct cases listed in its search results
    new: int = 0
    updated: int = 0
    unchanged: int = 0  # listed as before: card not fetched again
    failed: int = 0  # pages given up on after retries
    blocked: int = 0  # captcha / unavailable answers (each retried later)
    blocked_unresolved: int = 0  # pages still blocked after every retry
    pages: int = 0
    removed: int = 0  # cases vanished from the source since the last crawl
    truncated_searches: int = 0  # one-day searches still over the row limit
    searches_open: int = 0
    captchas: int = 0  # captchas met (a search answered with the captcha's demand)
    captcha_first_try: int = 0  # solved by the first reading
    captcha_retried: int = 0  # solved by a later reading or after a backoff
    captcha_by_hand: int = 0  # answered by the operator
    captcha_given_up: int = 0  # no answer found: the court's searches were given up
    pairs_expired: int = 0  # a working (captcha, captchaid) pair stopped working
    platform_blocks: int = 0  # the platform's anti-bruteforce answer, met on this court
    platform_pause_s: float = 0.0  # seconds the whole crawl paused for those blocks
    events: list[dict[str, Any]] = field(default_factory=list)
    _listed: set[str] = field(default_factory=set, repr=False)

    def as_row(self) -> dict[str, Any]:
        row = asdict(self)
        row.pop("_listed", None)
        row.pop("searches_open", None)
        return row


class CrawlReport:
    """Counters per court, shared by the spider, middlewares and pipelines of one crawl."""

    def __init__(self, courts: list[str]) -> None:
        self.courts: dict[str, CourtTally] = {c: CourtTally(c) for c in courts}
        self.started = time.monotonic()
        self.requests = 0
        self.errors = 0
        self.done_courts: set[str] = set()
        self.close_reason = ""  # the spider's: finished | shutdown (signal) | …
        self.run_id: int | None = None  # the store's crawl_runs row
        self._by_kind: dict[str, int] = defaultdict(int)

    def tally(self, court: str) -> CourtTally:
        if court not in self.courts:
            self.courts[court] = CourtTally(court)
        return self.courts[court]

    def listed(self, court: str, card_key: str) -> None:
        t = self.tally(court)
        if card_key not in t._listed:
            t._listed.add(card_key)
            t.found += 1

    def page(self, court: str, kind: str) -> None:
        self.tally(court).pages += 1
        self._by_kind[kind] += 1

    def blocked(self, court: str, kind: str, url: str, *, given_up: bool = False) -> None:
        t = self.tally(court)
        t.blocked += 1
        t.blocked_unresolved += int(given_up)
        t.events.append({"kind": kind, "at": datetime.now(UTC).isoformat(timespec="seconds"),
                         "url": url, "given_up": given_up})

    def failed(self, court: str, url: str, reason: str) -> None:
        t = self.tally(court)
        t.failed += 1
        self.errors += 1
        t.events.append({"kind": "failed", "at": datetime.now(UTC).isoformat(timespec="seconds"),
                         "url": url, "reason": reason})

    @property
    def pages_by_kind(self) -> dict[str, int]:
        """Pages handled by what was asked for: search (listings), card, act."""
        return dict(self._by_kind)

    @property
    def pages(self) -> int:
        return sum(t.pages for t in self.courts.values())

    @property
    def cases(self) -> int:
        return sum(t.new + t.updated for t in self.courts.values())

    def rate(self) -> float:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return self.pages / elapsed

    def summary(self) -> list[dict[str, Any]]:
        return [self.courts[c].as_row() for c in sorted(self.courts)]

    def status_line(self) -> str:
        return (f"courts {len(self.done_courts)}/{len(self.courts)} · pages {self.pages} · "
                f"cases {self.cases} · errors {self.errors} · {self.rate():.2f} pages/s")
