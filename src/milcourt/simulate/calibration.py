"""Month-by-month shape of the national series, from the published figures.

The published counts (milcourt's packaged ``published_figures.csv``) include cumulative counts since mobilisation (or since
24 Feb 2022) at various cut-off dates. Interpolating them piecewise-linearly gives a cumulative
curve; its month-to-month differences are the monthly intake the simulator reproduces.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from milcourt.reference import PUBLISHED_FIGURES

ORIGIN = date(2022, 9, 21)  # the mobilisation decree: the series starts here
WAR_START = date(2022, 2, 24)  # counts "since 24 Feb 2022" are (nearly) counts since mobilisation
FIRST_MONTH = (2022, 9)
LAST_MONTH = (2025, 6)


def months() -> list[str]:
    """'YYYY-MM' from 2022-09 to 2025-06."""
    out = []
    y, m = FIRST_MONTH
    while (y, m) <= LAST_MONTH:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def cumulative_points(path: Path | None = None) -> list[tuple[date, float]]:
    """(date, cumulative cases) points: national case counts whose period starts by mobilisation."""
    source = path or PUBLISHED_FIGURES
    points: dict[date, float] = {ORIGIN: 0.0}
    with open(source, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                start = date.fromisoformat(row["period_start"])
                end = date.fromisoformat(row["period_end"])
                value = float(row["value"])
            except (KeyError, ValueError):
                continue
            if (row.get("period_kind") or "cumulative") != "cumulative":
                continue
            if row.get("scope") != "Russia" or row.get("measure") != "cases" or not WAR_START <= start <= ORIGIN:
                continue
            points[end] = max(points.get(end, 0.0), value)
    ordered = sorted(points.items())
    if len(ordered) < 2:
        raise ValueError(f"{source}: no national cumulative case counts to calibrate on")
    # A cumulative series never falls: keep a running maximum.
    out, best = [], 0.0
    for day, value in ordered:
        best = max(best, value)
        out.append((day, best))
    return out


def _cumulative_at(points: list[tuple[date, float]], day: date) -> float:
    if day <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in zip(points, points[1:], strict=False):
        if d0 <= day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / max((d1 - d0).days, 1)
    # beyond the last point: extend the last segment's rate
    (d0, v0), (d1, v1) = points[-2], points[-1]
    return v1 + (v1 - v0) / max((d1 - d0).days, 1) * (day - d1).days


def monthly_weights(path: Path | None = None) -> dict[str, float]:
    """Share of all cases received in each month 2022-09..2025-06 (sums to 1)."""
    points = cumulative_points(path)
    raw: dict[str, float] = {}
    for month in months():
        y, m = int(month[:4]), int(month[5:])
        start = max(date(y, m, 1), ORIGIN)
        nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
        raw[month] = max(_cumulative_at(points, nxt - timedelta(days=0)) - _cumulative_at(points, start), 0.0)
    total = sum(raw.values())
    return {k: v / total for k, v in raw.items()}


def allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split ``total`` over the months by largest remainder: exact, deterministic."""
    exact = {k: total * w for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    short = total - sum(counts.values())
    for k in sorted(exact, key=lambda k: (counts[k] - exact[k], k))[:short]:
        counts[k] += 1
    return counts
