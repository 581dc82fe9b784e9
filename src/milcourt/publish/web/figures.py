"""What the dashboard's pages share to draw a chart: cached stats answers, and a figure that is
either a chart with its caption or a sentence saying what is missing and why (never an empty frame).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from milcourt.publish.web.context import Site, site
from milcourt.stats.coverage import coverage, coverage_rows
from milcourt.stats.query import StatsQuery, run_stats


@dataclass(frozen=True)
class Figure:
    """A chart's Vega-Lite spec and caption, or (``spec`` None) why there is nothing to draw."""

    spec: str | None
    caption: str
    missing: str


def spec_json(chart: Any) -> str:
    """A chart's Vega-Lite spec as JSON safe to place inside a <script type="application/json">."""
    return json.dumps(chart.to_dict(validate=False), ensure_ascii=False).replace("</", "<\\/")


def figure(chart: Any, rows: list[dict[str, Any]], caption: str, missing: str) -> Figure:
    """The chart when ``rows`` hold data, else the sentence ``missing``."""
    if not rows:
        return Figure(None, "", missing)
    return Figure(spec_json(chart), caption, "")


def cache_key(kind: str, current: Site, **kwargs: Any) -> tuple[Any, ...]:
    return (kind, current.show_synthetic(), *sorted((k, str(v)) for k, v in kwargs.items()))


def stats(request: Request, **kwargs: Any) -> list[dict[str, Any]]:
    """A stats answer (cached: see cache.py)."""
    current = site(request)

    def compute() -> list[dict[str, Any]]:
        with current.engine.connect() as conn:
            return run_stats(conn, StatsQuery(include_synthetic=current.show_synthetic(), **kwargs))

    return current.cache.get(cache_key("stats", current, **kwargs), compute)


def site_coverage(current: Site) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        with current.engine.connect() as conn:
            return coverage(conn, include_synthetic=current.show_synthetic())

    return current.cache.get(cache_key("coverage", current), compute)


def coverage_of(current: Site, codes: list[str]) -> dict[str, Any]:
    """Coverage of some courts: their rows (registry order) and the sums, last crawl, worst status."""
    def compute() -> list[dict[str, Any]]:
        with current.engine.connect() as conn:
            return coverage_rows(conn, include_synthetic=current.show_synthetic())

    rows = {r["court"]: r for r in current.cache.get(cache_key("coverage_rows", current), compute)}
    mine = [rows.get(code) or {"court": code, "cases": 0, "cases_without_act": 0, "cases_without_facts": 0,
                               "last_crawl": None, "status": "not crawled"} for code in codes]
    crawls = [r["last_crawl"] for r in mine if r["last_crawl"] is not None]
    statuses = {r["status"] for r in mine}
    status = next((s for s in ("blocked", "down", "partial", "not crawled", "ok") if s in statuses), "not crawled")
    return {
        "rows": mine,
        "cases": sum(r["cases"] for r in mine),
        "cases_without_act": sum(r["cases_without_act"] for r in mine),
        "cases_without_facts": sum(r["cases_without_facts"] for r in mine),
        "last_crawl": max(crawls) if crawls else None,
        "status": status,
    }
