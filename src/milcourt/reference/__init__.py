"""Reference figures milcourt ships as package data, so that a bare clone runs without ../shared.

- ``published_figures.csv``: counts that outlets and organisations have published (one row per
  figure, with its publisher, URL where known, period, what kind of period and what was counted).
  Facts gathered and typed here; see README.md beside this file for sources and corrections.
- ``official_form10a.csv``: the Judicial Department's form 10-a, chapter 33 УК РФ, 2013-2021
  (persons convicted by main article and part), derived from the official workbooks by
  ``scripts/build_official.py``; official statistics.

This module only reads and writes the files; what the figures mean lives with their users
(``milcourt.stats.published``, ``milcourt.stats.official``, ``milcourt.simulate.calibration``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PUBLISHED_FIGURES = HERE / "published_figures.csv"
OFFICIAL_FORM10A = HERE / "official_form10a.csv"

OFFICIAL_COLUMNS = ("year", "article", "part", "convicted", "printed", "label", "source", "sheet", "row")


def write_official_csv(path: Path, rows: Iterable[Mapping[str, Any]]) -> None:
    """Write form 10-a rows (dicts with OFFICIAL_COLUMNS) as UTF-8 CSV, in the order given."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=OFFICIAL_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            record = {key: row.get(key) for key in OFFICIAL_COLUMNS}
            record["printed"] = "1" if record["printed"] else "0"
            writer.writerow(record)


def read_official_csv(path: Path = OFFICIAL_FORM10A) -> list[dict[str, Any]]:
    """The packaged form 10-a rows, typed (year, convicted and row as int; printed as bool)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        {**row, "year": int(row["year"]), "convicted": int(row["convicted"]), "printed": row["printed"] == "1",
         "row": int(row["row"]) if row["row"] else None}
        for row in rows
    ]
