"""Item pipelines, in the fixed order set in settings: ArchiveRawPage → ParsePage → IngestIntoStore.

Each fetched page travels as one :class:`PageItem`. The archive keeps the bytes as served;
parsing decides what the page is (a gate or a page the parser cannot read never reaches the
store; a page that looks cut off is fetched again after a backoff); the store ingests case
cards, and acts' own pages as acts of their case (it parses and pseudonymises them itself: no
name leaves this process unscrubbed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from milcourt.crawl.journal import is_settled
from milcourt.crawl.middlewares import Delayer, backoff_seconds
from milcourt.crawl.pages import GATE_KINDS, read_page
from milcourt.crawl.urls import link_kind
from milcourt.store import IngestResult

log = logging.getLogger(__name__)

ORDER = {
    "milcourt.crawl.pipelines.ArchiveRawPage": 100,
    "milcourt.crawl.pipelines.ParsePage": 200,
    "milcourt.crawl.pipelines.IngestIntoStore": 300,
}


@dataclass
class PageItem:
    url: str
    court: str
    role: str  # what the crawler asked for: search | card | act
    body: bytes
    fetched_at: datetime
    synthetic: bool = False
    replayed: bool = False  # answered from the archive on a resumed run (already stored)
    instance: str = ""
    article: str = ""
    found_from: date | None = None
    found_to: date | None = None
    card_key: str = ""
    number: str | None = None
    row_sig: str = ""
    card_url: str = ""  # an act's page: the card that links to it (its case in the store)
    attempt: int = 0
    sha256: str = ""
    parsed: dict[str, Any] | None = field(default=None, repr=False)


class _Stage:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def spider(self) -> Any:
        return self.crawler.spider


class ArchiveRawPage(_Stage):
    """Keep the page's bytes in the raw archive (content-addressed) before anything reads them."""

    def process_item(self, item: PageItem) -> PageItem:
        if not item.replayed:
            item.sha256 = self.spider.archive.put(item.body)
        else:
            import hashlib

            item.sha256 = hashlib.sha256(item.body).hexdigest()
        return item


class ParsePage(_Stage):
    """Read the page with the parser; refetch a page it cannot read, drop gates and strays."""

    def process_item(self, item: PageItem) -> PageItem:
        report = self.spider.report
        if item.role == "act":
            if link_kind(item.url) == "act":
                self._check_act_page(item)
            return item  # act texts and attachments: archived as they are
        if item.parsed is None:
            try:
                item.parsed = read_page(item.body, item.url)
            except ValueError as exc:  # the parser's ParseError / PageLayoutError
                self._refetch_or_fail(item, f"unreadable page: {exc}")
                raise DropItem(f"{item.url}: {exc}") from exc
        kind = item.parsed.get("kind")
        if kind in GATE_KINDS:
            report.blocked(item.court, str(kind), item.url)
            self._refetch_or_fail(item, f"{kind} page")
            raise DropItem(f"{item.url}: {kind} page")
        expected = "case_card" if item.role == "card" else "search_results"
        if kind != expected:
            self._refetch_or_fail(item, f"expected {expected}, got {kind}")
            raise DropItem(f"{item.url}: expected {expected}, got {kind}")
        return item

    def _check_act_page(self, item: PageItem) -> None:
        """An act's own page cut short or replaced by a gate is fetched again, as a card would be:
        otherwise the act, which its card does not print, would be lost for good."""
        try:
            kind = read_page(item.body, item.url).get("kind")
        except ValueError as exc:
            self._refetch_or_fail(item, f"unreadable act page: {exc}")
            raise DropItem(f"{item.url}: {exc}") from exc
        if kind in GATE_KINDS:
            self.spider.report.blocked(item.court, str(kind), item.url)
            self._refetch_or_fail(item, f"{kind} page")
            raise DropItem(f"{item.url}: {kind} page")

    def _refetch_or_fail(self, item: PageItem, reason: str) -> None:
        """A cut-off or garbled page is usually transient: fetch it again after a backoff."""
        settings = self.crawler.settings
        attempts = settings.getint("MILCOURT_MAX_ATTEMPTS", 6)
        if item.replayed or item.attempt + 1 >= attempts:
            self.spider.report.failed(item.court, item.url, reason)
            self.spider.request_done(item.court)
            return
        request = self.spider.refetch_request(item)
        request.meta["attempt"] = item.attempt + 1
        wait = backoff_seconds(item.attempt + 1, settings.getfloat("MILCOURT_BACKOFF_BASE", 10.0),
                               settings.getfloat("MILCOURT_BACKOFF_MAX", 600.0))
        Delayer.for_crawler(self.crawler).later(request, wait)


class IngestIntoStore(_Stage):
    """Ingest case cards into the store; remember them in the ledger and the resume journal."""

    def process_item(self, item: PageItem) -> PageItem:
        spider = self.spider
        report = spider.report
        if item.role == "act" and not item.replayed:
            self._store_act(item)
        if item.role == "card" and not item.replayed:
            try:
                result = spider.store.ingest_page(item.body, source=item.url, url=item.url,
                                                  fetched_at=item.fetched_at, synthetic=item.synthetic)
            except ValueError as exc:  # parse error inside the store: the page is bad, not the store
                ParsePage(self.crawler)._refetch_or_fail(item, f"store could not ingest: {exc}")
                raise DropItem(f"{item.url}: {exc}") from exc
            status = ingest_status(result)
            tally = report.tally(item.court)
            if status == "new":
                tally.new += 1
            elif status == "updated":
                tally.updated += 1
            else:
                tally.unchanged += 1
            spider.ledger.record(card_key=item.card_key, court=item.court, instance=item.instance,
                                 number=item.number, url=item.url, row_sig=item.row_sig, article=item.article,
                                 found_from=item.found_from, found_to=item.found_to,
                                 settled=is_settled(item.parsed))
        elif item.role == "card":  # replayed on a resumed run: listed in this run all the same
            spider.ledger.saw(item.card_key)
        spider.journal.record(item.url, item.sha256, item.role)
        if item.role != "search":
            spider.request_done(item.court)
        return item

    def _store_act(self, item: PageItem) -> None:
        """An act's own page joins its case in the store; a file (rtf, pdf) or a page the parser
        does not read as an act stays in the raw archive only."""
        try:
            self.spider.store.ingest_act(item.body, source=item.url, url=item.url, case_url=item.card_url or None,
                                         fetched_at=item.fetched_at, synthetic=item.synthetic)
        except ValueError as exc:
            log.info("act kept in the archive only: %s", exc)


def ingest_status(result: IngestResult) -> str:
    """``new``, ``updated`` or ``unchanged`` for the crawl's tally (a skipped page changed nothing)."""
    return result.status if result.status in ("new", "updated") else "unchanged"


def now_utc() -> datetime:
    return datetime.now(UTC)
