"""The dashboard's HTML pages: overview, sentences, courts, case browser, case page, downloads.

The pages of one court and of one district are in court_pages; every court named on a page
links to its own.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response

from milcourt.courts.registry import credit, military_courts
from milcourt.publish import captions, charts
from milcourt.publish.comparison import comparison_figures
from milcourt.publish.export import EXPORT_FORMATS, EXPORT_TABLES, export_bytes
from milcourt.publish.labels import MOTIVES, SENTENCE_KINDS, SERVICE_BASIS, district_courts
from milcourt.publish.web import court_pages
from milcourt.publish.web.context import Site, render, site
from milcourt.publish.web.figures import Figure, cache_key, figure, site_coverage, spec_json, stats
from milcourt.publish.web.highlight import fact_rows, highlight
from milcourt.publish.web.params import Article, Court, District, Instance, Part, Since, Until, case_filter
from milcourt.publish.web.queries import CaseFilter, cached_cases, get_case
from milcourt.stats.query import StatsQuery, run_counts, split_article

router = APIRouter()
INSTANCE_WORDS = {"first": "first-instance case", "appeal": "appeal case", "cassation": "cassation case"}
router.include_router(court_pages.router)
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


def overview_figures(current: Site, filters: dict[str, Any]) -> dict[str, Any]:
    """The overview's chart spec, rows and total for a filter set (counts only, cached)."""
    def compute() -> dict[str, Any]:
        synthetic = current.show_synthetic()
        with current.engine.connect() as conn:
            rows = run_counts(conn, StatsQuery(by=["month", "article", "part"], include_synthetic=synthetic,
                                               **filters))
            total = sum(r["n"] for r in run_counts(conn, StatsQuery(include_synthetic=synthetic, **filters)))
        return {"rows": rows, "total": total, "spec": spec_json(charts.cases_per_month(rows, title="")),
                "caption": captions.per_year(rows, {}, 0, INSTANCE_WORDS.get(str(filters.get("instance")), "case"))}

    return current.cache.get(cache_key("overview", current, **filters), compute)


def warm(current: Site) -> None:
    """Compute the unfiltered overview ahead of its first reader (``milcourt serve`` does it at start).

    Best effort: a store that cannot answer shows its error to the first reader instead.
    """
    try:
        overview_figures(current, {})
        site_coverage(current)
        _comparison(current, "337")
    except Exception:  # noqa: BLE001 - the request path reports it properly
        return


@router.get("/", include_in_schema=False)
def overview(
    request: Request, article: Article = None, part: Part = None, court: Court = None,
    district: District = None, instance: Instance = None, since: Since = None, until: Until = None,
) -> Any:
    filters = {"article": article, "part": part, "court": court, "district": district,
               "instance": instance, "since": since, "until": until}
    current = site(request)
    figures = overview_figures(current, {k: v for k, v in filters.items() if v is not None})
    cover = site_coverage(current)
    missing = ("no cases in this selection: " + ("the store is empty, nothing has been crawled yet."
                                                 if not cover["cases"] else "try fewer filters."))
    return render(
        request, "overview.html", filters=filters, total=figures["total"], coverage=cover,
        overview=Figure(figures["spec"], figures["caption"], "") if figures["rows"] else Figure(None, "", missing),
        districts=district_courts(), courts=_court_choices(),
        comparison=_comparison(current, article or "337"),
    )


def _court_choices() -> list[Any]:
    """Military courts for a filter: by name, district courts first."""
    return sorted(military_courts(), key=lambda c: (c.level != "district", c.name))


def _comparison(current: Site, article: str) -> dict[str, Any]:
    """Our yearly count beside official and published figures: chart points, the chart, what is left out."""
    article = split_article(article)[0]

    def compute() -> dict[str, Any]:
        result = comparison_figures(current.engine, article, include_synthetic=current.show_synthetic())
        points = [p.as_dict() for p in result.points]
        return {"points": points, "left_out": result.left_out, "article": article,
                "figure": figure(charts.comparison(points) if points else None, points,
                                 captions.comparison(points, article),
                                 f"no count to compare for art. {article}: no cases under it in the store, no "
                                 "form 10-a figures loaded, no published figure found.")}

    return current.cache.get(cache_key("compare", current, article=article), compute)


