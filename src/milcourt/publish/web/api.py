"""The JSON API: ``/api/stats``, ``/api/cases``, ``/api/cases/{id}`` (see ``/docs``).

The same validated parameters as the pages; the same pseudonymised data as the exports.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from milcourt.publish.web.context import site
from milcourt.publish.web.params import Article, Court, District, Instance, Part, Since, Until, case_filter
from milcourt.publish.web.queries import CaseFilter, cached_cases, get_case
from milcourt.stats.court_names import with_court_names
from milcourt.stats.query import FIELDS, StatsError, StatsQuery, run_stats

router = APIRouter(prefix="/api", tags=["api"])


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}


@router.get("/stats", summary="Counts and sentence figures grouped by fields (as `milcourt stats`)")
def api_stats(
    request: Request,
    by: Annotated[str, Query(max_length=120, pattern=r"^[a-z_,]*$",
                             description=f"comma-separated, from: {', '.join(FIELDS)}")] = "",
    article: Article = None, part: Part = None, court: Court = None, district: District = None,
    instance: Instance = None, since: Since = None, until: Until = None,
    date: Annotated[str, Query(pattern="^(received|decided)$")] = "received",
) -> dict[str, Any]:
    current = site(request)
    try:
        q = StatsQuery(by=[f for f in by.split(",") if f], article=article, part=part, court=court,
                       district=district, instance=instance, since=since, until=until, date_field=date,
                       include_synthetic=current.show_synthetic())
    except StatsError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    def compute() -> list[dict[str, Any]]:
        with current.engine.connect() as conn:
            return with_court_names(run_stats(conn, q))

    rows = current.cache.get(("api_stats", *sorted((k, str(v)) for k, v in vars(q).items())), compute)
    return {"synthetic_included": q.include_synthetic, "rows": rows}


@router.get("/cases", summary="Cases matching filters and a full-text phrase, paginated")
def api_cases(request: Request, f: Annotated[CaseFilter, Depends(case_filter)]) -> dict[str, Any]:
    current = site(request)
    f.include_synthetic = current.show_synthetic()
    total, rows = cached_cases(current.engine, current.cache, f)
    return {"total": total, "page": f.page, "page_size": f.page_size, "rows": [_jsonable(r) for r in rows]}


@router.get("/cases/{case_id}", summary="One case: card, instances, acts with facts and spans, source")
def api_case(request: Request, case_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    with site(request).engine.connect() as conn:
        case = get_case(conn, case_id)
    if case is None or (case["synthetic"] and not site(request).show_synthetic()):
        raise HTTPException(status_code=404, detail="no such case")
    case.pop("content_sha", None)
    case["instances"] = [_jsonable(i) for i in case["instances"]]
    if case.get("snapshot"):
        case["snapshot"] = _jsonable(case["snapshot"])
    return _jsonable(case)
