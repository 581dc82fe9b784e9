"""Read side of the store: cases and proceedings as plain dicts (for the CLI, stats and publish).

Only current versions are listed; older versions stay in ``case_versions`` and the child tables.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from milcourt.law import Article
from milcourt.store import fts, migrations
from milcourt.store.schema import acts, case_versions, cases, charges, events, persons, proceedings, snapshots


def article_label(article: dict[str, Any]) -> str:
    """A charge record as a case card prints it (:meth:`milcourt.law.Article.label`)."""
    return Article.from_record(article).label()


def articles_of(conn: Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Per case, its current version's charges {law, article, part, point, stage}, unique, in order."""
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = conn.execute(
        sa.select(charges).join(cases, sa.and_(cases.c.id == charges.c.case_id,
                                                cases.c.current_version == charges.c.version))
        .where(charges.c.case_id.in_(ids))
        .order_by(charges.c.case_id, charges.c.person_no, charges.c.charge_no)
    ).all()
    for r in rows:
        item = {"law": r.law, "article": r.article, "part": r.part, "point": r.point, "stage": r.stage}
        if item not in out[r.case_id]:
            out[r.case_id].append(item)
    return out


def list_cases(
    conn: Connection, *, court: str | None = None, article: str | None = None, since: date | None = None,
    until: date | None = None, uid: str | None = None, text: str | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:
    """Case records matching every filter given. ``since``/``until`` bound the decision date, or the
    date received for cases not yet decided; ``text`` searches the current acts' full text."""
    day = sa.func.coalesce(cases.c.decided, cases.c.received)
    query = sa.select(cases).order_by(cases.c.court_code, cases.c.number, cases.c.instance)
    if court:
        query = query.where(cases.c.court_code == court.upper())
    if uid:
        query = query.where(cases.c.uid == uid.strip().upper())
    if since:
        query = query.where(day >= since)
    if until:
        query = query.where(day <= until)
    if article:
        query = query.where(sa.exists().where(
            charges.c.case_id == cases.c.id, charges.c.version == cases.c.current_version,
            charges.c.article == article.strip(),
        ))
    if text:
        ids = fts.act_ids_clause(conn.dialect.name, text).columns(sa.column("id", sa.Integer)).subquery()
        query = query.where(sa.exists().where(
            acts.c.case_id == cases.c.id, acts.c.version == cases.c.current_version,
            acts.c.id.in_(sa.select(ids.c.id)),
        ))
    if limit:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    arts = articles_of(conn, [r.id for r in rows])
    return [
        {
            "court_code": r.court_code, "number": r.number, "instance": r.instance, "uid": r.uid,
            "received": r.received, "decided": r.decided, "result": r.result, "articles": arts[r.id],
            "proceeding_id": r.proceeding_id, "synthetic": bool(r.synthetic),
            "removed_from_source": r.removed_from_source, "version": r.current_version,
        }
        for r in rows
    ]


_INSTANCE_ORDER = {"first": 0, "appeal": 1, "cassation": 2}


def list_proceedings(conn: Connection, *, uid: str | None = None) -> list[dict[str, Any]]:
    """One row per proceeding (merged ones excluded), with its instances in court order."""
    query = sa.select(cases).where(cases.c.proceeding_id.is_not(None))
    if uid:
        wanted = sa.select(cases.c.proceeding_id).where(cases.c.uid == uid.strip().upper())
        query = query.where(cases.c.proceeding_id.in_(wanted))
    grouped: dict[int, list[Any]] = {}
    for r in conn.execute(query).all():
        grouped.setdefault(r.proceeding_id, []).append(r)
    out = []
    for pid in sorted(grouped):
        rows = sorted(grouped[pid], key=lambda r: (_INSTANCE_ORDER.get(r.instance, 9), r.received or date.min))
        out.append({
            "proceeding_id": pid,
            "uids": sorted({r.uid for r in rows if r.uid}),
            "instances": [
                {"instance": r.instance, "court_code": r.court_code, "number": r.number, "uid": r.uid,
                 "received": r.received, "decided": r.decided, "result": r.result}
                for r in rows
            ],
        })
    return out


def info(conn: Connection) -> dict[str, Any]:
    """Schema version and row counts (``milcourt db info``)."""
    version = migrations.current_version(conn)
    if version == 0:
        return {"schema_version": 0, "latest_version": migrations.LATEST, "counts": {}}
    tables = [snapshots, cases, case_versions, persons, charges, events, acts]
    if version >= 2:
        tables.append(proceedings)
    counts = {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()) for t in tables}
    if version >= 2:
        counts["proceedings"] = int(conn.execute(
            sa.select(sa.func.count()).select_from(proceedings).where(proceedings.c.merged_into.is_(None))
        ).scalar_one())
        counts["removed_from_source"] = int(conn.execute(
            sa.select(sa.func.count()).select_from(cases).where(cases.c.removed_from_source.is_not(None))
        ).scalar_one())
    return {"schema_version": version, "latest_version": migrations.LATEST, "counts": counts}
