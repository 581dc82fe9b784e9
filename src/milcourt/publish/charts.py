"""Vega-Lite charts (altair) of stats rows, shared by the dashboard and the HTML report.

Each function takes the rows ``milcourt stats`` returns (or ``compare`` rows) and gives an
altair chart; callers embed ``chart.to_dict()`` or render a PNG with vl-convert.
"""

from __future__ import annotations

from typing import Any

import altair as alt

WIDTH = 640


def _data(rows: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=[{k: v for k, v in r.items() if v is not None} for r in rows])


def _label(row: dict[str, Any]) -> str:
    art = row.get("article") or "?"
    return f"{art} ч.{row['part']}" if row.get("part") else str(art)


def cases_per_month(rows: list[dict[str, Any]], title: str = "Cases per month") -> alt.Chart:
    """Rows by month, article (and optionally part): stacked monthly counts."""
    values = [dict(r, series=_label(r)) for r in rows]
    return (
        alt.Chart(_data(values), title=title, width=WIDTH, height=260)
        .mark_bar()
        .encode(
            x=alt.X("month:O", title=None),
            y=alt.Y("sum(n):Q", title="cases", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("series:N", title="article"),
            tooltip=["month:O", "series:N", "n:Q"],
        )
    )


VALUE_TITLES = {"n": "cases", "absence_median_days": "median days"}


def bar(rows: list[dict[str, Any]], field: str, title: str, value: str = "n",
        tooltip: tuple[str, ...] = ()) -> alt.Chart:
    """Horizontal bars of ``value`` by one field (``tooltip``: more fields shown on hover, e.g. a court's code)."""
    return (
        alt.Chart(_data(rows), title=title, width=WIDTH - 160, height=alt.Step(16))
        .mark_bar()
        .encode(
            y=alt.Y(f"{field}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X(f"sum({value}):Q", title=VALUE_TITLES.get(value, value),
                    axis=alt.Axis(tickMinStep=1, format="d") if value == "n" else alt.Axis()),
            tooltip=[*(f"{t}:N" for t in tooltip), f"{field}:N", f"{value}:Q"],
        )
    )


def stacked(rows: list[dict[str, Any]], group: str, field: str, title: str) -> alt.Chart:
    """Shares of ``field`` within each ``group`` (e.g. sentence kinds by article part)."""
    values = [dict(r, group=_label(r) if group == "part" else r.get(group)) for r in rows]
    return (
        alt.Chart(_data(values), title=title, width=WIDTH - 160, height=alt.Step(18))
        .mark_bar()
        .encode(
            y=alt.Y("group:N", title=None),
            x=alt.X("sum(n):Q", stack="normalize", title="share"),
            color=alt.Color(f"{field}:N"),
            tooltip=["group:N", f"{field}:N", "n:Q"],
        )
    )


def terms(rows: list[dict[str, Any]], title: str) -> alt.LayerChart | alt.FacetChart:
    """Quartiles and median of prison terms (months) by article part and year."""
    values = [dict(r, group=f"{_label(r)} · {r.get('year', '')}") for r in rows if r.get("term_n")]
    base = alt.Chart(_data(values), title=title, width=WIDTH - 160, height=alt.Step(18)).encode(
        y=alt.Y("group:N", title=None)
    )
    return alt.layer(
        base.mark_rule().encode(x=alt.X("term_q1_months:Q", title="months"), x2="term_q3_months:Q"),
        base.mark_tick(thickness=3, color="black").encode(
            x="term_median_months:Q",
            tooltip=["group:N", "term_median_months:Q", "term_q1_months:Q", "term_q3_months:Q", "term_n:Q"],
        ),
    )


def share_line(rows: list[dict[str, Any]], x: str, share: str, title: str) -> alt.Chart:
    """One share (e.g. share suspended) over time."""
    return (
        alt.Chart(_data(rows), title=title, width=WIDTH, height=200)
        .mark_line(point=True)
        .encode(x=alt.X(f"{x}:O", title=None),
                y=alt.Y(f"{share}:Q", axis=alt.Axis(format="%"), title=share.replace("_", " ")),
                tooltip=[f"{x}:O", f"{share}:Q", "n:Q"])
    )


def _comparison_panel(points: list[dict[str, Any]], title: str, x: alt.X) -> alt.LayerChart | alt.FacetChart:
    base = alt.Chart(_data(points), title=title, width=WIDTH - 40, height=260).encode(
        x=x,
        # counts from tens (one store) to tens of thousands (all of Russia): a log scale keeps both readable
        y=alt.Y("value:Q", title="count (log scale)", scale=alt.Scale(type="log"),
                axis=alt.Axis(format=",d", tickCount=6)),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=600)),
        tooltip=["series:N", "period:N", alt.Tooltip("value:Q", format=",d"), "source:N", "dated:N", "note:N"],
    )
    return alt.layer(
        base.mark_line(point=False).encode(
            strokeDash=alt.condition(alt.datum.kind == "official", alt.value([6, 4]), alt.value([1, 0])),
            detail="series:N"),
        base.mark_point(filled=True, size=60).encode(
            shape=alt.Shape("kind:N", title="figure", legend=alt.Legend(orient="bottom"))),
        base.mark_text(align="left", dx=7, dy=-7, fontSize=10).encode(text="label:N"),
    )


def comparison(points: list[dict[str, Any]], title: str = "") -> alt.VConcatChart:
    """Our counts, form 10-a and the published figures (rows of publish.comparison.Point).

    Two panels, never one line across them: figures for one calendar year, and figures over any
    other period (a month, the months since mobilisation) drawn at the period's end. One series
    per measure and kind of period; every point labelled with its value, source and date; the
    official figure (persons convicted, by year the sentence took force) dashed.
    """
    yearly = [p for p in points if p["panel"] == "year"]
    other = [p for p in points if p["panel"] != "year"]
    panels = []
    if yearly:
        panels.append(_comparison_panel(yearly, "Per calendar year", alt.X("year:O", title="year")))
    if other:
        panels.append(_comparison_panel(other, "Over other periods (drawn at the period's end)",
                                        alt.X("at:T", title="end of the period")))
    return alt.vconcat(*panels, title=title).resolve_scale(color="independent", shape="independent")
