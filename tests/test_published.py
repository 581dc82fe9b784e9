"""Published figures: the shared figures.csv read and normalised; bad rows reported by line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from milcourt.stats.published import counts_kind, parse_articles, parse_period_date, read_published


def test_reads_every_shared_figure(shared: Path) -> None:
    result = read_published(shared / "data" / "published" / "figures.csv")
    assert result.errors == []
    assert len(result.figures) == 23
    by_line = {f.line: f for f in result.figures}
    mz2021 = by_line[11]
    assert (mz2021.articles, mz2021.value, mz2021.counts, mz2021.year, mz2021.full_year, mz2021.national) == (
        ("337",), 615, "cases", 2021, True, True,
    )
    perm = next(f for f in result.figures if f.part)
    assert (perm.articles, perm.part, perm.value, perm.national) == (("337",), "5", 120, False)
    zaozersk = next(f for f in result.figures if len(f.articles) == 3)
    assert zaozersk.articles == ("337", "338", "339") and zaozersk.year is None
    kinds = {f.counts for f in result.figures}
    assert kinds == {"cases", "sentences", "persons", "help_requests"}
    assert next(f for f in result.figures if f.measure == "soldiers AWOL").counts == "persons"
    assert all(f.covers("337") for f in result.figures if f.all_articles)
    assert not by_line[3].covers("337")  # art. 332 only


def test_default_path_is_the_shared_file() -> None:
    assert len(read_published().figures) == 23


@pytest.mark.parametrize(
    ("measure", "kind"),
    [("cases", "cases"), ("sentences", "sentences"), ("verdicts", "sentences"), ("soldiers deserted", "persons"),
     ("help requests", "help_requests"), ("defendants", "persons"), ("приговоры", "sentences"), ("widgets", "other")],
)
def test_counts_kind(measure: str, kind: str) -> None:
    assert counts_kind(measure) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [("337", (("337",), "")), ("337 part 5", (("337",), "5")), ("337;338;339", (("337", "338", "339"), "")),
     ("all", ((), "")), ("352.1", (("352.1",), "")), ("337 ч.5", (("337",), "5"))],
)
def test_parse_articles(text: str, expected: tuple[tuple[str, ...], str]) -> None:
    assert parse_articles(text) == expected


def test_partial_dates() -> None:
    assert parse_period_date("2024-02", end=True) == date(2024, 2, 29)
    assert parse_period_date("2024-02", end=False) == date(2024, 2, 1)
    assert parse_period_date("2023", end=True) == date(2023, 12, 31)


def test_bad_rows_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(
        "published,publisher,source_of_count,scope,period_start,period_end,article,measure,value,note\n"
        "2024-01-01,A,court websites,Russia,2023-01-01,2023-12-31,337,cases,100,\n"
        "2024-01-01,B,court websites,Russia,2023-01-01,2023-12-31,337,cases,many,\n"
        "2024-01-01,C,court websites,Russia,2023-12-31,2023-01-01,337,cases,5,\n"
        "2024-01-01,D,court websites,Russia,2023-01-01,2023-12-31,art. X,cases,5,\n",
        encoding="utf-8",
    )
    result = read_published(path)
    assert [f.publisher for f in result.figures] == ["A"]
    assert len(result.errors) == 3
    assert result.errors[0].startswith(f"{path}:3: value 'many'")
    assert "ends (2023-01-01) before it starts" in result.errors[1]
    assert f"{path}:5: not an article" in result.errors[2]


def test_missing_file_and_columns(tmp_path: Path) -> None:
    assert "cannot read" in read_published(tmp_path / "none.csv").errors[0]
    path = tmp_path / "f.csv"
    path.write_text("publisher,value\nA,1\n", encoding="utf-8")
    assert "missing column(s) published" in read_published(path).errors[0]
