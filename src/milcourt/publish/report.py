"""``milcourt report``: one self-contained HTML file of charts, each with the query behind it.

Every chart is a Vega-Lite spec made with altair, rendered in the page by the Vega libraries
inlined into the file (no network needed to open it), with a PNG of it made by vl-convert
beside it. Each section states the ``milcourt stats`` command that reproduces its numbers and
the date of the data; the coverage section says what the numbers leave out.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from milcourt.publish import charts
from milcourt.stats.compare_store import compare_store, long_rows
from milcourt.stats.coverage import coverage
from milcourt.stats.query import StatsQuery, run_stats

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
SCRIPTS = ("vega-6.4.0.min.js", "vega-lite-6.4.3.min.js", "vega-embed-7.3.0.min.js")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    by: tuple[str, ...]
    instance: str | None
    chart: Callable[[list[dict[str, Any]]], Any]
    keep: Callable[[dict[str, Any]], bool] = lambda row: True

    def command(self, include_synthetic: bool) -> str:
        parts = ["milcourt stats", f"--by {','.join(self.by)}"]
        if self.instance:
            parts.append(f"--instance {self.instance}")
        if include_synthetic:
            parts.append("--include-synthetic")
        return " ".join(parts + ["--json"])


def _appeal_long(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"year": r["year"], "outcome": o, "n": round((r.get(f"share_{o}") or 0) * (r.get("appeals") or 0))}
        for r in rows for o in ("upheld", "changed", "overturned")
    ]


SECTIONS = (
    Section("per_month", "Cases per month by article and part", ("month", "article", "part"), "first",
            lambda rows: charts.cases_per_month(rows, "")),
    Section("district", "Cases by military district", ("district",), "first",
            lambda rows: charts.bar(rows, "district", ""), lambda r: r["district"] is not None),
    Section("court", "Cases by court", ("court",), "first", lambda rows: charts.bar(rows, "court", "")),
    Section("kinds", "Sentence kinds by article part", ("article", "part", "sentence_kind"), "first",
            lambda rows: charts.stacked(rows, "part", "sentence_kind", ""), lambda r: r["sentence_kind"]),
    Section("terms", "Prison terms (months) by article part and year: quartiles and median",
            ("article", "part", "year"), "first", lambda rows: charts.terms(rows, "")),
    Section("suspended", "Share of sentences suspended, by quarter", ("quarter",), "first",
            lambda rows: charts.share_line(rows, "quarter", "share_suspended", ""),
            lambda r: r["sentenced"]),
    Section("absence", "Median length of the absence (days) by article part", ("article", "part"), "first",
            lambda rows: charts.bar([dict(r, label=f"{r['article']} ч.{r['part']}") for r in rows],
                                    "label", "", value="absence_median_days"),
            lambda r: r["absence_median_days"] is not None),
    Section("service_basis", "Service basis of defendants", ("service_basis",), "first",
            lambda rows: charts.bar(rows, "service_basis", ""), lambda r: r["service_basis"]),
    Section("motives", "Motives defendants gave", ("motive",), None,
            lambda rows: charts.bar(rows, "motive", ""), lambda r: r["motive"]),
    Section("appeals", "Appeal outcomes by year", ("year",), "appeal",
            lambda rows: charts.stacked(_appeal_long(rows), "year", "outcome", ""), lambda r: r["appeals"]),
)


def _png(spec: dict[str, Any]) -> str | None:
    try:
        import vl_convert as vlc

        return base64.b64encode(vlc.vegalite_to_png(vl_spec=spec, scale=1)).decode("ascii")
    except Exception:  # noqa: BLE001 - a PNG is a convenience; the live chart is still there
        return None


def _figure(key: str, title: str, chart: Any, command: str, data_date: str) -> str:
    spec = chart.to_dict()
    png = _png(spec)
    spec_json = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    img = f'<img alt="{html.escape(title)} (PNG)" src="data:image/png;base64,{png}">' if png else ""
    return (
        f'<section id="{key}"><h2>{html.escape(title)}</h2>'
        f'<div class="vl" id="chart-{key}"></div>'
        f'<script type="application/json" class="vl-spec">{spec_json}</script>'
        f"<details><summary>PNG</summary>{img}</details>"
        f'<p class="source">Source: <code>{html.escape(command)}</code> · data as of {html.escape(data_date)}</p>'
        "</section>"
    )


def build_report(engine: Engine, include_synthetic: bool = False) -> str:
    """The report's HTML, as one string (one short read transaction per query)."""
    with engine.connect() as conn:
        cover = coverage(conn, include_synthetic=include_synthetic)
    data_date = str(cover["data_date"] or "no data")[:19]
    parts = []
    for sec in SECTIONS:
        with engine.connect() as conn:
            stats = run_stats(conn, StatsQuery(by=list(sec.by), instance=sec.instance,
                                               include_synthetic=include_synthetic))
        rows = [r for r in stats if sec.keep(r)]
        parts.append(_figure(sec.key, sec.title, sec.chart(rows), sec.command(include_synthetic), data_date))
    parts.append(_comparison(engine, include_synthetic, data_date))
    parts.append(_coverage(cover))
    scripts = "".join(f"<script>{(VENDOR / name).read_text(encoding='utf-8')}</script>" for name in SCRIPTS)
    banner = ('<p class="banner">This report INCLUDES synthetic (simulated) records.</p>'
              if include_synthetic else "")
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>milcourt report</title><style>body{font:15px/1.45 system-ui,sans-serif;max-width:980px;"
        "margin:2em auto;padding:0 1em}.banner{background:#fff3cd;padding:.5em}.source{color:#555;"
        "font-size:13px}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.2em .6em}"
        "</style>" + scripts + "</head><body>"
        f"<h1>milcourt report</h1><p>Generated {datetime.now().isoformat(timespec='seconds')}; "
        f"data as of {html.escape(data_date)}.</p>{banner}"
        + "".join(parts)
        + "<script>document.querySelectorAll('script.vl-spec').forEach(function(n){"
        "vegaEmbed(n.previousElementSibling, JSON.parse(n.textContent), {actions:false, renderer:'svg'});});"
        "</script></body></html>"
    )


