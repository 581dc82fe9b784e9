"""What every court-site spider shares, whatever the site engine.

A spider is given the sites to crawl and the search (articles, received-date range,
instances). The engine-specific subclass says how to search and how to read its listings;
this base class does the bookkeeping every engine needs: one download slot per court site,
proxy and Host header, outstanding requests per court (a court is done when none is left),
refetch-after-backoff, and at the close the cases that vanished from fully searched courts.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, date, datetime
from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from milcourt.crawl.captcha.solver import Solver
from milcourt.crawl.journal import Ledger, RawArchive, RunJournal
from milcourt.crawl.middlewares import RESCHEDULED, Delayer, backoff_seconds
from milcourt.crawl.pipelines import PageItem
from milcourt.crawl.report import CrawlReport
from milcourt.crawl.sites import Site

log = logging.getLogger(__name__)


class CourtSpider(scrapy.Spider):
    """Base of the per-engine spiders (see :class:`~milcourt.crawl.spiders.sudrf.SudrfSpider`)."""

    name = "court"

    def __init__(self, *, sites: list[Site], articles: list[str], since: date | None, until: date | None,
                 instance: str, store: Any, ledger: Ledger, journal: RunJournal, archive: RawArchive,
                 report: CrawlReport, synthetic: bool = False, proxy: str | None = None,
                 captcha_solver: Solver | None = None, probe: bool = False, probe_trace: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sites = {s.court.code: s for s in sites}
        self.articles = articles
        self.since, self.until = since, until
        self.instance = instance
        self.store, self.ledger, self.journal, self.archive = store, ledger, journal, archive
        self.report = report
        self.synthetic = synthetic
        self.proxy = proxy
        self.captcha_solver = captcha_solver  # read by the CaptchaKeeper middleware
        self.probe = probe  # one search, nothing followed or stored (``--probe``)
        self.probe_trace = probe_trace  # filled by the ProbeTrace middleware
        self.outstanding: dict[str, int] = defaultdict(int)
        # court → instance → did every search of it finish without a failed or blocked page?
        self.complete: dict[tuple[str, str], bool] = {}

    # -- engine hooks -------------------------------------------------------------------
    def searches(self, site: Site) -> Iterable[scrapy.Request]:
        """The first requests for one court site (its searches)."""
        raise NotImplementedError

    def refetch_request(self, item: PageItem) -> scrapy.Request:
        """The request that fetches ``item``'s page again (after a cut-off or garbled answer)."""
        raise NotImplementedError

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> CourtSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._dropped, signal=scrapy.signals.request_dropped)
        return spider

    def _dropped(self, request: scrapy.Request) -> None:
        """A request the scheduler refused as a duplicate: it no longer counts as outstanding."""
        court = request.meta.get("court")
        if court:
            self.request_done(court)

    # -- shared machinery -----------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        from twisted.internet import task

        self._last_pages = -1
        self._watch = task.LoopingCall(self._stall_check)
        self._watch.start(self.crawler.settings.getfloat("MILCOURT_STALL_SECONDS", 60.0), now=False)
        for site in self.sites.values():
            for request in self.searches(site):
                yield request

    def request(self, site: Site, url: str, *, callback: Any, meta: dict[str, Any],
                priority: int = 0) -> scrapy.Request:
        """A request to a court site: its own download slot (politeness per site), Host header
        in simulator host mode, proxy, and the court's outstanding count."""
        meta = {**meta, "court": site.court.code, "download_slot": site.slot}
        if self.proxy:
            meta["proxy"] = self.proxy
        headers = {"Host": site.host_header} if site.host_header else None
        self.outstanding[site.court.code] += 1
        return scrapy.Request(site.rebase(url), callback=callback, errback=self.on_error, meta=meta,
                              headers=headers, priority=priority, dont_filter=bool(meta.get("dont_filter")))

    def _stall_check(self) -> None:
        """Say what the crawl waits for when no page arrived for a while (backoffs, slow sites)."""
        pages = self.report.pages
        if pages != self._last_pages:
            self._last_pages = pages
            return
        engine = self.crawler.engine
        delayer = getattr(self.crawler, "_milcourt_delayer", None)
        busy = {k: (len(s.active), len(s.queue), round(s.delay, 1))
                for k, s in (engine.downloader.slots.items() if engine else []) if s.active or s.queue}
        log.warning("no new page for a while: %s waiting out a backoff, downloads in progress %s, "
                    "open courts %s", delayer.pending if delayer else 0, busy,
                    {c: n for c, n in self.outstanding.items() if n > 0})

    def request_done(self, court: str) -> None:
        self.outstanding[court] -= 1
        if self.outstanding[court] <= 0:
            self.report.done_courts.add(court)

    def mark_incomplete(self, court: str, instance: str) -> None:
        self.complete[(court, instance)] = False

    def page_item(self, response: Response, role: str, **fields: Any) -> PageItem:
        meta = response.meta
        synthetic = (self.synthetic or bool(response.headers.get(b"X-Milcourt-Synthetic"))
                     or b'name="milcourt-synthetic"' in response.body)
        self.report.page(meta["court"], role)
        return PageItem(url=response.url, court=meta["court"], role=role, body=response.body,
                        fetched_at=datetime.now(UTC), synthetic=synthetic,
                        replayed="replayed" in response.flags, attempt=int(meta.get("attempt", 0)), **fields)

    def retry_later(self, request: scrapy.Request, reason: str) -> bool:
        """Fetch the request again after a backoff; False (and a failure recorded) when used up."""
        settings = self.crawler.settings
        attempt = int(request.meta.get("attempt", 0)) + 1
        court = request.meta.get("court", "?")
        if attempt >= settings.getint("MILCOURT_MAX_ATTEMPTS", 6):
            self.report.failed(court, request.url, reason)
            return False
        retry = request.replace(dont_filter=True)
        retry.meta["attempt"] = attempt
        wait = backoff_seconds(attempt, settings.getfloat("MILCOURT_BACKOFF_BASE", 10.0),
                               settings.getfloat("MILCOURT_BACKOFF_MAX", 600.0))
        Delayer.for_crawler(self.crawler).later(retry, wait)
        return True

    def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        court = request.meta.get("court", "?")
        if failure.check(IgnoreRequest) and RESCHEDULED in str(failure.value):
            return  # it will come back after its backoff
        if not failure.check(IgnoreRequest):
            self.report.failed(court, request.url, repr(failure.value)[:200])
        if request.meta.get("instance"):
            self.mark_incomplete(court, request.meta["instance"])
        self.request_done(court)

    def closed(self, reason: str) -> None:
        watch = getattr(self, "_watch", None)
        if watch is not None and watch.running:
            watch.stop()
        finished = reason == "finished"
        self.report.close_reason = reason
        self.report.requests = int(self.crawler.stats.get_value("downloader/request_count", 0) or 0)
        try:
            if finished:
                self._mark_vanished()
        finally:
            self.journal.close(finished=finished)
            self.ledger.close()

    def _mark_vanished(self) -> None:
        """Cases listed by an earlier crawl but by no search of this one, in courts searched fully."""
        when = datetime.now(UTC)
        for (court, instance), complete in self.complete.items():
            tally = self.report.tally(court)
            if not complete or tally.failed or tally.blocked_unresolved:
                continue
            for case in self.ledger.vanished(court, instance, self.articles, self.since, self.until):
                if case["number"]:
                    self.store.mark_removed(court, case["number"], instance, when)
                self.ledger.mark_removed(case["card_key"], when)
                tally.removed += 1
