"""The spider for court sites on the sudrf engine ("ГАС Правосудие"), military courts included.

Per court site × criminal register × server × article: one search by received date
(``urls.search_url``) → every results page (the page's own "next page" link) → every case card
listed (all tabs come in one page) → act-text pages and attachments linked from the card.
A search whose total reaches the site's row limit is split into two half date ranges before
its pages are followed, and again after them if the pages held fewer rows than the total,
so nothing is cut off. Cards whose listing row is unchanged since they were last ingested are
not fetched again (incremental re-crawl); cards of cases in progress are fetched again either all
(a full re-crawl) or, with a budget, in turns, the longest-unfetched first (``Ledger.refresh_due``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import scrapy
from scrapy.http import Response

from milcourt.crawl.journal import row_signature
from milcourt.crawl.pages import card_links, listing_act_links, read_page
from milcourt.crawl.pipelines import PageItem
from milcourt.crawl.sites import Site
from milcourt.crawl.spiders.base import CourtSpider
from milcourt.crawl.urls import REGISTERS, card_key, link_kind, registers_for, search_url, split_range

PRIORITY = {"search": 0, "next": 5, "card": 10, "act": 20}
EARLIEST = date(2000, 1, 1)  # an open "since" when a search must be split by dates


class SudrfSpider(CourtSpider):
    name = "sudrf"

    def __init__(self, *args: Any, row_limit: int = 0, budget: int | None = None, refresh_days: float = 7.0,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.row_limit = row_limit
        # None: every card in progress is fetched again (a full re-crawl); else these cards only
        self.budget = budget
        self.refresh: set[str] = (set() if budget is None else
                                  self.ledger.refresh_due(list(self.sites), budget, refresh_days, datetime.now(UTC)))
        self.learned_limit: dict[str, int] = {}  # court → rows its paging stopped at
        self.cards_requested: set[str] = set()

    # -- searches -----------------------------------------------------------------------
    def searches(self, site: Site) -> Iterable[scrapy.Request]:
        for register in registers_for(site.court.code, self.instance):
            self.complete.setdefault((site.court.code, register.instance), True)
            for srv in site.court.srv:
                for article in self.articles:
                    yield self.search(site, register.instance, srv, article, self.since, self.until)
                    if self.probe:
                        return  # one search of one court, for its diagnostics

    def search(self, site: Site, instance: str, srv: str, article: str, since: date | None,
               until: date | None, url: str | None = None, rows_before: int = 0,
               page_size: int = 0, first_total: int | None = None, restarts: int = 0) -> scrapy.Request:
        scope = {"instance": instance, "srv": srv, "article": article, "since": since, "until": until,
                 "rows_before": rows_before, "page_size": page_size, "first_total": first_total,
                 "restarts": restarts}
        first = url is None
        url = url or search_url(site.root, REGISTERS[instance], article=article, since=since, until=until, srv=srv)
        if restarts and first:  # the same page 1 again: past the duplicate filter and the replay
            scope.update(dont_filter=True, no_replay=True)
        return self.request(site, url, callback=self.parse_search, meta={**scope, "role": "search"},
                            priority=PRIORITY["search" if first else "next"])

    def parse_search(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        court, site = meta["court"], self.sites[meta["court"]]
        try:
            try:
                page = read_page(response.body, response.url)
            except ValueError as exc:
                if not self.retry_later(response.request, f"unreadable results page: {exc}"):  # type: ignore[arg-type]
                    self.mark_incomplete(court, meta["instance"])
                    self.request_done(court)
                return
            if page.get("kind") != "search_results":
                if not self.retry_later(response.request, f"expected results, got {page.get('kind')}"):  # type: ignore[arg-type]
                    self.mark_incomplete(court, meta["instance"])
                    self.request_done(court)
                return
            if self.probe:  # seen and classified by the probe's trace; nothing followed or stored
                self.request_done(court)
                return
            yield from self._follow_listing(response, site, page)
        except Exception:
            self.mark_incomplete(court, meta["instance"])
            self.request_done(court)
            raise

    def _follow_listing(self, response: Response, site: Site, page: dict[str, Any]) -> Iterator[Any]:
        meta = response.meta
        court, since, until = meta["court"], meta["since"], meta["until"]
        rows = [r for r in page.get("rows") or [] if r.get("url") and link_kind(r["url"]) == "card"]
        if rows and not all("acts" in r for r in rows):  # the act arrow belongs in the row's signature
            acts = listing_act_links(response.body, response.url)
            rows = [{**r, "acts": acts.get(card_key(r["url"]), [])} for r in rows]
        total = page.get("total") if isinstance(page.get("total"), int) else None
        listed = meta["rows_before"] + len(rows)
        page_size = meta["page_size"] or len(rows)
        halves = split_range(since or EARLIEST, until or date.today())
        limit = self.row_limit or self.learned_limit.get(court, 0)
        first_total = meta["first_total"] if meta["rows_before"] else total
        if meta["rows_before"] and total != first_total and meta["restarts"] < 3:
            # the list changed while it was paged (a case added or removed shifts every later
            # page by a row): search again from page 1; cards already asked for are skipped
            yield self.search(site, meta["instance"], meta["srv"], meta["article"], since, until,
                              restarts=meta["restarts"] + 1)
        item = self.page_item(response, "search", instance=meta["instance"], article=meta["article"],
                              found_from=since, found_to=until)
        item.parsed = page
        if meta["rows_before"] == 0 and total is not None and limit and total > limit:
            if halves:  # over the row limit: search the two halves instead of paging this one
                for a, b in halves:
                    yield self.search(site, meta["instance"], meta["srv"], meta["article"], a, b)
                yield item
                self.request_done(court)
                return
            self.report.tally(court).truncated_searches += 1
        for row in rows:
            request = self._card(site, response, row)
            if request is not None:
                yield request
        next_page = page.get("next_page")
        if next_page and rows:
            yield self.search(site, meta["instance"], meta["srv"], meta["article"], since, until,
                              url=site.rebase(response.urljoin(next_page)), rows_before=listed,
                              page_size=page_size, first_total=first_total, restarts=meta["restarts"])
        elif total is not None and listed < total and halves and rows and len(rows) == page_size:
            # the pages stopped short of the total on a full page: the site cut the list at its
            # row limit; search the two halves (cards already asked for are not asked again)
            # and split this court's later searches over that many rows at once
            self.learned_limit[court] = max(self.learned_limit.get(court, 0), listed)
            for a, b in halves:
                yield self.search(site, meta["instance"], meta["srv"], meta["article"], a, b)
        yield item
        self.request_done(court)

    def _card(self, site: Site, response: Response, row: dict[str, Any]) -> scrapy.Request | None:
        meta = response.meta
        court = meta["court"]
        url = site.rebase(response.urljoin(row["url"]))
        key = f"{court}:{card_key(url)}"
        self.report.listed(court, key)
        if key in self.cards_requested:
            return None
        self.cards_requested.add(key)
        sig = row_signature(row)
        if self._skip(key, sig):
            self.report.tally(court).unchanged += 1
            self.ledger.saw(key)
            return None
        return self.request(site, url, callback=self.parse_card, priority=PRIORITY["card"], meta={
            "role": "card", "card_key": key, "row_sig": sig, "number": row.get("number"),
            "instance": meta["instance"], "article": meta["article"],
            "found_from": meta["since"], "found_to": meta["until"]})

    def _skip(self, key: str, sig: str) -> bool:
        """Not fetched again: listed as before and, if still in progress, not due for a refresh."""
        if self.budget is None:
            return self.ledger.is_unchanged(key, sig)
        return self.ledger.listed_as_before(key, sig) and key not in self.refresh

    # -- cards and acts -----------------------------------------------------------------
    def parse_card(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        site = self.sites[meta["court"]]
        for link in card_links(response.body, response.url):
            if link_kind(link) == "card":
                continue
            yield self.request(site, link, callback=self.parse_act, priority=PRIORITY["act"],
                               meta={"role": "act", "card_url": response.url})
        yield self.page_item(response, "card", instance=meta["instance"], article=meta["article"],
                             found_from=meta["found_from"], found_to=meta["found_to"],
                             card_key=meta["card_key"], number=meta["number"], row_sig=meta["row_sig"])

    def parse_act(self, response: Response) -> Iterator[Any]:
        yield self.page_item(response, "act", card_url=response.meta.get("card_url") or "")

    def refetch_request(self, item: PageItem) -> scrapy.Request:
        site = self.sites[item.court]
        self.outstanding[item.court] -= 1  # the new request counts itself again
        if item.role == "card":
            return self.request(site, item.url, callback=self.parse_card, priority=PRIORITY["card"], meta={
                "role": "card", "card_key": item.card_key, "row_sig": item.row_sig, "number": item.number,
                "instance": item.instance, "article": item.article, "found_from": item.found_from,
                "found_to": item.found_to, "dont_filter": True})
        return self.request(site, item.url, callback=self.parse_act, priority=PRIORITY["act"],
                            meta={"role": "act", "card_url": item.card_url, "dont_filter": True})
