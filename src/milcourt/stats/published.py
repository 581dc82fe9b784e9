"""Counts that others have published (Mediazona and others), read from a figures CSV and normalised.

Sources count different things: cases received by courts, sentences handed down, soldiers,
help requests. Each figure keeps what it counts (`counts`), where the count came from, its
scope and period, so that a comparison can set like beside like and say when it cannot.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from milcourt.law import parse_short
from milcourt.reference import PUBLISHED_FIGURES

COLUMNS = (
    "published", "publisher", "source_of_count", "scope", "period_start", "period_end",
    "article", "measure", "value", "note",
)
#: Columns a figures file may add: the source's address, and what kind of period the count covers
#: (``cumulative`` running totals never share a line with ``year`` or ``month`` counts).
OPTIONAL = ("note", "url", "period_kind")
PERIOD_KINDS = ("cumulative", "year", "half_year", "quarter", "month", "other")

# What a figure counts, from the words of its `measure`, first match wins.
_COUNTS = (
    ("help_requests", re.compile(r"help|request|обращ", re.I)),
    ("sentences", re.compile(r"sentence|verdict|convict|приговор|осужд", re.I)),
    ("cases", re.compile(r"\bcases?\b|дел", re.I)),
    ("persons", re.compile(r"soldier|person|defendant|people|лиц|военнослуж|человек", re.I)),
)
COUNTS_MEANING = {
    "cases": "cases (one case may have several defendants)",
    "sentences": "sentences or verdicts handed down",
    "persons": "persons (soldiers, defendants)",
    "help_requests": "requests for help to an organisation, not prosecutions",
    "other": "something else; see the note",
}
_NATIONAL = {"russia", "россия", "russian federation", "рф"}


def default_path() -> Path:
    """The figures milcourt ships (package data, see milcourt/reference/README.md)."""
    return PUBLISHED_FIGURES


@dataclass(frozen=True)
class PublishedFigure:
    """One published count, normalised; `raw_article` and `measure` keep the words as given."""

    published: str
    publisher: str
    source_of_count: str
    scope: str
    period_start: date
    period_end: date
    articles: tuple[str, ...]
    part: str
    raw_article: str
    measure: str
    counts: str
    value: int
    note: str
    line: int
    url: str = ""
    period_kind: str = "other"

    @property
    def national(self) -> bool:
        """Whether the figure covers all of Russia (a court or a region is not comparable)."""
        return self.scope.strip().lower() in _NATIONAL

    @property
    def all_articles(self) -> bool:
        return not self.articles

    @property
    def year(self) -> int | None:
        """The calendar year the period lies in, or None when it spans years."""
        return self.period_start.year if self.period_start.year == self.period_end.year else None

    @property
    def full_year(self) -> bool:
        return self.period_start == date(self.period_start.year, 1, 1) and self.period_end == date(
            self.period_start.year, 12, 31
        )

    @property
    def period(self) -> str:
        return f"{self.period_start.isoformat()}..{self.period_end.isoformat()}"

    def covers(self, article: str | None) -> bool:
        """True when the figure counts this article (alone or mixed with others); None = any."""
        return article is None or self.all_articles or article in self.articles

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            period_start=self.period_start.isoformat(), period_end=self.period_end.isoformat(),
            articles=list(self.articles), national=self.national, year=self.year, full_year=self.full_year,
        )
        return data


@dataclass
class PublishedSet:
    """The figures read, and one message per row that could not be (naming file and line)."""

    figures: list[PublishedFigure] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def counts_kind(measure: str) -> str:
    """'cases' -> cases; 'soldiers AWOL' -> persons; 'help requests' -> help_requests."""
    for kind, pattern in _COUNTS:
        if pattern.search(measure):
            return kind
    return "other"


def parse_period_date(text: str, *, end: bool) -> date:
    """'2023', '2023-04' or '2023-04-03'; a partial date is the first (or, for an end, last) day."""
    parts = [int(p) for p in text.strip().split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    raise ValueError(f"not a date: {text!r}")


def period_kind_of(start: date, end: date) -> str:
    """A file without ``period_kind``: a calendar month, quarter, half-year or year by its dates,
    else a running total (cumulative) when it starts before its last year, else other."""
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day != 1 or end.day != last or start.year != end.year:
        return "cumulative" if start.year < end.year else "other"
    months = end.month - start.month + 1
    return {1: "month", 3: "quarter", 6: "half_year", 12: "year"}.get(months, "other")


def parse_articles(text: str) -> tuple[tuple[str, ...], str]:
    """'337' -> (('337',), ''); '337;338;339' -> three articles; '337 part 5' -> (('337',), '5'); 'all' -> ().

    A part is kept only for a figure of one article: a list's figure counts whole articles."""
    text = text.strip()
    if text.lower() in {"all", "все", "", "*"}:
        return (), ""
    articles = parse_short(text)
    part = (articles[0].part or "") if len(articles) == 1 else ""
    return tuple(a.article for a in articles), part


def _figure(row: dict[str, str], line: int) -> PublishedFigure:
    value = row["value"].strip().replace(" ", "").replace(",", "")
    if not value.isdigit():
        raise ValueError(f"value {row['value']!r} is not a count")
    articles, part = parse_articles(row["article"])
    start = parse_period_date(row["period_start"], end=False)
    end = parse_period_date(row["period_end"], end=True)
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    kind = (row.get("period_kind") or "").strip() or period_kind_of(start, end)
    if kind not in PERIOD_KINDS:
        raise ValueError(f"period_kind {kind!r} is not one of {', '.join(PERIOD_KINDS)}")
    return PublishedFigure(
        published=row["published"].strip(), publisher=row["publisher"].strip(),
        source_of_count=row["source_of_count"].strip(), scope=row["scope"].strip(),
        period_start=start, period_end=end, articles=articles, part=part, raw_article=row["article"].strip(),
        measure=row["measure"].strip(), counts=counts_kind(row["measure"]), value=int(value),
        note=(row.get("note") or "").strip(), line=line, url=(row.get("url") or "").strip(), period_kind=kind,
    )


def read_published(path: str | Path | None = None) -> PublishedSet:
    """Every figure of figures.csv; a bad row is reported with its line and the rest still read."""
    path = Path(path) if path else default_path()
    result = PublishedSet()
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        result.errors.append(f"{path}: cannot read ({exc.strerror or exc})")
        return result
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or []) and c not in OPTIONAL]
        if missing:
            result.errors.append(f"{path}: missing column(s) {', '.join(missing)}")
            return result
        for row in reader:
            line = reader.line_num
            try:
                result.figures.append(_figure(row, line))
            except (ValueError, TypeError, AttributeError) as exc:
                result.errors.append(f"{path}:{line}: {exc}")
    return result
