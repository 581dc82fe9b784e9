"""Politeness across the whole sudrf platform, not just per court site.

The platform counts requests and failures across all its hosts together: its anti-bruteforce
answer («Информация временно недоступна», or HTTP 429) comes when the sum is too high, whichever
court it is asked of. So on top of the per-site delay every request of a crawl waits for a
platform-wide turn (:class:`PlatformPacer`, ``--platform-rate``), and after such an answer the
whole crawl pauses (``--platform-pause``). The turn is taken in the download handler, at the
moment the request really goes out, so that no queueing in between can bunch requests up.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response

#: Long-running public sudrf scrapers keep to about one request per 1.5 s over all hosts.
DEFAULT_PLATFORM_RATE = 1 / 1.5
#: ... and stay away for tens of minutes after the platform's block.
DEFAULT_PLATFORM_PAUSE = 30 * 60.0


class PlatformPacer:
    """One turn per ``1/rate`` seconds over all hosts; a pause after a platform block."""

    def __init__(self, rate: float, pause: float) -> None:
        if rate <= 0:
            raise ValueError(f"--platform-rate must be positive (requests per second in all), got {rate}")
        if pause < 0:
            raise ValueError(f"--platform-pause must be >= 0 seconds, got {pause}")
        self.interval, self.pause_seconds = 1.0 / rate, pause
        self.last = -self.interval  # when the last request went out
        self.paused_until = 0.0
        self.sent: list[float] = []  # monotonic send times (diagnostics and tests)
        self._queue: asyncio.Lock | None = None  # made in the running event loop

    @classmethod
    def for_crawler(cls, crawler: Any) -> PlatformPacer:
        pacer = getattr(crawler, "_milcourt_pacer", None)
        if pacer is None:
            s = crawler.settings
            pacer = cls(s.getfloat("MILCOURT_PLATFORM_RATE", DEFAULT_PLATFORM_RATE),
                        s.getfloat("MILCOURT_PLATFORM_PAUSE", DEFAULT_PLATFORM_PAUSE))
            crawler._milcourt_pacer = pacer
        return pacer

    def ready_at(self) -> float:
        """When the next request may go out."""
        return max(self.last + self.interval, self.paused_until)

    def take(self, now: float) -> None:
        self.last = now
        self.sent.append(now)

    def block(self, now: float) -> float:
        """The platform answered with its block: pause every host; the seconds the pause adds."""
        until = now + self.pause_seconds
        added = max(0.0, until - max(self.paused_until, now))
        self.paused_until = max(self.paused_until, until)
        return added

    async def turn(self) -> None:
        """Wait for this request's turn: one waiter at a time, in the order they came, each
        going out at least ``1/rate`` after the one before (measured when it really goes, so a
        busy event loop waking several sleepers at once cannot bunch them), none during a pause."""
        if self._queue is None:
            self._queue = asyncio.Lock()
        async with self._queue:
            while True:
                now = time.monotonic()
                ready = self.ready_at()
                if now >= ready:
                    break
                await asyncio.sleep(ready - now)
            self.take(now)


class PlatformPacedHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP handler, each request waiting for its platform-wide turn first."""

    async def download_request(self, request: Request) -> Response:
        await PlatformPacer.for_crawler(self._crawler).turn()
        return await super().download_request(request)
