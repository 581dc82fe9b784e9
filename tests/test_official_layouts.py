"""Label grammar and layouts the archive has not shown yet (another year's variant must still load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from milcourt.stats.official.form10a import Form10aError, parse_grids
from milcourt.stats.official.labels import CHAPTER_TOTAL, Label, parse_label
from milcourt.stats.official.workbook import Grid, report_year

LABELS = [
    ("337 ч. 3", "", Label("337", "3")),
    ("337 ч.3", "", Label("337", "3")),
    ("Ст.337 ч.3.1", "", Label("337", "3.1")),
    ("ст. 337, ч. 5", "", Label("337", "5")),
    ("337 ч.5", "", Label("337", "5")),
    ("352.1 ч. 1", "", Label("352.1", "1")),
    (352.1, "", Label("352.1", "")),
    (345.0, "", Label("345", "")),
    ("344 ч.1, (344 стар. ред.)", "", Label("344", "1")),
    ("344 ч. 1 \n(344 в старой редакции)", "", Label("344", "1")),
    ("332-352", "Итого по разделу XI. Преступления против военной службы", Label(CHAPTER_TOTAL)),
    ("331 – 352.1", "", Label(CHAPTER_TOTAL)),
    ("", "ИТОГО ПО РАЗДЕЛУ XI И ГЛАВЕ 33. ПРЕСТУПЛЕНИЯ ПРОТИВ ВОЕННОЙ СЛУЖБЫ", None),  # label-less: see below
    ("353 - 361", "ИТОГО ПО РАЗДЕЛУ XII И ГЛАВЕ 34", None),
    (353.0, 'Резервная строка по разделу XI "Преступления против военной службы"', None),
    ("330 ч.1", "Самоуправство", None),
    ("105 - 157\n110 ч.1, \n110 ч.2;", "ИТОГО ПО РАЗДЕЛУ VII", None),
    ("По состоянию на 20.09.2022", "", None),
    ("337 ч.1 п. а", "", None),
    ("Б", "А", None),
]


@pytest.mark.parametrize(("cell", "description", "expected"), LABELS)
def test_parse_label(cell: object, description: str, expected: Label | None) -> None:
    assert parse_label(cell, description) == expected


HEADER = ["Наименование преступлений", "Статья УК РФ", "№ стр.", "Всего осуждено", "Осуждено по доп. квалификации"]


def _section(*rows: list[object], name: str = "Раздел 22", header: list[str] = HEADER) -> Grid:
    return Grid(name, [["Раздел 22. Преступления против военной службы"], header, ["А", "Б", "", 1.0, 2.0], *map(list, rows)])


def test_a_future_layout_still_loads() -> None:
    """A 2022-style section: new parts and 352.1, "Всего осуждено", text counts, a summary sheet decoy."""
    summary = Grid("Раздел 1", [
        ["Виды преступлений", "Статьи Уголовного кодекса", "№", "Число осужденных по основной статье"],
        ["ИТОГО ПО РАЗДЕЛУ XI И ГЛАВЕ 33. ПРЕСТУПЛЕНИЯ ПРОТИВ ВОЕННОЙ СЛУЖБЫ", "332-352.1", 29.0, 2500.0],
        ["Самоуправство", "330 ч.1", 30.0, 500.0],
    ])
    section = _section(
        ["Неисполнение приказа", "332 ч. 1", 2.0, 10.0],
        ["Отказ от участия в боевых действиях", "332 ч. 2.1", 3.0, "15"],
        ["СОЧ", "Ст.337 ч.3.1", 4.0, 100.0],
        ["СОЧ более месяца в период мобилизации", "337 ч. 5", 5.0, 2000.0],
        ["Дезертирство", "338 ч.1", 6.0, "-"],
        ["Добровольная сдача в плен", "352.1 ч. 1", 7.0, 375.0],
        ["Резерв", "", 8.0, 0.0],
    )
    form = parse_grids([Grid("Титул", [["ОТЧЕТ"]]), summary, section], 2022, "10-a-svod-2022.xls")
    got = {(r.article, r.part): (r.convicted, r.printed) for r in form.rows}
    assert form.sheet == "Раздел 22" and form.column == "Всего осуждено"
    assert got[("332", "2.1")] == (15, True)
    assert got[("337", "3.1")] == (100, True) and got[("337", "5")] == (2000, True)
    assert got[("337", "")] == (2100, False)
    assert got[("338", "1")] == (0, True)
    assert got[("352.1", "1")] == (375, True)
    # the section prints no total: the summary sheet's chapter row is taken, and checked against the rows
    assert got[(CHAPTER_TOTAL, "")] == (2500, True)
    assert form.warnings == []
    assert ("330", "1") not in got


def test_chapter_total_without_label_is_found_by_its_words() -> None:
    section = _section(
        ["Итого по главе 33. Преступления против военной службы", "", 1.0, 7.0],
        ["СОЧ", "337 ч.3", 2.0, 7.0],
    )
    form = parse_grids([section], 2023, "f.xls")
    assert [(r.article, r.part, r.convicted) for r in form.rows][0] == (CHAPTER_TOTAL, "", 7)


def test_reserve_row_with_persons_is_reported() -> None:
    section = _section(
        ["Итого", "332-352", 1.0, 12.0],
        ["СОЧ", "337 ч.3", 2.0, 7.0],
        ["Составы преступлений, введенные в УК РФ в 2022 году", "", 3.0, 5.0],
    )
    form = parse_grids([section], 2022, "f.xls")
    assert any("reserve row" in w and "5 convicted" in w for w in form.warnings)
    assert any("total is 12, its article rows add up to 7" in w for w in form.warnings)


def test_duplicate_rows_are_an_error_naming_the_rows() -> None:
    section = _section(["СОЧ", "337 ч.3", 2.0, 7.0], ["СОЧ", "337 ч. 3", 3.0, 8.0])
    with pytest.raises(Form10aError, match=r"f\.xls, sheet 'Раздел 22': article 337 part 3 appears twice \(rows 4 and 5\)"):
        parse_grids([section], 2022, "f.xls")


def test_non_numeric_count_names_the_cell() -> None:
    section = _section(["СОЧ", "337 ч.3", 2.0, "н/д"])
    with pytest.raises(Form10aError, match=r"f\.xls, sheet 'Раздел 22', row 4: convicted is 'н/д'"):
        parse_grids([section], 2022, "f.xls")


def test_no_chapter_33_is_an_error_naming_the_file() -> None:
    other = Grid("Раздел 1", [["Виды преступлений", "Статьи УК", "№", "Число осужденных по основной статье"],
                              ["Самоуправство", "330 ч.1", 1.0, 5.0]])
    with pytest.raises(Form10aError, match=r"10-a-svod-2022\.xls: no rows of chapter 33"):
        parse_grids([other], 2022, "10-a-svod-2022.xls")
    with pytest.raises(Form10aError, match=r"x\.xls: no sheet has a header row"):
        parse_grids([Grid("Лист1", [["пусто"]])], 2022, "x.xls")


def test_report_year_from_title_refuses_half_year() -> None:
    title = Grid("Титул", [["ОТЧЕТ"], ["за", 12.0, "месяцев", 2019.0, "г."]])
    assert report_year([title], Path("whatever.xls")) == 2019
    assert report_year([Grid("Титул", [[""]])], Path("10-a-svod-2018.xls")) == 2018
    half = Grid("Титул", [["за", 6.0, "месяцев", 2019.0, "г."]])
    with pytest.raises(Form10aError, match="covers 6 months of 2019"):
        report_year([half], Path("10-a-2019-half.xls"))
    with pytest.raises(Form10aError, match="the title says 2019, the file name 2020"):
        report_year([title], Path("10-a-svod-2020.xls"))
