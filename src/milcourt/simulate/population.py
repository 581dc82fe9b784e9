"""A seeded synthetic population of military-court cases (first instance and appeal).

Deterministic: the same (seed, cases, courts) always gives the same population, byte for byte.
First-instance cases are spread over 2022-09..2025-06 in the shape of the published national
series (``calibration``) and over garrison courts with a skewed weight (a few big garrisons take
most cases, as Moscow region does). Some verdicts are appealed to the garrison's district court:
the appeal keeps the first-instance UID and names the lower court and its case number.
"""

from __future__ import annotations

import random
import uuid
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from milcourt.simulate import acts, names
from milcourt.simulate.acts import ActFacts
from milcourt.simulate.calibration import allocate, monthly_weights
from milcourt.simulate.registry import Court, military_courts

T = TypeVar("T")
AS_OF = date(2025, 7, 15)  # the simulated "today": later events have not happened yet

# (article, part) and weight: 337 ч.5 dominates, then ч.3.1 ... (shape of published counts)
ARTICLE_MIX: list[tuple[tuple[str, str | None], float]] = [
    (("337", "5"), 52), (("337", "3.1"), 18), (("337", "3"), 6), (("337", "4"), 4), (("337", "2.1"), 3),
    (("332", "2.1"), 5), (("332", "2"), 1.5), (("338", None), 4.5), (("339", "1"), 1), (("339", "2"), 0.5),
    (("352.1", None), 1.0), (("337", "1"), 0.5),
]
SECOND_ARTICLE: dict[str, list[tuple[str, str | None]]] = {"337": [("338", None), ("332", "2.1"), ("339", "1")], "332": [("337", "5")],
                  "338": [("337", "5")], "339": [("337", "3.1")], "352.1": [("337", "5")]}

# Hazing (art. 335 ч.2: а) repeatedly, б) against two or more, в) by a group, г) with a weapon) charged
# besides the absence in one desertion/AWOL case in about thirty: the one military article
# charged here that is qualified by points, printed as a list ("п.п. а,в ч.2 ст.335") where
# several apply. Drawn from the UID, not the seed's stream, so the rest of the population stays.
HAZING: tuple[str, str] = ("335", "2")
HAZING_POINTS = ("в", "а,в", "а,б", "б,в", "в,г", "а")

FIRST_RESULTS: list[tuple[str, float]] = [("Вынесен ПРИГОВОР", 92), ("Уголовное дело ПРЕКРАЩЕНО", 4),
                 ("Направлено по подсудности (подведомственности)", 2), ("Возвращено прокурору", 2)]
APPEAL_RESULTS: list[tuple[str, float]] = [("ОСТАВЛЕН БЕЗ ИЗМЕНЕНИЯ", 72), ("ИЗМЕНЕН", 18),
                  ("ОТМЕНЕН с направлением на новое рассмотрение", 5), ("Апелляционное производство ПРЕКРАЩЕНО", 5)]

DELO_FIRST, DELO_APPEAL = "1540006", "4"


