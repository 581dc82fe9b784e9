"""Workbook access: an old-format .xls as plain grids of cell values, and the year it covers.

Parsing works on `Grid`s, not on xlrd objects, so another container (an .xlsx, a CSV dump)
needs only a new opener, and tests can hand the parser a layout the archive has not yet shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlrd

from milcourt.stats.official.errors import Form10aError
from milcourt.stats.official.labels import cell_text

_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_PERIOD = re.compile(r"за\s+(\d+)\s+месяц\w*\s+(20\d\d)", re.IGNORECASE)
TITLE_SCAN_ROWS = 25


@dataclass(frozen=True)
class Grid:
    """One sheet as rows of cell values (str, float or "")."""

    name: str
    cells: list[list[Any]]

    @property
    def nrows(self) -> int:
        return len(self.cells)

    def row(self, r: int) -> list[Any]:
        return self.cells[r]

    def value(self, r: int, c: int) -> Any:
        row = self.cells[r]
        return row[c] if c < len(row) else ""


def open_xls(path: Path) -> list[Grid]:
    """Every sheet of an .xls workbook as a Grid; Form10aError names the file when it can't be read."""
    if not path.is_file():
        raise Form10aError(f"{path}: no such file")
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, BadZipFile, struct/assertion errors on junk
        raise Form10aError(f"{path}: not a readable Excel .xls workbook ({exc.__class__.__name__}: {exc})") from exc
    try:
        grids = []
        for i in range(book.nsheets):
            sheet = book.sheet_by_index(i)
            grids.append(Grid(sheet.name, [sheet.row_values(r) for r in range(sheet.nrows)]))
        return grids
    except Exception as exc:
        raise Form10aError(f"{path}: a sheet cannot be read ({exc.__class__.__name__}: {exc})") from exc
    finally:
        book.release_resources()


def report_year(grids: list[Grid], path: Path) -> int:
    """The year the report covers: the title's "за 12 месяцев 2021 г.", else the file name.

    A half-year report (6 months) is refused: its counts are not a year's.
    """
    from_name = _YEAR_IN_NAME.findall(path.name)
    for grid in grids[:1]:
        for r in range(min(grid.nrows, TITLE_SCAN_ROWS)):
            joined = " ".join(t for t in (cell_text(v) for v in grid.row(r)) if t)
            match = _PERIOD.search(joined)
            if not match:
                continue
            months, year = int(match[1]), int(match[2])
            if months != 12:
                raise Form10aError(f"{path}: covers {months} months of {year}, not a full year")
            if from_name and int(from_name[-1]) != year:
                raise Form10aError(f"{path}: the title says {year}, the file name {from_name[-1]}")
            return year
    if from_name:
        return int(from_name[-1])
    raise Form10aError(f'{path}: no year in the title sheet ("за 12 месяцев YYYY г.") nor in the file name')
