"""`milcourt stats` on a store of 100,000 simulated cases: every query under 2 s (issue 7).

The store comes from bench/bigstore.py (cached in the temp dir). Each answer is what the CLI
computes (``run_stats`` with the CLI's options, plus the coverage every answer carries), timed
cold (first run on a fresh connection) and then warm; the target applies to the slower of the two.
"""

from __future__ import annotations

import time

TARGET_SECONDS = 2.0
N_CASES = 100_000
QUERIES = {
    "--by month,article": {"by": ["month", "article"]},
    "--by court,month,article --instance first": {"by": ["court", "month", "article"], "instance": "first"},
    "--by article,part,sentence_kind": {"by": ["article", "part", "sentence_kind"]},
    "--by motive": {"by": ["motive"]},
    "--by district,year --article 337.5": {"by": ["district", "year"], "article": "337.5"},
}


def run() -> bool:
    import sqlalchemy as sa

    from bench import bigstore
    from milcourt.stats.coverage import coverage
    from milcourt.stats.query import StatsQuery, run_stats

    url = bigstore.ensure_store(N_CASES)
    print(f"store {url}: {bigstore.describe(url)}")
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
        print(f"milcourt stats {label} --include-synthetic: {len(rows)} rows, "
              f"cold {times[0]:.2f} s, warm {times[1]:.2f} s (figures {min(query_times):.2f} s + coverage; "
              f"target < {TARGET_SECONDS:.0f} s){'' if worst < TARGET_SECONDS else '  ABOVE TARGET'}", flush=True)
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
