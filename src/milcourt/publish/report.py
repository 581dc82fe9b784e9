"""``milcourt report``: one self-contained HTML file a journalist can read and publish from.

It opens with how the numbers were made (what was crawled when, what is missing, how cases are
counted, why the count differs from the official form 10-a), then one section per chart: a
sentence in plain words with the main number, the chart (a Vega-Lite spec made with altair,
drawn by the Vega libraries inlined into the file: no network needed to open it), PNG and SVG
downloads made by vl-convert, and the ``milcourt stats`` command that reproduces it. A chart
whose selection holds no data is not drawn as an empty frame: the section says what is missing
and why. Courts and districts appear by name, with their codes where a reader may look them up.
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

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from milcourt.publish import captions, charts
from milcourt.publish.comparison import comparison_figures
from milcourt.publish.labels import (
    MOTIVES,
    SENTENCE_KINDS,
    SERVICE_BASIS,
    court_label,
    court_name,
    short_court_name,
)
from milcourt.stats.coverage import coverage
from milcourt.stats.query import StatsQuery, run_stats
from milcourt.store import schema as s

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
SCRIPTS = ("vega-6.4.0.min.js", "vega-lite-6.4.3.min.js", "vega-embed-7.3.0.min.js")
COMPARED_ARTICLE = "337"


@dataclass
class Context:
    """What every section may draw on: the store, the coverage, a cached stats answer."""

    engine: Engine
    include_synthetic: bool
    cover: dict[str, Any]
    _answers: dict[tuple[Any, ...], list[dict[str, Any]]]

    def ask(self, by: tuple[str, ...], instance: str | None = None) -> list[dict[str, Any]]:
        key = (by, instance)
        if key not in self._answers:
            with self.engine.connect() as conn:
                self._answers[key] = run_stats(conn, StatsQuery(by=list(by), instance=instance,
                                                                include_synthetic=self.include_synthetic))
        return self._answers[key]

    @property
    def with_act(self) -> int:
        return int(self.cover["cases"]) - int(self.cover["cases_without_act"])

    @property
    def read(self) -> int:
        return self.with_act - int(self.cover["cases_without_facts"])

    def acts_note(self) -> str:
        """The act-text figures every "why is this chart empty" sentence rests on."""
        return (f"The store holds {self.cover['cases']:,} cases; {self.with_act:,} have an act text and the facts "
                f"of {self.read:,} of those could be read.")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    by: tuple[str, ...]
    instance: str | None
    chart: Callable[[list[dict[str, Any]]], Any]
    caption: Callable[[list[dict[str, Any]], Context], str]
    missing: Callable[[Context], str]
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


def _named(rows: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    """Rows with the court's short name for the axis and its full name and code for the tooltip."""
    return [dict(r, name=short_court_name(r[field]), full_name=court_label(r[field])) for r in rows]


def _relabel(rows: list[dict[str, Any]], field: str, names: dict[str, str]) -> list[dict[str, Any]]:
    return [dict(r, **{field: names.get(r[field], r[field])}) for r in rows]


def _courts_by_year(ctx: Context) -> dict[int, int]:
    counts: dict[int, int] = {}
    for r in ctx.ask(("year", "court"), "first"):
        if r.get("year") and r.get("court"):
            counts[int(r["year"])] = counts.get(int(r["year"]), 0) + 1
    return counts


def _no_first_instance(ctx: Context) -> str:
    return ("no first-instance cases in this selection: " + (
        "the store is empty — nothing has been crawled yet." if not ctx.cover["cases"]
        else f"the store's {ctx.cover['cases']:,} cases are all appeals or cassations."))


