"""A simulated world that moves on: each advance is one day on the court sites.

A monitor is tested by what happens between two crawls, so the simulator's sites must change as
real ones do from one night to the next: new cases are registered, pending cases are decided,
act texts are published some days or weeks after the decision, verdicts are appealed (a new card
at the district court, linked by the UID), and now and then a case disappears from the site.
Every advance is recorded (``log``): the cases it made new, changed (with the kind of change,
in the store's terms) and removed, so a test or a benchmark can check a change set against it.

Deterministic: the same population, seed and number of advances give the same world.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from milcourt.simulate import acts, names
from milcourt.simulate.faults import FaultPlan
from milcourt.simulate.population import (
    APPEAL_RESULTS,
    ARTICLE_MIX,
    AS_OF,
    FIRST_RESULTS,
    Case,
    Population,
    _pick,
)

Key = tuple[str, str, str]


@dataclass
class Rates:
    """Daily chances, chosen so a month moves a few percent of the cases (as the real sites do)."""

    new_per_1000: float = 1.0  # new first-instance cases a day per 1000 cases in the population
    decide: float = 0.06  # a pending first-instance case (registered a week ago or more) is decided
    decide_appeal: float = 0.06
    act: float = 0.04  # a decided case without an act gets one (45 % of courts publish at all)
    appeal: float = 0.02  # a verdict 20–60 days old is appealed
    remove: float = 0.0003  # a case disappears from the site


@dataclass
class World:
    population: Population
    plan: FaultPlan
    rates: Rates = field(default_factory=Rates)
    today: date = AS_OF
    log: list[dict[str, Any]] = field(default_factory=list)
    on_new: Any = None  # the server's hook: index a case added to the sites

    def __post_init__(self) -> None:
        self.rng = random.Random(f"evolve:{self.population.seed}")
        self.firsts = sum(c.instance == "first" for c in self.population.cases)
        self._ids = {c.case_id for c in self.population.cases}
        self._numbers: dict[tuple[str, int], int] = {}
        for c in self.population.cases:
            head, _, tail = c.number.partition("-")
            n, _, year = tail.partition("/")
            key = (f"{c.court}:{head}", int(year))
            self._numbers[key] = max(self._numbers.get(key, 0), int(n))
        self.appealed = {id(c.lower) for c in self.population.cases if c.lower is not None}
        self.parents = {c.code: c.parent for c in self.population.courts}
        self.serving = {c.code for c in self.population.courts}

    def _live(self) -> list[Case]:
        return [c for c in self.population.cases if not self.plan.is_removed(c.key())]

    def advance(self) -> dict[str, Any]:
        """Move the sites on by one day (and apply the fault plan's between-crawl changes)."""
        was_updated = self.plan.is_updated
        gone_before = set(self.plan.gone)
        self.plan.next_crawl()
        self.today += timedelta(days=1)
        changed: dict[Key, set[str]] = {}
        removed = set(self.plan.gone) - gone_before
        if not was_updated:  # the plan's changing cases show their later version: the act appears
            for case in self.population.cases:
                if case.key() in self.plan.changed and case.act is not None and case.key() not in removed:
                    changed.setdefault(case.key(), set()).add("new_act")
        touched: set[Key] = set(changed) | removed
        live = self._live()
        for case in live:
            if case.key() in touched:
                continue
            kinds = self._step(case)
            if kinds:
                changed.setdefault(case.key(), set()).update(kinds)
                touched.add(case.key())
        new: list[Key] = []
        for case in live:
            if case.key() in touched or not self._appeal_due(case):
                continue
            appeal = self._appeal(case)
            if appeal is not None:
                new.append(appeal.key())
                changed.setdefault(case.key(), set()).add("instance_linked")
                touched.add(case.key())
        for _ in range(self._poisson(self.rates.new_per_1000 * self.firsts / 1000)):
            new.append(self._new_case().key())
        for case in live:
            if case.key() not in touched and self.rng.random() < self.rates.remove:
                removed.add(case.key())
        self.plan.remove(removed)
        record = {"day": self.today.isoformat(), "new": sorted(new),
                  "changed": sorted((k, sorted(v)) for k, v in changed.items() if k not in removed),
                  "removed": sorted(removed)}
        self.log.append(record)
        return record

    # -- what happens to one case in a day ----------------------------------------------------
    def _step(self, case: Case) -> set[str]:
        rng = self.rng
        if case.decided is None:
            rate = self.rates.decide if case.instance == "first" else self.rates.decide_appeal
            if case.received <= self.today - timedelta(days=7) and rng.random() < rate:
                self._decide(case)
                return {"decided"}
            return set()
        if case.act is None and case.result and rng.random() < self.rates.act:
            if case.instance == "first":
                case.act_title, case.act, case.act_facts = acts.first_instance_act(rng, case)
            else:
                case.act_title, case.act = acts.appeal_act(rng, case)
            return {"new_act"}
        return set()

    def _decide(self, case: Case) -> None:
        if case.instance == "first":
            case.result = _pick(self.rng, FIRST_RESULTS)
            outcome = "Постановление приговора" if case.result == "Вынесен ПРИГОВОР" else "Производство по делу прекращено"
        else:
            case.result = _pick(self.rng, APPEAL_RESULTS)
            outcome = case.result
        case.decided = self.today
        case.events.append(("Судебное заседание", self.today, f"{self.rng.randint(9, 16):02d}:00", outcome, ""))

    def _appeal_due(self, case: Case) -> bool:
        return (case.instance == "first" and case.result == "Вынесен ПРИГОВОР" and case.decided is not None
                and id(case) not in self.appealed and 20 <= (self.today - case.decided).days <= 60
                and self.parents.get(case.court) in self.serving and self.rng.random() < self.rates.appeal)

    def _next_number(self, court: str, head: str) -> str:
        key = (f"{court}:{head}", self.today.year)
        self._numbers[key] = self._numbers.get(key, 0) + self.rng.randint(1, 3)
        return f"{head}-{self._numbers[key]}/{self.today.year}"

    def _ids_for(self) -> tuple[int, str, int]:
        rng = self.rng
        case_id = rng.randrange(10**6, 10**8)
        while case_id in self._ids:
            case_id = rng.randrange(10**6, 10**8)
        self._ids.add(case_id)
        return case_id, str(uuid.UUID(int=rng.getrandbits(128), version=4)), rng.randrange(10**6, 10**8)

    def _appeal(self, low: Case) -> Case | None:
        court = self.parents.get(low.court)
        district = next((c for c in self.population.courts if c.code == court), None)
        if court is None or district is None:
            return None
        self.appealed.add(id(low))
        case_id, case_uid, doc_id = self._ids_for()
        judges = self.population.judges.get(court) or [low.judge]
        case = Case(court, district.name, "appeal", self._next_number(court, "22"), low.uid, list(low.articles),
                    self.today, None, None, self.rng.choice(judges), low.defendant, case_id, case_uid, doc_id,
                    lower=low)
        case.events = [("Регистрация поступившего в суд дела", self.today, f"11:{self.rng.randrange(60):02d}", "", "")]
        self._add(case)
        return case

    def _new_case(self) -> Case:
        rng = self.rng
        garrisons = [c for c in self.population.courts if c.level == "garrison"]
        weights = [1 + sum(1 for x in self.population.cases if x.court == g.code) for g in garrisons]
        court = rng.choices(garrisons, weights=weights)[0]
        articles = [_pick(rng, ARTICLE_MIX)]
        case_id, case_uid, doc_id = self._ids_for()
        number = self._next_number(court.code, "1")
        uid = f"{court.code}-01-{self.today.year}-{rng.randrange(10**5, 10**6):06d}-{rng.randrange(100):02d}"
        judges = self.population.judges.get(court.code) or [names.judge_name(rng)]
        case = Case(court.code, court.name, "first", number, uid, articles, self.today, None, None,
                    rng.choice(judges), "" if rng.random() < 0.1 else names.defendant_name(rng), case_id,
                    case_uid, doc_id)
        case.events = [("Регистрация поступившего в суд дела", self.today, f"10:{rng.randrange(60):02d}", "", ""),
                       ("Передача материалов дела судье", self.today, f"15:{rng.randrange(60):02d}", "", "")]
        self._add(case)
        return case

    def _add(self, case: Case) -> None:
        self.population.cases.append(case)
        if self.on_new is not None:
            self.on_new(case)

    def _poisson(self, mean: float) -> int:
        """A small Poisson draw (Knuth), so the number of new cases varies from day to day."""
        limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
        while True:
            p *= self.rng.random()
            if p <= limit:
                return k
            k += 1


def expected_changes(record: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    """An advance's record as (court, number, instance, kind) rows, as a change set holds them."""
    rows = {(c, n, i, "new") for c, n, i in record["new"]}
    rows |= {(c, n, i, "removed") for c, n, i in record["removed"]}
    rows |= {(c, n, i, kind) for (c, n, i), kinds in record["changed"] for kind in kinds}
    return rows
