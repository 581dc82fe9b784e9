"""Atom feeds of the monitor's change sets, and the overview's "last runs" block.

Routes (GET only, like the rest of the dashboard): ``/feeds/all.atom``, ``/feeds/search/NAME.atom``
(a saved search), ``/feeds/court/CODE.atom``, ``/feeds/district/CODE.atom`` (a military district
or fleet court and the garrison courts under it). One entry per change, newest first, at most
``FEED_LIMIT``; synthetic records follow the dashboard's rule (shown only when asked for, or when
the store holds nothing else).
"""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import Response

from milcourt.courts.registry import find_court
from milcourt.monitor import searches
from milcourt.monitor.changeset import changes
from milcourt.monitor.feeds import atom_feed
from milcourt.monitor.searches import SearchFilters
from milcourt.publish.web.context import Site, site
from milcourt.publish.web.i18n import TEXT
from milcourt.publish.web.params import COURT
from milcourt.store.changes import last_runs

router = APIRouter(prefix="/feeds", tags=["feeds"])
FEED_LIMIT = 200
ATOM_TYPE = "application/atom+xml; charset=utf-8"
TEXT.update({
    "last_runs": {"ru": "Последние обходы", "en": "Last crawl runs"},
    "run_when": {"ru": "Когда", "en": "When"},
    "courts_reached": {"ru": "Судов пройдено", "en": "Courts reached"},
    "new_cases": {"ru": "Новых дел", "en": "New cases"},
    "changed_cases": {"ru": "Изменилось", "en": "Changed"},
    "removed_cases": {"ru": "Снято с сайтов", "en": "Removed"},
    "feeds": {"ru": "Ленты изменений (Atom)", "en": "Change feeds (Atom)"},
    "feed_all": {"ru": "все изменения", "en": "every change"},
})

Code = Annotated[str, Path(max_length=8, pattern=COURT)]
Name = Annotated[str, Path(max_length=64, pattern=searches.NAME.pattern)]


def _feed(request: Request, filters: SearchFilters | None, title: str, key: str) -> Response:
    current = site(request)
    rows = current.cache.get(("feed", key, current.show_synthetic()), lambda: changes(
        current.engine, filters=filters, include_synthetic=current.show_synthetic(), limit=FEED_LIMIT))
    body = atom_feed(rows, title=title, feed_id=f"tag:milcourt,2025:feed/{key}", self_url=str(request.url),
                     site_url=str(request.base_url))
    return Response(body, media_type=ATOM_TYPE)


@router.get("/all.atom", summary="Every change found by the crawl runs (Atom)")
def feed_all(request: Request) -> Response:
    return _feed(request, None, "milcourt: every change", "all")


@router.get("/search/{name}.atom", summary="Changes matching a saved search (Atom)")
def feed_search(request: Request, name: Name) -> Response:
    try:
        filters = searches.get(site(request).engine, name)
    except searches.SearchError as exc:
        raise HTTPException(404, str(exc)) from exc
    return _feed(request, filters, f"milcourt: {name} ({filters.describe()})", f"search/{name}")


@router.get("/court/{code}.atom", summary="Changes at one court (Atom)")
def feed_court(request: Request, code: Code) -> Response:
    court = find_court(code)
    if court is None or court.code != code:
        raise HTTPException(404, f"unknown court {code}")
    return _feed(request, SearchFilters(court=code), f"milcourt: {court.name}", f"court/{code}")


@router.get("/district/{code}.atom", summary="Changes in a military district or fleet (Atom)")
def feed_district(request: Request, code: Code) -> Response:
    court = find_court(code)
    if court is None or court.code != code or court.level != "district":
        raise HTTPException(404, f"unknown district court {code}")
    return _feed(request, SearchFilters(district=code), f"milcourt: {court.name} and its garrison courts",
                 f"district/{code}")


def runs_for_overview(current: Site) -> list[dict[str, Any]]:
    """The last runs for the overview; none when the store predates the monitor's tables."""
    def compute() -> list[dict[str, Any]]:
        try:
            return last_runs(current.engine, limit=5)
        except sa.exc.DBAPIError:
            return []

    return current.cache.get(("last_runs",), compute)
