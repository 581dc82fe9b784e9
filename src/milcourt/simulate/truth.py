"""The ground truth of a simulated population: what a perfect crawl must end up with.

``truth.json``: ``courts`` (the courts with cases; every other military court is served
too, with none), ``cases`` (every case on the sites, first instance and appeal, with the facts a
crawl must recover; a case with an act text has ``act``, ``"card"`` where its card prints it
or ``"page"`` where the card links it on a page of its own, and a first-instance one ``act_facts``, what that act
states: sentence kind and term, regime, suspended, absence dates, service basis, motives),
``counts`` (first-instance cases by court, month received and article; a
case charged under two articles counts once under each), and the fault plan's marks:
``down_courts`` (heavy faults: their cases cannot be crawled), ``removed`` (cases that vanish
from the site once their card was served) and ``changed`` (cards that change on a later visit).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from milcourt.simulate.faults import FaultPlan
from milcourt.simulate.pages import act_on_own_page
from milcourt.simulate.population import Case, Population


def case_record(case: Case) -> dict[str, Any]:
    record: dict[str, Any] = {
        "court": case.court, "number": case.number, "instance": case.instance, "uid": case.uid,
        "articles": [{"article": a, "part": p} | ({"point": case.point(a, p)} if case.point(a, p) else {})
                     for a, p in case.articles],
        "received": case.received.isoformat(), "decided": case.decided.isoformat() if case.decided else None,
        "result": case.result,
    }
    if case.stage is not None:
        record["stage"] = case.stage  # of the first article: printed with art. 30 before it
    if case.lower is not None:
        record["lower"] = {"court": case.lower.court, "number": case.lower.number}
    if case.act is not None:  # where a crawl finds the text: the card's acts tab, or a page the card links
        record["act"] = "page" if act_on_own_page(case) else "card"
    if case.act_facts is not None:
        record["act_facts"] = case.act_facts.as_dict()
    return record


def counts(population: Population) -> list[dict[str, Any]]:
    tally: Counter[tuple[str, str, str]] = Counter()
    for case in population.cases:
        if case.instance == "first":
            for article in sorted({a for a, _ in case.articles}):
                tally[(case.court, case.month, article)] += 1
    return [{"court": c, "month": m, "article": a, "n": n} for (c, m, a), n in sorted(tally.items())]


def truth(population: Population, plan: FaultPlan, params: dict[str, Any]) -> dict[str, Any]:
    def keys(items: set[tuple[str, str, str]]) -> list[dict[str, str]]:
        return [{"court": c, "number": n, "instance": i} for c, n, i in sorted(items)]

    return {
        "synthetic": True,
        "params": params,
        "courts": [{"code": c.code, "name": c.name, "level": c.level, "parent": c.parent,
                    "cases": sum(1 for case in population.cases if case.court == c.code)} for c in population.courts],
        "cases": [case_record(c) for c in population.cases],
        "counts": counts(population),
        "down_courts": list(plan.down_courts),
        "captcha_courts": sorted(plan.captcha_courts),
        "removed": keys(plan.removed),
        "changed": keys(plan.changed),
    }


def write_truth(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
