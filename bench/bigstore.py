"""A store of 100,000 simulated cases for the dashboard and stats benchmarks, built in a minute.

Ingesting 100k pages through the parser would take hours, so this writes realistic rows straight
into the store's tables (SQLAlchemy Core executemany) after the real migrations created them
(the courts table is filled by the migration). The population is the simulator's
(``milcourt.simulate.population.generate``): first-instance cases 2022-09..2025-06 in the shape of
the national series, articles 337/338/332/339/352.1 in published proportions, ~100 garrison
courts of very unequal size, appeals at the district courts keeping the first-instance UID.
Where the simulator published an act, the case gets a realistic text from tests/acts/corpus of
the same article and instance (name-free, unlike the simulator's own acts, which carry invented
names for the pseudonymiser to find), with the facts, spans and motives the real extractor reads
from it (extracted once per text). Every record is marked synthetic. Stores are cached under the
temp dir, keyed by size and by the builder's and the schema's versions.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

BUILDER_VERSION = 3
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "acts" / "corpus"
FETCHED = datetime(2025, 7, 15, 3, 0)  # the simulator's "today" (population.AS_OF)
#: Cases per first-instance case in the simulator's population (its appeals), to size a store.
CASES_PER_FIRST = 1.239
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


def population(n_cases: int, seed: int) -> list[dict[str, Any]]:
    """The simulator's population as case dicts, first instance then appeals, ``n_cases`` at most.

    First-instance cases that were not appealed are dropped from the end to hit the size exactly.
    """
    from milcourt.simulate.population import generate
    from milcourt.simulate.registry import military_courts

    courts = {c.code: c for c in military_courts()}
    sim = generate(seed=seed, cases=int(n_cases / CASES_PER_FIRST) + 1)
    appealed = {id(c.lower) for c in sim.cases if c.lower is not None}
    firsts = [c for c in sim.cases if c.instance == "first"]
    appeals = [c for c in sim.cases if c.instance != "first"]
    extra = len(firsts) + len(appeals) - n_cases
    if extra > 0:
        drop = {id(c) for c in [c for c in firsts if id(c) not in appealed][-extra:]}
        firsts = [c for c in firsts if id(c) not in drop]
    out: dict[int, dict[str, Any]] = {}
    for case in firsts + appeals:
        out[id(case)] = {
            "court": courts[case.court], "instance": case.instance, "number": case.number, "uid": case.uid,
            "received": case.received, "decided": case.decided, "result": case.result, "judge": case.judge,
            "charges": list(dict.fromkeys(case.articles)), "has_act": case.act is not None,
            "lower": out[id(case.lower)] if case.lower is not None else None,
        }
    return list(out.values())


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
            "judge": case["judge"], "decided": case["decided"],
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
        if not (case["has_act"] and choices):
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