SECTIONS = (
    Section("per_month", "Cases per month by article and part", ("month", "article", "part"), "first",
            lambda rows: charts.cases_per_month(rows, ""),
            lambda rows, ctx: captions.per_year(rows, _courts_by_year(ctx), int(ctx.cover["courts_total"])),
            _no_first_instance),
    Section("district", "Cases by military district", ("district",), "first",
            lambda rows: charts.bar(_named(rows, "district"), "name", "", tooltip=("full_name",)),
            lambda rows, ctx: captions.top_court(rows, "district"),
            lambda ctx: _no_first_instance(ctx) if not ctx.cover["cases"] else (
                "no case in this selection is held by a court the registry places in a military district."),
            lambda r: r["district"] is not None),
    Section("court", "Cases by court", ("court",), "first",
            lambda rows: charts.bar(_named(rows, "court"), "name", "", tooltip=("full_name",)),
            lambda rows, ctx: captions.top_court(rows, "court"), _no_first_instance),
    Section("kinds", "Sentence kinds by article part", ("article", "part", "sentence_kind"), "first",
            lambda rows: charts.stacked(_relabel(rows, "sentence_kind", SENTENCE_KINDS), "part", "sentence_kind", ""),
            lambda rows, ctx: captions.sentence_kinds(rows),
            lambda ctx: "no act texts with a sentence in this selection. " + ctx.acts_note(),
            lambda r: r["sentence_kind"]),
    Section("terms", "Prison terms (months) by article part and year: quartiles and median",
            ("article", "part", "year"), "first", lambda rows: charts.terms(rows, ""),
            lambda rows, ctx: captions.terms(rows),
            lambda ctx: "no act texts with a prison term in this selection. " + ctx.acts_note(),
            lambda r: r["term_n"]),
    Section("suspended", "Share of sentences suspended, by quarter", ("quarter",), "first",
            lambda rows: charts.share_line(rows, "quarter", "share_suspended", ""),
            lambda rows, ctx: captions.suspended(rows),
            lambda ctx: "no act texts with a sentence in this selection. " + ctx.acts_note(),
            lambda r: r["sentenced"]),
    Section("absence", "Median length of the absence (days) by article part", ("article", "part"), "first",
            lambda rows: charts.bar([dict(r, label=f"{r['article']} ч.{r['part']}" if r.get("part") else r["article"])
                                     for r in rows], "label", "", value="absence_median_days"),
            lambda rows, ctx: captions.absence(rows),
            lambda ctx: ("no act texts with both absence dates in this selection: an absence is measured only "
                         "where the act states its first and its last day (many acts hide dates as "
                         "«ДД.ММ.ГГГГ»). " + ctx.acts_note()),
            lambda r: r["absence_median_days"] is not None),
    Section("service_basis", "Service basis of defendants", ("service_basis",), "first",
            lambda rows: charts.bar(_relabel(rows, "service_basis", SERVICE_BASIS), "service_basis", ""),
            lambda rows, ctx: captions.service_basis(rows),
            lambda ctx: "no act texts stating how the defendant served (contract, mobilised, conscript). "
            + ctx.acts_note(),
            lambda r: r["service_basis"]),
    Section("motives", "Motives defendants gave", ("motive",), None,
            lambda rows: charts.bar(_relabel(rows, "motive", MOTIVES), "motive", ""),
            lambda rows, ctx: captions.motives(rows),
            lambda ctx: "no act texts that state the defendant's reasons in this selection. " + ctx.acts_note(),
            lambda r: r["motive"]),
    Section("appeals", "Appeal outcomes by year", ("year",), "appeal",
            lambda rows: charts.stacked(_appeal_long(rows), "year", "outcome", ""),
            lambda rows, ctx: captions.appeals(rows),
            lambda ctx: ("no appeal rulings with a readable outcome in this selection: appeal courts publish "
                         "few texts, and an outcome is counted only from a ruling milcourt could read. "
                         + ctx.acts_note()),
            lambda r: r["appeals"]),
)


def _images(spec: dict[str, Any]) -> tuple[str | None, str | None]:
    """The chart as a base64 PNG and as SVG text; (None, None) when vl-convert cannot draw it."""
    try:
        import vl_convert as vlc

        png = base64.b64encode(vlc.vegalite_to_png(vl_spec=spec, scale=2)).decode("ascii")
        svg = vlc.vegalite_to_svg(vl_spec=spec)
        return png, svg
    except Exception:  # noqa: BLE001 - a download is a convenience; the live chart is still there
        return None, None


def figure(key: str, title: str, chart: Any, caption: str, command: str, data_date: str) -> str:
    """A chart section: title, plain-words caption, the chart, PNG/SVG downloads, the command behind it."""
    spec = chart.to_dict()
    png, svg = _images(spec)
    spec_json = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    downloads = ""
    if png and svg:
        svg_b64 = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        downloads = (f'<p class="downloads">Download: <a download="milcourt-{key}.png" '
                     f'href="data:image/png;base64,{png}">PNG</a> · <a download="milcourt-{key}.svg" '
                     f'href="data:image/svg+xml;base64,{svg_b64}">SVG</a></p>')
    return (
        f'<section id="{key}" class="figure"><h2>{html.escape(title)}</h2>'
        f'<p class="caption">{html.escape(caption)}</p>'
        f'<div class="vl" id="chart-{key}"></div>'
        f'<script type="application/json" class="vl-spec">{spec_json}</script>{downloads}'
        f'<p class="source">Source: <code>{html.escape(command)}</code> · data as of {html.escape(data_date)}</p>'
        "</section>"
    )


