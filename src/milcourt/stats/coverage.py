"""Coverage: how complete the store is, stated beside every figure.

Which courts were crawled and when, which were blocked or down at their last crawl, how many
cases have no act text (many military courts publish the card only), and how many acts could
not be read for facts. ``milcourt stats coverage`` prints it alone.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from milcourt.courts.registry import military_courts
from milcourt.store import schema as s


def _latest_crawls(conn: Connection) -> dict[str, dict[str, Any]]:
    """Each court's most recent crawl record."""
    log = s.crawl_log.c
    ranked = sa.select(
        log.court_code, log.finished_at, log.status,
        sa.func.row_number().over(partition_by=log.court_code, order_by=log.id.desc()).label("k"),
    ).subquery()
    rows = conn.execute(sa.select(ranked).where(ranked.c.k == 1))
    return {r.court_code: {"last_crawl": r.finished_at, "status": r.status} for r in rows}


def coverage_rows(conn: Connection, include_synthetic: bool = False) -> list[dict[str, Any]]:
    """One row per military court: cases held, acts, extraction, last crawl and its status."""
    c = s.cases.c
    synthetic_ok = sa.true() if include_synthetic else c.synthetic.is_(False)
    has_act = (
        sa.select(s.acts.c.case_id)
        .where(s.acts.c.case_id == c.id, s.acts.c.version == c.current_version)
        .exists()
    )
    has_facts = (
        sa.select(s.act_facts.c.case_id)
        .where(s.act_facts.c.case_id == c.id, s.act_facts.c.version == c.current_version,
               s.act_facts.c.error.is_(None))
        .exists()
    )
    counts = {
        r.court_code: r
        for r in conn.execute(
            sa.select(
                c.court_code,
                sa.func.count().label("cases"),
                sa.func.sum(sa.case((has_act, 0), else_=1)).label("without_act"),
                sa.func.sum(sa.case((sa.and_(has_act, sa.not_(has_facts)), 1), else_=0)).label("without_facts"),
            )
            .where(synthetic_ok)
            .group_by(c.court_code)
        )
    }
    crawls = _latest_crawls(conn)
    rows = []
    codes = [court.code for court in military_courts()]
    codes += sorted(set(counts) - set(codes))
    for code in codes:
        row = counts.get(code)
        crawl = crawls.get(code, {})
        rows.append({
            "court": code,
            "cases": int(row.cases) if row else 0,
            "cases_without_act": int(row.without_act or 0) if row else 0,
            "cases_without_facts": int(row.without_facts or 0) if row else 0,
            "last_crawl": crawl.get("last_crawl"),
            "status": crawl.get("status") or "not crawled",
        })
    return rows


def coverage(conn: Connection, include_synthetic: bool = False) -> dict[str, Any]:
    """The store's coverage summary (what every stats answer carries)."""
    rows = coverage_rows(conn, include_synthetic)
    military = {court.code for court in military_courts()}
    crawled = [r for r in rows if r["last_crawl"] is not None]
    data_date = conn.execute(sa.select(sa.func.max(s.snapshots.c.fetched_at))).scalar()
    return {
        "courts_total": len(military),
        "courts_crawled": sum(1 for r in crawled if r["court"] in military),
        "last_crawl": max((r["last_crawl"] for r in crawled), default=None),
        "courts_blocked": sorted(r["court"] for r in rows if r["status"] in ("blocked", "down")),
        "cases": sum(r["cases"] for r in rows),
        "cases_without_act": sum(r["cases_without_act"] for r in rows),
        "cases_without_facts": sum(r["cases_without_facts"] for r in rows),
        "data_date": data_date,
        "synthetic_included": include_synthetic,
        "courts": rows,
    }
