"""What the dashboard reads: the case list with filters and full-text search, and one case.

All SQL is SQLAlchemy Core with bound parameters; user text reaches the database only as a
parameter (full-text search goes through the store's own phrase-quoting clause).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from milcourt.store import fts
from milcourt.store import schema as s

PAGE_SIZE_MAX = 100
SORTS = {
    "received": s.cases.c.received,
    "decided": s.cases.c.decided,
    "court": s.cases.c.court_code,
    "number": s.cases.c.number,
}


@dataclass
class CaseFilter:
    article: str | None = None
    part: str | None = None
    court: str | None = None
    district: str | None = None
    instance: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    include_synthetic: bool = False
    sort: str = "received"
    descending: bool = True
    page: int = 1
    page_size: int = 25


def _conditions(conn: Connection, f: CaseFilter) -> list[Any]:
    c = s.cases.c
    conds: list[Any] = []
    if not f.include_synthetic:
        conds.append(c.synthetic.is_(False))
    if f.article or f.part:
        match = sa.select(s.charges.c.case_id).where(s.charges.c.version == c.current_version,
                                                     s.charges.c.case_id == c.id)
        if f.article:
            match = match.where(s.charges.c.article == f.article)
        if f.part:
            match = match.where(s.charges.c.part == f.part)
        conds.append(match.exists())
    if f.court:
        conds.append(c.court_code == f.court)
    if f.district:
        conds.append(c.court_code.in_(sa.select(s.courts.c.code).where(s.courts.c.district == f.district)))
    if f.instance:
        conds.append(c.instance == f.instance)
    if f.since:
        conds.append(c.received >= f.since)
    if f.until:
        conds.append(c.received <= f.until)
    if f.text:
        ids = fts.act_ids_clause(conn.dialect.name, f.text).columns(sa.column("id", sa.Integer))
        matching = ids.subquery("fts_hits")
        conds.append(
            c.id.in_(sa.select(s.acts.c.case_id).where(s.acts.c.id.in_(sa.select(matching.c.id)),
                                                       s.acts.c.version == c.current_version))
        )
    return conds


def articles_of(conn: Connection, case_ids: list[int]) -> dict[int, list[str]]:
    """Each case's charges at its current version, as "337 ч.5" labels, in order."""
    if not case_ids:
        return {}
    ch = s.charges.c
    rows = conn.execute(
        sa.select(ch.case_id, ch.article, ch.part, ch.point)
        .join(s.cases, sa.and_(s.cases.c.id == ch.case_id, s.cases.c.current_version == ch.version))
        .where(ch.case_id.in_(case_ids))
        .distinct()
        .order_by(ch.case_id, ch.article, ch.part)
    )
    out: dict[int, list[str]] = {}
    for row in rows:
        label = row.article or ""
        if row.part:
            label += f" ч.{row.part}"
        if row.point:
            label += f" п.{row.point}"
        if label and label not in out.setdefault(row.case_id, []):
            out[row.case_id].append(label)
    return out


CASE_COLUMNS = ("id", "court_code", "number", "instance", "uid", "received", "decided", "result",
                "proceeding_id", "synthetic", "removed_from_source")


def list_cases(conn: Connection, f: CaseFilter) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, the requested page of cases)."""
    conds = _conditions(conn, f)
    total = conn.execute(sa.select(sa.func.count()).select_from(s.cases).where(*conds)).scalar_one()
    key = SORTS.get(f.sort, s.cases.c.received)
    order = [key.desc() if f.descending else key.asc(), s.cases.c.id.desc() if f.descending else s.cases.c.id]
    size = max(1, min(f.page_size, PAGE_SIZE_MAX))
    stmt = (
        sa.select(*[s.cases.c[name] for name in CASE_COLUMNS])
        .where(*conds)
        .order_by(*order)
        .limit(size)
        .offset((max(f.page, 1) - 1) * size)
    )
    rows = [dict(r._mapping) for r in conn.execute(stmt)]
    arts = articles_of(conn, [r["id"] for r in rows])
    for row in rows:
        row["articles"] = arts.get(row["id"], [])
    return int(total), rows


def get_case(conn: Connection, case_id: int) -> dict[str, Any] | None:
    """One case with its card, instances of its proceeding, acts with their facts, provenance."""
    row = conn.execute(sa.select(s.cases).where(s.cases.c.id == case_id)).first()
    if row is None:
        return None
    case = dict(row._mapping)
    case["articles"] = articles_of(conn, [case_id]).get(case_id, [])
    snap = conn.execute(
        sa.select(s.snapshots.c.url, s.snapshots.c.fetched_at)
        .where(s.snapshots.c.sha256 == case["snapshot_sha"])
    ).first()
    case["snapshot"] = dict(snap._mapping) if snap else None
    case["instances"] = []
    if case.get("proceeding_id") is not None:
        case["instances"] = [
            dict(r._mapping)
            for r in conn.execute(
                sa.select(s.cases.c.id, s.cases.c.court_code, s.cases.c.number, s.cases.c.instance,
                          s.cases.c.received, s.cases.c.decided, s.cases.c.result)
                .where(s.cases.c.proceeding_id == case["proceeding_id"])
                .order_by(s.cases.c.received, s.cases.c.id)
            )
        ]
    acts = conn.execute(
        sa.select(s.acts.c.id, s.acts.c.title, s.acts.c.text, s.act_facts.c.facts, s.act_facts.c.spans)
        .outerjoin(s.act_facts, s.act_facts.c.act_id == s.acts.c.id)
        .where(s.acts.c.case_id == case_id, s.acts.c.version == case["current_version"])
        .order_by(s.acts.c.act_no)
    )
    case["acts"] = [dict(r._mapping) for r in acts]
    persons = conn.execute(
        sa.select(s.persons.c.pseudonym, s.persons.c.role, s.persons.c.result)
        .where(s.persons.c.case_id == case_id, s.persons.c.version == case["current_version"])
        .order_by(s.persons.c.person_no)
    )
    case["persons"] = [dict(r._mapping) for r in persons]
    return case
