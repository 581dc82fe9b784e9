"""Scrapy settings for milcourt crawls: polite by default, fixed pipeline order, resumable.

At most ``rate`` requests per second per court site and ``platform_rate`` over all of them
(``milcourt.crawl.platform``) (one download slot per site, one request
at a time in it, no randomised shortening of the delay), AutoThrottle slowing down further
when a site answers slowly, an honest User-Agent naming the project and a contact, robots.txt
respected, and our own backoff retries instead of Scrapy's immediate ones.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from scrapy.dupefilters import RFPDupeFilter

from milcourt import __version__
from milcourt.crawl.pipelines import ORDER
from milcourt.crawl.platform import DEFAULT_PLATFORM_PAUSE, DEFAULT_PLATFORM_RATE, PlatformPacer

PROJECT_URL = "https://github.com/milcourt/milcourt"


class RunDupeFilter(RFPDupeFilter):
    """Within-run duplicate filter that is *not* saved in JOBDIR.

    A resumed run re-derives every request from the searches (see journal.RunJournal); a
    saved fingerprint file would filter out requests whose pages were never stored.
    """

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunDupeFilter:
        return cls(None, debug=crawler.settings.getbool("DUPEFILTER_DEBUG"))


def user_agent(contact: str | None) -> str:
    """``milcourt/0.1 (+project URL; research crawler of public court records; contact: …)``."""
    contact = contact or os.environ.get("MILCOURT_CONTACT") or "contact not set"
    return f"milcourt/{__version__} (+{PROJECT_URL}; research crawler of public court records; contact: {contact})"


def crawl_settings(*, rate: float = 1.0, contact: str | None = None, jobdir: Path | None = None,
                   robots: bool = True, timeout: float = 60.0, captcha: str = "auto",
                   platform_rate: float = DEFAULT_PLATFORM_RATE, platform_pause: float = DEFAULT_PLATFORM_PAUSE,
                   **extra: Any) -> dict[str, Any]:
    """The settings of one crawl; ``extra`` overrides (tests shorten the backoffs)."""
    if rate <= 0:
        raise ValueError(f"--rate must be positive (requests per second per site), got {rate}")
    PlatformPacer(platform_rate, platform_pause)  # the same checks as at crawl time, before it starts
    delay = 1.0 / rate
    settings: dict[str, Any] = {
        "BOT_NAME": "milcourt",
        "USER_AGENT": user_agent(contact),
        "ROBOTSTXT_OBEY": robots,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0,  # never shorten the delay at random
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": delay,
        "AUTOTHROTTLE_MAX_DELAY": max(60.0, delay),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": timeout,
        "RETRY_ENABLED": False,  # BackoffRetry does it, with waits
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 520, 521, 522, 524, 408, 429],
        "MILCOURT_MAX_ATTEMPTS": 6,
        "MILCOURT_GATE_MAX_ATTEMPTS": 12,  # gates last; the backoff is capped, so keep trying longer
        "MILCOURT_BACKOFF_BASE": 10.0,
        "MILCOURT_BACKOFF_MAX": 600.0,
        "MILCOURT_GATE_BACKOFF_BASE": 60.0,
        "MILCOURT_GATE_BACKOFF_MAX": 1800.0,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "milcourt.crawl.middlewares.ReplayDone": 50,
            "milcourt.crawl.middlewares.BackoffRetry": 560,
            # nearer the download than BackoffRetry: it sees a captcha answer first
            "milcourt.crawl.captcha.keeper.CaptchaKeeper": 580,
            "milcourt.crawl.probe.ProbeTrace": 590,  # records only under --probe
        },
        "DOWNLOAD_HANDLERS": {"http": "milcourt.crawl.platform.PlatformPacedHandler",
                              "https": "milcourt.crawl.platform.PlatformPacedHandler"},
        "MILCOURT_CAPTCHA": captcha,
        "MILCOURT_CAPTCHA_ROUNDS": 3,
        "MILCOURT_PLATFORM_RATE": platform_rate,
        "MILCOURT_PLATFORM_PAUSE": platform_pause,
        "ITEM_PIPELINES": dict(ORDER),
        "DUPEFILTER_CLASS": "milcourt.crawl.settings.RunDupeFilter",
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "COOKIES_ENABLED": True,
    }
    if jobdir is not None:
        settings["JOBDIR"] = str(jobdir)
    settings.update(extra)
    return settings
