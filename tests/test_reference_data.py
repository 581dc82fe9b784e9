"""The reference figures milcourt ships (milcourt/reference): complete without ../shared, and equal
to their sources where those are at hand."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.reference import OFFICIAL_FORM10A, PUBLISHED_FIGURES, read_official_csv
from milcourt.simulate.calibration import cumulative_points
from milcourt.stats.official import official_rows, read_directory
from milcourt.stats.published import PERIOD_KINDS, period_kind_of, read_published
from milcourt.store import open_store


def test_packaged_official_rows_equal_the_workbooks(shared: Path) -> None:
    forms, errors = read_directory(shared / "data" / "judicial-department")
    assert not errors
    from_workbooks = [{**row.as_dict(), "label": row.label} for form in forms for row in form.rows]
    packaged = read_official_csv()
    assert len(packaged) == len(from_workbooks) == 563
    assert packaged == from_workbooks, f"{OFFICIAL_FORM10A.name} is stale: rerun scripts/build_official.py"


def test_packaged_official_rows_add_up_to_the_printed_chapter_totals() -> None:
    rows = read_official_csv()
    chapter = {r["year"]: r["convicted"] for r in rows if r["article"] == "ch33"}
    articles: dict[int, int] = defaultdict(int)
    for r in rows:
        if r["article"] != "ch33" and r["part"] == "":
            articles[r["year"]] += r["convicted"]
    assert sorted(chapter) == list(range(2013, 2022))
    assert dict(articles) == chapter


def test_official_load_without_a_folder_loads_the_packaged_figures(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'o.db'}"
    result = CliRunner().invoke(app, ["official", "load", "--db", url])
    assert result.exit_code == 0, result.output
    assert "9 workbook(s) loaded, 0 failed" in result.output
    with open_store(url) as store:
        rows = official_rows(store.engine, article="337", year=2021, part="")
    assert [r["convicted"] for r in rows] == [565]


def test_every_shared_figure_is_packaged(shared: Path) -> None:
    """The packaged file keeps every published figure of the shared list (same publication date,
    value and measure); where it differs in period or article, its README says why."""
    with (shared / "data" / "published" / "figures.csv").open(encoding="utf-8", newline="") as fh:
        theirs = {(r["published"], r["value"], r["measure"]) for r in csv.DictReader(fh)}
    ours = {(f.published, str(f.value), f.measure) for f in read_published().figures}
    assert theirs <= ours
    assert len(read_published().figures) == len(theirs)


def test_packaged_published_figures_are_typed() -> None:
    result = read_published(PUBLISHED_FIGURES)
    assert not result.errors
    assert {f.period_kind for f in result.figures} <= set(PERIOD_KINDS)
    assert all(f.url == "" or f.url.startswith("https://") for f in result.figures)
    national_cumulative = [f for f in result.figures if f.period_kind == "cumulative" and f.national]
    assert national_cumulative and all(f.counts == "cases" for f in national_cumulative)


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [("2024-01-01", "2024-12-31", "year"), ("2024-03-01", "2024-03-31", "month"),
     ("2023-06-01", "2023-08-31", "quarter"), ("2023-01-01", "2023-06-30", "half_year"),
     ("2022-09-21", "2024-06-18", "cumulative"), ("2024-03-05", "2024-03-20", "other")],
)
def test_period_kind_from_dates(start: str, end: str, kind: str) -> None:
    from datetime import date

    assert period_kind_of(date.fromisoformat(start), date.fromisoformat(end)) == kind


def test_calibration_uses_only_national_running_totals_of_cases() -> None:
    points = cumulative_points()
    values = [v for _, v in points]
    assert values == sorted(values) and values[-1] == 20538
