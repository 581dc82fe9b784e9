"""Court names beside court codes in stats rows, for the people who read them.

A row grouped by ``court`` or ``district`` holds a registry code (``61GV0004``); the name
(«Краснодарский гарнизонный военный суд») follows it in every output (the CLI's table, CSV and
JSON Lines, the dashboard's API), null for a code the registry lacks, so every row keeps one shape.
"""

from __future__ import annotations

from typing import Any

from milcourt.courts.registry import find_court

#: Grouping fields that hold a court code, and the name column each gets.
NAMED_FIELDS = {"court": "court_name", "district": "district_name"}


def with_court_names(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each court or district code followed by the court's name from the registry (for people
    reading the output; null for a code the registry lacks). Every row gets the same fields."""
    out = []
    for row in rows:
        named: dict[str, Any] = {}
        for key, value in row.items():
            named[key] = value
            if key in NAMED_FIELDS:
                court = find_court(value) if value else None
                named[NAMED_FIELDS[key]] = court.name if court else None
        out.append(named)
    return out


def group_columns(by: list[str]) -> list[str]:
    """The grouping fields with the name column after each court or district code."""
    return [name for field in by for name in (field, NAMED_FIELDS.get(field)) if name]
