"""A store of 100,000 simulated cases for the dashboard and stats benchmarks, built in a minute.

Ingesting 100k pages through the parser would take hours, so this writes realistic rows straight
into the store's tables (SQLAlchemy Core executemany) after the real migrations created them
(the courts table is filled by the migration). The population follows the shape of the national
series: cases received 2022-09..2025-06 growing month on month, articles 337 (parts 2.1, 3, 3.1,
4, 5), 338, 332, 339, 352.1 in realistic proportions, ~100 garrison courts of very unequal size,
appeals at the district courts linked to their first-instance case by UID and proceeding.
About 30% of cases have an act: a realistic text from tests/acts/corpus of the same article,
with the facts, spans and motives the real extractor reads from it (extracted once per text).
Every record is marked synthetic. Stores are cached under the temp dir, keyed by size and by the
builder's and the schema's versions.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

BUILDER_VERSION = 2
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "acts" / "corpus"
FETCHED = datetime(2025, 7, 1, 3, 0)
LAST_DAY = date(2025, 6, 30)
ARTICLE_SHARES = {  # (article, part): share of first-instance cases
    ("337", "5"): 0.50, ("337", "3.1"): 0.10, ("337", "2.1"): 0.06, ("337", "4"): 0.04, ("337", "3"): 0.03,
    ("332", "2.1"): 0.14, ("332", "1"): 0.01, ("338", "1"): 0.03, ("338", "3"): 0.03,
    ("339", "3"): 0.02, ("339", "1"): 0.01, ("352.1", None): 0.01,
}
FIRST_RESULTS = {"Вынесен ПРИГОВОР": 0.88, "Прекращено производство по делу": 0.08,
                 "Дело возвращено прокурору": 0.04}
APPEAL_RESULTS = {"Приговор оставлен без изменения": 0.72, "Приговор изменен": 0.2, "Приговор отменен": 0.08}
APPEAL_SHARE = 0.15
ACT_SHARE = 0.30
CHUNK = 5000


def store_path(n_cases: int) -> Path:
    from milcourt.store.migrations import LATEST

    return Path(tempfile.gettempdir()) / "milcourt-bench" / f"store-{n_cases}-b{BUILDER_VERSION}-v{LATEST}.db"


def ensure_store(n_cases: int = 100_000, *, seed: int = 2022) -> str:
    """The URL of a cached store of ``n_cases`` simulated cases, building it when missing."""
    path = store_path(n_cases)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, n_cases, seed=seed)
        partial.rename(path)
    return f"sqlite:///{path}"


@dataclass
class PoolAct:
    """A corpus act text with what the real extractor read from it."""
    kind: str  # "v" verdict, "a" appeal ruling, …
    article: str | None
    title: str
    text: str
    facts: dict[str, Any]
    spans: list[dict[str, Any]]


def act_pool() -> dict[tuple[str, str | None], list[PoolAct]]:
    """Corpus acts grouped by (instance, article), each read once by the real extractor."""
    from milcourt.extract import extract_act_with_spans

    pool: dict[tuple[str, str | None], list[PoolAct]] = defaultdict(list)
    for path in sorted(CORPUS.glob("*.txt")):
        match = re.match(r"\d+_([va])(\d{3}(?:_1)?)p?", path.stem)
        if not match:
            continue
        kind, article = match.group(1), match.group(2).replace("_", ".")
        text = path.read_text(encoding="utf-8")
        facts, spans = extract_act_with_spans(text)
        instance = "first" if kind == "v" else "appeal"
        title = "Приговор" if kind == "v" else "Апелляционное определение"
        pool[(instance, article)].append(PoolAct(kind, article, title, text, facts, spans))
    return pool


def _hex(rng: random.Random, n: int = 64) -> str:
    return f"{rng.getrandbits(n * 4):0{n}x}"


def _months() -> list[tuple[date, float]]:
    """Months 2022-09..2025-06 with weights growing like the national series (x5 over the period)."""
    out, day, i = [], date(2022, 9, 1), 0
    while day <= LAST_DAY:
        out.append((day, 1 + 4 * min(1.0, i / 22) ** 0.8))
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        i += 1
    return out


def _pick(rng: random.Random, shares: dict[Any, float]) -> Any:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def population(n_cases: int, seed: int) -> list[dict[str, Any]]:
    """Case dicts (first instance, then appeals pointing at theirs) for ``n_cases`` cases."""
    from milcourt.courts.registry import military_courts

    rng = random.Random(seed)
    by_code = {c.code: c for c in military_courts()}
    courts = [c for c in military_courts() if c.level == "garrison"]
    rng.shuffle(courts)
    court_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(courts))]
    months = _months()
    n_appeals = int(n_cases * APPEAL_SHARE)
    seq: dict[tuple[str, int, str], int] = defaultdict(int)
    cases: list[dict[str, Any]] = []
    for _ in range(n_cases - n_appeals):
        court = rng.choices(courts, weights=court_weights)[0]
        month = rng.choices([m for m, _ in months], weights=[w for _, w in months])[0]
        received = month + timedelta(days=rng.randrange(28))
        charges = [_pick(rng, ARTICLE_SHARES)]
        if rng.random() < 0.05:
            charges.append(_pick(rng, ARTICLE_SHARES))
        decided = received + timedelta(days=rng.randint(20, 160))
        seq[(court.code, received.year, "1")] += 1
        k = seq[(court.code, received.year, "1")]
        cases.append({
            "court": court, "instance": "first", "number": f"1-{k}/{received.year}",
            "uid": f"{court.code}-01-{received.year}-{k:06d}-{rng.randrange(10, 99)}",
            "received": received, "decided": decided if decided <= LAST_DAY else None,
            "result": _pick(rng, FIRST_RESULTS) if decided <= LAST_DAY else None,
            "charges": list(dict.fromkeys(charges)), "lower": None,
        })
    decided_firsts = [c for c in cases if c["decided"] and c["result"] == "Вынесен ПРИГОВОР"
                      and c["court"].parent in by_code and c["decided"] + timedelta(days=60) <= LAST_DAY]
    for lower in rng.sample(decided_firsts, min(n_appeals, len(decided_firsts))):
        court = by_code[lower["court"].parent]
        received = lower["decided"] + timedelta(days=rng.randint(15, 60))
        decided = received + timedelta(days=rng.randint(10, 60))
        seq[(court.code, received.year, "22")] += 1
        cases.append({
            "court": court, "instance": "appeal", "number": f"22-{seq[(court.code, received.year, '22')]}/{received.year}",
            "uid": lower["uid"], "received": received, "decided": decided if decided <= LAST_DAY else None,
            "result": _pick(rng, APPEAL_RESULTS) if decided <= LAST_DAY else None,
            "charges": lower["charges"], "lower": lower,
        })
    return cases


def _rows(cases: list[dict[str, Any]], pool: dict[tuple[str, str | None], list[PoolAct]],
          seed: int) -> dict[str, list[dict[str, Any]]]:
    """Table rows for the population (ids assigned here, in insertion order)."""
    from milcourt.store.facts import EXTRACTOR_VERSION, facts_row

    rng = random.Random(seed + 1)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case_id, case in enumerate(cases, 1):
        case["id"] = case_id
        lower = case["lower"]
        if lower is None:
            out["proceedings"].append({"id": case_id, "created_at": FETCHED, "merged_into": None})
        proceeding = case_id if lower is None else lower["id"]
        snap = _hex(rng)
        url = f"{case['court'].website}/modules.php?name=sud_delo&name_op=case&number={case['number']}"
        out["snapshots"].append({"sha256": snap, "source": url, "url": url, "fetched_at": FETCHED,
                                 "ingested_at": FETCHED, "parser_version": "bench", "kind": "case_card",
                                 "size": 30_000 + rng.randrange(20_000), "synthetic": True})
        card = {"number": case["number"], "uid": case["uid"], "received": case["received"].isoformat(),
                "decided": case["decided"].isoformat() if case["decided"] else None, "result": case["result"]}
        out["cases"].append({
            "id": case_id, "court_code": case["court"].code, "court_code_source": "url",
            "number": case["number"], "instance": case["instance"], "uid": case["uid"],
            "number_full": case["number"], "category": "Уголовные дела", "received": case["received"],
            "judge": f"Судья {case['court'].code[-2:]}-{rng.randrange(6)}", "decided": case["decided"],
            "result": case["result"], "lower_court": lower["court"].name if lower else None,
            "lower_number": lower["number"] if lower else None, "lower_judge": None,
            "lower_decided": lower["decided"] if lower else None, "url": url, "synthetic": True,
            "first_seen": FETCHED, "last_seen": FETCHED, "current_version": 1, "content_sha": _hex(rng),
            "snapshot_sha": snap, "removed_from_source": None, "proceeding_id": proceeding,
        })
        out["case_versions"].append({"case_id": case_id, "version": 1, "snapshot_sha": snap, "seen_at": FETCHED,
                                     "changed": None, "content": {"case": card}})
        out["persons"].append({"case_id": case_id, "version": 1, "person_no": 1, "pseudonym": "P-" + _hex(rng, 6),
                               "role": "ЛИЦА", "decided": case["decided"], "result": case["result"]})
        for no, (article, part) in enumerate(case["charges"], 1):
            out["charges"].append({"case_id": case_id, "version": 1, "person_no": 1, "charge_no": no,
                                   "law": "УК РФ", "article": article, "part": part, "point": None})
        out["proceeding_keys"].append({"key": f"case:{case['court'].code}|{case['number']}",
                                       "proceeding_id": proceeding})
        if lower is None:
            out["proceeding_keys"].append({"key": f"uid:{case['uid']}", "proceeding_id": proceeding})
        choices = pool.get((case["instance"], case["charges"][0][0])) or pool.get((case["instance"], "337"))
        if not (case["decided"] and choices and rng.random() < ACT_SHARE / 0.85):
            continue
        act = rng.choice(choices)
        act_id = len(out["acts"]) + 1
        out["acts"].append({"id": act_id, "case_id": case_id, "version": 1, "act_no": 1, "title": act.title,
                            "text": act.text, "text_sha": hashlib.sha256(act.text.encode()).hexdigest()})
        out["act_facts"].append({
            "act_id": act_id, "case_id": case_id, "version": 1, "extractor_version": EXTRACTOR_VERSION,
            "extracted_at": FETCHED, "error": None, "facts": act.facts, "spans": act.spans,
            **facts_row(act.facts),
        })
        for motive in sorted(set(act.facts.get("motives") or [])):
            out["act_motives"].append({"act_id": act_id, "motive": motive})
    return out


def build(path: Path, n_cases: int, *, seed: int = 2022) -> None:
    """Create a SQLite store at ``path`` with the simulated population (see ``fill``)."""
    fill(f"sqlite:///{path}", n_cases, seed=seed)


def fill(url: str, n_cases: int, *, seed: int = 2022) -> None:
    """Migrate the (empty) store at ``url`` for real and bulk-insert the simulated population."""
    from milcourt.store import open_store
    from milcourt.store import schema as s

    open_store(url).close()
    pool = act_pool()
    rows = _rows(population(n_cases, seed), pool, seed)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA synchronous = OFF")
        for name in ("proceedings", "snapshots", "cases", "case_versions", "persons", "charges",
                     "proceeding_keys", "acts", "act_facts", "act_motives"):
            table = s.metadata.tables[name]
            batch = rows.get(name, [])
            for start in range(0, len(batch), CHUNK):
                conn.execute(table.insert(), batch[start:start + CHUNK])
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE")  # autovacuum would, a little later
    engine.dispose()


def describe(url: str) -> str:
    """One line saying what the store holds (for the benchmarks' output)."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
                  for t in ("cases", "acts", "act_facts", "charges")}
    engine.dispose()
    return json.dumps(counts)