@router.get("/sentences", include_in_schema=False)
def sentences(request: Request, article: Article = None, since: Since = None, until: Until = None) -> Any:
    common = {"article": article, "since": since, "until": until}
    kinds = [r for r in stats(request, by=["article", "part", "sentence_kind"], instance="first", **common)
             if r["sentence_kind"]]
    terms = [r for r in stats(request, by=["article", "part", "year"], instance="first", **common) if r["term_n"]]
    outcomes = [r for r in stats(request, by=["year"], instance="appeal", **common) if r["appeals"]]
    motives = [r for r in stats(request, by=["motive"], **common) if r["motive"]]
    basis = [r for r in stats(request, by=["service_basis"], **common) if r["service_basis"]]
    cover = site_coverage(site(request))
    with_act = cover["cases"] - cover["cases_without_act"]
    note = (f" ({captions.count(cover['cases'], 'case')} in the store, {with_act:,} with an act text, facts read "
            f"from {with_act - cover['cases_without_facts']:,}).")
    return render(
        request, "sentences.html", filters=common,
        kinds=figure(charts.stacked(_named(kinds, "sentence_kind", SENTENCE_KINDS), "part", "sentence_kind", ""),
                     kinds, captions.sentence_kinds(kinds), "No chart: no act texts with a sentence" + note),
        terms=figure(charts.terms(terms, ""), terms, captions.terms(terms),
                     "No chart: no act texts with a prison term" + note),
        outcomes=outcomes, outcomes_caption=captions.appeals(outcomes),
        outcomes_missing="No appeal rulings with a readable outcome in this selection" + note,
        motives=figure(charts.bar(_named(motives, "motive", MOTIVES), "motive", ""), motives,
                       captions.motives(motives), "No chart: no act texts that state the defendant's reasons" + note),
        basis=figure(charts.bar(_named(basis, "service_basis", SERVICE_BASIS), "service_basis", ""), basis,
                     captions.service_basis(basis), "No chart: no act texts stating how the defendant served" + note),
    )


def _named(rows: list[dict[str, Any]], field: str, names: dict[str, str]) -> list[dict[str, Any]]:
    return [dict(r, **{field: names.get(r[field], r[field])}) for r in rows]


@router.get("/courts", include_in_schema=False)
def courts(request: Request) -> Any:
    counts = {r["court"]: r["n"] for r in stats(request, by=["court"])}
    status = {c["court"]: c for c in site_coverage(site(request)).get("courts", [])}
    return render(request, "courts.html", courts=military_courts(), counts=counts, status=status,
                  credit=credit())


@router.get("/cases", include_in_schema=False)
def cases(request: Request, f: Annotated[CaseFilter, Depends(case_filter)]) -> Any:
    current = site(request)
    f.include_synthetic = current.show_synthetic()
    total, rows = cached_cases(current.engine, current.cache, f)
    return render(request, "cases.html", f=f, total=total, rows=rows,
                  pages=max(1, -(-total // f.page_size)), courts=_court_choices(), districts=district_courts())


@router.get("/cases/{case_id}", include_in_schema=False)
def case_page(request: Request, case_id: Annotated[int, Path(ge=1, le=2**62)]) -> Any:
    with site(request).engine.connect() as conn:
        case = get_case(conn, case_id)
    if case is None or (case["synthetic"] and not site(request).show_synthetic()):
        raise HTTPException(status_code=404, detail="no such case")
    for act in case["acts"]:
        act["html"] = highlight(act["text"], act.get("spans"))
        act["fact_rows"] = fact_rows(act.get("facts"))
    return render(request, "case.html", case=case)


@router.get("/downloads", include_in_schema=False)
def downloads(request: Request) -> Any:
    return render(request, "downloads.html", tables=EXPORT_TABLES, formats=EXPORT_FORMATS)


@router.get("/downloads/{name}", include_in_schema=False)
def download(request: Request, name: Annotated[str, Path(max_length=40)]) -> Response:
    table, _, fmt = name.partition(".")
    if table not in EXPORT_TABLES or fmt not in EXPORT_FORMATS:
        raise HTTPException(status_code=404, detail="no such download")
    with site(request).engine.connect() as conn:
        body = export_bytes(conn, table, fmt, include_synthetic=site(request).show_synthetic())
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{table}.{fmt}"'})
