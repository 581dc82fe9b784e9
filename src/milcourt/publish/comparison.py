"""The comparison as points a chart can draw honestly: one series per measure and kind of period.

Our count (cases received, per year), form 10-a (persons convicted, by the year the sentence
took force) and the published figures (cases, sentences, … over a year, a month or the months
since mobilisation) count different things. Joined into one line they jump from a cumulative
10,308 to a one-month 684 and mean nothing, so every point carries its series: what it counts,
over which articles, over what kind of period. Figures per calendar year go in one panel
(``panel="year"``), figures over any other period in another (``panel="period"``, placed at the
period's end); a series never mixes the two. Every point keeps its source and date so the chart
can label it. Figures that count no prosecutions (help requests, estimates of deserters) or a
single court or region are listed apart, with why they are not drawn.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from milcourt.stats.compare import OFFICIAL_SOURCE
from milcourt.stats.published import COUNTS_MEANING, PublishedFigure, read_published

OURS = "milcourt"
OFFICIAL = "form 10-a"
#: What the chart draws from the published figures: counts of prosecutions, all of Russia.
DRAWN_COUNTS = {"cases", "sentences"}


@dataclass(frozen=True)
class Point:
    """One figure on the comparison chart."""

    panel: str  # "year" (one calendar year) or "period" (any other period; drawn at its end)
    series: str  # one measure over one kind of period: what the legend shows
    kind: str  # ours | official | published
    year: int | None
    at: str  # ISO date the point is drawn at (the period's end)
    period: str  # "2024" or "2022-09-21..2024-06-18"
    value: int
    source: str
    dated: str  # when the figure was published; the data date for ours; "" for form 10-a (yearly tables)
    url: str
    label: str  # beside the point: value, source and date (official: the value; its series names the source)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ComparisonFigures:
    points: list[Point]
    left_out: list[dict[str, str]]  # figures not drawn, each with why
    explanation: list[str]


def _articles(figure: PublishedFigure, article: str) -> str:
    if figure.all_articles:
        return "all articles"
    if figure.articles == (article,):
        return f"art. {article}" + (f" part {figure.part}" if figure.part else "")
    return "art. " + ", ".join(figure.articles)


_PERIOD_WORDS = {"year": "per year", "half_year": "over 6 months", "quarter": "over 3 months",
                 "month": "per month"}


def _period_kind(figure: PublishedFigure) -> str:
    """'per year', 'per month', 'over 6 months', 'since 2022-09-21' (a running total), from the
    figure's own period_kind; a figure of another span is described by its length."""
    if figure.period_kind == "cumulative":
        return f"since {figure.period_start.isoformat()}"
    if figure.period_kind in _PERIOD_WORDS:
        return _PERIOD_WORDS[figure.period_kind]
    days = (figure.period_end - figure.period_start).days + 1
    return f"over {days} days"


def _fmt(value: int) -> str:
    return f"{value:,}"


def published_point(figure: PublishedFigure, article: str) -> Point:
    kind = _period_kind(figure)
    series = f"published: {figure.counts}, {_articles(figure, article)}, {kind}"
    yearly = kind == "per year"
    publisher = figure.publisher
    return Point(
        panel="year" if yearly else "period", series=series, kind="published",
        year=figure.period_start.year if yearly else None, at=figure.period_end.isoformat(),
        period=str(figure.period_start.year) if yearly else figure.period, value=figure.value,
        source=publisher, dated=figure.published, url=figure.url,
        label=f"{_fmt(figure.value)} · {publisher}, {figure.published}", note=figure.note,
    )


def _why_not_drawn(figure: PublishedFigure) -> str | None:
    if figure.counts not in DRAWN_COUNTS:
        return f"counts {COUNTS_MEANING.get(figure.counts, figure.counts)}, not prosecutions"
    if not figure.national:
        return f"covers {figure.scope} only, not all of Russia"
    return None


def comparison_figures(engine: Engine, article: str, *, include_synthetic: bool = False,
                       data_date: str = "", published: Path | None = None) -> ComparisonFigures:
    """Points of our yearly count, the official yearly figure and every published figure for ``article``
    (``published``: a figures file other than the default)."""
    from milcourt.stats.compare_store import compare_store
    from milcourt.stats.official import official_rows
    from milcourt.stats.official.table import normalise_article
    from milcourt.stats.ours import our_counts_from_store

    article = normalise_article(article)
    points: list[Point] = []
    ours = our_counts_from_store(engine, article, include_synthetic=include_synthetic)
    for year, n in sorted((ours.by_year or {}).items()):
        points.append(Point("year", f"milcourt: cases received, art. {article}, per year (courts crawled)",
                            "ours", year, date(year, 12, 31).isoformat(), str(year), n, OURS, data_date, "",
                            f"{_fmt(n)} · milcourt",
                            ours.note))
    for row in official_rows(engine, article=article, part=""):
        year, n = int(row["year"]), int(row["convicted"])
        points.append(Point("year", f"form 10-a: persons convicted, art. {article} (main article), "
                            "by year the sentence took force — a different measure", "official", year,
                            date(year, 12, 31).isoformat(), str(year), n, OFFICIAL_SOURCE, "", "",
                            _fmt(n)))
    left_out: list[dict[str, str]] = []
    for figure in read_published(published).figures:
        if not figure.covers(article):
            continue
        why = _why_not_drawn(figure)
        if why:
            left_out.append({"value": _fmt(figure.value), "measure": figure.measure, "scope": figure.scope,
                             "period": figure.period, "source": figure.publisher, "dated": figure.published,
                             "why": why})
            continue
        points.append(published_point(figure, article))
    explanation = compare_store(engine, article, include_synthetic=include_synthetic, published=published).explanation
    return ComparisonFigures(points, left_out, explanation)
