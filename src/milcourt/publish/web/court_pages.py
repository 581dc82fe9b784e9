"""A page per court and a page per military district: what a reader opens from any court's name.

A court page shows that court's cases by month, the articles charged, the sentences and
outcomes, and how complete its record is (cases held, acts, facts read, last crawl). A district
page shows the district court and the garrison courts under it, their cases by month and by
court, the sentences, and the coverage of each court. Every chart is drawn only when its
selection has data; otherwise the page says what is missing and why.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request

from milcourt.courts.registry import Court, find_court, military_courts
from milcourt.publish import captions, charts
from milcourt.publish.labels import (
    SENTENCE_KINDS,
    court_label,
    district_courts,
    district_of,
    garrisons_of,
    short_court_name,
)
from milcourt.publish.web.context import render, site
from milcourt.publish.web.figures import Figure, coverage_of, figure, stats
from milcourt.publish.web.params import COURT

router = APIRouter()
CodePath = Annotated[str, Path(max_length=8, pattern=COURT)]


def _court(code: str) -> Court:
    court = find_court(code)
    if court is None or not court.military:
        raise HTTPException(status_code=404, detail="no such military court")
    return court


def _acts_note(cover: dict[str, Any]) -> str:
    with_act = cover["cases"] - cover["cases_without_act"]
    return (f"{captions.count(cover['cases'], 'case')} held, {with_act:,} with an act text, facts read from "
            f"{with_act - cover['cases_without_facts']:,}.")


def _figures(request: Request, scope: dict[str, str], cover: dict[str, Any], by_court: bool) -> dict[str, Figure]:
    """The charts a court or a district page shows, for ``scope`` (court=… or district=…)."""
    none_held = ("no cases in the store for this selection: "
                 + ("the court has not been crawled yet." if cover.get("status") == "not crawled"
                    else "the court's site listed none under the articles milcourt collects."))
    months = stats(request, by=["month", "article", "part"], **scope)
    articles = stats(request, by=["article", "part"], **scope)
    kinds = [r for r in stats(request, by=["article", "part", "sentence_kind"], instance="first", **scope)
             if r["sentence_kind"]]
    outcomes = [r for r in stats(request, by=["instance", "result"], **scope) if r["result"]]
    out = {
        "months": figure(charts.cases_per_month(months, ""), months, captions.per_year(months, {}, 0, "case"), none_held),
        "articles": figure(charts.bar([dict(r, label=f"{r['article']} ч.{r['part']}" if r.get("part")
                                            else str(r["article"])) for r in articles], "label", ""),
                           articles, "", none_held),
        "kinds": figure(charts.stacked([dict(r, sentence_kind=SENTENCE_KINDS.get(r["sentence_kind"], r["sentence_kind"]))
                                        for r in kinds], "part", "sentence_kind", ""), kinds,
                        captions.sentence_kinds(kinds),
                        "no act texts with a sentence in this selection: " + _acts_note(cover)),
        "outcomes": figure(charts.bar([dict(r, label=f"{r['result']} ({r['instance']})") for r in outcomes],
                                      "label", ""), outcomes, "",
                           "no decided cases in this selection: no card records a result yet."),
    }
    if by_court:
        courts = [r for r in stats(request, by=["court"], **scope) if r["court"]]
        named = [dict(r, name=short_court_name(r["court"]), full_name=court_label(r["court"])) for r in courts]
        out["courts"] = figure(charts.bar(named, "name", "", tooltip=("full_name",)), courts,
                               captions.top_court(courts, "court", "case"), none_held)
    return out


@router.get("/courts/{code}", include_in_schema=False)
def court_page(request: Request, code: CodePath) -> Any:
    court = _court(code)
    current = site(request)
    cover = coverage_of(current, [court.code])
    district_code = district_of(court.code)
    district = find_court(district_code) if district_code else None
    return render(request, "court.html", court=court, district=district, cover=cover,
                  figures=_figures(request, {"court": court.code}, cover, by_court=False))


@router.get("/districts", include_in_schema=False)
def districts_page(request: Request) -> Any:
    counts = {r["district"]: r["n"] for r in stats(request, by=["district"])}
    return render(request, "districts.html", districts=district_courts(), counts=counts)


@router.get("/districts/{code}", include_in_schema=False)
def district_page(request: Request, code: CodePath) -> Any:
    court = _court(code)
    if court.level != "district":
        raise HTTPException(status_code=404, detail="not a military district court")
    current = site(request)
    members = [court, *garrisons_of(court.code)]
    cover = coverage_of(current, [c.code for c in members])
    counts = {r["court"]: r["n"] for r in stats(request, by=["court"], district=court.code)}
    return render(request, "district.html", court=court, members=members, cover=cover, counts=counts,
                  figures=_figures(request, {"district": court.code}, cover, by_court=True),
                  all_districts=[c for c in military_courts() if c.level == "district"])
