"""What monitoring costs: a simulated month of daily ``milcourt watch --once`` rounds.

The realistic simulator (faults on, all 111 military courts served) moves on a day before each
round (new cases, decisions, acts, appeals, removals; ``milcourt.simulate.evolve``). Printed per
round: requests, listing pages, cards fetched, changes found; and the bound each daily round must
meet: requests <= 1.2 x (listing pages + cards whose listing row changed + refresh budget). At the
end the store must equal the simulated sites: every case on them stored with its dates and
result, every case taken off them marked removed. Last, what a daily round of the 111 military
courts costs at the platform rate (1 request / 1.5 s across all sudrf hosts).

Sizes: ``BENCH_WATCH_CASES`` (default 1000 first-instance cases; the demo has 3000), ``BENCH_WATCH_DAYS`` (30),
``BENCH_WATCH_BUDGET`` (50 refreshes a round; ``--refresh-days 0`` so the whole budget is spent
every round, the dearest case).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PLATFORM_SECONDS_PER_REQUEST = 1.5
ROW_CHANGING = ("new", "decided", "new_act", "result_changed")


def _round(url: str, db: str, budget: int) -> dict[str, Any]:
    cmd = [sys.executable, "-c", "from milcourt.cli import main; main()", "watch", "--once", "--base-url", url,
           "--db", db, "--rate", "100", "--backoff", "0.05", "--budget", str(budget), "--refresh-days", "0",
           "--platform-rate", "100", "--platform-pause", "0.5",
           "--json"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, env=env)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _store_equals_sites(db: str, world: Any) -> list[str]:
    """Differences between the store and the simulated sites (empty when equal)."""
    from milcourt.store import open_store
    from milcourt.store.schema import cases

    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            rows = {(r.court_code, r.number, r.instance): r for r in conn.execute(cases.select())}
    finally:
        store.close()
    problems = []
    for case in world.population.cases:
        key = (case.court, case.number.upper(), case.instance)
        row = rows.get(key)
        gone = world.plan.is_removed(case.key())
        if row is None:
            problems.append(f"missing {key}")
        elif gone != (row.removed_from_source is not None):
            problems.append(f"{key}: removed on the site {gone}, in the store {row.removed_from_source}")
        elif (row.received, row.decided, row.result) != (case.received, case.decided, case.result):
            problems.append(f"{key}: store {(row.received, row.decided, row.result)} vs site "
                            f"{(case.received, case.decided, case.result)}")
    known = {(c.court, c.number.upper(), c.instance) for c in world.population.cases}
    problems += [f"not on the sites {k}" for k in rows if k not in known]
    return problems


def _found(db: str, run_id: int) -> set[tuple[str, str, str, str]]:
    from milcourt.store import open_store
    from milcourt.store.changes import run_changes

    store = open_store(db)
    try:
        return {(c["court_code"], c["number"], c["instance"], c["kind"]) for c in run_changes(store.engine, run_id)}
    finally:
        store.close()


def run() -> bool:
    from milcourt.simulate.evolve import World, expected_changes
    from milcourt.simulate.faults import FaultConfig, FaultPlan
    from milcourt.simulate.population import generate
    from milcourt.simulate.server import CourtServer, SimulatedCourts

    cases = int(os.environ.get("BENCH_WATCH_CASES", "1000"))
    days = int(os.environ.get("BENCH_WATCH_DAYS", "30"))
    budget = int(os.environ.get("BENCH_WATCH_BUDGET", "50"))
    population = generate(seed=1, cases=cases)
    plan = FaultPlan.build(population, FaultConfig("realistic"))
    sim = SimulatedCourts(population, plan, row_limit=100)
    world = World(population, plan)
    sim.evolve(world)
    server = CourtServer(sim).start()
    ok = True
    keep = os.environ.get("BENCH_WATCH_KEEP")  # a directory to keep the store in, for a look afterwards
    with tempfile.TemporaryDirectory(prefix="bench-watch-") as scratch:
        tmp = keep or scratch
        db = f"sqlite:///{tmp}/milcourt.db"
        os.environ["MILCOURT_HOME"] = tmp
        try:
            started = time.perf_counter()
            first = _round(server.url, db, budget)
            print(f"first round: {first['requests']} requests, {first['pages']}, {first.get('new')} new cases, "
                  f"{time.perf_counter() - started:.0f}s")
            costs = []
            late: set[tuple[str, str, str, str]] = set()  # changes a round missed (a court behind a gate)
            exact_rounds = 0
            print("day        requests  listing  cards  row-changed  changes(new/changed/removed)  bound   ok")
            for _day in range(days):
                with urllib.request.urlopen(server.url + "/_sim/next-crawl", timeout=30) as answer:
                    record = json.loads(answer.read())
                result = _round(server.url, db, budget)
                listing = result["pages"].get("search", 0)
                row_changed = len(record["new"]) + sum(
                    1 for _key, kinds in record["changed"] if any(k in ROW_CHANGING for k in kinds))
                bound = 1.2 * (listing + row_changed + budget)
                fits = result["requests"] <= bound
                ok &= fits
                costs.append(result["requests"])
                expected, found = expected_changes(record), _found(db, result["run"])
                missed, extra = expected - found, found - expected
                exact_rounds += not missed and not extra
                if missed or extra:
                    print(f"  round differs from the sites' record: missed {sorted(missed)[:4]} "
                          f"extra {sorted(extra)[:4]}")
                late |= missed
                print(f"{record['day']} {result['requests']:9d} {listing:8d} {result['pages'].get('card', 0):6d} "
                      f"{row_changed:12d}  {result.get('new', 0):3d}/{result.get('changed', 0):3d}/"
                      f"{result.get('removed', 0):3d} (sites: {len(record['new'])}/{len(record['changed'])}/"
                      f"{len(record['removed'])})  {bound:6.0f}  {'yes' if fits else 'NO'}")
            print(f"rounds whose change set equals the sites' record exactly: {exact_rounds} of {days}")
            problems = _store_equals_sites(db, world)
            ok &= not problems
            print(f"after {days} days: store equals the simulated sites: {'yes' if not problems else 'NO'} "
                  f"({len(world.population.cases)} cases; {len(problems)} differences) {problems[:5]}")
            mean = sum(costs) / max(len(costs), 1)
            print(f"daily round, mean {mean:.0f} requests (min {min(costs)}, max {max(costs)}) for "
                  f"{len(world.population.cases)} cases in the 111 military courts served")
            print(f"at the platform rate (1 request / {PLATFORM_SECONDS_PER_REQUEST} s across all hosts): "
                  f"{mean * PLATFORM_SECONDS_PER_REQUEST / 60:.0f} minutes a day "
                  f"(vs {first['requests'] * PLATFORM_SECONDS_PER_REQUEST / 3600:.1f} h for the first full crawl)")
        finally:
            server.stop()
    return ok
