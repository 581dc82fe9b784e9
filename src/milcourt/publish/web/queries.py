"""What the dashboard reads: the case list with filters and full-text search, and one case.

All SQL is SQLAlchemy Core with bound parameters; user text reaches the database only as a
parameter (full-text search goes through the store's own phrase-quoting clause).
"""

from __future__ import annotations

from array import array
from dataclasses import astuple, dataclass, replace
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from milcourt.publish.web.cache import AnswerCache
from milcourt.store import fts
from milcourt.store import schema as s

PAGE_SIZE_MAX = 100
#: A full-text search's matching ids are kept (and paged in memory) up to this many.
ID_LIST_MAX = 50_000
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
        holder = s.cases.alias("act_holder")
        # Uncorrelated: the matching acts' cases are found once from the index hits, not per case.
        conds.append(
            c.id.in_(
                sa.select(s.acts.c.case_id)
                .join(holder, sa.and_(holder.c.id == s.acts.c.case_id,
                                      holder.c.current_version == s.acts.c.version))
                .where(s.acts.c.id.in_(sa.select(matching.c.id)))
            )
        )
    return conds


def articles_of(conn: Connection, case_ids: list[int]) -> dict[int, list[str]]:
    """Each case's charges at its current version, as "ст.337 ч.5 УК РФ" labels, in order."""
    from milcourt.store.query import article_label
    from milcourt.store.query import articles_of as charges_of

    return {cid: [article_label(a) for a in arts] for cid, arts in charges_of(conn, case_ids).items()}


CASE_COLUMNS = ("id", "court_code", "number", "instance", "uid", "received", "decided", "result",
                "proceeding_id", "synthetic", "removed_from_source")


def count_cases(conn: Connection, f: CaseFilter) -> int:
    """How many cases match the filters (page and order aside)."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(s.cases).where(*_conditions(conn, f)))
               .scalar_one())


def _order(f: CaseFilter) -> list[Any]:
    key = SORTS.get(f.sort, s.cases.c.received)
    return [key.desc() if f.descending else key.asc(), s.cases.c.id.desc() if f.descending else s.cases.c.id]


def _with_articles(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    arts = articles_of(conn, [r["id"] for r in rows])
    for row in rows:
        row["articles"] = arts.get(row["id"], [])
    return rows


def page_of_cases(conn: Connection, f: CaseFilter) -> list[dict[str, Any]]:
    """The requested page of matching cases, with each case's charges as labels."""
    size = max(1, min(f.page_size, PAGE_SIZE_MAX))
    stmt = (
        sa.select(*[s.cases.c[name] for name in CASE_COLUMNS])
        .where(*_conditions(conn, f))
        .order_by(*_order(f))
        .limit(size)
        .offset((max(f.page, 1) - 1) * size)
    )
    return _with_articles(conn, [dict(r._mapping) for r in conn.execute(stmt)])


def matching_ids(conn: Connection, f: CaseFilter) -> array[int] | None:
    """Every matching case id in the requested order, or None past ID_LIST_MAX matches.

    On SQLite the ids come back as one row (``group_concat`` of id and rank): Python's sqlite3
    lets go of the GIL at every row it steps, and under concurrent requests each of thousands of
    rows would wait to get it back (a 50 ms search took seconds under load).
    """
    if conn.dialect.name != "sqlite":
        stmt = sa.select(s.cases.c.id).where(*_conditions(conn, f)).order_by(*_order(f)).limit(ID_LIST_MAX + 1)
        ids = array("q", (row[0] for row in conn.execute(stmt)))
        return ids if len(ids) <= ID_LIST_MAX else None
    ranked = (
        sa.select(s.cases.c.id, sa.func.row_number().over(order_by=_order(f)).label("k"))
        .where(*_conditions(conn, f))
        .subquery("ranked")
    )
    packed = conn.execute(
        sa.select(sa.func.count(), sa.func.group_concat(ranked.c.k.concat(":").concat(ranked.c.id)))
    ).one()
    if packed[0] > ID_LIST_MAX:
        return None
    pairs = sorted((int(k), int(i)) for k, _, i in (p.partition(":") for p in (packed[1] or "").split(",") if p))
    return array("q", (i for _, i in pairs))


def cases_by_id(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """The case-list rows of ``ids``, in that order."""
    found = {r.id: dict(r._mapping) for r in conn.execute(
        sa.select(*[s.cases.c[name] for name in CASE_COLUMNS]).where(s.cases.c.id.in_(ids)))}
    return _with_articles(conn, [found[i] for i in ids if i in found])


def list_cases(conn: Connection, f: CaseFilter) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, the requested page of cases)."""
    return count_cases(conn, f), page_of_cases(conn, f)


def cached_cases(engine: Engine, cache: AnswerCache, f: CaseFilter) -> tuple[int, list[dict[str, Any]]]:
    """``list_cases`` through the answer cache.

    A full-text search is evaluated once per filter set and order: its matching ids are kept and
    every page is a slice of them (the phrase's index hits are the costly part). Other filters
    are answered by SQL from the indexes: the total kept per filter set, the rows per page.
    """
    def run(query: Any, arg: Any = f) -> Any:
        with engine.connect() as conn:
            return query(conn, arg)

    size = max(1, min(f.page_size, PAGE_SIZE_MAX))
    if f.text:
        ids = cache.get(("case_ids", *astuple(replace(f, page=1, page_size=0))), lambda: run(matching_ids))
        if ids is not None:
            start = (max(f.page, 1) - 1) * size
            return len(ids), run(cases_by_id, list(ids[start:start + size])) if ids[start:start + size] else []
    filters = replace(f, page=1, sort="", descending=False, page_size=0)
    total = cache.get(("case_count", *astuple(filters)), lambda: run(count_cases))
    rows = cache.get(("case_page", *astuple(f)), lambda: run(page_of_cases)) if total else []
    return total, rows


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
