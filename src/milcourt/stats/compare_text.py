"""Why the figures differ, in sentences written from the comparison rows (reused by the report).

Each sentence is emitted only when the rows give it a reason: a sentence on persons vs cases
needs both an official and a case count, one on periods needs a figure that is not a calendar
year, and so on. Numbers in the sentences are the rows' own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from milcourt.stats.compare import Comparison

_DESERTION_ERA = "the Judicial Department stopped publishing the military-crimes chapter of form 10-a after 2021"


def _art(article: str) -> str:
    return "chapter 33" if article == "ch33" else f"art. {article}"


def _published(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for r in rows for p in r.get("published", [])]


def _official_sentences(c: Comparison, years: list[dict[str, Any]]) -> list[str]:
    official = [r for r in years if r["official"]]
    if not official:
        return [
            f"No official form 10-a figure is loaded for {_art(c.article)}: the form covers 2013-2021 "
            "(load it with `milcourt official load DIR`)."
        ]
    first, last = official[0]["year"], official[-1]["year"]
    out = [
        f"The official figures ({first}-{last}) count persons convicted under {_art(c.article)} as their main "
        "(gravest) article, by the year the sentence took legal force; a person also convicted of a graver "
        "crime is counted under that crime, and acquittals, dismissals and undecided cases are not counted."
    ]
    if any(r["official"]["summed_from_parts"] for r in official):
        out.append(
            f"Form 10-a prints {_art(c.article)} by part only; its yearly total here is the sum of the printed "
            "parts (each person has one main article and part, so no one is counted twice)."
        )
    later = [r["year"] for r in years if r["year"] > last and (r["published"] or r["ours"]["value"])]
    if later:
        out.append(f"There is no official figure for {', '.join(map(str, later))}: {_DESERTION_ERA}.")
    return out


def _published_sentences(c: Comparison) -> list[str]:
    figures = _published(c.rows)
    if not figures:
        return []
    out = []
    kinds = {p["counts"] for p in figures}
    if "cases" in kinds:
        out.append(
            "Figures that count cases (mostly Mediazona's, from military court websites) count a case once "
            "however many defendants it has, count it when the court receives it whatever its outcome, and "
            "count it under the articles listed on the court's case card, not only the main one."
        )
    if "sentences" in kinds:
        out.append("Figures that count sentences or verdicts count decisions, not cases received nor persons.")
    if kinds & {"persons", "help_requests"}:
        out.append(
            "Counts of soldiers absent or deserted and of requests for help are estimates of the phenomenon, "
            "not of prosecutions, and are shown for context only."
        )
    partial = [p for p in figures if not p["full_year"]]
    if partial:
        periods = sorted({p["period"] for p in partial})
        out.append(
            f"{len(partial)} published figure(s) cover part of a year or several years (e.g. {periods[0]}); "
            "periods starting 2022-09-21 begin with the mobilisation decree, and a period ending on a "
            "publication date misses cases posted late, so they do not compare with a calendar-year count."
        )
    prosecutions = [p for p in figures if p["counts"] in ("cases", "sentences")]
    mixed = [p for p in prosecutions if p["articles"].split(" part ")[0] != c.article]
    if mixed:
        out.append(
            f"{len(mixed)} count(s) of cases or sentences mix several articles (332, 337, 338 and others) and "
            f"are larger than a count for {_art(c.article)} alone."
        )
    local = sorted({p["scope"] for p in prosecutions if not p["national"]})
    if local:
        out.append(f"Some counts cover one court or region ({'; '.join(local)}), not all of Russia.")
    return out


def _pair_sentences(c: Comparison, years: list[dict[str, Any]]) -> list[str]:
    out = []
    for row in years:
        official = row["official"]
        cases = [p for p in row["published"] if p["exact_article"] and p["counts"] == "cases" and p["full_year"] and p["national"]]
        if official and cases:
            p = cases[0]
            diff = p["value"] - official["value"]
            out.append(
                f"In {row['year']} {p['publisher']} counted {p['value']} cases under {_art(c.article)}, "
                f"{abs(diff)} {'more' if diff >= 0 else 'fewer'} than the {official['value']} persons convicted "
                "in the official figures: cases are counted when received and convictions when in force (often "
                "the next year), and cases ending in acquittal, dismissal or a graver main article are in the "
                "case count only."
            )
        ours = row["ours"]["value"]
        if official and ours:
            share = ours / official["value"] if official["value"] else 0
            out.append(
                f"In {row['year']} our store has {ours} cases under {_art(c.article)} against {official['value']} "
                f"persons convicted officially ({share:.0%})."
            )
    return out


def _ours_sentences(c: Comparison, years: list[dict[str, Any]], our_note: str) -> list[str]:
    if any(r["ours"]["value"] is None for r in years):
        return [
            f"Our own count is missing ({our_note or 'store empty'}): ingest court pages with `milcourt ingest` "
            "and run `milcourt compare` again."
        ]
    return [
        f"Our count is of first-instance cases received by military courts, charged under {_art(c.article)} "
        "in any position, from the court websites crawled; it misses cases the courts do not publish or "
        "that we have not crawled (see `milcourt stats coverage`)."
    ]


def explain(comparison: Comparison, *, our_note: str = "") -> list[str]:
    """Sentences saying why the figures differ: persons vs cases, main article vs any, coverage, periods."""
    years = [r for r in comparison.rows if r["kind"] == "year"]
    return [
        *_official_sentences(comparison, years),
        *_published_sentences(comparison),
        *_ours_sentences(comparison, years, our_note),
        *_pair_sentences(comparison, years),
    ]
