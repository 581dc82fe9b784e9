"""Form 10-a loader on every year's real workbook (2013-2021), with values read off the sheets by eye."""

from __future__ import annotations

from pathlib import Path

import pytest

from milcourt.stats.official import CHAPTER_TOTAL, Form10aError, parse_form_10a, read_directory, read_form_10a

YEARS = range(2013, 2022)
# Articles with parts printed in every year; 344 gained parts with the law of 24.11.2014 (from 2015).
PARTS = {
    "332": {"1", "2", "3"}, "333": {"1", "2"}, "334": {"1", "2"}, "335": {"1", "2", "3"},
    "336": {"1", "2"}, "337": {"1", "2", "3", "4"}, "338": {"1", "2"}, "339": {"1", "2"},
    "340": {"1", "2", "3"}, "341": {"1", "2", "3"}, "342": {"1", "2", "3"}, "343": {"1", "2"},
    "346": {"1", "2"}, "349": {"1", "2", "3"}, "350": {"1", "2", "3"},
}
WHOLE = {"345", "347", "348", "351", "352"}  # printed without parts

# (year, article, part, convicted) as printed in column "Число осужденных по основной статье".
KNOWN = [
    (2013, CHAPTER_TOTAL, "", 1940), (2013, "337", "1", 35), (2013, "337", "3", 198), (2013, "337", "4", 418),
    (2013, "338", "1", 126), (2013, "335", "1", 578), (2013, "347", "", 3), (2013, "344", "", 0),
    (2014, CHAPTER_TOTAL, "", 1961), (2014, "337", "3", 257), (2014, "337", "4", 580), (2014, "338", "1", 89),
    (2015, CHAPTER_TOTAL, "", 2003), (2015, "337", "4", 678), (2015, "337", "3", 297),
    (2016, CHAPTER_TOTAL, "", 1669), (2016, "337", "3", 285), (2016, "337", "4", 621), (2016, "338", "1", 54),
    (2017, CHAPTER_TOTAL, "", 1736), (2017, "337", "4", 820),
    (2018, CHAPTER_TOTAL, "", 1413), (2018, "337", "1", 12), (2018, "337", "4", 653), (2018, "352", "", 1),
    (2019, CHAPTER_TOTAL, "", 1449), (2019, "337", "2", 1), (2019, "344", "2", 1), (2019, "338", "1", 31),
    (2020, CHAPTER_TOTAL, "", 979), (2020, "337", "3", 198), (2020, "337", "4", 312),
    (2021, CHAPTER_TOTAL, "", 1083), (2021, "337", "1", 6), (2021, "337", "3", 222), (2021, "337", "4", 337),
    (2021, "335", "1", 181), (2021, "338", "1", 17), (2021, "338", "2", 2), (2021, "347", "", 3),
]
# Article totals that the form does not print: the sum of the printed parts.
SUMMED = [(2013, "337", 651), (2017, "337", 1187), (2019, "337", 910), (2021, "337", 565), (2021, "338", 19)]


def _workbook(shared: Path, year: int) -> Path:
    return shared / "data" / "judicial-department" / f"10-a-svod-{year}.xls"


@pytest.mark.parametrize("year", YEARS)
def test_every_year_reads_chapter_33(shared: Path, year: int) -> None:
    form = parse_form_10a(_workbook(shared, year))
    assert form.year == year
    assert form.column.startswith("Число") and "осужденных по основной статье" in form.column
    assert form.warnings == []  # the chapter total equals the sum of the article rows, no reserve row used
    keys = [(r.year, r.article, r.part) for r in form.rows]
    assert len(keys) == len(set(keys)), "duplicate (year, article, part)"
    assert {r.year for r in form.rows} == {year}

    parts: dict[str, set[str]] = {}
    for row in form.rows:
        if row.part:
            parts.setdefault(row.article, set()).add(row.part)
    expected = dict(PARTS)
    if year >= 2015:
        expected["344"] = {"1", "2"}
    assert parts == expected
    articles = {r.article for r in form.rows}
    assert articles == set(expected) | WHOLE | ({"344"}) | {CHAPTER_TOTAL}
    # Chapter 33 before the 2022 amendments: no 352.1, no 337 part 5, nothing outside 332-352.
    assert "352.1" not in articles and "5" not in parts["337"]
    # Every article has exactly one total row (printed for whole articles, summed for the rest).
    for article in articles - {CHAPTER_TOTAL}:
        totals = [r for r in form.rows if r.article == article and r.part == ""]
        assert len(totals) == 1
        assert totals[0].printed == (article in WHOLE or (article == "344" and year < 2015))
    chapter = next(r for r in form.rows if r.article == CHAPTER_TOTAL)
    assert chapter.printed and chapter.label == "332-352"
    assert chapter.convicted == sum(r.convicted for r in form.rows if r.article != CHAPTER_TOTAL and (r.part or r.printed))


@pytest.mark.parametrize(("year", "article", "part", "convicted"), KNOWN)
def test_known_values(shared: Path, year: int, article: str, part: str, convicted: int) -> None:
    rows = {(r.article, r.part): r for r in read_form_10a(_workbook(shared, year))}
    assert rows[(article, part)].convicted == convicted
    assert rows[(article, part)].printed


@pytest.mark.parametrize(("year", "article", "convicted"), SUMMED)
def test_article_totals_are_summed_parts(shared: Path, year: int, article: str, convicted: int) -> None:
    total = next(r for r in read_form_10a(_workbook(shared, year)) if r.article == article and r.part == "")
    assert (total.convicted, total.printed, total.row) == (convicted, False, None)


def test_rows_point_back_to_the_sheet(shared: Path) -> None:
    row = next(r for r in read_form_10a(_workbook(shared, 2013)) if (r.article, r.part) == ("337", "4"))
    assert (row.source, row.sheet, row.row, row.label) == ("10-a-svod-2013.xls", "Раздел 2", 27, "337 ч.4")
    row = next(r for r in read_form_10a(_workbook(shared, 2021)) if (r.article, r.part) == ("344", "1"))
    assert row.sheet == "Раздел 20 (Гл. 33)" and row.label.startswith("344 ч. 1")


def test_read_directory_reads_all_nine(shared: Path) -> None:
    forms, errors = read_directory(shared / "data" / "judicial-department")
    assert errors == []
    assert [f.year for f in forms] == list(YEARS)
    assert [f.sheet for f in forms][:4] == ["Раздел 2"] * 4


def test_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(Form10aError, match="10-a-svod-2030.xls: no such file"):
        read_form_10a(tmp_path / "10-a-svod-2030.xls")


def test_not_a_workbook_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "10-a-svod-2022.xls"
    bad.write_text("<html>not found</html>", encoding="utf-8")
    with pytest.raises(Form10aError, match=r"10-a-svod-2022\.xls: not a readable Excel"):
        read_form_10a(bad)


def test_directory_reports_bad_file_and_reads_the_rest(shared: Path, tmp_path: Path) -> None:
    good = _workbook(shared, 2021)
    (tmp_path / good.name).write_bytes(good.read_bytes())
    (tmp_path / "10-a-svod-2022.xls").write_bytes(b"PK\x03\x04 truncated")
    forms, errors = read_directory(tmp_path)
    assert [f.year for f in forms] == [2021]
    assert len(errors) == 1 and "10-a-svod-2022.xls" in errors[0]