def _comparison(engine: Engine, include_synthetic: bool, data_date: str) -> str:
    result = compare_store(engine, "337", include_synthetic=include_synthetic)
    rows = long_rows(result)
    chart = charts.comparison([r for r in rows if r.get("value") is not None], "")
    text = "".join(f"<p>{html.escape(p)}</p>" for p in result.explanation)
    figure = _figure("comparison", "Our counts beside official 10-a and published figures (art. 337)",
                     chart, "milcourt compare --article 337 --json", data_date)
    return figure.replace("</section>", text + "</section>")


def _coverage(cover: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(r['court'])}</td><td>{r['cases']}</td><td>{r['cases_without_act']}</td>"
        f"<td>{r['cases_without_facts']}</td><td>{html.escape(str(r['last_crawl'] or '—'))}</td>"
        f"<td>{html.escape(r['status'])}</td></tr>"
        for r in cover["courts"] if r["cases"] or r["last_crawl"]
    )
    return (
        '<section id="coverage"><h2>Coverage</h2>'
        f"<p>Courts crawled: {cover['courts_crawled']} of {cover['courts_total']}; last crawl: "
        f"{html.escape(str(cover['last_crawl'] or '—'))}; blocked or down: "
        f"{html.escape(', '.join(cover['courts_blocked']) or 'none')}. Cases: {cover['cases']}, of which "
        f"{cover['cases_without_act']} have no act text and {cover['cases_without_facts']} have acts "
        "whose facts could not be extracted.</p>"
        "<table><thead><tr><th>court</th><th>cases</th><th>no act</th><th>no facts</th><th>last crawl</th>"
        f"<th>status</th></tr></thead><tbody>{rows}</tbody></table>"
        '<p class="source">Source: <code>milcourt stats coverage --json</code></p></section>'
    )
