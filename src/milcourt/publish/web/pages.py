"""The dashboard's HTML pages: overview, sentences, courts, case browser, case page, downloads."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response

from milcourt.courts.registry import credit, military_courts
from milcourt.publish import charts
from milcourt.publish.export import EXPORT_FORMATS, EXPORT_TABLES, export_bytes
from milcourt.publish.web.context import Site, render, site
from milcourt.publish.web.highlight import fact_rows, highlight
from milcourt.publish.web.params import Article, Court, District, Instance, Part, Since, Until, case_filter
from milcourt.publish.web.queries import CaseFilter, cached_cases, get_case
from milcourt.stats.compare_store import compare_store, long_rows
from milcourt.stats.coverage import coverage
from milcourt.stats.query import StatsQuery, run_counts, run_stats, split_article

router = APIRouter()
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


def _spec(chart: Any) -> str:
    """A chart's Vega-Lite spec as JSON safe to place inside a <script type="application/json">."""
    return json.dumps(chart.to_dict(validate=False), ensure_ascii=False).replace("</", "<\\/")


def _key(kind: str, current: Site, **kwargs: Any) -> tuple[Any, ...]:
    return (kind, current.show_synthetic(), *sorted((k, str(v)) for k, v in kwargs.items()))


def _stats(request: Request, **kwargs: Any) -> list[dict[str, Any]]:
    """A stats answer (cached: see cache.py)."""
    current = site(request)

    def compute() -> list[dict[str, Any]]:
        with current.engine.connect() as conn:
            return run_stats(conn, StatsQuery(include_synthetic=current.show_synthetic(), **kwargs))

    return current.cache.get(_key("stats", current, **kwargs), compute)


def _coverage(current: Site) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        with current.engine.connect() as conn:
            return coverage(conn, include_synthetic=current.show_synthetic())

    return current.cache.get(_key("coverage", current), compute)


def overview_figures(current: Site, filters: dict[str, Any]) -> dict[str, Any]:
    """The overview's chart spec, rows and total for a filter set (counts only, cached)."""
    def compute() -> dict[str, Any]:
        synthetic = current.show_synthetic()
        with current.engine.connect() as conn:
            rows = run_counts(conn, StatsQuery(by=["month", "article", "part"], include_synthetic=synthetic,
                                               **filters))
            total = sum(r["n"] for r in run_counts(conn, StatsQuery(include_synthetic=synthetic, **filters)))
        return {"rows": rows, "total": total, "spec": _spec(charts.cases_per_month(rows, title=""))}

    return current.cache.get(_key("overview", current, **filters), compute)


def warm(current: Site) -> None:
    """Compute the unfiltered overview ahead of its first reader (``milcourt serve`` does it at start).

    Best effort: a store that cannot answer shows its error to the first reader instead.
    """
    try:
        overview_figures(current, {})
        _coverage(current)
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
    return render(
        request, "overview.html", filters=filters, total=figures["total"], coverage=_coverage(current),
        spec=figures["spec"], rows=figures["rows"],
        districts=[c for c in military_courts() if c.level == "district"],
        comparison=_comparison(current, article or "337"),
    )


def _comparison(current: Site, article: str) -> list[dict[str, Any]]:
    """Our yearly count beside official and published figures, when the stats stage has them."""
    def compute() -> list[dict[str, Any]]:
        result = compare_store(current.engine, split_article(article)[0],
                               include_synthetic=current.show_synthetic())
        return long_rows(result)

    return current.cache.get(_key("compare", current, article=split_article(article)[0]), compute)


@router.get("/sentences", include_in_schema=False)
def sentences(request: Request, article: Article = None, since: Since = None, until: Until = None) -> Any:
    common = {"article": article, "since": since, "until": until}
    kinds = _stats(request, by=["article", "part", "sentence_kind"], instance="first", **common)
    terms = _stats(request, by=["article", "part", "year"], instance="first", **common)
    outcomes = _stats(request, by=["year"], instance="appeal", **common)
    motives = _stats(request, by=["motive"], **common)
    basis = _stats(request, by=["service_basis"], **common)
    return render(
        request, "sentences.html", filters=common,
        kinds=_spec(charts.stacked([r for r in kinds if r["sentence_kind"]], "part", "sentence_kind", "")),
        terms=_spec(charts.terms(terms, "")),
        outcomes=outcomes,
        motives=_spec(charts.bar([r for r in motives if r["motive"]], "motive", "")),
        basis=_spec(charts.bar([r for r in basis if r["service_basis"]], "service_basis", "")),
    )


@router.get("/courts", include_in_schema=False)
def courts(request: Request) -> Any:
    counts = {r["court"]: r["n"] for r in _stats(request, by=["court"])}
    status = {c["court"]: c for c in _coverage(site(request)).get("courts", [])}
    return render(request, "courts.html", courts=military_courts(), counts=counts, status=status,
                  credit=credit())


@router.get("/cases", include_in_schema=False)
def cases(request: Request, f: Annotated[CaseFilter, Depends(case_filter)]) -> Any:
    current = site(request)
    f.include_synthetic = current.show_synthetic()
    total, rows = cached_cases(current.engine, current.cache, f)
    return render(request, "cases.html", f=f, total=total, rows=rows,
                  pages=max(1, -(-total // f.page_size)))


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
