"""Run every benchmark: each ``bench/bench_*.py`` module's ``run()`` prints its figures.

``python -m bench`` runs them all; ``python -m bench parse store`` runs only those named.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    names = sorted(p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py"))
    wanted = [n for n in names if not argv or n in argv]
    failed = 0
    for name in wanted:
        print(f"== bench {name}", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        ok = module.run()
        print(f"== bench {name}: {'ok' if ok is not False else 'BELOW TARGET'} "
              f"({time.perf_counter() - started:.1f}s)", flush=True)
        failed += ok is False
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