@dataclass
class Case:
    court: str
    court_name: str
    instance: str  # first | appeal
    number: str
    uid: str
    articles: list[tuple[str, str | None]]
    received: date
    decided: date | None
    result: str | None
    judge: str
    defendant: str  # full name, or "" where the court hides it
    case_id: int  # the site's internal card id (case_id=...)
    case_uid: str  # the site's internal card GUID (case_uid=...)
    doc_id: int
    act: str | None = None  # act text (HTML paragraphs), None where the court published none
    act_title: str = ""
    act_facts: ActFacts | None = None  # what the first-instance act states (the truth its extraction meets)
    lower: Case | None = None  # the first-instance case an appeal reviews
    events: list[tuple[str, date, str, str, str]] = field(default_factory=list)

    @property
    def month(self) -> str:
        return self.received.strftime("%Y-%m")

    @property
    def delo_id(self) -> str:
        return DELO_FIRST if self.instance == "first" else DELO_APPEAL

    def key(self) -> tuple[str, str, str]:
        return (self.court, self.number, self.instance)

    def point(self, article: str, part: str | None) -> str | None:
        """The points of an article charged, comma-joined in printed order ("а,в"), as the parser
        gives them; only hazing (art. 335 ч.2) has points here, from the UID as for the stage."""
        if (article, part) != HAZING:
            return None
        return HAZING_POINTS[zlib.crc32(f"points {self.uid}".encode()) % len(HAZING_POINTS)]

    @property
    def stage(self) -> str | None:
        """Preparation or attempt of the first article charged ("ст.30 ч.3, ст.337 ч.5"), in about
        one case in twenty; drawn from the UID, not the seed's stream, so that an appeal has its
        first instance's stage and the rest of the population is the same as without stages."""
        draw = zlib.crc32(self.uid.encode()) % 40
        return "attempt" if draw < 2 else "preparation" if draw == 2 else None


@dataclass
class Population:
    seed: int
    courts: list[Court]  # every court served: the chosen garrisons and their district courts
    cases: list[Case]
    judges: dict[str, list[str]]

    def court(self, code: str) -> Court:
        return next(c for c in self.courts if c.code == code)

    def cases_of(self, code: str) -> list[Case]:
        return [c for c in self.cases if c.court == code]


def _pick(rng: random.Random, table: Sequence[tuple[T, float]]) -> T:
    return rng.choices([t for t, _ in table], weights=[w for _, w in table])[0]


def _uid(rng: random.Random, court: str, year: int, counter: int) -> str:
    return f"{court}-01-{year}-{counter:06d}-{rng.randrange(100):02d}"


def _choose_courts(rng: random.Random, n_courts: int | None) -> tuple[list[Court], list[Court]]:
    every = military_courts()
    garrisons = [c for c in every if c.level == "garrison"]
    if n_courts is not None and n_courts < len(garrisons):
        garrisons = sorted(rng.sample(garrisons, max(n_courts, 1)), key=lambda c: c.code)
    parents = {c.parent for c in garrisons if c.parent}
    districts = [c for c in every if c.code in parents]
    return garrisons, districts


def _first_events(rng: random.Random, received: date, decided: date | None, result: str | None) -> list:
    ev = [("Регистрация поступившего в суд дела", received, f"10:{rng.randrange(60):02d}", "", ""),
          ("Передача материалов дела судье", received, f"15:{rng.randrange(60):02d}", "", "")]
    hearing = received + timedelta(days=rng.randint(2, 9))
    if hearing <= AS_OF:
        ev.append(("Решение в отношении поступившего уголовного дела", hearing, f"17:{rng.randrange(60):02d}",
                   "Назначено судебное заседание", ""))
    if decided:
        outcome = "Постановление приговора" if result == "Вынесен ПРИГОВОР" else "Производство по делу прекращено"
        if result and result.startswith(("Направлено", "Возвращено")):
            outcome = "Дело направлено по подсудности" if result.startswith("Направлено") else "Дело возвращено прокурору"
        ev.append(("Судебное заседание", decided, f"{rng.randint(9, 16):02d}:00", outcome, ""))
    return ev


