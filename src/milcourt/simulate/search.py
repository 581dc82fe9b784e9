"""The case search of a simulated court site: the real query parameters, filters, order, paging.

Parameters are those of the real search form and links (``delo_id=1540006`` first instance with
``u1_case__*``/``U1_DEFENDANT__*`` fields, ``delo_id=4`` appeal with ``u2_case__*``), matched
case-insensitively: received and decided date ranges (``..__ENTRY_DATE1D/2D``,
``..__RESULT_DATE1D/2D``, "DD.MM.YYYY"), article (``..__LAW_ARTICLESS`` or ``lawbookarticles[]``,
a substring of "ст.337 ч.5 УК РФ" as on the real sites), case number, UID and the lower-court
case number. Results are newest first, 25 a page, and only the first ``row_limit`` rows of a
search are reachable, so a crawler must split date ranges that reach the limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from milcourt.simulate.pages import PAGE_SIZE, articles_text
from milcourt.simulate.population import DELO_FIRST, Case

FIXED = {"name", "srv_num", "name_op", "page", "vnkod", "delo_id", "case_type", "new", "delo_table", "submit",
         "captcha", "captchaid", "list"}


@dataclass
class SearchResult:
    total: int
    page: int
    pages: int
    rows: list[Case]
    filters: str  # the search's own parameters, encoded for the paging links


def _date(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), "%d.%m.%Y").date()
    except ValueError:
        return None


def _number_key(case: Case) -> tuple[int, int]:
    head, _, year = case.number.partition("/")
    return (int(year or 0), int(head.rsplit("-", 1)[-1] or 0))


def search(cases: list[Case], pairs: list[tuple[str, str]], row_limit: int) -> SearchResult:
    """Filter ``cases`` (one court's, one instance's) by the query ``pairs``."""
    q: dict[str, list[str]] = {}
    for k, v in pairs:
        q.setdefault(k.lower(), []).append(v)

    def get(suffix: str) -> str:
        for key, values in q.items():
            if key.endswith(suffix) and values[0].strip():
                return values[0].strip()
        return ""

    lo_in, hi_in = _date(get("__entry_date1d")), _date(get("__entry_date2d"))
    lo_out, hi_out = _date(get("__result_date1d")), _date(get("__result_date2d"))
    articles = [a for a in (get("__law_articless"), *q.get("lawbookarticles[]", [])) if a.strip()]
    number, uid, lower = get("__case_numberss"), get("__judicial_uidss"), get("__case_number_iss")
    out = []
    for c in cases:
        if (lo_in and c.received < lo_in) or (hi_in and c.received > hi_in):
            continue
        if lo_out and (c.decided is None or c.decided < lo_out):
            continue
        if hi_out and (c.decided is None or c.decided > hi_out):
            continue
        if articles and not any(a.lower().replace(" ", "") in articles_text(c).lower().replace(" ", "") for a in articles):
            continue
        if number and number not in c.number:
            continue
        if uid and uid != c.uid:
            continue
        if lower and (c.lower is None or lower not in c.lower.number):
            continue
        out.append(c)
    out.sort(key=lambda c: (c.received, _number_key(c)), reverse=True)
    reachable = min(len(out), row_limit)
    pages = max(math.ceil(reachable / PAGE_SIZE), 1)
    try:
        page = min(max(int(q.get("page", ["1"])[0]), 1), pages)
    except ValueError:
        page = 1
    rows = out[(page - 1) * PAGE_SIZE: min(page * PAGE_SIZE, reachable)]
    filters = urlencode([(k, v) for k, v in pairs if k.lower() not in FIXED], encoding="cp1251")
    return SearchResult(len(out), page, pages, rows, filters)


def instance_of(delo_id: str) -> str:
    return "first" if delo_id == DELO_FIRST else "appeal"