def empty(key: str, title: str, why: str, command: str) -> str:
    """A section with nothing to draw: what is missing and why, in place of an empty frame."""
    return (
        f'<section id="{key}" class="figure no-data"><h2>{html.escape(title)}</h2>'
        f'<p class="missing"><strong>No chart:</strong> {html.escape(why)}</p>'
        f'<p class="source">Source: <code>{html.escape(command)}</code></p></section>'
    )


def build_report(engine: Engine, include_synthetic: bool = False) -> str:
    """The report's HTML, as one string (one short read transaction per query)."""
    with engine.connect() as conn:
        cover = coverage(conn, include_synthetic=include_synthetic)
    ctx = Context(engine, include_synthetic, cover, {})
    data_date = str(cover["data_date"] or "no data")[:19]
    parts = [_methodology(ctx, data_date)]
    for sec in SECTIONS:
        rows = [r for r in ctx.ask(sec.by, sec.instance) if sec.keep(r)]
        command = sec.command(include_synthetic)
        if not rows:
            parts.append(empty(sec.key, sec.title, sec.missing(ctx), command))
            continue
        parts.append(figure(sec.key, sec.title, sec.chart(rows), sec.caption(rows, ctx), command, data_date))
    parts.append(_comparison(ctx, data_date))
    parts.append(_coverage(cover))
    scripts = "".join(f"<script>{(VENDOR / name).read_text(encoding='utf-8')}</script>" for name in SCRIPTS)
    banner = ('<p class="banner">This report INCLUDES synthetic (simulated) records.</p>'
              if include_synthetic else "")
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>milcourt report</title><style>body{font:15px/1.45 system-ui,sans-serif;max-width:980px;"
        "margin:2em auto;padding:0 1em}.banner{background:#fff3cd;padding:.5em}.source{color:#555;"
        "font-size:13px}.caption{font-size:16px}.missing{background:#f3f3f3;border-left:4px solid #999;"
        "padding:.6em}.downloads{font-size:13px}table{border-collapse:collapse}td,th{border-bottom:1px solid "
        "#ddd;padding:.2em .6em;text-align:left}code{font-size:12px}td:nth-child(6){white-space:nowrap}</style>" + scripts + "</head><body>"
        f"<h1>milcourt report</h1><p>Generated {datetime.now().isoformat(timespec='seconds')}; "
        f"data as of {html.escape(data_date)}.</p>{banner}"
        + "".join(parts)
        + "<script>document.querySelectorAll('script.vl-spec').forEach(function(n){"
        "vegaEmbed(n.previousElementSibling, JSON.parse(n.textContent), {actions:false, renderer:'svg'});});"
        "</script></body></html>"
    )


def _crawl_span(engine: Engine) -> tuple[str, str]:
    log = s.crawl_log.c
    with engine.connect() as conn:
        first, last = conn.execute(sa.select(sa.func.min(log.started_at), sa.func.max(log.finished_at))).one()
    return (str(first)[:10] if first else "", str(last)[:10] if last else "")


def _methodology(ctx: Context, data_date: str) -> str:
    """How the numbers were made and what they leave out, before any number is shown."""
    cover = ctx.cover
    first, last = _crawl_span(ctx.engine)
    months = sorted(str(r["month"]) for r in ctx.ask(("month", "article", "part"), "first") if r.get("month"))
    span = f"from {months[0]} to {months[-1]}" if months else "none yet"
    blocked = [court_name(code) for code in cover["courts_blocked"]]
    not_crawled = int(cover["courts_total"]) - int(cover["courts_crawled"])
    when = f"crawled between {first} and {last}" if first else "no crawl recorded in this store"
    items = [
        f"<li><strong>What was crawled, when.</strong> The case cards and act texts that {cover['courts_crawled']} "
        f"of the {cover['courts_total']} military courts publish on their sites (sudrf.ru), {when}; data as of "
        f"{html.escape(data_date)}. First-instance cases received {span}.</li>",
        "<li><strong>What is missing.</strong> "
        + (f"{not_crawled} military courts not crawled. " if not_crawled else "")
        + (f"Blocked or down at the last crawl: {html.escape(', '.join(blocked))}. " if blocked else "")
        + f"{cover['cases_without_act']:,} of {cover['cases']:,} cases have no act text (many military courts "
        f"publish the card only, and acts of some kinds are never published); {cover['cases_without_facts']:,} "
        "acts could not be read for facts. Sentence, absence and motive figures come only from the act texts; "
        "case counts come from every card.</li>",
        "<li><strong>How cases are counted.</strong> One case is one case card at one court and instance. Counts "
        "are of first-instance cases by the month the court received them; a case charged under two articles "
        "counts once under each. Appeals are counted apart, by the year the appeal court received them.</li>",
        "<li><strong>Why this differs from the official form 10-a.</strong> The Judicial Department's form 10-a "
        "counts <em>persons</em> convicted, by their main article, in the year the sentence <em>took force</em>, "
        "in all of Russia; milcourt counts <em>cases</em> a court <em>received</em>, under any article charged, "
        "at the courts it could crawl, and only what the sites publish. The comparison below draws them as "
        "different measures.</li>",
    ]
    if ctx.include_synthetic:
        items.append("<li><strong>Synthetic records.</strong> This store includes simulated cases "
                     "(<code>milcourt demo</code>): no figure here describes real prosecutions.</li>")
    return ('<section id="methodology"><h2>How these numbers were made</h2><ul>' + "".join(items)
            + "</ul></section>")


