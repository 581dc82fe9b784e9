"""Our count beside the official form 10-a figure and the published ones, year by year.

The three count different things (cases vs persons vs verdicts, any article vs the main one,
received vs sentence in force, the courts we crawled vs all of Russia), so a comparison carries
what each counts, and `explain` (in compare_text) says in words why the numbers differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from milcourt.stats.compare_text import explain
from milcourt.stats.published import COUNTS_MEANING, PublishedFigure

OFFICIAL_SOURCE = "Judicial Department of the Supreme Court, form 10-a"


@dataclass
class Comparison:
    """Rows (one per year, then one per figure spanning several years) and the explanation."""

    article: str
    rows: list[dict[str, Any]]
    explanation: list[str] = field(default_factory=list)

    def lines(self) -> list[dict[str, Any]]:
        """JSON Lines for `--json`: the rows, then one line per explanatory sentence."""
        return [*self.rows, *({"kind": "explanation", "article": self.article, "text": t} for t in self.explanation)]


def _published_entry(figure: PublishedFigure, article: str) -> dict[str, Any]:
    if figure.all_articles:
        articles = "all"
    elif figure.articles == (article,):
        articles = article + (f" part {figure.part}" if figure.part else "")
    else:
        articles = ";".join(figure.articles)
    return {
        "value": figure.value,
        "counts": figure.counts,
        "counts_meaning": COUNTS_MEANING[figure.counts],
        "articles": articles,
        "exact_article": figure.articles == (article,) and not figure.part,
        "publisher": figure.publisher,
        "source_of_count": figure.source_of_count,
        "scope": figure.scope,
        "national": figure.national,
        "period": figure.period,
        "full_year": figure.full_year,
        "published": figure.published,
        "note": figure.note,
    }


def compare(
    article: str,
    official: Mapping[int, int],
    published: list[PublishedFigure],
    our_counts: Mapping[int, int] | None,
    *,
    our_note: str = "",
    official_summed: bool = False,
) -> Comparison:
    """Set the three side by side for one article.

    `official`: persons convicted per year (form 10-a); `our_counts`: cases per year from the
    store, or None when the store can't answer (then `our_note` says why, e.g. "store empty");
    `official_summed`: the article total was summed from its printed parts.
    """
    relevant = [f for f in published if f.covers(article)]
    in_year = [f for f in relevant if f.year is not None]
    spans = [f for f in relevant if f.year is None]
    years = sorted(set(official) | {f.year for f in in_year if f.year} | set(our_counts or {}))
    rows: list[dict[str, Any]] = []
    for year in years:
        ours_value = None if our_counts is None else our_counts.get(year, 0)
        rows.append({
            "kind": "year",
            "year": year,
            "article": article,
            "ours": {"value": ours_value, "counts": "cases", "note": our_note},
            "official": None if year not in official else {
                "value": official[year],
                "counts": "persons",
                "counts_meaning": "persons convicted with this as the main article, sentence in force",
                "source": OFFICIAL_SOURCE,
                "summed_from_parts": official_summed,
            },
            "published": [_published_entry(f, article) for f in in_year if f.year == year],
        })
    for figure in sorted(spans, key=lambda f: (f.period_start, f.period_end)):
        rows.append({
            "kind": "span",
            "year": None,
            "period": figure.period,
            "article": article,
            "published": [_published_entry(figure, article)],
        })
    comparison = Comparison(article, rows)
    comparison.explanation = explain(comparison, our_note=our_note)
    return comparison
