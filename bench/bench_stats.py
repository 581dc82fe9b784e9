"""`milcourt stats` on a store of 100,000 simulated cases: every query under 2 s (issue 7).

The store comes from bench/bigstore.py (cached in the temp dir); the same population is then
loaded into a throwaway PostgreSQL server (as the tests start one) and timed there too. Each answer is what the CLI
computes (``run_stats`` with the CLI's options, plus the coverage every answer carries), timed
cold (first run on a fresh connection) and then warm; the target applies to the slower of the two.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

TARGET_SECONDS = 2.0
N_CASES = 100_000
QUERIES = {
    "--by month,article": {"by": ["month", "article"]},
    "--by court,month,article --instance first": {"by": ["court", "month", "article"], "instance": "first"},
    "--by article,part,sentence_kind": {"by": ["article", "part", "sentence_kind"]},
    "--by motive": {"by": ["motive"]},
    "--by district,year --article 337.5": {"by": ["district", "year"], "article": "337.5"},
}


def _time_queries(url: str, backend: str) -> bool:
    import sqlalchemy as sa

    from milcourt.stats.coverage import coverage
    from milcourt.stats.query import StatsQuery, run_stats

    ok = True
    for label, options in QUERIES.items():
        engine = sa.create_engine(url)
        times, query_times = [], []
        for _ in range(2):
            with engine.connect() as conn:
                started = time.perf_counter()
                rows = run_stats(conn, StatsQuery(include_synthetic=True, **options))  # type: ignore[arg-type]
                query_times.append(time.perf_counter() - started)
                coverage(conn, include_synthetic=True)
                times.append(time.perf_counter() - started)
        engine.dispose()
        worst = max(times)
        ok &= worst < TARGET_SECONDS
        print(f"{backend}: milcourt stats {label} --include-synthetic: {len(rows)} rows, "
              f"cold {times[0]:.2f} s, warm {times[1]:.2f} s (figures {min(query_times):.2f} s + coverage; "
              f"target < {TARGET_SECONDS:.0f} s){'' if worst < TARGET_SECONDS else '  ABOVE TARGET'}", flush=True)
    return ok


def run() -> bool:
    from bench import bigstore

    url = bigstore.ensure_store(N_CASES)
    print(f"store {url}: {bigstore.describe(url)}")
    ok = _time_queries(url, "SQLite")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    try:
        from pg import PostgresServer

        server = PostgresServer().start()
    except Exception as exc:  # noqa: BLE001 - reported, as bench_store does
        print(f"PostgreSQL not measured: {exc}")
        return ok
    try:
        pg_url = str(server.new_database())
        started = time.perf_counter()
        bigstore.fill(pg_url, N_CASES)
        print(f"PostgreSQL store filled in {time.perf_counter() - started:.0f} s: {bigstore.describe(pg_url)}")
        ok &= _time_queries(pg_url, "PostgreSQL")
    finally:
        server.stop()
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