def _comparison(ctx: Context, data_date: str) -> str:
    key, title = "comparison", f"Our counts beside form 10-a and published figures (art. {COMPARED_ARTICLE})"
    command = f"milcourt compare --article {COMPARED_ARTICLE} --json"
    figures = comparison_figures(ctx.engine, COMPARED_ARTICLE, include_synthetic=ctx.include_synthetic,
                                 data_date=data_date[:10])
    points = [p.as_dict() for p in figures.points]
    if points:
        section = figure(key, title, charts.comparison(points), captions.comparison(points, COMPARED_ARTICLE),
                         command, data_date)
    else:
        section = empty(key, title, "no count to compare: the store has no first-instance cases under "
                        f"art. {COMPARED_ARTICLE}, no form 10-a figures are loaded (milcourt official load) and "
                        "no published figure for it was found.", command)
    rows = "".join(
        f"<tr><td>{html.escape(p.series)}</td><td>{html.escape(p.period)}</td><td>{p.value:,}</td>"
        f"<td>{_source_cell(p.source, p.url)}</td><td>{html.escape(p.dated)}</td></tr>" for p in figures.points)
    table = ("<table class=\"points\"><thead><tr><th>series</th><th>period</th><th>value</th><th>source</th>"
             f"<th>dated</th></tr></thead><tbody>{rows}</tbody></table>") if rows else ""
    left = "".join(
        f"<li>{html.escape(f['value'])} {html.escape(f['measure'])} ({html.escape(f['scope'])}, "
        f"{html.escape(f['period'])}; {html.escape(f['source'])}, {html.escape(f['dated'])}): not drawn, "
        f"{html.escape(f['why'])}.</li>" for f in figures.left_out)
    notes = "".join(f"<p>{html.escape(p)}</p>" for p in figures.explanation)
    extra = table + (f"<p>Not drawn:</p><ul>{left}</ul>" if left else "") + notes
    return section.replace("</section>", extra + "</section>")


def _source_cell(source: str, url: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{html.escape(url)}" rel="noopener">{html.escape(source)}</a>'
    return html.escape(source)


def _coverage(cover: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(court_name(r['court']))}</td><td><code>{html.escape(r['court'])}</code></td>"
        f"<td>{r['cases']}</td><td>{r['cases_without_act']}</td>"
        f"<td>{r['cases_without_facts']}</td><td>{html.escape(str(r['last_crawl'] or '—')[:19])}</td>"
        f"<td>{html.escape(r['status'])}</td></tr>"
        for r in cover["courts"] if r["cases"] or r["last_crawl"]
    )
    blocked = ", ".join(court_label(code) for code in cover["courts_blocked"]) or "none"
    return (
        '<section id="coverage"><h2>Coverage</h2>'
        f"<p>Courts crawled: {cover['courts_crawled']} of {cover['courts_total']}; last crawl: "
        f"{html.escape(str(cover['last_crawl'] or '—')[:19])}; blocked or down: "
        f"{html.escape(blocked)}. Cases: {cover['cases']}, of which "
        f"{cover['cases_without_act']} have no act text and {cover['cases_without_facts']} have acts "
        "whose facts could not be extracted.</p>"
        "<table><thead><tr><th>court</th><th>code</th><th>cases</th><th>no act</th><th>no facts</th>"
        f"<th>last crawl</th><th>status</th></tr></thead><tbody>{rows}</tbody></table>"
        '<p class="source">Source: <code>milcourt stats coverage --json</code></p></section>'
    )
