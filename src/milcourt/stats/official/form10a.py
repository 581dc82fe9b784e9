"""Read chapter 33 (crimes against military service) out of a form 10-a workbook.

Form 10-a is the Judicial Department's yearly count of persons convicted, by the article of
the Criminal Code that was their main (gravest) charge. Its layout changed over the years:
2013-2016 keep the military crimes in a sheet "Раздел 2", 2017 in "Раздел 20", 2018-2021 in
"Раздел 20 (Гл. 33)"; labels are written "332 ч.1" or "332 ч. 1"; from 2018 the chapter total
is also repeated in the summary sheet. So nothing here relies on a sheet name or a cell
address: the header row is found by its words, the columns by their headings, the rows by their
article labels, and the section is the sheet holding the most chapter-33 rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from milcourt.stats.official.errors import Form10aError
from milcourt.stats.official.labels import (
    CHAPTER_TOTAL,
    Label,
    article_key,
    cell_text,
    is_chapter_total_text,
    parse_label,
)
from milcourt.stats.official.workbook import Grid, open_xls, report_year

__all__ = ["Form10a", "Form10aError", "OfficialRow", "parse_form_10a", "parse_grids", "read_form_10a"]


@dataclass(frozen=True)
class OfficialRow:
    """Persons convicted in `year` with `article` (part `part`) as their main article.

    `part` is "" for an article's total row and for articles without parts; `article` is
    "ch33" for the chapter total. `printed` is False for an article total the form does not
    print, summed here from its parts (each person has exactly one main article and part, so
    the sum counts nobody twice).
    """

    year: int
    article: str
    part: str
    convicted: int
    printed: bool = True
    label: str = ""
    source: str = ""
    sheet: str = ""
    row: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


@dataclass
class Form10a:
    """What one workbook gave: its rows, where they came from, and warnings worth reading."""

    source: str
    year: int
    sheet: str
    column: str
    rows: list[OfficialRow]
    warnings: list[str] = field(default_factory=list)


_HEADER_ARTICLES = re.compile(r"стать", re.I)
_HEADER_CONVICTED = re.compile(r"осужд", re.I)
_HEADER_MAIN = re.compile(r"основн|всего", re.I)
_HEADER_OTHER = re.compile(r"дополнит|оправд|прекращ", re.I)
_HEADER_DESCRIPTION = re.compile(r"вид|наименован", re.I)
_RESERVE = re.compile(r"^(резерв|составы преступлений,? введенные)", re.I)
_NONE = {"", "-", "–", "—", "x", "х"}
HEADER_SCAN_ROWS = 25


@dataclass(frozen=True)
class _Columns:
    header_row: int
    description: int
    article: int
    convicted: int
    heading: str


def _find_columns(grid: Grid) -> _Columns | None:
    """The header row, and the columns of description, article label and persons convicted."""
    for r in range(min(grid.nrows, HEADER_SCAN_ROWS)):
        cells = [cell_text(v) for v in grid.row(r)]
        articles = [c for c, t in enumerate(cells) if _HEADER_ARTICLES.search(t)]
        convicted = [c for c, t in enumerate(cells) if _HEADER_CONVICTED.search(t) and not _HEADER_OTHER.search(t)]
        if not articles or not convicted:
            continue
        # "Число осужденных по основной статье" or "Всего осуждено": prefer the main-article count.
        main = [c for c in convicted if _HEADER_MAIN.search(cells[c])] or convicted
        described = [c for c, t in enumerate(cells) if _HEADER_DESCRIPTION.search(t)]
        return _Columns(r, described[0] if described else 0, articles[0], main[0], cells[main[0]])
    return None


def _count(value: Any, where: str) -> int:
    if isinstance(value, float):
        if not value.is_integer() or value < 0:
            raise Form10aError(f"{where}: convicted is {value!r}, not a count of persons")
        return int(value)
    text = cell_text(value).replace(" ", "")
    if text.lower() in _NONE:
        return 0  # the form prints a dash or nothing for "none"
    if text.isdigit():
        return int(text)
    raise Form10aError(f"{where}: convicted is {text!r}, not a number")


@dataclass
class _Section:
    name: str
    heading: str
    rows: list[OfficialRow]
    warnings: list[str]

    @property
    def article_rows(self) -> int:
        return sum(1 for r in self.rows if r.article != CHAPTER_TOTAL)


def _read_grid(grid: Grid, year: int, source: str) -> _Section | None:
    cols = _find_columns(grid)
    if cols is None:
        return None
    rows: list[OfficialRow] = []
    warnings: list[str] = []
    for r in range(cols.header_row + 1, grid.nrows):
        description = cell_text(grid.value(r, cols.description))
        raw = grid.value(r, cols.article)
        where = f"{source}, sheet {grid.name!r}, row {r + 1}"
        if _RESERVE.match(description):
            value = _count(grid.value(r, cols.convicted), where)
            if value:
                warnings.append(f"{where}: reserve row {description[:60]!r} has {value} convicted, not loaded")
            continue
        label: Label | None = parse_label(raw, description)
        if label is None and not cell_text(raw) and is_chapter_total_text(description):
            label = Label(CHAPTER_TOTAL)
        if label is None:
            continue
        value = _count(grid.value(r, cols.convicted), where)
        rows.append(OfficialRow(year, label.article, label.part, value, True, cell_text(raw), source, grid.name, r + 1))
    return _Section(grid.name, cols.heading, rows, warnings)


def _check_unique(rows: list[OfficialRow], source: str, sheet: str) -> None:
    seen: dict[tuple[str, str], int | None] = {}
    for row in rows:
        key = (row.article, row.part)
        if key in seen:
            raise Form10aError(
                f"{source}, sheet {sheet!r}: article {row.article} part {row.part or '-'} appears twice "
                f"(rows {seen[key]} and {row.row})"
            )
        seen[key] = row.row


def _article_totals(rows: list[OfficialRow]) -> list[OfficialRow]:
    """An article total summed from its parts wherever the form prints parts but no total."""
    parts: dict[str, list[OfficialRow]] = defaultdict(list)
    printed = {r.article for r in rows if not r.part}
    for row in rows:
        if row.part and row.article != CHAPTER_TOTAL and row.article not in printed:
            parts[row.article].append(row)
    return [
        OfficialRow(
            members[0].year, article, "", sum(m.convicted for m in members), False,
            "sum of " + ", ".join(m.label for m in members), members[0].source, members[0].sheet, None,
        )
        for article, members in parts.items()
    ]


def _check_total(rows: list[OfficialRow], warnings: list[str], source: str) -> None:
    """The printed chapter total should equal the sum of the article rows; say so when not."""
    total = next((r for r in rows if r.article == CHAPTER_TOTAL), None)
    if total is None:
        warnings.append(f"{source}: no chapter 33 total row printed")
        return
    summed = sum(r.convicted for r in rows if r.article != CHAPTER_TOTAL and (r.part or r.printed))
    if summed != total.convicted:
        warnings.append(f"{source}: chapter 33 total is {total.convicted}, its article rows add up to {summed}")


def _order(row: OfficialRow) -> tuple[bool, tuple[int, int], tuple[int, int]]:
    chapter = row.article == CHAPTER_TOTAL
    return (not chapter, (0, 0) if chapter else article_key(row.article), (-1, 0) if not row.part else article_key(row.part))


def parse_grids(grids: list[Grid], year: int, source: str) -> Form10a:
    """Chapter 33 from a workbook's sheets: the section with the most article rows wins."""
    sections = [s for s in (_read_grid(g, year, source) for g in grids) if s]
    if not sections:
        raise Form10aError(f'{source}: no sheet has a header row with "Статьи УК" and "осужденных" columns')
    best = max(sections, key=lambda s: s.article_rows)
    if best.article_rows == 0:
        raise Form10aError(f'{source}: no rows of chapter 33 (articles 331-352.1, e.g. "337 ч. 3") in any sheet')
    rows, warnings = list(best.rows), list(best.warnings)
    _check_unique(rows, source, best.name)
    if not any(r.article == CHAPTER_TOTAL for r in rows):
        # The section may lack its own total while the summary sheet repeats it.
        rows.extend([r for s in sections if s is not best for r in s.rows if r.article == CHAPTER_TOTAL][:1])
    rows.extend(_article_totals(rows))
    _check_total(rows, warnings, source)
    return Form10a(source, year, best.name, best.heading, sorted(rows, key=_order), warnings)


def parse_form_10a(path: str | Path) -> Form10a:
    """Chapter 33 of one form 10-a .xls workbook, with warnings; Form10aError names the file."""
    path = Path(path)
    grids = open_xls(path)
    return parse_grids(grids, report_year(grids, path), path.name)


def read_form_10a(path: str | Path) -> list[OfficialRow]:
    """The rows (year, article, part, convicted) of chapter 33 in one form 10-a workbook; no database."""
    return parse_form_10a(path).rows


def read_directory(directory: str | Path) -> tuple[list[Form10a], list[str]]:
    """Every *.xls workbook in a directory; a bad file becomes an error line, the rest are still read."""
    directory = Path(directory)
    if not directory.is_dir():
        raise Form10aError(f"{directory}: not a directory")
    forms: list[Form10a] = []
    errors: list[str] = []
    for path in sorted(directory.glob("*.xls")):
        try:
            forms.append(parse_form_10a(path))
        except Form10aError as exc:
            errors.append(str(exc))
    if not forms and not errors:
        errors.append(f"{directory}: no .xls workbooks")
    return forms, errors
