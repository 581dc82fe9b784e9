"""Validated query parameters shared by the pages and the JSON API.

Every parameter has a type, a length cap and a pattern: a malformed or oversized value is a
4xx answer from FastAPI's validation, never a 500 and never a string that reaches SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query

from milcourt.publish.web.queries import CaseFilter

ARTICLE = r"^\d{3}(\.\d{1,2})?$"
PART = r"^\d{1,2}(\.\d{1,2})?$"
COURT = r"^\d{2}[A-Z]{2}\d{4}$"

Article = Annotated[str | None, Query(max_length=6, pattern=ARTICLE, description="e.g. 337 or 352.1")]
Part = Annotated[str | None, Query(max_length=5, pattern=PART, description="e.g. 5 or 3.1")]
Court = Annotated[str | None, Query(max_length=8, pattern=COURT, description="court code, e.g. 61GV0004")]
District = Annotated[str | None, Query(max_length=8, pattern=COURT, description="district court code")]
Instance = Annotated[Literal["first", "appeal", "cassation"] | None, Query()]
Since = Annotated[date | None, Query(description="YYYY-MM-DD")]
Until = Annotated[date | None, Query(description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200, description="phrase searched in act texts")]
Page = Annotated[int, Query(ge=1, le=100_000)]
PageSize = Annotated[int, Query(ge=1, le=100)]
Sort = Annotated[Literal["received", "decided", "court", "number"], Query()]
Order = Annotated[Literal["asc", "desc"], Query()]
Lang = Annotated[Literal["ru", "en"] | None, Query()]


def case_filter(
    article: Article = None,
    part: Part = None,
    court: Court = None,
    district: District = None,
    instance: Instance = None,
    since: Since = None,
    until: Until = None,
    text: Text = None,
    page: Page = 1,
    page_size: PageSize = 25,
    sort: Sort = "received",
    order: Order = "desc",
) -> CaseFilter:
    """The filters of the case browser and ``/api/cases`` (a FastAPI dependency)."""
    return CaseFilter(
        article=article, part=part, court=court, district=district, instance=instance,
        since=since, until=until, text=(text or "").strip() or None, page=page,
        page_size=page_size, sort=sort, descending=order == "desc",
    )