def generate(seed: int = 1, cases: int = 3000, courts: int | None = None) -> Population:
    """Generate the population: ``cases`` first-instance cases, their appeals, over ``courts`` garrisons."""
    rng = random.Random(seed)
    garrisons, districts = _choose_courts(rng, courts)
    weight = {c.code: rng.lognormvariate(0, 0.9) for c in garrisons}
    judges = {c.code: [names.judge_name(rng) for _ in range(rng.randint(2, 6))] for c in garrisons + districts}
    counts = allocate(cases, monthly_weights())
    drafts: list[tuple[Court, date, list[tuple[str, str | None]]]] = []
    for month, n in counts.items():
        y, m = int(month[:4]), int(month[5:])
        first_day = 21 if (y, m) == (2022, 9) else 1
        last_day = ((date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)) - timedelta(days=1)).day
        for court in rng.choices(garrisons, weights=[weight[c.code] for c in garrisons], k=n):
            received = date(y, m, rng.randint(first_day, last_day))
            arts = [_pick(rng, ARTICLE_MIX)]
            if rng.random() < 0.07:
                arts.append(rng.choice(SECOND_ARTICLE[arts[0][0]]))
            drafts.append((court, received, arts))
    drafts.sort(key=lambda d: (d[0].code, d[1]))
    out: list[Case] = []
    number_at: dict[tuple[str, int], int] = {}
    uid_at: dict[tuple[str, int], int] = {}
    for court, received, arts in drafts:
        year = received.year
        number_at[(court.code, year)] = number_at.get((court.code, year), 0) + rng.randint(1, 3)
        uid_at[(court.code, year)] = uid_at.get((court.code, year), 0) + rng.randint(1, 9)
        decision = received + timedelta(days=int(rng.gammavariate(2.0, 18)) + 7)
        outcome = _pick(rng, FIRST_RESULTS)
        decided, result = (decision, outcome) if decision <= AS_OF else (None, None)
        case = Case(court.code, court.name, "first", f"1-{number_at[(court.code, year)]}/{year}",
                    _uid(rng, court.code, year, uid_at[(court.code, year)]), arts, received, decided, result,
                    rng.choice(judges[court.code]), "" if rng.random() < 0.1 else names.defendant_name(rng),
                    rng.randrange(10**6, 10**8), str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    rng.randrange(10**6, 10**8))
        if len(arts) == 1 and arts[0][0] == "337" and zlib.crc32(f"hazing {case.uid}".encode()) % 30 == 0:
            arts.append(HAZING)
        case.events = _first_events(rng, received, decided, result)
        if result and rng.random() < 0.45:
            case.act_title, case.act, case.act_facts = acts.first_instance_act(rng, case)
        out.append(case)
    out.extend(_appeals(rng, out, garrisons, {c.code: c.name for c in districts}, judges))
    out.sort(key=lambda c: (c.court, c.instance, c.received, c.number))
    return Population(seed, sorted(garrisons + districts, key=lambda c: c.code), out, judges)


def _appeals(
    rng: random.Random, firsts: list[Case], garrisons: list[Court], district_names: dict[str, str], judges: dict
) -> list[Case]:
    parent = {c.code: c.parent for c in garrisons}
    numbers: dict[tuple[str, int], int] = {}
    out = []
    for low in firsts:
        if low.result != "Вынесен ПРИГОВОР" or low.decided is None or rng.random() > 0.3:
            continue
        court = parent[low.court]
        if court is None:  # the registry names no appeal court for this garrison
            continue
        received = low.decided + timedelta(days=rng.randint(20, 60))
        if received > AS_OF:
            continue
        decision = received + timedelta(days=rng.randint(14, 70))
        outcome = _pick(rng, APPEAL_RESULTS)
        decided, result = (decision, outcome) if decision <= AS_OF else (None, None)
        year = received.year
        numbers[(court, year)] = numbers.get((court, year), 0) + rng.randint(1, 4)
        case = Case(court, district_names[court], "appeal", f"22-{numbers[(court, year)]}/{year}", low.uid, list(low.articles),
                    received, decided, result, rng.choice(judges[court]), low.defendant,
                    rng.randrange(10**6, 10**8), str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    rng.randrange(10**6, 10**8), lower=low)
        case.events = [("Регистрация поступившего в суд дела", received, f"11:{rng.randrange(60):02d}", "", "")]
        if decided:
            case.events.append(("Судебное заседание", decided, f"{rng.randint(9, 15):02d}:30", result or "", ""))
            if rng.random() < 0.35:
                case.act_title, case.act = acts.appeal_act(rng, case)
        out.append(case)
    return out
