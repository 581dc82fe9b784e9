"""Downloader middlewares: replay done pages on resume; back off and retry errors and gates.

Scrapy's RetryMiddleware retries at once; court sites that answer 5xx, time out, or put up a
captcha gate or a "temporarily unavailable" page need time. :class:`BackoffRetry` takes the
request out of the queue and puts it back after an exponentially growing wait
(:class:`Delayer`), so the waiting request holds no download slot and other courts go on.
A gate page is recorded for its court with the time, never passed on as a page to store.
The platform's anti-bruteforce answer (HTTP 429, «Информация временно недоступна») also pauses
every site (:class:`~milcourt.crawl.platform.PlatformPacer`). Gate pages are recognised by
``milcourt.parse.detect`` only; captcha answers on searches are the CaptchaKeeper's
(``milcourt.crawl.captcha.keeper``), which sees them first unless ``--captcha off``.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import HtmlResponse, Response

from milcourt.crawl.platform import PlatformPacer
from milcourt.parse.detect import gate_kind, search_answer

__all__ = ["RESCHEDULED", "BackoffRetry", "Delayer", "ReplayDone", "backoff_seconds", "gate_kind"]

RESCHEDULED = "milcourt_rescheduled"


class Delayer:
    """Puts requests back into the engine after a delay and keeps the spider open meanwhile."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.pending = 0
        crawler.signals.connect(self._idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Delayer:
        return cls.for_crawler(crawler)

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> Delayer:
        existing = getattr(crawler, "_milcourt_delayer", None)
        if existing is None:
            existing = cls(crawler)
            crawler._milcourt_delayer = existing  # type: ignore[attr-defined]
        return existing

    def later(self, request: Request, seconds: float) -> None:
        from twisted.internet import reactor  # the one Scrapy installed (imported late on purpose)

        self.pending += 1
        reactor.callLater(max(seconds, 0.0), self._fire, request)  # type: ignore[attr-defined,arg-type]

    def _fire(self, request: Request) -> None:
        self.pending -= 1
        engine = self.crawler.engine
        if engine is not None and engine.running:
            engine.crawl(request)

    def _idle(self) -> None:
        if self.pending:
            raise DontCloseSpider


def backoff_seconds(attempt: int, base: float, cap: float) -> float:
    """Wait before retry number ``attempt`` (1, 2, …): base, 2·base, 4·base, … at most ``cap``."""
    return min(base * (2 ** max(attempt - 1, 0)), cap)


class ReplayDone:
    """On a resumed run, answer a request for a page already done with its archived bytes."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayDone:
        return cls(crawler)

    def process_request(self, request: Request) -> Response | None:
        spider = self.crawler.spider
        journal = getattr(spider, "journal", None)
        archive = getattr(spider, "archive", None)
        if journal is None or archive is None or request.meta.get("no_replay"):
            return None
        sha = journal.sha_for(request.url)
        if sha is None:
            return None
        try:
            body = archive.get(sha)
        except OSError:
            return None  # archive lost: fetch again
        return HtmlResponse(request.url, body=body, request=request, flags=["replayed"])


class BackoffRetry:
    """Retry 5xx, timeouts, broken connections, truncated bodies and gate pages after a backoff."""

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.codes = set(s.getlist("RETRY_HTTP_CODES"))
        self.max_attempts = s.getint("MILCOURT_MAX_ATTEMPTS", 6)
        self.gate_max_attempts = s.getint("MILCOURT_GATE_MAX_ATTEMPTS", 12)
        self.base = s.getfloat("MILCOURT_BACKOFF_BASE", 10.0)
        self.cap = s.getfloat("MILCOURT_BACKOFF_MAX", 600.0)
        self.gate_base = s.getfloat("MILCOURT_GATE_BACKOFF_BASE", 60.0)
        self.gate_cap = s.getfloat("MILCOURT_GATE_BACKOFF_MAX", 1800.0)
        self.platform_max_blocks = s.getint("MILCOURT_PLATFORM_MAX_BLOCKS", 50)
        self.delayer = Delayer.for_crawler(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetry:
        return cls(crawler)

    @property
    def report(self) -> Any:
        return getattr(self.crawler.spider, "report", None)

    def _court(self, request: Request) -> str:
        return str(request.meta.get("court", "?"))

    def again(self, request: Request, reason: str, *, gate: bool = False) -> bool:
        """Schedule the request again after its backoff; False when attempts are used up."""
        attempt = int(request.meta.get("attempt", 0)) + 1
        if attempt >= (self.gate_max_attempts if gate else self.max_attempts):
            return False
        base, cap = (self.gate_base, self.gate_cap) if gate else (self.base, self.cap)
        retry = request.replace(dont_filter=True)
        retry.meta["attempt"] = attempt
        retry.meta["last_reason"] = reason
        self.delayer.later(retry, backoff_seconds(attempt, base, cap))
        return True

    def process_response(self, request: Request, response: Response) -> Response:
        if "replayed" in response.flags or request.meta.get("dont_retry"):
            return response
        court, report = self._court(request), self.report
        if search_answer(response.body, response.status) == "platform_block":
            self._platform_block(court)
            blocks = int(request.meta.get("platform_blocks", 0)) + 1
            if blocks < self.platform_max_blocks:
                # not this request's fault: it goes again as soon as the platform pause allows
                # (the pacer holds it), without using up its own attempts
                retry = request.replace(dont_filter=True)
                retry.meta["platform_blocks"] = blocks
                self.delayer.later(retry, 0.0)
                if report:
                    report.blocked(court, gate_kind(response.body) or "unavailable", request.url)
                raise IgnoreRequest(RESCHEDULED)
        if response.status in self.codes:
            if self.again(request, f"HTTP {response.status}"):
                raise IgnoreRequest(RESCHEDULED)
            if report:
                report.failed(court, request.url, f"HTTP {response.status} after {self.max_attempts} attempts")
            raise IgnoreRequest(f"given up: HTTP {response.status}")
        kind = gate_kind(response.body)
        if kind:
            gave_up = not self.again(request, kind, gate=True)
            if report:
                report.blocked(court, kind, request.url, given_up=gave_up)
            raise IgnoreRequest(RESCHEDULED if not gave_up else f"given up: {kind}")
        return response

    def _platform_block(self, court: str) -> None:
        """The platform's anti-bruteforce answer: every host pauses, not just this court."""
        lost = PlatformPacer.for_crawler(self.crawler).block(time.monotonic())
        report = self.report
        if report:
            tally = report.tally(court)
            tally.platform_blocks += 1
            tally.platform_pause_s = round(tally.platform_pause_s + lost, 1)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest):
            return None
        reason = f"{type(exception).__name__}: {exception}"[:200]
        if self.again(request, reason):
            raise IgnoreRequest(RESCHEDULED)
        report = self.report
        if report:
            report.failed(self._court(request), request.url, f"{reason} after {self.max_attempts} attempts")
        return None
