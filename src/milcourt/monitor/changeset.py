"""The changes of a period, filtered like the case browser, with each case's public facts.

What feeds and digests show of a case is what the dashboard's case list shows: court (code and
name), number, instance, articles, received and decided dates, result. Never persons: only the
``cases`` row, its charges and the court registry are read (act texts only to match ``--text``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from milcourt.monitor.searches import SearchFilters
from milcourt.store import fts
from milcourt.store.query import article_label, articles_of
from milcourt.store.schema import acts, case_changes, cases, charges, courts

KIND_LABELS = {
    "new": "new case", "decided": "decided", "result_changed": "result changed", "new_act": "act published",
    "instance_linked": "appeal or cassation filed", "removed": "removed from the court's site",
}


def _filter_conditions(conn: Connection, f: SearchFilters) -> list[Any]:
    c = cases.c
    conds: list[Any] = []
    if f.article or f.part:
        match = sa.select(charges.c.case_id).where(charges.c.case_id == c.id,
                                                   charges.c.version == c.current_version)
        if f.article:
            match = match.where(charges.c.article == f.article)
        if f.part:
            match = match.where(charges.c.part == f.part)
        conds.append(match.exists())
    if f.court:
        conds.append(c.court_code == f.court)
    if f.district:
        conds.append(c.court_code.in_(sa.select(courts.c.code).where(
            sa.or_(courts.c.district == f.district, courts.c.code == f.district))))
    if f.text:
        hits = fts.act_ids_clause(conn.dialect.name, f.text).columns(sa.column("id", sa.Integer)).subquery("hits")
        conds.append(c.id.in_(sa.select(acts.c.case_id).where(acts.c.id.in_(sa.select(hits.c.id)),
                                                              acts.c.version == c.current_version)))
    return conds


def changes(engine: Engine, *, filters: SearchFilters | None = None, since: datetime | None = None,
            until: datetime | None = None, run_id: int | None = None, include_synthetic: bool = True,
            limit: int | None = None) -> list[dict[str, Any]]:
    """Changes (newest first) with their case's facts; times are UTC without zone."""
    ch, c = case_changes.c, cases.c
    query = (sa.select(ch.id, ch.run_id, ch.kind, ch.at, ch.detail, ch.case_id, c.court_code, c.number, c.instance,
                       c.received, c.decided, c.result, c.synthetic, courts.c.name.label("court_name"),
                       courts.c.district)
             .select_from(case_changes.join(cases, cases.c.id == ch.case_id)
                          .outerjoin(courts, courts.c.code == c.court_code))
             .order_by(ch.at.desc(), ch.id.desc()))
    if since is not None:
        query = query.where(ch.at >= since)
    if until is not None:
        query = query.where(ch.at < until)
    if run_id is not None:
        query = query.where(ch.run_id == run_id)
    if not include_synthetic:
        query = query.where(c.synthetic.is_(False))
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        if filters is not None:
            query = query.where(*_filter_conditions(conn, filters))
        rows = [dict(r) for r in conn.execute(query).mappings().all()]
        labels = articles_of(conn, sorted({r["case_id"] for r in rows}))
    for row in rows:
        row["articles"] = [article_label(a) for a in labels.get(row["case_id"], [])]
        row["article_keys"] = sorted({a.get("article") or "?" for a in labels.get(row["case_id"], [])})
        row["kind_label"] = KIND_LABELS.get(row["kind"], row["kind"])
        row["court_name"] = row["court_name"] or row["court_code"]
    return rows
