"""Our own count per year, from the store's cases and charges, for setting beside official figures.

The store is built in parallel and its columns may be named differently from what we expect,
so the query looks the schema up first and, when the tables are absent or unrecognised, says
so ("store empty") instead of failing: a comparison without our column is still worth showing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, MetaData, String, Table, cast, distinct, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from milcourt.stats.official.labels import CHAPTER_ARTICLES, CHAPTER_TOTAL

_RECEIVED = ("received", "received_on", "received_date", "date_received")
_CASE_KEY = ("case_id", "case_pk", "case")
_ARTICLE = ("article", "article_number")
_FIRST_INSTANCE = ("first", "1", "first_instance")


@dataclass
class OurCounts:
    """Cases per year (None when the store can't answer) and a note saying what was counted."""

    by_year: dict[int, int] | None
    note: str
    counts: str = "cases"
    details: list[str] = field(default_factory=list)


def _pick(columns: set[str], names: tuple[str, ...]) -> str | None:
    return next((n for n in names if n in columns), None)


def our_counts_from_store(engine: Engine, article: str) -> OurCounts:
    """Distinct first-instance, non-synthetic cases with a charge under `article`, by received year.

    A case charged under two articles counts once under each (any article, not only the main one);
    for the chapter total ("ch33") a case counts once if any charge is in chapter 33.
    """
    try:
        names = set(inspect(engine).get_table_names())
    except SQLAlchemyError as exc:
        return OurCounts(None, f"store unreadable ({exc.__class__.__name__})")
    if "cases" not in names or "charges" not in names:
        return OurCounts(None, "store empty")
    meta = MetaData()
    cases = Table("cases", meta, autoload_with=engine)
    charges = Table("charges", meta, autoload_with=engine)
    case_cols, charge_cols = set(cases.c.keys()), set(charges.c.keys())
    received = _pick(case_cols, _RECEIVED)
    case_key = _pick(charge_cols, _CASE_KEY)
    article_col = _pick(charge_cols, _ARTICLE)
    if not (received and case_key and article_col and "id" in case_cols):
        return OurCounts(None, "store schema not recognised (cases.received, charges.case_id, charges.article)")
    year = func.substr(cast(cases.c[received], String), 1, 4)
    query = (
        select(year.label("year"), func.count(distinct(cases.c.id)).label("n"))
        .select_from(cases.join(charges, charges.c[case_key] == cases.c.id))
        .where(
            charges.c[article_col].in_(CHAPTER_ARTICLES) if article == CHAPTER_TOTAL else charges.c[article_col] == article,
            cases.c[received].is_not(None),
        )
        .group_by(year)
    )
    details = ["cases by received year", "any charge under the article"]
    if "synthetic" in case_cols:
        query = query.where(cases.c.synthetic.is_(False) | cases.c.synthetic.is_(None))
        details.append("synthetic records excluded")
    if "instance" in case_cols:
        query = query.where(cast(cases.c.instance, String).in_(_FIRST_INSTANCE))
        details.append("first instance only")
    try:
        with engine.connect() as conn:
            by_year = {int(y): int(n) for y, n in conn.execute(query) if y and str(y).isdigit()}
    except SQLAlchemyError as exc:
        return OurCounts(None, f"store query failed ({exc.__class__.__name__})")
    if not by_year:
        return OurCounts({}, "store has no cases under this article", details=details)
    return OurCounts(by_year, "; ".join(details), details=details)
