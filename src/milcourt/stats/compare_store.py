"""The comparison as the CLI, the report and the dashboard show it, read from one store.

``compare_store`` gathers the three sources (our count from the store, the official 10-a
figures loaded into it, the published figures file) and ``long_rows`` flattens the result to
(year, source, measure, value) rows for tables and charts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from milcourt.stats.compare import Comparison, compare
from milcourt.stats.official import official_rows
from milcourt.stats.official.table import normalise_article
from milcourt.stats.ours import our_counts_from_store
from milcourt.stats.published import read_published


def compare_store(engine: Engine, article: str, *, include_synthetic: bool = False,
                  published: Path | None = None, warn: Any = None) -> Comparison:
    """Per year: our count, the official figure and the published ones, with the explanation."""
    article = normalise_article(article)
    totals = official_rows(engine, article=article, part="")
    figures = read_published(published)
    for error in figures.errors:
        if warn:
            warn(error)
    ours = our_counts_from_store(engine, article, include_synthetic=include_synthetic)
    return compare(article, {r["year"]: r["convicted"] for r in totals}, figures.figures, ours.by_year,
                   our_note=ours.note, official_summed=any(not r["printed"] for r in totals))


def long_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """(year, source, measure, value) rows of the yearly comparison, for tables and charts."""
    out: list[dict[str, Any]] = []
    for row in comparison.rows:
        if row["kind"] != "year":
            continue
        if row.get("ours"):
            out.append({"year": row["year"], "source": "milcourt (this store)", "measure": "cases",
                        "value": row["ours"]["value"]})
        if row.get("official"):
            out.append({"year": row["year"], "source": "form 10-a (official)", "measure": "persons",
                        "value": row["official"]["value"]})
        for pub in row.get("published", []):
            out.append({"year": row["year"], "source": pub["publisher"], "measure": pub["counts"],
                        "value": pub["value"]})
    return out
