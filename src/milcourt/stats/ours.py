"""Our own count per year, from the store, for setting beside official and published figures.

It is the ``milcourt stats --by year --instance first --article A`` answer: distinct
first-instance cases by year received, any charge under the article (a case charged under two
articles counts under each), synthetic records left out unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from milcourt.stats.query import StatsQuery, run_counts
from milcourt.store.migrations import LATEST, current_version
from milcourt.store.schema import cases


@dataclass
class OurCounts:
    """Cases per year (None when the store can't answer) and a note saying what was counted."""

    by_year: dict[int, int] | None
    note: str
    counts: str = "cases"
    details: list[str] = field(default_factory=list)


def our_counts_from_store(engine: Engine, article: str, include_synthetic: bool = False) -> OurCounts:
    """Cases per received year under ``article`` ("ch33": any article of chapter 33)."""
    with engine.connect() as conn:
        version = current_version(conn)
        if version == 0 or conn.execute(select(cases.c.id).limit(1)).first() is None:
            return OurCounts(None, "store empty")
        if version < LATEST:
            return OurCounts(None, "store not migrated (run `milcourt db migrate`)")
        rows = run_counts(conn, StatsQuery(by=["year"], article=article, instance="first",
                                          include_synthetic=include_synthetic))
    details = ["cases by received year", "any charge under the article", "first instance only",
               "synthetic records included" if include_synthetic else "synthetic records excluded"]
    by_year = {int(r["year"]): int(r["n"]) for r in rows if r["year"]}
    if not by_year:
        return OurCounts({}, "store has no cases under this article", details=details)
    return OurCounts(by_year, "; ".join(details), details=details)
